// @ts-check
/**
 * Small pure helpers the benchmarks share: statistics, sizes and the text tables they print.
 * @module
 */
import os from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @param {number[]} values */
export function median(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2
    ? /** @type {number} */ (s[mid])
    : /** @type {number} */ (s[mid - 1] + /** @type {number} */ (s[mid])) / 2;
}

/**
 * The value below which a fraction `q` of the values lie (nearest rank).
 * @param {number[]} values @param {number} q
 */
export function quantile(values, q) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return /** @type {number} */ (s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]);
}

/**
 * Raw, gzip (level 9) and brotli (quality 11) sizes of some bytes: the settings of scripts/sizes.js.
 * @param {string | Uint8Array} content
 */
export function compressed(content) {
  const buffer = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */

/** @param {Sizes[]} list @returns {Sizes} */
export const sumSizes = (list) =>
  list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

/** Kilobytes (1,024 bytes), one decimal. @param {number} bytes */
export const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–');

/** Milliseconds, no decimal. @param {number} ms */
export const ms = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '–');

/** Mebibytes, one decimal. @param {number} bytes */
export const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(1) : '–');

/**
 * "peer ÷ Vitrine", e.g. `3.2×`; `–` when either is missing or Vitrine's is 0.
 * @param {number} peer @param {number} vitrine
 */
export function ratio(peer, vitrine) {
  if (!Number.isFinite(peer) || !Number.isFinite(vitrine) || vitrine === 0) return '–';
  const r = peer / vitrine;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

/**
 * A text table: the first column left-aligned, the others right-aligned.
 * @param {string[]} head @param {(string | number)[][]} rows
 */
export function table(head, rows) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The same table in Markdown (for the README). @param {string[]} head @param {(string | number)[][]} rows */
export function markdownTable(head, rows) {
  const esc = (/** @type {string | number} */ c) => String(c).replaceAll('|', '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Date and machine, for the heading of every report. */
export function machine() {
  const cpus = os.cpus();
  return `${new Date().toISOString().slice(0, 10)} — ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'CPU'}, ${(
    os.totalmem() /
    2 ** 30
  ).toFixed(0)} GiB, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

/**
 * Runs `once` a warm-up time then `runs` times; collects the results.
 * @template T
 * @param {() => Promise<T>} once @param {number} runs @param {number} [warmups]
 */
export async function repeat(once, runs, warmups = 1) {
  for (let i = 0; i < warmups; i++) await once();
  /** @type {T[]} */
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  return results;
}

/**
 * The run count from the command line (`node bench/x.js 3`) or the environment (`BENCH_RUNS`).
 * @param {number} fallback
 */
export function runsFromArgs(fallback) {
  const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const n = Number(arg ?? process.env.BENCH_RUNS ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
