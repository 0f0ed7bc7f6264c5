// @ts-check
/**
 * Pages at scale, Vitrine next to the peer (same harness as bench/page.js): a map of the 42,049 US zip
 * codes as points (the peer draws every point from the GeoJSON export; so does Vitrine, below its
 * `max-points`), a line chart of the average delay per distance over the 200,000-row flights table
 * (a group_by the portal computes: about 1,600 groups), and a page of 50 widgets (30 key figures, 10
 * charts, 10 tables). Times, requests, bytes, long tasks and the JS heap after garbage collection.
 * Usage: `node bench/scale.js [runs]` (default 3, after a warm-up).
 * @module
 */
import { PEER_VERSIONS } from './peer-build.js';
import { SCALE } from './scenarios.js';
import { benchSides, printSides } from './page.js';
import { machine, runsFromArgs } from './lib.js';

/** @param {number} runs @param {(line: string) => void} [progress] */
export const benchScale = (runs = 3, progress = undefined) => benchSides(SCALE, runs, progress);

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = runsFromArgs(3);
  console.log(`Vitrine scale bench — ${machine()}`);
  console.log(`Vitrine (dist/cdn) vs ${PEER_VERSIONS}, cold cache, median of ${runs} runs after a warm-up\n`);
  console.log(printSides(await benchScale(runs, (l) => console.error(l))));
}
