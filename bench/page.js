// @ts-check
/**
 * The scenario pages of bench/scenarios.js, Vitrine next to the same page built with
 * @opendatasoft/visualizations + @opendatasoft/api-client, against the same local portal, in headless
 * Chromium (bench/browser.js says how "every widget shows data" is detected on each side). Each run is
 * a fresh browser context (cold HTTP cache); one warm-up per side, then the median of `runs` runs,
 * alternating which side goes first. No network throttling: both servers are on this machine, so
 * bytes cost time only through parsing and compiling, not through a network.
 * Measures: time from navigation start until every widget shows data; on pages with a map, the frame
 * at which the map showed its points and, for Vitrine, when it fired `vitrine-data-load` (maplibre
 * idle: for information, not part of the time to data); requests (page, code, data);
 * bytes received (uncompressed, and gzip of the code as a compressing server would send it); long
 * tasks on the main thread until then (count, total blocking time); the main thread's JS heap after a
 * forced garbage collection (workers not included).
 * Usage: `node bench/page.js [runs]` (default 5).
 * @module
 */
import { buildPeerPages, PEER_VERSIONS } from './peer-build.js';
import { SCENARIOS } from './scenarios.js';
import { compareSides, startSession } from './browser.js';
import { kb, machine, mb, ms, ratio, runsFromArgs, table } from './lib.js';

/**
 * @param {import('./scenarios.js').Scenario[]} scenarios
 * @param {number} runs
 * @param {(line: string) => void} [progress]
 */
export async function benchSides(scenarios, runs, progress) {
  await buildPeerPages(scenarios);
  const session = await startSession(scenarios);
  try {
    return await compareSides(session, scenarios, runs, progress);
  } finally {
    await session.close();
  }
}

/** @param {number} runs @param {(line: string) => void} [progress] */
export const benchPage = (runs = 5, progress = undefined) => benchSides(SCENARIOS, runs, progress);

/**
 * One table: a row per page and side, the ratio row under each pair.
 * @param {Awaited<ReturnType<typeof benchSides>>} rows
 */
export function printSides(rows) {
  const head = [
    'page',
    'data shown ms',
    'map points / idle ms',
    'requests',
    'code KB gz',
    'data KB',
    'KB received',
    'long tasks',
    'TBT ms',
    'heap MB',
  ];
  /** @param {import('./browser.js').PageResult} r */
  const cells = (r) => [
    ms(r.ms),
    Number.isFinite(r.mapShownMs) ? `${ms(r.mapShownMs)} / ${ms(r.mapIdleMs)}` : '',
    String(r.requests),
    kb(r.codeGzip),
    kb(r.dataBytes),
    kb(r.totalBytes),
    String(r.longTasks),
    ms(r.blockingMs),
    mb(r.heap),
  ];
  /** @type {string[][]} */
  const body = [];
  for (const { scenario, vitrine, peer } of rows) {
    body.push([`${scenario.title} — Vitrine`, ...cells(vitrine)]);
    body.push([`  peer`, ...cells(peer)]);
    body.push([
      `  peer ÷ Vitrine`,
      ratio(peer.ms, vitrine.ms),
      ratio(peer.mapShownMs, vitrine.mapShownMs).replace('–', ''),
      ratio(peer.requests, vitrine.requests),
      ratio(peer.codeGzip, vitrine.codeGzip),
      ratio(peer.dataBytes, vitrine.dataBytes),
      ratio(peer.totalBytes, vitrine.totalBytes),
      '',
      ratio(peer.blockingMs, vitrine.blockingMs),
      ratio(peer.heap, vitrine.heap),
    ]);
  }
  return table(head, body);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = runsFromArgs(5);
  console.log(`Vitrine page bench — ${machine()}`);
  console.log(`Vitrine (dist/cdn) vs ${PEER_VERSIONS}, cold cache, median of ${runs} runs after a warm-up\n`);
  console.log(printSides(await benchPage(runs, (l) => console.error(l))));
}
