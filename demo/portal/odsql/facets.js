// @ts-check
/**
 * The /facets endpoint: value counts per facet field over the rows that match where + refine +
 * exclude. A facet does not apply its own excludes when counting (so excluded values stay listed,
 * with state `excluded`), nor its own refines when it is disjunctive (so the other values keep their
 * counts). Date facets nest YYYY → MM → DD along the refined path.
 *
 * @module
 */
import { Ctx, annotationArgs } from './context.js';
import { malformed } from './errors.js';
import { and, matchIndices, parseWheres } from './query.js';
import { compilePred, rowEnv } from './compile.js';
import { LOCAL_YMD, compileFilters, datePath, filtersPredicate, localDateReader, toList } from './refine.js';

/**
 * @typedef {import('./context.js').Dataset} Dataset
 * @typedef {import('./context.js').Params} Params
 * @typedef {import('./context.js').Field} Field
 * @typedef {import('./refine.js').FieldFilters} FieldFilters
 * @typedef {{ name: string, value: string, count: number, state: 'displayed'|'refined'|'excluded', facets?: FacetValue[] }} FacetValue
 * @typedef {{ name: string, facets: FacetValue[] }} Facet
 */

const FACETABLE = new Set(['text', 'int', 'double', 'boolean', 'date', 'datetime']);
const COLLATOR = new Intl.Collator('en', { numeric: true });

/**
 * @param {Dataset} dataset
 * @param {Params} params
 * @returns {{ links: [], facets: Facet[] }}
 */
export function runFacets(dataset, params) {
  const ctx = new Ctx(dataset, params);
  const wheres = parseWheres(params).map((n) => compilePred(n, rowEnv(ctx, 'where')));
  const filters = compileFilters(ctx, params);
  let names = toList(params.facet)
    .filter((n) => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim());
  if (!names.length) names = ctx.fieldList.filter((f) => ctx.has(f, 'facet')).map((f) => f.name);
  const fields = names.map((name) => {
    const f = ctx.fields.get(name);
    if (!f) throw malformed(`Unknown field: ${name}`, 'facet');
    if (!FACETABLE.has(f.type)) throw malformed(`Cannot compute a facet on a ${f.type} field: ${name}`, 'facet');
    return f;
  });
  const base = matchIndices(ctx, and(wheres));
  return { links: [], facets: fields.map((f) => facetOf(ctx, f, base, filters)) };
}

/**
 * @param {Ctx} ctx
 * @param {Field} field
 * @param {number[]} base rows matching where
 * @param {Map<string, FieldFilters>} filters
 * @returns {Facet}
 */
function facetOf(ctx, field, base, filters) {
  const name = field.name;
  const own = filters.get(name);
  const pred = filtersPredicate(filters, { skipRefinesOf: own?.disjunctive ? name : undefined, skipExcludesOf: name });
  const excludeTests = own ? own.excludes.map((t) => t.test) : [];
  /** @param {number} i */
  const passesOwnExcludes = (i) => !excludeTests.some((t) => t(i));
  const refined = own ? own.refines.map((t) => t.value) : [];
  const excluded = new Set(own ? own.excludes.map((t) => t.value) : []);
  const sorter = facetSorter(field);

  if (field.type === 'date' || field.type === 'datetime') {
    return { name, facets: dateFacet(ctx, field, base, pred, passesOwnExcludes, refined, excluded, sorter) };
  }

  const refinedSet = new Set(refined);
  /** @type {Map<string, number>} */
  const counts = new Map();
  const rows = ctx.rows;
  /** @param {string} v @param {boolean} pass */
  const add = (v, pass) => {
    if (pass || excluded.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  for (const i of base) {
    if (pred && !pred(i)) continue;
    const v = rows[i][name];
    if (v === null || v === undefined) continue;
    const pass = !excludeTests.length || passesOwnExcludes(i);
    if (Array.isArray(v)) {
      const seen = new Set();
      for (const e of v) {
        if (e === null || e === undefined) continue;
        const s = String(e);
        if (seen.has(s)) continue;
        seen.add(s);
        add(s, pass);
      }
    } else add(String(v), pass);
  }
  /** @type {FacetValue[]} */
  const values = [...counts].map(([value, count]) => ({
    name: value,
    value,
    count,
    state: refinedSet.has(value) ? 'refined' : excluded.has(value) ? 'excluded' : 'displayed',
  }));
  return { name, facets: values.sort(sorter) };
}

/**
 * @param {Ctx} ctx
 * @param {Field} field
 * @param {number[]} base
 * @param {((i: number) => boolean) | null} pred
 * @param {(i: number) => boolean} passesOwnExcludes
 * @param {string[]} refined refined paths (YYYY, YYYY/MM, YYYY/MM/DD)
 * @param {Set<string>} excluded excluded paths
 * @param {(a: FacetValue, b: FacetValue) => number} sorter
 * @returns {FacetValue[]}
 */
function dateFacet(ctx, field, base, pred, passesOwnExcludes, refined, excluded, sorter) {
  // Paths whose children are listed: the refined paths and their ancestors (days have no children).
  const expand = new Set();
  for (const p of refined) {
    const parts = p.split('/');
    if (parts.length >= 1) expand.add(parts[0]);
    if (parts.length >= 2) expand.add(`${parts[0]}/${parts[1]}`);
  }
  /** @param {string} value */
  const isRefined = (value) => refined.some((p) => p === value || p.startsWith(value + '/'));
  const read = localDateReader(ctx, field);
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @param {string} p */
  const inc = (p) => counts.set(p, (counts.get(p) ?? 0) + 1);
  const checkExcludes = excluded.size > 0;
  for (const i of base) {
    if (pred && !pred(i)) continue;
    if (!read(i)) continue;
    const y = datePath(LOCAL_YMD[0]);
    const m = datePath(LOCAL_YMD[0], LOCAL_YMD[1]);
    const d = datePath(LOCAL_YMD[0], LOCAL_YMD[1], LOCAL_YMD[2]);
    if (!checkExcludes || passesOwnExcludes(i)) {
      inc(y);
      if (expand.has(y)) inc(m);
      if (expand.has(m)) inc(d);
    } else {
      if (excluded.has(y)) inc(y);
      if (excluded.has(m) && expand.has(y)) inc(m);
      if (excluded.has(d) && expand.has(m)) inc(d);
    }
  }
  /**
   * @param {string} prefix '' for years, 'YYYY/' for months, 'YYYY/MM/' for days
   * @returns {FacetValue[]}
   */
  const level = (prefix) => {
    /** @type {FacetValue[]} */
    const out = [];
    for (const [value, count] of counts) {
      if (!value.startsWith(prefix) || value.slice(prefix.length).includes('/')) continue;
      /** @type {FacetValue} */
      const entry = {
        name: value.slice(prefix.length),
        value,
        count,
        state: isRefined(value) ? 'refined' : excluded.has(value) ? 'excluded' : 'displayed',
      };
      if (expand.has(value)) entry.facets = level(value + '/');
      out.push(entry);
    }
    return out.sort(sorter);
  };
  return level('');
}

/**
 * Count descending then name, or the field's `facetsort` annotation (alphanum, -alphanum, count, -count).
 * @param {Field} field
 * @returns {(a: FacetValue, b: FacetValue) => number}
 */
function facetSorter(field) {
  const sort = (annotationArgs(field, 'facetsort') ?? [])[0];
  /** @param {FacetValue} a @param {FacetValue} b */
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (sort === 'alphanum') return (a, b) => COLLATOR.compare(a.name, b.name) || byName(a, b);
  if (sort === '-alphanum') return (a, b) => COLLATOR.compare(b.name, a.name) || byName(b, a);
  return (a, b) => b.count - a.count || byName(a, b);
}
