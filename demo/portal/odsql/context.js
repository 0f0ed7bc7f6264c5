// @ts-check
/**
 * The per-request context of a query (dataset, zone, language, current time) and the per-dataset
 * column caches: parsed datetimes, dates, folded words and prepared geometries are computed once per
 * rows array and field, then shared by every later request on the same rows.
 *
 * The caches assume that a rows array is not changed after its first query (the portal freezes its
 * datasets); a changed array of a different length is detected and re-read.
 *
 * @module
 */
import { ODSQLError } from './errors.js';
import { getZone, parseStoredDate, parseStoredDatetime, MS_DAY } from './time.js';
import { words } from './text.js';
import { prepare, preparePoint } from './geo.js';

/**
 * @typedef {{ name: string, label?: string, type: string, annotations?: Record<string, string[]> | { name: string, args?: string[] }[] }} Field
 * @typedef {{ fields: Field[], rows: Record<string, any>[] }} Dataset
 * @typedef {{
 *   select?: string, where?: string[] | string, group_by?: string, order_by?: string,
 *   limit?: number, offset?: number, refine?: string[] | string, exclude?: string[] | string,
 *   timezone?: string, lang?: string, facet?: string[] | string
 * }} Params
 */

/** @type {WeakMap<object[], { length: number, columns: Map<string, any[]> }>} */
const CACHES = new WeakMap();

export class Ctx {
  /**
   * @param {Dataset} dataset
   * @param {Params} params
   */
  constructor(dataset, params) {
    if (!dataset || !Array.isArray(dataset.fields) || !Array.isArray(dataset.rows)) {
      throw new TypeError('odsql: dataset must be { fields: Field[], rows: object[] }');
    }
    this.rows = dataset.rows;
    /** @type {Map<string, Field>} */
    this.fields = new Map(dataset.fields.map((f) => [f.name, f]));
    this.fieldList = dataset.fields;
    const tz = params.timezone || 'UTC';
    try {
      this.zone = getZone(tz);
    } catch {
      throw new ODSQLError(
        `Invalid value for timezone API parameter: ${tz} was found but a valid timezone name is expected.`,
      );
    }
    this.lang = params.lang || 'fr';
    this.nowMs = Date.now();
    let cache = CACHES.get(this.rows);
    if (!cache || cache.length !== this.rows.length) {
      cache = { length: this.rows.length, columns: new Map() };
      CACHES.set(this.rows, cache);
    }
    this.columns = cache.columns;
  }

  /**
   * @param {string} key
   * @param {() => any[]} build
   */
  column(key, build) {
    let col = this.columns.get(key);
    if (!col) {
      col = build();
      this.columns.set(key, col);
    }
    return col;
  }

  /**
   * Whether a field carries an annotation (v2.1 object form or v2.0 array form).
   * @param {Field} field
   * @param {string} name
   */
  has(field, name) {
    return annotationArgs(field, name) !== undefined;
  }

  /** @param {Field} field */
  isMulti(field) {
    return this.has(field, 'multivalued');
  }

  /** Instants of a datetime field. @param {string} name @returns {(number|null)[]} */
  datetimeCol(name) {
    return this.column(`t:${name}`, () => this.rows.map((r) => parseStoredDatetime(r[name])));
  }

  /** Day numbers of a date field (independent of the zone). @param {string} name @returns {(number|null)[]} */
  dayCol(name) {
    return this.column(`D:${name}`, () => this.rows.map((r) => parseStoredDate(r[name])));
  }

  /** Instants of a date field: local midnight in the request zone. @param {string} name @returns {(number|null)[]} */
  dateCol(name) {
    const zone = this.zone;
    if (zone.isUTC)
      return this.column(`d:${name}:UTC`, () => this.dayCol(name).map((d) => (d === null ? null : d * MS_DAY)));
    return this.column(`d:${name}:${zone.name}`, () => {
      /** @type {Map<number, number>} */
      const memo = new Map();
      return this.dayCol(name).map((d) => {
        if (d === null) return null;
        let ms = memo.get(d);
        if (ms === undefined) {
          ms = zone.fromLocal(d * MS_DAY);
          memo.set(d, ms);
        }
        return ms;
      });
    });
  }

  /**
   * Folded words of a text field, per value (a multivalued field has one list per element).
   * @param {string} name
   * @returns {(string[][] | null)[]}
   */
  wordsCol(name) {
    return this.column(`w:${name}`, () =>
      this.rows.map((r) => {
        const v = r[name];
        if (v === null || v === undefined) return null;
        if (Array.isArray(v)) return v.filter((e) => typeof e === 'string').map(words);
        return [words(String(v))];
      }),
    );
  }

  /**
   * Prepared geometries of a geo field.
   * @param {string} name
   * @returns {(import('./geo.js').Prepared | null)[]}
   */
  geoCol(name) {
    return this.column(`g:${name}`, () => this.rows.map((r) => toPrepared(r[name])));
  }
}

/**
 * The arguments of an annotation, or undefined when the field does not carry it.
 * @param {Field} field
 * @param {string} name
 * @returns {string[] | undefined}
 */
export function annotationArgs(field, name) {
  const a = field.annotations;
  if (!a) return undefined;
  if (Array.isArray(a)) {
    const found = a.find((x) => x && x.name === name);
    return found ? (found.args ?? []) : undefined;
  }
  const v = /** @type {Record<string, any>} */ (a)[name];
  if (v === undefined || v === false || v === null) return undefined;
  return Array.isArray(v) ? v : [];
}

/**
 * A stored geo value ({lon, lat}, a GeoJSON Feature or geometry) as a prepared geometry.
 * @param {any} v
 */
export function toPrepared(v) {
  if (!v || typeof v !== 'object') return null;
  if (typeof v.lon === 'number' && typeof v.lat === 'number') return preparePoint(v.lon, v.lat);
  return prepare(v);
}
