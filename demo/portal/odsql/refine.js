// @ts-check
/**
 * refine / exclude parameters: `field:value` (value optionally quoted), on facet fields.
 * Refines on different fields are ANDed; several refines on one field are ORed when the field is
 * `disjunctive`, ANDed otherwise. Date and datetime fields take paths `2020`, `2020/05`,
 * `2020/05/17`, read in the request time zone. An exclude removes the rows a refine would keep.
 *
 * @module
 */
import { malformed } from './errors.js';
import { civilFromDays, MS_DAY } from './time.js';

/**
 * @typedef {import('./context.js').Ctx} Ctx
 * @typedef {import('./context.js').Field} Field
 * @typedef {(i: number) => boolean} Pred
 * @typedef {{ value: string, test: Pred }} Test  `value`: the normalised value (facet value / date path)
 * @typedef {{ field: Field, disjunctive: boolean, refines: Test[], excludes: Test[] }} FieldFilters
 */

/** @param {string[] | string | undefined} v @returns {string[]} */
export function toList(v) {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Splits `field:value`, unquoting `"a b"` (backslash escapes allowed).
 * @param {string} text
 * @param {string} clause
 */
function split(text, clause) {
  const colon = text.indexOf(':');
  if (colon <= 0) throw malformed(`Invalid ${clause} "${text}": field:value expected`, clause);
  const field = text.slice(0, colon).trim();
  let value = text.slice(colon + 1);
  const trimmed = value.trim();
  const q = trimmed[0];
  if ((q === '"' || q === "'") && trimmed.length >= 2 && trimmed[trimmed.length - 1] === q) {
    value = trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return { field, value };
}

const PATH_RE = /^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?$/;

/** @type {number[]} */
const YMD = [0, 0, 0];

/**
 * Local [year, month, day] of a row's date or datetime value, written into YMD; false when null.
 * @param {Ctx} ctx
 * @param {Field} field
 * @returns {(i: number) => boolean}
 */
export function localDateReader(ctx, field) {
  if (field.type === 'date') {
    const days = ctx.dayCol(field.name);
    return (i) => {
      const d = days[i];
      if (d === null) return false;
      civilFromDays(d, YMD);
      return true;
    };
  }
  const col = ctx.datetimeCol(field.name);
  const zone = ctx.zone;
  return (i) => {
    const ms = col[i];
    if (ms === null) return false;
    civilFromDays(Math.floor(zone.toLocal(ms) / MS_DAY), YMD);
    return true;
  };
}

/** The shared [year, month, day] written by localDateReader. */
export const LOCAL_YMD = YMD;

/**
 * @param {Ctx} ctx
 * @param {Field} field
 * @param {string} value
 * @param {string} clause
 * @returns {Test}
 */
function valueTest(ctx, field, value, clause) {
  const name = field.name;
  const rows = ctx.rows;
  switch (field.type) {
    case 'text':
      return {
        value,
        test: (i) => {
          const v = rows[i][name];
          return v === value || (Array.isArray(v) && v.includes(value));
        },
      };
    case 'int':
    case 'double': {
      const n = value.trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(n)) throw malformed(`Invalid ${clause} value for numeric field ${name}: ${value}`, clause);
      return { value: String(n), test: (i) => rows[i][name] === n };
    }
    case 'boolean': {
      const v = value.trim().toLowerCase();
      if (v !== 'true' && v !== 'false')
        throw malformed(`Invalid ${clause} value for boolean field ${name}: ${value}`, clause);
      const b = v === 'true';
      return { value: v, test: (i) => rows[i][name] === b };
    }
    case 'date':
    case 'datetime': {
      const m = PATH_RE.exec(value.trim());
      if (!m)
        throw malformed(
          `Invalid ${clause} value for date field ${name}: ${value} (expected YYYY, YYYY/MM or YYYY/MM/DD)`,
          clause,
        );
      const y = Number(m[1]);
      const mo = m[2] === undefined ? 0 : Number(m[2]);
      const d = m[3] === undefined ? 0 : Number(m[3]);
      if ((m[2] !== undefined && (mo < 1 || mo > 12)) || (m[3] !== undefined && (d < 1 || d > 31))) {
        throw malformed(`Invalid ${clause} value for date field ${name}: ${value}`, clause);
      }
      const path = datePath(y, mo || undefined, d || undefined);
      const read = localDateReader(ctx, field);
      return {
        value: path,
        test: (i) => read(i) && YMD[0] === y && (mo === 0 || YMD[1] === mo) && (d === 0 || YMD[2] === d),
      };
    }
    default:
      throw malformed(`Cannot ${clause} on a ${field.type} field: ${name}`, clause);
  }
}

/**
 * `2020`, `2020/05`, `2020/05/17`.
 * @param {number} y @param {number} [m] @param {number} [d]
 */
export function datePath(y, m, d) {
  let p = String(y).padStart(4, '0');
  if (m !== undefined) p += '/' + String(m).padStart(2, '0');
  if (d !== undefined) p += '/' + String(d).padStart(2, '0');
  return p;
}

/**
 * Parses and compiles the refine and exclude parameters.
 * @param {Ctx} ctx
 * @param {{ refine?: string[] | string, exclude?: string[] | string }} params
 * @returns {Map<string, FieldFilters>}
 */
export function compileFilters(ctx, params) {
  /** @type {Map<string, FieldFilters>} */
  const byField = new Map();
  for (const clause of /** @type {const} */ (['refine', 'exclude'])) {
    for (const text of toList(params[clause])) {
      const { field: fname, value } = split(text, clause);
      const field = ctx.fields.get(fname);
      if (!field) throw malformed(`Unknown field: ${fname}`, clause);
      if (!ctx.has(field, 'facet'))
        throw malformed(`Field ${fname} is not a facet: ${clause} only works on facet fields`, clause);
      let entry = byField.get(fname);
      if (!entry) {
        entry = { field, disjunctive: ctx.has(field, 'disjunctive'), refines: [], excludes: [] };
        byField.set(fname, entry);
      }
      (clause === 'refine' ? entry.refines : entry.excludes).push(valueTest(ctx, field, value, clause));
    }
  }
  return byField;
}

/**
 * One predicate for the filters, optionally leaving out the refines and/or the excludes of one field
 * (what a facet needs to count its own values).
 * @param {Map<string, FieldFilters>} filters
 * @param {{ skipRefinesOf?: string, skipExcludesOf?: string }} [skip]
 * @returns {Pred | null} null when nothing filters
 */
export function filtersPredicate(filters, skip = {}) {
  /** @type {Pred[]} */
  const parts = [];
  for (const [name, f] of filters) {
    if (f.refines.length && skip.skipRefinesOf !== name) {
      const tests = f.refines.map((t) => t.test);
      if (tests.length === 1) parts.push(tests[0]);
      else if (f.disjunctive) parts.push((i) => tests.some((t) => t(i)));
      else parts.push((i) => tests.every((t) => t(i)));
    }
    if (f.excludes.length && skip.skipExcludesOf !== name) {
      const tests = f.excludes.map((t) => t.test);
      parts.push((i) => !tests.some((t) => t(i)));
    }
  }
  if (!parts.length) return null;
  if (parts.length === 1) return parts[0];
  return (i) => {
    for (let k = 0; k < parts.length; k++) if (!parts[k](i)) return false;
    return true;
  };
}
