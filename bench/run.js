// @ts-check
/**
 * `npm run bench`: every benchmark, one table per section, under one heading with the date and the
 * machine. `node bench/run.js size|page|throttled|scale|leak|portal|map …` runs only those parts:
 * `page` is the four pages without network throttling, `throttled` the same pages under Lighthouse's
 * mobile "slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; fewer runs); every server gzips in
 * both (bench/browser.js states the method). Run
 * `npm run build` first (the browser benchmarks load dist/cdn); the peer's pages are built on first
 * use into bench/.out (a couple of minutes once, then reused).
 * Timings on a shared machine are noisy: each is a median after a warm-up, and the load average at
 * the start is printed with the machine.
 */
import { benchPortal } from './portal.js';
import { benchMap } from './map.js';
import { benchSize, printSize } from './size.js';
import { benchPage, benchThrottled, printSides, THROTTLED_TITLE } from './page.js';
import { benchScale } from './scale.js';
import { benchLeak, printLeak } from './leak.js';
import { PEER_VERSIONS } from './peer-build.js';
import { machine } from './lib.js';

const PARTS = ['size', 'page', 'throttled', 'scale', 'leak', 'portal', 'map'];
const asked = process.argv.slice(2).filter((a) => PARTS.includes(a));
const unknown = process.argv.slice(2).filter((a) => !PARTS.includes(a));
if (unknown.length > 0) {
  console.error(`Unknown part: ${unknown.join(', ')}. Parts: ${PARTS.join(', ')}.`);
  process.exit(2);
}
const parts = asked.length > 0 ? asked : PARTS;
const progress = (/** @type {string} */ line) => console.error(line);
const PAGE_RUNS = 5;
const THROTTLED_RUNS = 3;
const SCALE_RUNS = 3;
const LEAK_CYCLES = 200;

console.log(`Vitrine benchmarks — ${machine()}`);
console.log(`Peer: ${PEER_VERSIONS}. Ratios are peer ÷ Vitrine (above 1×: Vitrine is smaller, faster or lighter).\n`);

for (const part of parts) {
  const started = Date.now();
  console.error(`▶ ${part}`);
  if (part === 'size') {
    console.log(`■ Size\n${printSize(await benchSize(progress))}`);
  } else if (part === 'page') {
    console.log(`■ Pages, cold cache, median of ${PAGE_RUNS} runs after a warm-up, no network throttling, gzip`);
    console.log(printSides(await benchPage(PAGE_RUNS, progress)));
  } else if (part === 'throttled') {
    console.log(
      `■ ${THROTTLED_TITLE}, 750 kbit/s up, cold cache, median of ${THROTTLED_RUNS} runs after a warm-up, gzip`,
    );
    console.log(printSides(await benchThrottled(THROTTLED_RUNS, progress)));
  } else if (part === 'scale') {
    console.log(`■ At scale, cold cache, median of ${SCALE_RUNS} runs after a warm-up`);
    console.log(printSides(await benchScale(SCALE_RUNS, progress)));
  } else if (part === 'leak') {
    console.log(`■ Leaks: each element mounted, shown and removed ${LEAK_CYCLES} times; JS heap after forced GC`);
    console.log(printLeak(await benchLeak(LEAK_CYCLES, [], progress)));
  } else if (part === 'portal') {
    console.log('■ Local portal over HTTP (ms, median / p95 of 15 runs after a warm-up)');
    for (const r of await benchPortal()) {
      console.log(
        `  ${r.name.padEnd(66)} ${r.median.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KB`,
      );
    }
  } else if (part === 'map') {
    console.log('■ vitrine-map, 42,049 zip codes as clusters (dist/cdn, strict CSP, cold cache, median of 5 runs)');
    for (const row of await benchMap()) {
      const total = Object.values(row.bytes).reduce((s, b) => ({ raw: s.raw + b.raw, gzip: s.gzip + b.gzip }), {
        raw: 0,
        gzip: 0,
      });
      console.log(
        `  ${row.name.padEnd(50)} first render ${row.ms.toFixed(0).padStart(6)} ms, ${(total.raw / 1024).toFixed(0)} KB moved (${(total.gzip / 1024).toFixed(0)} KB gzip)`,
      );
    }
  }
  console.log(`(${part}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
