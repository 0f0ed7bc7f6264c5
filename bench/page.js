// @ts-check
/**
 * The scenario pages of bench/scenarios.js, Vitrine next to the same page built with
 * @opendatasoft/visualizations + @opendatasoft/api-client, against the same local portal, in headless
 * Chromium (bench/browser.js says how "every widget shows data" is detected and bytes are counted).
 * Each run is a fresh browser context (cold HTTP cache); one warm-up per side, then the median of
 * `runs` runs, alternating which side goes first. Every server gzips (level 6) as a production site
 * would. Two network profiles: none (both servers on this machine: bytes cost time only through
 * parsing and compiling) and throttled, Lighthouse's mobile "slow 4G" (150 ms latency per request,
 * 1,638.4 kbit/s down, 750 kbit/s up: bench/browser.js `THROTTLED`), where bytes and round trips cost
 * transfer time too.
 * Measures: time from navigation start until every widget shows data; on pages with a map, the frame
 * at which the map showed its points and, for Vitrine, when it fired `vitrine-data-load` (maplibre
 * idle: for information, not part of the time to data); requests (page, code, data); bytes as
 * transferred (compressed bodies; headers too in the total) and decoded; long tasks on the main thread
 * until then (count, total blocking time); the main thread's JS heap after a forced garbage collection
 * (workers not included).
 * Usage: `node bench/page.js [runs] [throttled]`: unthrottled (default 5 runs), or only the throttled
 * profile with `throttled` (default 3 runs).
 * @module
 */
import { buildPeerPages, PEER_VERSIONS } from './peer-build.js';
import { SCENARIOS } from './scenarios.js';
import { compareSides, startSession, THROTTLED } from './browser.js';
import { kb, machine, mb, ms, ratio, runsFromArgs, table } from './lib.js';

/**
 * @param {import('./scenarios.js').Scenario[]} scenarios
 * @param {number} runs
 * @param {(line: string) => void} [progress]
 * @param {import('./browser.js').Network} [network] conditions to emulate (none by default)
 */
export async function benchSides(scenarios, runs, progress, network = undefined) {
  await buildPeerPages(scenarios);
  const session = await startSession(scenarios);
  try {
    return await compareSides(session, scenarios, runs, progress, network);
  } finally {
    await session.close();
  }
}

/** @param {number} runs @param {(line: string) => void} [progress] */
export const benchPage = (runs = 5, progress = undefined) => benchSides(SCENARIOS, runs, progress);

/** The same pages under the throttled profile. @param {number} runs @param {(line: string) => void} [progress] */
export const benchThrottled = (runs = 3, progress = undefined) => benchSides(SCENARIOS, runs, progress, THROTTLED);

/** Heading of the throttled table. */
export const THROTTLED_TITLE = 'Pages, throttled (150 ms RTT, 1.6 Mbit/s)';

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
    'data KB gz / raw',
    'KB sent / decoded',
    'long tasks',
    'TBT ms',
    'heap MB',
  ];
  /** @param {import('./browser.js').PageResult} r */
  const cells = (r) => [
    ms(r.ms),
    Number.isFinite(r.mapShownMs) ? `${ms(r.mapShownMs)} / ${ms(r.mapIdleMs)}` : '',
    String(r.requests),
    kb(r.codeSent),
    `${kb(r.dataSent)} / ${kb(r.dataBytes)}`,
    `${kb(r.totalSent)} / ${kb(r.totalBytes)}`,
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
      ratio(peer.codeSent, vitrine.codeSent),
      ratio(peer.dataSent, vitrine.dataSent),
      ratio(peer.totalSent, vitrine.totalSent),
      '',
      ratio(peer.blockingMs, vitrine.blockingMs),
      ratio(peer.heap, vitrine.heap),
    ]);
  }
  return table(head, body);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const throttled = process.argv.includes('throttled');
  const runs = runsFromArgs(throttled ? 3 : 5);
  console.log(`Vitrine page bench — ${machine()}`);
  console.log(`Vitrine (dist/cdn) vs ${PEER_VERSIONS}, cold cache, median of ${runs} runs after a warm-up\n`);
  if (throttled) console.log(`${THROTTLED_TITLE}\n${printSides(await benchThrottled(runs, (l) => console.error(l)))}`);
  else console.log(printSides(await benchPage(runs, (l) => console.error(l))));
}
