// @ts-check
/**
 * Shared helpers of the local portal's datasets: where the source packages are, a small CSV/TSV
 * parser, the Explore v2.1 value encodings, field declarations and the lazy, cached loader.
 * Node built-ins only.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
// @ts-ignore -- topojson-client 3.1.0 ships no type declarations.
import * as topojson from 'topojson-client';

/** @typedef {import('./index.js').Field} Field */
/** @typedef {Field['type']} FieldType */

const require = createRequire(import.meta.url);

/**
 * The source packages, pinned. `published` is the version's publication time in the npm registry
 * (its `time` field); it is each dataset's `metas.modified`, so answers do not change from run to run.
 */
export const PACKAGES = Object.freeze({
  decoupage: Object.freeze({
    name: '@etalab/decoupage-administratif',
    version: '6.0.0',
    published: '2026-04-09T04:39:18+00:00',
  }),
  vega: Object.freeze({
    name: 'vega-datasets',
    version: '3.2.1',
    published: '2025-10-04T17:45:15+00:00',
  }),
});

/** @type {Map<string, string>} */
const packageDirs = new Map();

/**
 * The directory of an installed package. vega-datasets' `exports` hides `package.json`, so when that
 * subpath is not exported we resolve the package's entry point and walk up to its package.json.
 * @param {string} name
 * @returns {string}
 */
export function packageDir(name) {
  const known = packageDirs.get(name);
  if (known) return known;
  let dir;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
    dir = dirname(require.resolve(name));
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name) break;
      const up = dirname(dir);
      if (up === dir) throw new Error(`Cannot find the directory of the package ${name}`, { cause: error });
      dir = up;
    }
  }
  packageDirs.set(name, dir);
  return dir;
}

/**
 * The text of a file shipped by a package.
 * @param {string} pkg package name
 * @param {string} file path inside the package
 */
export function readPackageText(pkg, file) {
  return readFile(join(packageDir(pkg), file), 'utf8');
}

/**
 * A JSON file shipped by a package.
 * @param {string} pkg
 * @param {string} file
 * @returns {Promise<any>}
 */
export async function readPackageJson(pkg, file) {
  return JSON.parse(await readPackageText(pkg, file));
}

/**
 * Parses delimited text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into records keyed by
 * the header line. Every value stays a string; an empty line at the end is ignored.
 * @param {string} text
 * @param {string} [delimiter]
 * @returns {Record<string, string>[]}
 */
export function parseDelimited(text, delimiter = ',') {
  /** @type {string[][]} */
  const lines = [];
  /** @type {string[]} */
  let line = [];
  let value = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') value += c;
      else if (text[i + 1] === '"') {
        value += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      line.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line.push(value);
      lines.push(line);
      line = [];
      value = '';
    } else value += c;
  }
  if (value !== '' || line.length > 0) {
    line.push(value);
    lines.push(line);
  }
  const header = lines.shift() ?? [];
  return lines
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells, index) => {
      if (cells.length !== header.length) {
        throw new Error(`Line ${index + 2}: ${cells.length} values for ${header.length} columns`);
      }
      return Object.fromEntries(header.map((name, j) => [name, /** @type {string} */ (cells[j])]));
    });
}

/**
 * A number read from a source text; an empty string gives null.
 * @param {string | undefined} text
 * @returns {number | null}
 */
export function toNumber(text) {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`Not a number: ${JSON.stringify(text)}`);
  return n;
}

/**
 * A datetime in the v2.1 encoding: ISO 8601 in UTC, written with a "+00:00" offset, with milliseconds.
 * @param {number} epochMs
 */
export function isoUtc(epochMs) {
  return new Date(epochMs).toISOString().replace(/Z$/, '+00:00');
}

/**
 * A geo_point_2d value, `{lon, lat}` (the v2.1 order), or null when a coordinate is missing.
 * @param {number | null | undefined} lon
 * @param {number | null | undefined} lat
 * @returns {{ lon: number, lat: number } | null}
 */
export function point(lon, lat) {
  if (lon == null || lat == null || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return { lon, lat };
}

/**
 * A geo_shape value: a GeoJSON Feature with empty properties, or null without a geometry.
 * @param {object | null | undefined} geometry
 * @returns {{ type: 'Feature', geometry: object, properties: {} } | null}
 */
export function shape(geometry) {
  return geometry ? { type: 'Feature', geometry, properties: {} } : null;
}

/**
 * The GeoJSON Feature of one object of a TopoJSON topology (topojson-client).
 * @type {(topology: any, object: any) => { type: 'Feature', geometry: any, properties: object }}
 */
export const topoFeature = topojson.feature;

/**
 * The union of polygon objects of a topology, as one MultiPolygon geometry (topojson-client).
 * @type {(topology: any, objects: any[]) => { type: 'MultiPolygon', coordinates: number[][][][] }}
 */
export const topoMerge = topojson.merge;

// Annotations, in the v2.1 form: name → arguments.

/** A text field with few distinct values: facet, several values can be selected at once. */
export const FACET = () => ({ facet: [], facetsort: ['alphanum'], disjunctive: [] });
/** A text facet whose values read best by frequency. */
export const FACET_BY_COUNT = () => ({ facet: [], facetsort: ['-count'], disjunctive: [] });
/** A sortable field (numbers, dates, codes and names). */
export const SORTABLE = () => ({ sortable: [] });
/** A date or datetime used as the time axis: sortable, and a hierarchical (year/month/day) facet. */
export const TIME_FACET = () => ({ facet: [], sortable: [] });

/**
 * A field declaration.
 * @param {string} name
 * @param {string} label
 * @param {FieldType} type
 * @param {Record<string, string[]>} [annotations]
 * @param {string | null} [description]
 * @returns {Field}
 */
export function field(name, label, type, annotations = {}, description = null) {
  return { name, label, type, description, annotations };
}

/**
 * Deep-freezes a plain value (metadata, field declarations).
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Freezes the rows so that no consumer can change the shared cache by accident (in an ES module, an
 * assignment to a row throws). Rows and their small values (points, value lists, the Feature and
 * geometry objects) are frozen; geometry coordinate arrays are left alone, as they are large.
 * @template {object} T
 * @param {T[]} rows
 * @returns {T[]} the same array, frozen
 */
export function freezeRows(rows) {
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (value && typeof value === 'object') {
        Object.freeze(value);
        if ('geometry' in value && value.geometry) Object.freeze(value.geometry);
      }
    }
    Object.freeze(row);
  }
  Object.freeze(rows);
  return rows;
}

/**
 * The `load()` of a dataset: builds the rows on the first call, then returns the same Promise. A failed
 * build is not cached, so a later call tries again.
 * @param {() => Promise<object[]> | object[]} build
 * @returns {() => Promise<object[]>}
 */
export function lazyRows(build) {
  /** @type {Promise<object[]> | undefined} */
  let cached;
  return () => {
    cached ??= Promise.resolve()
      .then(build)
      .then(freezeRows)
      .catch((error) => {
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
