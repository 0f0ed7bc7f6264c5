// @ts-check
/**
 * The browser side of the page benchmarks: the local portal, a static server for Vitrine's CDN build
 * and the peer's bundles, headless Chromium, and `measure()`, which loads one page in a fresh browser
 * context (cold HTTP cache) and returns when every widget shows its data.
 *
 * "Shows its data":
 * - Vitrine: every data element but the map (figure, chart, table, filter) has fired `vitrine-data-load`
 *   and the `[part~=base]` element of its shadow root says `aria-busy="false"`;
 * - peer: the page's code handed each widget its data (a one-line hook, bench/peer/common.js), and then
 *   the rendered output shows it: a KpiCard's `.kpi-card__value-number` holds a number, a Chart's canvas
 *   has drawn pixels, a Table has body rows;
 * - maps, on both sides alike: the first animation frame whose WebGL canvas shows points (the
 *   maplibre canvas in vitrine-map's shadow root, in the peer's PoiMap container), read back by drawing
 *   it onto a small 2D canvas, with `preserveDrawingBuffer` forced on for every WebGL context of both
 *   sides' pages (it costs both the same). Vitrine's `vitrine-data-load` for a map waits for
 *   maplibre's `idle` (everything loaded, transitions done), which can come after that frame: it is
 *   not part of the time, only recorded for information (`mapIdleMs`, after every other measure), next
 *   to the frame at which the last map showed points (`mapShownMs`, both sides). Errors
 *   (`vitrine-data-error`) still fail a Vitrine page whatever its canvas shows.
 * The peer's pages are served with the same Content-Security-Policy as Vitrine's but for
 * `style-src 'unsafe-inline'`, which its Svelte components need (they write style attributes).
 * Both checks run at each animation frame from the start of the page, so both sides are timed the same
 * way (to the frame, ~16 ms).
 *
 * Serving and bytes: the three servers (Vitrine's static files, the peer's, the portal) compress as a
 * production site would (gzip level 6 for text, JavaScript, CSS, JSON, GeoJSON and CSV bodies above
 * 1 KB, as the browser's `Accept-Encoding` allows: demo/portal/compress.js). Bytes are counted per
 * request from what Chromium reports once it finished (CDP `Network.loadingFinished`
 * `encodedDataLength`, through Playwright's `request.sizes()`): the body as transferred (gzip when it
 * was compressed) and the response headers; the decoded size is the body itself. CDP reports 0 for a
 * dedicated worker's script (the browser fetches it for the page): its `Content-Length` stands in.
 * Requests are HTTP requests: a worker started from a blob: URL (the peer's maplibre 2) is neither a
 * request nor bytes. Sizes are read after the page showed its data, so reading them costs the page
 * nothing.
 *
 * Network: none by default (every server is on this machine: bytes cost parse and compile time, not
 * transfer time). The throttled profile (`THROTTLED`) is Lighthouse's mobile "slow 4G": 150 ms of
 * latency added to each request, 1,638.4 kbit/s down, 750 kbit/s up, set with CDP
 * `Network.emulateNetworkConditions` on the page's own CDP session before it navigates. It applies to
 * every request of the page: the document, module scripts and their imports, stylesheets, fetches, and
 * requests of its dedicated workers (whose script fetch the page starts; checked: a module script, its
 * import, a fetch and a worker's fetch each took ~150 ms longer than unthrottled). It is Chromium's
 * request-level throttling: the latency is added once per request (no TCP or TLS handshakes, no slow
 * start), the servers speak HTTP/1.1 (at most 6 connections per origin, as a browser allows).
 * @module
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startPortal } from '../demo/portal/server.js';
import { startStaticServer, strictCsp } from '../scripts/static-server.js';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.js';
import { OUT } from './peer-build.js';
import { PAGE_CSS, peerPage, vitrinePage } from './scenarios.js';
import { median } from './lib.js';

/** @typedef {import('./scenarios.js').Scenario} Scenario */
/** @typedef {'vitrine' | 'peer'} Side */

/**
 * @typedef {object} PageResult
 * @property {number} ms time from navigation start until every widget shows data
 * @property {number} mapShownMs the frame at which the last map showed points (NaN: no map)
 * @property {number} mapIdleMs Vitrine only: when the last map fired `vitrine-data-load`, i.e. maplibre's
 *   `idle` after drawing (NaN: no map, the peer, or not within 30 s); not part of `ms`
 * @property {number} requests every HTTP request the page made (page, code, data)
 * @property {number} dataRequests requests to the portal
 * @property {number} codeBytes bytes of JavaScript and CSS received, decoded
 * @property {number} codeSent the same as transferred (gzip level 6 above 1 KB, bodies only)
 * @property {number} dataBytes bytes of data received from the portal, decoded
 * @property {number} dataSent the same as transferred (bodies only)
 * @property {number} totalBytes every body received (page, code, data), decoded
 * @property {number} totalSent everything transferred: bodies as sent and response headers
 * @property {number} longTasks number of long tasks (> 50 ms) on the main thread until then
 * @property {number} longTaskMs their total duration
 * @property {number} blockingMs total blocking time: the sum of (duration − 50 ms)
 * @property {number} heap JS heap of the page's main thread after a forced garbage collection, bytes
 * @property {number} domNodes DOM nodes (CDP Memory.getDOMCounters)
 * @property {string[]} codeFiles paths of the JavaScript and CSS files received
 */

/**
 * Runs in the page before any of its scripts (Playwright init script: not subject to the page's CSP).
 * Resolves `window.__benchDone` with the time every widget showed its data.
 * @param {{ side: Side, expected: number }} options
 */
function harness({ side, expected }) {
  /** @type {[number, number][]} */
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API: the counts stay at 0
  }
  /** @type {Set<EventTarget>} */
  const loaded = new Set();
  /** @type {string[]} */
  const errors = [];
  /** Vitrine: when each map fired `vitrine-data-load` (maplibre idle after drawing). @type {Map<Element, number>} */
  const mapsIdle = new Map();
  document.addEventListener(
    'vitrine-data-load',
    (e) => {
      const target = e.composedPath()[0] ?? document;
      loaded.add(target);
      if (target instanceof Element && target.localName === 'vitrine-map' && !mapsIdle.has(target))
        mapsIdle.set(target, performance.now());
    },
    true,
  );
  document.addEventListener(
    'vitrine-data-error',
    (e) => errors.push(`${/** @type {Element} */ (e.composedPath()[0])?.tagName}: ${/** @type {any} */ (e).error}`),
    true,
  );
  /** @type {{ container: HTMLElement, kind: string, component: any }[]} */
  const widgets = [];
  /** @type {any} */ (window).vitrineBench = {
    shown: (/** @type {HTMLElement} */ container, /** @type {string} */ kind, /** @type {any} */ component) =>
      widgets.push({ container, kind, component }),
  };
  const DATA_ELEMENTS = 'vitrine-figure, vitrine-chart, vitrine-map, vitrine-table, vitrine-filter';
  const P = 96;
  const probe = document.createElement('canvas');
  probe.width = P;
  probe.height = P;
  const probeContext = probe.getContext('2d', { willReadFrequently: true });
  // Maps are judged from their WebGL canvas, which needs the drawing buffer kept between frames; the
  // same on both sides (the PoiMap's maplibre map is out of reach anyway, inside a child Svelte
  // component).
  const getContext = HTMLCanvasElement.prototype.getContext;
  /** @type {any} */ (HTMLCanvasElement.prototype).getContext = function (
    /** @type {string} */ type,
    /** @type {any} */ attributes,
  ) {
    const keep = type === 'webgl' || type === 'webgl2' ? { ...attributes, preserveDrawingBuffer: true } : attributes;
    return getContext.call(this, /** @type {any} */ (type), keep);
  };
  /**
   * Pixels of a canvas (scaled down to P × P) that pass a test.
   * @param {HTMLCanvasElement | null} canvas @param {(r: number, g: number, b: number, a: number) => boolean} test
   */
  const count = (canvas, test) => {
    if (!canvas || canvas.width === 0 || canvas.height === 0 || !probeContext) return 0;
    probeContext.clearRect(0, 0, P, P);
    probeContext.drawImage(canvas, 0, 0, P, P);
    const px = probeContext.getImageData(0, 0, P, P).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (test(px[i] ?? 0, px[i + 1] ?? 0, px[i + 2] ?? 0, px[i + 3] ?? 0)) n++;
    return n;
  };
  const rendered = (/** @type {{ container: HTMLElement, kind: string, component: any }} */ w) => {
    switch (w.kind) {
      case 'kpi':
        return /\d/.test(w.container.querySelector('.kpi-card__value-number')?.textContent ?? '');
      case 'table':
        return (w.container.querySelector('tbody tr')?.textContent ?? '').trim().length > 0;
      case 'chart':
        // axes, labels and bars are drawn at once (the peer turns chart.js animations off)
        return count(w.container.querySelector('canvas'), (_r, _g, _b, a) => a > 0) > 8;
      case 'map':
        return mapShown(w.container);
      default:
        return false;
    }
  };
  /**
   * Maps that showed points, and when. Each map (a vitrine-map, or the container of a PoiMap) is read
   * back at every frame until it does, whatever the other widgets are doing.
   * @type {Map<Element, number>}
   */
  const mapsShown = new Map();
  /** @param {Element} map */
  const mapShown = (map) => mapsShown.has(map);
  /** @returns {Element[]} */
  const maps = () =>
    side === 'vitrine'
      ? [...document.querySelectorAll('vitrine-map')]
      : widgets.filter((w) => w.kind === 'map').map((w) => w.container);
  const lookAtMaps = () => {
    for (const map of maps()) {
      if (mapsShown.has(map)) continue;
      // maplibre's canvas: in vitrine-map's shadow root, in the PoiMap's container
      const canvas = (map.shadowRoot ?? map).querySelector('canvas.maplibregl-canvas');
      // the points (the peer's #2f5fb3, Vitrine's default accent #000091) on the plain background
      // (#eef1f4 on both sides)
      if (count(/** @type {HTMLCanvasElement | null} */ (canvas), (r, _g, b, a) => a > 0 && b - r > 60) > 3)
        mapsShown.set(map, performance.now());
    }
  };
  const done = () => {
    lookAtMaps();
    if (side === 'vitrine') {
      const elements = [...document.querySelectorAll(DATA_ELEMENTS)];
      return (
        elements.length === expected &&
        elements.every((el) =>
          el.localName === 'vitrine-map'
            ? mapShown(el)
            : loaded.has(el) && el.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
        )
      );
    }
    return widgets.length === expected && widgets.every(rendered);
  };
  const last = (/** @type {Map<Element, number>} */ times) => (times.size === 0 ? NaN : Math.max(...times.values()));
  /** Vitrine: resolves with the time the last map fired `vitrine-data-load` (NaN if none within 30 s). */
  /** @type {any} */ (window).__benchMapsIdle = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const check = () => {
        const all = maps();
        if (side !== 'vitrine' || all.length === 0) resolve(NaN);
        else if (all.every((m) => mapsIdle.has(m))) resolve(last(mapsIdle));
        else if (performance.now() - started > 30000) resolve(NaN);
        else setTimeout(check, 20);
      };
      check();
    });
  /** @type {any} */ (window).__benchDone = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`not every widget showed data within 90 s`)), 90000);
    const tick = () => {
      if (errors.length > 0) {
        clearTimeout(timeout);
        reject(new Error(errors.join('\n')));
      } else if (done()) {
        const ms = performance.now();
        clearTimeout(timeout);
        const before = longTasks.filter(([start]) => start < ms);
        resolve({
          ms,
          mapShownMs: last(mapsShown),
          longTasks: before.length,
          longTaskMs: before.reduce((s, [, d]) => s + d, 0),
          blockingMs: before.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
        });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Network conditions for CDP `Network.emulateNetworkConditions`.
 * @typedef {{ offline: boolean, latency: number, downloadThroughput: number, uploadThroughput: number }} Network
 */

/**
 * Lighthouse's mobile "slow 4G" values: 150 ms RTT, 1,638.4 kbit/s down, 750 kbit/s up (kbit of 1,024
 * bits, as Lighthouse converts them; throughputs in bytes per second).
 * @type {Network}
 */
export const THROTTLED = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/**
 * Starts the portal, the static server and Chromium; builds nothing (peer bundles come from
 * bench/peer-build.js, Vitrine's from `npm run build`). Every server compresses (see the top).
 * @param {Scenario[]} scenarios pages this session serves, as /vitrine/<name>.html and /peer/<name>.html
 */
export async function startSession(scenarios) {
  if (!existsSync('dist/cdn/vitrine.js')) throw new Error('Run `npm run build` first: the benchmark loads dist/cdn.');
  const portal = await startPortal({ port: 0, quiet: true, compress: true });
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  /** @param {Side} side */
  const serve = (side) =>
    startStaticServer({
      mounts: side === 'vitrine' ? { '/dist/': 'dist' } : { '/peer/': OUT },
      compress: true,
      headers: {
        'Content-Security-Policy':
          side === 'vitrine'
            ? strictCsp(portal.url)
            : strictCsp(portal.url).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      },
      dynamic: async (path) => {
        if (path === '/bench.css') return { type: 'text/css; charset=utf-8', body: PAGE_CSS };
        const m = /^\/(vitrine|peer)\/([\w-]+)\.html$/.exec(path);
        const scenario = m?.[1] === side ? byName.get(m[2] ?? '') : undefined;
        if (!scenario) return undefined;
        const html = side === 'vitrine' ? vitrinePage(scenario, portal.url) : peerPage(scenario, portal.url);
        return { type: 'text/html; charset=utf-8', body: html };
      },
    });
  const sites = { vitrine: await serve('vitrine'), peer: await serve('peer') };
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  return {
    portal,
    browser,
    /** @param {Side} side @param {Scenario} scenario */
    url: (side, scenario) => `${sites[side].url}/${side}/${scenario.name}.html`,
    async close() {
      await browser.close().catch(() => undefined);
      await portal.close();
      for (const site of Object.values(sites)) await new Promise((resolve) => site.server.close(resolve));
    },
  };
}

/**
 * Loads one page in a fresh browser context and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ side: Side, scenario: Scenario, portal: string, network?: Network }} options `network`:
 *   conditions to emulate (e.g. `THROTTLED`); none by default
 * @returns {Promise<PageResult>}
 */
export async function measure(browser, url, { side, scenario, portal, network }) {
  const context = await browser.newContext({ viewport: scenario.viewport ?? { width: 1280, height: 1000 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    const portalOrigin = new URL(portal).origin;
    /** Requests finished until the data showed; their sizes are read afterwards. */
    /** @type {import('playwright-core').Request[]} */
    const finished = [];
    let counting = true;
    page.on('requestfinished', (request) => {
      if (counting) finished.push(request);
    });
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(harness, { side, expected: scenario.widgets.length });
    await page.goto(url, { waitUntil: 'commit' });
    const timing =
      /** @type {{ ms: number, mapShownMs: number, longTasks: number, longTaskMs: number, blockingMs: number }} */ (
        await page
          .evaluate(() => /** @type {any} */ (window).__benchDone)
          .catch((/** @type {Error} */ error) => {
            throw new Error(
              `${side} ${scenario.name}: ${error.message}${pageErrors.length ? `\n${pageErrors.join('\n')}` : ''}`,
            );
          })
      );
    counting = false;
    const { codeFiles, ...totals } = await byteCounts(finished, portalOrigin);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const dom = /** @type {{ nodes: number }} */ (await cdp.send('Memory.getDOMCounters'));
    // For information only, after everything above was measured at the data-shown frame.
    const mapIdleMs = /** @type {number | null} */ (
      await page.evaluate(() => /** @type {any} */ (window).__benchMapsIdle())
    );
    return { ...timing, mapIdleMs: mapIdleMs ?? NaN, ...totals, heap, domNodes: dom.nodes, codeFiles };
  } finally {
    await context.close();
  }
}

/**
 * Requests, code and data bytes of finished requests: decoded (the body) and as transferred (CDP
 * `Network.loadingFinished` `encodedDataLength`: the encoded body, plus the response headers in
 * `totalSent`; for a worker's script, which CDP reports as 0, the response's Content-Length).
 * Only HTTP requests with a body are counted: not blob: or data: URLs.
 * @param {import('playwright-core').Request[]} requests
 * @param {string} portalOrigin
 */
async function byteCounts(requests, portalOrigin) {
  const totals = {
    requests: 0,
    dataRequests: 0,
    codeBytes: 0,
    codeSent: 0,
    dataBytes: 0,
    dataSent: 0,
    totalBytes: 0,
    totalSent: 0,
    /** @type {string[]} */
    codeFiles: [],
  };
  for (const request of requests) {
    // blob: and data: URLs (the peer's maplibre 2 starts its worker from a blob) move nothing
    if (!/^https?:/.test(request.url())) continue;
    const response = await request.response();
    const body = await response?.body().catch(() => undefined);
    if (!body) continue;
    const sizes = await request.sizes();
    // A dedicated worker's script is fetched by the browser for the page, and CDP reports 0 encoded
    // bytes for it: its Content-Length (what the server sent, compressed or not) stands in.
    const length = Number((await response?.headerValue('content-length')) ?? NaN);
    const sent = sizes.responseBodySize > 0 ? sizes.responseBodySize : Number.isFinite(length) ? length : body.length;
    const u = new URL(request.url());
    totals.requests += 1;
    totals.totalBytes += body.length;
    totals.totalSent += sent + sizes.responseHeadersSize;
    if (u.origin === portalOrigin) {
      totals.dataRequests += 1;
      totals.dataBytes += body.length;
      totals.dataSent += sent;
    } else if (/\.(m?js|css)$/.test(u.pathname)) {
      totals.codeFiles.push(u.pathname);
      totals.codeBytes += body.length;
      totals.codeSent += sent;
    }
  }
  return totals;
}

/**
 * Medians of several results (the files of the first).
 * @param {PageResult[]} results
 * @returns {PageResult}
 */
export function medianResult(results) {
  const first = /** @type {PageResult} */ (results[0]);
  const numbers = Object.keys(first).filter((k) => k !== 'codeFiles');
  return /** @type {PageResult} */ ({
    ...Object.fromEntries(numbers.map((k) => [k, median(results.map((r) => /** @type {any} */ (r)[k]))])),
    codeFiles: first.codeFiles,
  });
}

/**
 * Each scenario on both sides: one warm-up each (the portal loads its datasets, the OS caches files),
 * then `runs` runs, alternating which side goes first; the median of each measure.
 * @param {Awaited<ReturnType<typeof startSession>>} session
 * @param {Scenario[]} scenarios
 * @param {number} runs
 * @param {(line: string) => void} [progress]
 * @param {Network} [network] conditions every page runs under (e.g. `THROTTLED`); none by default
 */
export async function compareSides(session, scenarios, runs, progress = () => undefined, network = undefined) {
  /** @type {{ scenario: Scenario, vitrine: PageResult, peer: PageResult }[]} */
  const rows = [];
  for (const scenario of scenarios) {
    /** @param {Side} side */
    const once = (side) =>
      measure(session.browser, session.url(side, scenario), {
        side,
        scenario,
        portal: session.portal.url,
        ...(network ? { network } : {}),
      });
    await once('vitrine');
    await once('peer');
    /** @type {{ vitrine: PageResult[], peer: PageResult[] }} */
    const results = { vitrine: [], peer: [] };
    for (let i = 0; i < runs; i++) {
      /** @type {Side[]} */
      const order = i % 2 ? ['peer', 'vitrine'] : ['vitrine', 'peer'];
      for (const side of order) results[side].push(await once(side));
    }
    rows.push({ scenario, vitrine: medianResult(results.vitrine), peer: medianResult(results.peer) });
    progress(`  ${scenario.name} done`);
  }
  return rows;
}
