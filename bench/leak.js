// @ts-check
/**
 * Does an element leave anything behind when it leaves the page? Each element is mounted, left until
 * it shows its data (`vitrine-data-load`; two frames for those that fetch nothing), and removed, `cycles`
 * times (default 200), in one page of the CDN build (dist/cdn) against the local portal. Before and
 * after, after a forced garbage collection (CDP HeapProfiler.collectGarbage, twice): the main thread's
 * JS heap (Runtime.getHeapUsage) and the DOM counters (Memory.getDOMCounters: nodes, event listeners).
 * Five cycles first warm the caches (element code, engines, the HTTP client's answers).
 * The heap also grows by what V8 compiles (optimised code for the paths the cycles take: heap
 * snapshots show InstructionStream, TrustedByteArray… and nothing of the element) and by the browser's
 * bounded performance-entry buffers; that growth slows down as the cycles go on, a leak does not. So
 * the heap is read after the first half of the cycles too, and a heap snapshot is taken then and at
 * the end: the verdict counts what the second half left in the snapshot's JavaScript objects (objects,
 * closures, arrays, strings; not compiled code, not the engine's own "system" entries, not native
 * performance entries). "GROWS" when that is more than 1 KB per cycle, or when more than one DOM node
 * or event listener per cycle stayed over the whole run.
 * Usage: `node bench/leak.js [cycles] [element…]`, e.g. `node bench/leak.js 50 map chart`.
 * @module
 */
import { chromium } from 'playwright-core';
import { startPortal } from '../demo/portal/server.js';
import { startStaticServer, strictCsp } from '../scripts/static-server.js';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.js';
import { kb, machine, table } from './lib.js';

/**
 * Each element as a page would write it; `bound` ones go inside the page's <vitrine-source id="s">.
 * @param {string} portal
 * @returns {Record<string, { html: string, waits: boolean }>}
 */
const ELEMENTS = (portal) => {
  const communes = `${portal}/explore/dataset/communes-france/`;
  return {
    figure: {
      html: `<vitrine-figure src="${communes}" value="sum(population)" label="Habitants"></vitrine-figure>`,
      waits: true,
    },
    chart: {
      html: `<vitrine-chart src="${communes}" x="departement" y="sum(population)" sort="-y" limit="10"></vitrine-chart>`,
      waits: true,
    },
    map: {
      html: `<vitrine-map src="${portal}/explore/dataset/us-airports/" filter="state = CA"></vitrine-map>`,
      waits: true,
    },
    table: {
      html: `<vitrine-table src="${communes}" columns="nom,population" sort="-population"></vitrine-table>`,
      waits: true,
    },
    filter: { html: `<vitrine-filter source="s" field="region"></vitrine-filter>`, waits: true },
    search: { html: `<vitrine-search source="s"></vitrine-search>`, waits: false },
    filters: { html: `<vitrine-filters source="s"></vitrine-filters>`, waits: false },
    source: { html: `<vitrine-source id="s2" src="${communes}"></vitrine-source>`, waits: false },
  };
};

/** @param {string} portal */
const page = (portal) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>leak</title>
<link rel="icon" href="data:,"><script type="module" src="/dist/cdn/vitrine.js"></script></head><body>
<vitrine-source id="s" src="${portal}/explore/dataset/communes-france/"></vitrine-source>
<div id="stage" style="width: 800px"></div></body></html>`;

/**
 * In the page: mounts and removes one element `n` times.
 * @param {{ html: string, waits: boolean, n: number }} options
 */
async function cycle({ html, waits, n }) {
  const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < n; i++) {
    const holder = document.createElement('template');
    holder.innerHTML = html;
    const element = /** @type {HTMLElement} */ (holder.content.firstElementChild);
    const shown = waits
      ? new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${element.tagName}: no data within 20 s`)), 20000);
          element.addEventListener('vitrine-data-load', () => (clearTimeout(timer), resolve(undefined)), {
            once: true,
          });
          element.addEventListener('vitrine-data-error', (e) =>
            reject(new Error(String(/** @type {any} */ (e).error))),
          );
        })
      : Promise.resolve();
    stage.append(element);
    await shown;
    await frame();
    await frame();
    element.remove();
  }
  await frame();
}

/**
 * @param {number} cycles
 * @param {string[]} [only] element names (figure, chart…); default all
 * @param {(line: string) => void} [progress]
 */
export async function benchLeak(cycles = 200, only = [], progress = () => undefined) {
  const portal = await startPortal({ port: 0, quiet: true });
  const elements = ELEMENTS(portal.url);
  const site = await startStaticServer({
    mounts: { '/dist/': 'dist' },
    headers: {
      'Content-Security-Policy': strictCsp(portal.url).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    },
    dynamic: async (path) =>
      path === '/leak.html' ? { type: 'text/html; charset=utf-8', body: page(portal.url) } : undefined,
  });
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  /** @type {{ name: string, cycles: number, seconds: number, before: number, middle: number, after: number, latePerCycle: number, objectsPerCycle: number, nodes: number, listeners: number, grows: boolean }[]} */
  const rows = [];
  try {
    for (const [name, element] of Object.entries(elements)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      /** @type {string[]} */
      const errors = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`${site.url}/leak.html`);
      const snapshot = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await new Promise((resolve) => setTimeout(resolve, 100));
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage')).usedSize;
        const dom = /** @type {{ nodes: number, jsEventListeners: number }} */ (
          await cdp.send('Memory.getDOMCounters')
        );
        return { heap, nodes: dom.nodes, listeners: dom.jsEventListeners };
      };
      /** Self size of the JavaScript objects in a heap snapshot (see above). */
      const objects = async () => {
        /** @type {string[]} */
        const chunks = [];
        const onChunk = (/** @type {{ chunk: string }} */ e) => chunks.push(e.chunk);
        cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
        const snap = JSON.parse(chunks.join(''));
        const fields = snap.snapshot.meta.node_fields;
        const types = snap.snapshot.meta.node_types[0];
        const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
        const JS = new Set([
          'object',
          'closure',
          'array',
          'regexp',
          'string',
          'concatenated string',
          'sliced string',
          'number',
        ]);
        let bytes = 0;
        for (let i = 0; i < snap.nodes.length; i += fields.length) {
          if (!JS.has(types[snap.nodes[i + TYPE]])) continue;
          if (String(snap.strings[snap.nodes[i + NAME]]).startsWith('system /')) continue;
          bytes += snap.nodes[i + SIZE];
        }
        return bytes;
      };
      await tab.evaluate(cycle, { ...element, n: 5 });
      const before = await snapshot();
      const t0 = performance.now();
      await tab.evaluate(cycle, { ...element, n: Math.floor(cycles / 2) });
      const middle = await snapshot();
      const objectsMiddle = await objects();
      await tab.evaluate(cycle, { ...element, n: cycles - Math.floor(cycles / 2) });
      const seconds = (performance.now() - t0) / 1000;
      const after = await snapshot();
      const objectsAfter = await objects();
      await context.close();
      if (errors.length > 0) throw new Error(`${name}: ${errors.join('\n')}`);
      const lateCycles = cycles - Math.floor(cycles / 2);
      const lateObjects = (objectsAfter - objectsMiddle) / lateCycles;
      const nodes = after.nodes - before.nodes;
      const listeners = after.listeners - before.listeners;
      rows.push({
        name: `vitrine-${name}`,
        cycles,
        seconds,
        before: before.heap,
        middle: middle.heap,
        after: after.heap,
        latePerCycle: (after.heap - middle.heap) / lateCycles,
        objectsPerCycle: lateObjects,
        nodes,
        listeners,
        grows: lateObjects > 1024 || nodes > cycles || listeners > cycles,
      });
      progress(`  vitrine-${name}: ${cycles} cycles in ${seconds.toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    await portal.close();
    await new Promise((resolve) => site.server.close(resolve));
  }
  return rows;
}

/** @param {Awaited<ReturnType<typeof benchLeak>>} rows */
export function printLeak(rows) {
  return table(
    [
      'element',
      'cycles',
      's',
      'heap before KB',
      'half-way KB',
      'after KB',
      '2nd half B/cycle',
      'JS objects B/cycle',
      'DOM nodes Δ',
      'listeners Δ',
      'verdict',
    ],
    rows.map((r) => [
      r.name,
      r.cycles,
      r.seconds.toFixed(1),
      kb(r.before),
      kb(r.middle),
      kb(r.after),
      r.latePerCycle.toFixed(0),
      r.objectsPerCycle.toFixed(0),
      r.nodes,
      r.listeners,
      r.grows ? 'GROWS' : 'flat (noise)',
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const cycles = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
  const only = args.filter((a) => !/^\d+$/.test(a));
  console.log(`Vitrine leak bench — ${machine()}`);
  console.log(`each element mounted, shown and removed ${cycles} times; heap after forced GC\n`);
  console.log(printLeak(await benchLeak(cycles, only, (l) => console.error(l))));
}
