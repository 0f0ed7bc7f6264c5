// @ts-check
/**
 * `npm run bench`: every benchmark, printed as tables, with the date and the machine. Run
 * `npm run build` first (the map benchmark loads dist/cdn).
 */
import os from 'node:os';
import { benchPortal } from './portal.js';
import { benchMap } from './map.js';

console.log(
  `Vitrine benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
const rows = await benchPortal();
console.log('Local portal over HTTP (ms, median / p95 of 15 runs after a warm-up)');
for (const r of rows) {
  console.log(
    `  ${r.name.padEnd(66)} ${r.median.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KB`,
  );
}

console.log('\nvitrine-map, 42,049 zip codes as clusters (dist/cdn, strict CSP, cold cache, median of 5 runs)');
for (const row of await benchMap()) {
  const total = Object.values(row.bytes).reduce((s, b) => ({ raw: s.raw + b.raw, gzip: s.gzip + b.gzip }), {
    raw: 0,
    gzip: 0,
  });
  console.log(
    `  ${row.name.padEnd(50)} first render ${row.ms.toFixed(0).padStart(6)} ms, ${(total.raw / 1024).toFixed(0)} KB moved (${(total.gzip / 1024).toFixed(0)} KB gzip)`,
  );
}
