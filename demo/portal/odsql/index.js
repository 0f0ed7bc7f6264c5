// @ts-check
/**
 * The query engine of the local portal: ODSQL (Explore API v2.1) over in-memory datasets.
 *
 * ```js
 * import { runRecords } from './odsql/index.js';
 * runRecords(dataset, { select: 'carrier, count(*) as n', group_by: 'carrier', order_by: 'n desc', limit: 5 });
 * ```
 *
 * `dataset = { fields: [{ name, label, type, annotations }], rows }` with rows in the v2.1 encodings
 * (see context.js). Every query is parsed and compiled into closures once, then run over the rows;
 * per-field caches (parsed dates, words, geometries) are kept per rows array, which must therefore
 * not be modified after its first query. Invalid queries throw {@link ODSQLError} whose message is
 * the body the portal returns with its 400.
 *
 * Choices where the real portal is undocumented (see reference/portal-apis.md):
 * - full text (`search()`, `suggest()`, bare strings) is a word-prefix match, case and accents
 *   ignored, without fuzziness; `like` matches whole words (`*` wildcards), in order;
 * - `NOT` and `!=` follow the search engine: `NOT f = 1` keeps rows where f is null; `f != 1` does not;
 * - an aggregate over no value is null (`sum`, `avg`, `min`…), `count` is 0; aggregates without
 *   group_by keep `total_count` (the number of matching rows);
 * - a multivalued field in group_by puts a row in the group of each of its distinct elements;
 * - order_by sorts on aggregates must come before the other sorts (as the real API requires);
 * - geometry tests are planar in lon/lat; distances are haversine (mean Earth radius);
 * - geo_cluster cells are Web-Mercator squares of `radius` pixels (default 64) at the zoom level.
 * Not supported: fuzzy search, `envelope()`/`bbox()` aggregates, `equi()`, `dayofweek()`,
 * hierarchical (non-date) facets, facet options such as limits.
 *
 * @module
 */
import { ODSQLError } from './errors.js';
import { Ctx } from './context.js';
import { buildPlan, compileMatch, execute, matchIndices } from './query.js';
import { runFacets as facets } from './facets.js';

export { ODSQLError };

/**
 * @typedef {import('./context.js').Dataset} Dataset
 * @typedef {import('./context.js').Params} Params
 * @typedef {import('./facets.js').Facet} Facet
 */

/**
 * `/records`: select, where, group_by, order_by, limit (default 10, -1 = no limit), offset, refine,
 * exclude, timezone, lang. No `total_count` when group_by is present.
 * @param {Dataset} dataset
 * @param {Params} [params]
 * @returns {{ total_count?: number, results: Record<string, any>[] }}
 */
export function runRecords(dataset, params = {}) {
  const plan = buildPlan(dataset, params);
  return execute(plan, params.offset, params.limit ?? 10);
}

/**
 * `/exports/json`: like records, without the limit cap (limit -1 or absent = every row).
 * @param {Dataset} dataset
 * @param {Params} [params]
 * @returns {Record<string, any>[]}
 */
export function runExport(dataset, params = {}) {
  const plan = buildPlan(dataset, params);
  return execute(plan, params.offset, params.limit ?? -1).results;
}

/**
 * `/facets`: value counts of the `facet` fields (default: every field annotated `facet`).
 * @param {Dataset} dataset
 * @param {Params} [params]
 * @returns {{ links: [], facets: Facet[] }}
 */
export function runFacets(dataset, params = {}) {
  return facets(dataset, params);
}

/**
 * The stored rows (same objects, dataset order) that match where + refine + exclude.
 * @param {Dataset} dataset
 * @param {Params} [params]
 * @returns {Record<string, any>[]}
 */
export function matchRows(dataset, params = {}) {
  const ctx = new Ctx(dataset, params);
  const pred = compileMatch(ctx, params);
  return matchIndices(ctx, pred).map((i) => dataset.rows[i]);
}
