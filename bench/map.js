// @ts-check
/**
 * Time to first render and bytes moved of `vitrine-map` with the 42,049 US zip codes as clusters, as a
 * page gets it: the CDN build (dist/cdn, run `npm run build` first) served with the demo's strict
 * Content-Security-Policy, the local portal on another origin, headless Chromium (software WebGL).
 * Each run is a fresh browser context (cold HTTP cache). "First render" is the map's
 * `vitrine-data-load` event: the data is drawn and the map is idle.
 *
 * Two cases: clusters made in the browser (maplibre's, from the GeoJSON export), and clusters made by
 * the portal (`max-points` below the record count: `geo_cluster` at each zoom level).
 * Bytes are what crossed the wire (the local servers do not compress) and what gzip would make of it.
 * Usage: `node bench/map.js [runs]` (default 5, after one warm-up).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startPortal } from '../demo/portal/server.js';
import { startStaticServer, strictCsp } from '../scripts/static-server.js';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.js';

const RUNS = Number(process.argv[2] ?? 5);

/** @type {[string, string][]} */
const CASES = [
  ['clusters in the browser (GeoJSON export)', 'mode="clusters"'],
  ['clusters by the portal (geo_cluster per zoom)', 'mode="clusters" max-points="10000"'],
];

/** @param {string} portal @param {string} attributes */
const page = (portal, attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>bench</title><script type="module" src="/dist/cdn/vitrine.js"></script></head><body>
<vitrine-map ${attributes} src="${portal}/explore/dataset/us-zipcodes/"></vitrine-map>
</body></html>`;

/** @param {number[]} values */
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** @param {string} url @param {string} portal */
function category(url, portal) {
  const u = new URL(url);
  if (u.pathname.endsWith('maplibre-gl-worker.mjs')) return 'maplibre worker';
  if (u.pathname.startsWith('/dist/cdn/')) return 'JavaScript (dist/cdn)';
  if (u.origin === new URL(portal).origin)
    return u.pathname.includes('/exports/') ? 'data: GeoJSON export' : 'data: API';
  return 'other';
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} portal
 */
async function run(browser, url, portal) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  /** @type {Promise<void>[]} */
  const pending = [];
  /** @type {Record<string, { raw: number, gzip: number, requests: number }>} */
  const bytes = {};
  tab.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const key = category(request.url(), portal);
        const entry = (bytes[key] ??= { raw: 0, gzip: 0, requests: 0 });
        entry.raw += body.length;
        entry.gzip += gzipSync(body, { level: 6 }).length;
        entry.requests += 1;
      })(),
    );
  });
  const errors = /** @type {string[]} */ ([]);
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(url);
  const result = await tab.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const map = /** @type {HTMLElement & { engine?: any }} */ (document.querySelector('vitrine-map'));
        const timer = setTimeout(() => reject(new Error('no vitrine-data-load within 60 s')), 60000);
        const done = () => {
          clearTimeout(timer);
          const layers = ['vitrine-clusters', 'vitrine-points'];
          const features = map.engine?.queryRenderedFeatures({ layers }) ?? [];
          const ends = performance
            .getEntriesByType('resource')
            .map((e) => [e.name, /** @type {PerformanceResourceTiming} */ (e).responseEnd]);
          const last = (/** @type {RegExp} */ re) =>
            Math.max(0, ...ends.filter(([n]) => re.test(String(n))).map(([, t]) => Number(t)));
          resolve({
            ms: performance.now(),
            clusters: features.length,
            engine: last(/chunks\/engine-/),
            data: last(/\/(records|exports)/),
          });
        };
        map.addEventListener('vitrine-data-load', done, { once: true });
        map.addEventListener('vitrine-data-error', (e) => reject(new Error(String(/** @type {any} */ (e).error))));
      }),
  );
  await Promise.all(pending);
  await context.close();
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return { .../** @type {{ ms: number, clusters: number, engine: number, data: number }} */ (result), bytes };
}

/** Runs every case and prints a table; returns the rows. */
export async function benchMap() {
  if (!existsSync('dist/cdn/vitrine.js') || !existsSync('dist/cdn/chunks/maplibre-gl-worker.mjs')) {
    throw new Error('Run `npm run build` first: the benchmark loads dist/cdn.');
  }
  const portal = await startPortal({ port: 0, quiet: true });
  const demo = await startStaticServer({
    mounts: { '/dist/': 'dist' },
    headers: { 'Content-Security-Policy': strictCsp(portal.url) },
    dynamic: async (path) => {
      const index = Number(/^\/bench-(\d+)\.html$/.exec(path)?.[1] ?? NaN);
      const entry = CASES[index];
      return entry ? { type: 'text/html; charset=utf-8', body: page(portal.url, entry[1]) } : undefined;
    },
  });
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  const rows = [];
  try {
    for (const [index, [name]] of CASES.entries()) {
      const url = `${demo.url}/bench-${index}.html`;
      await run(browser, url, portal.url); // warm-up: the portal loads the dataset, the OS caches files
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(browser, url, portal.url));
      rows.push({
        name,
        ms: median(runs.map((r) => r.ms)),
        engine: median(runs.map((r) => r.engine)),
        data: median(runs.map((r) => r.data)),
        clusters: runs[0]?.clusters ?? 0,
        bytes: runs[0]?.bytes ?? {},
      });
    }
  } finally {
    await browser.close();
    await portal.close();
    await new Promise((resolve) => demo.server.close(resolve));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchMap();
  console.log(`vitrine-map: 42,049 zip codes as clusters, dist/cdn, cold cache, median of ${RUNS} runs\n`);
  for (const row of rows) {
    console.log(`${row.name}: first render ${row.ms.toFixed(0)} ms, ${row.clusters} clusters and points drawn`);
    console.log(
      `  maplibre chunk received at ${row.engine.toFixed(0)} ms, last data answer at ${row.data.toFixed(0)} ms`,
    );
    let raw = 0;
    let gzip = 0;
    for (const [what, b] of Object.entries(row.bytes).sort()) {
      raw += b.raw;
      gzip += b.gzip;
      console.log(
        `  ${what.padEnd(30)} ${String(b.requests).padStart(3)} req ${(b.raw / 1024).toFixed(1).padStart(9)} KB ${(b.gzip / 1024).toFixed(1).padStart(8)} KB gzip`,
      );
    }
    console.log(
      `  ${'total'.padEnd(38)} ${(raw / 1024).toFixed(1).padStart(9)} KB ${(gzip / 1024).toFixed(1).padStart(8)} KB gzip\n`,
    );
  }
}
