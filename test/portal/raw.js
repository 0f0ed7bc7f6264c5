// @ts-check
/**
 * Independent readers of the source files the local portal is built from, for tests that compute
 * expected answers without going through the portal's own code.
 * @module
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package (vega-datasets' `exports` hides its package.json).
 * @param {string} pkg
 */
function packageDir(pkg) {
  let dir = dirname(require.resolve(pkg));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== pkg
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package ${pkg} not found`);
    dir = up;
  }
  return dir;
}

/** @returns {{ code: string, nom: string, departement: string, region: string, type: string, population?: number, codesPostaux?: string[] }[]} */
export function rawCommunes() {
  const all = JSON.parse(
    readFileSync(join(packageDir('@etalab/decoupage-administratif'), 'data/communes.json'), 'utf8'),
  );
  return all.filter((/** @type {{ type: string }} */ c) => c.type === 'commune-actuelle');
}

/**
 * A plain CSV reader (RFC 4180 quotes) for the vega-datasets files.
 * @param {string} file path inside vega-datasets/data
 * @returns {Record<string, string>[]}
 */
export function rawCsv(file) {
  const text = readFileSync(join(packageDir('vega-datasets'), 'data', file), 'utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(text, file.endsWith('.tsv') ? '\t' : ',');
  const [head, ...body] = rows;
  return body
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/**
 * @param {string} text
 * @param {string} sep
 */
export function parseCsv(text, sep) {
  /** @type {string[][]} */
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Great-circle distance in metres. */
export function haversine(
  /** @type {number} */ lon1,
  /** @type {number} */ lat1,
  /** @type {number} */ lon2,
  /** @type {number} */ lat2,
) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

/**
 * Group and sum helper.
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => string} key
 */
export function countBy(rows, key) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}
