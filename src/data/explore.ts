/**
 * The Opendatasoft Explore API v2.1 adapter: compiles neutral queries to request URLs, and reads the
 * portal's answers (records, groups, facets, clusters, exports, errors) into neutral results.
 *
 * Aggregation is always pushed to the portal (`select` with aggregates, `group_by`, `/facets`,
 * `geo_cluster`): a chart of a million rows moves a few hundred bytes. Every value enters the query
 * through src/data/odsql.ts; raw `where` clauses (written by the webmaster, or found in the `src`
 * address) go in their own `where` parameters, which the portal ANDs, so they cannot widen ours.
 * Parameters are sorted, so identical queries have identical URLs (and share a cache entry).
 *
 * This module is the whole adapter. Its parts live in one module per query kind around a common one
 * (explore-common.ts; explore-totals.ts for one-row aggregates, explore-aggregate.ts for grouped ones,
 * explore-records.ts, explore-facets.ts, explore-export.ts, explore-clusters.ts): `Dataset` loads a
 * kind's module the first time it runs such a query, so a page of key figures never downloads the code
 * of charts, tables, filters or maps.
 */
import { compileAggregate } from './explore-aggregate.js';
import { compileClusters } from './explore-clusters.js';
import type { CompileOptions, CompiledRequest } from './explore-common.js';
import { compileExport } from './explore-export.js';
import { compileFacets } from './explore-facets.js';
import { compileRecords } from './explore-records.js';
import type { Query } from './query.js';
import type { DatasetRef } from './source-url.js';

export {
  type FieldSchema,
  type CompileOptions,
  type CompiledRequest,
  type ResultPlan,
  type PortalErrorInfo,
  EXPLORE_LIMITS,
  compileCondition,
  parseExploreError,
} from './explore-common.js';
export { type AggregateResult, timeUnitExpression, parseAggregateResponse } from './explore-aggregate.js';
export { type RecordsResult, parseRecordsResponse } from './explore-records.js';
export { type FacetValue, type FacetsResult, parseFacetsResponse } from './explore-facets.js';
export { type ClusterRow, type ClustersResult, parseClustersResponse } from './explore-clusters.js';
export { type FeatureCollection, parseGeoJsonResponse, parseJsonExportResponse } from './explore-export.js';

/**
 * Compiles a neutral query to an Explore v2.1 request.
 *
 * @throws VitrineDataError `bad-attribute` for values that do not fit a field's type, limits beyond
 *   the portal's, unknown sort keys, or field names that cannot be quoted.
 */
export function compileExplore(ref: DatasetRef, query: Query, options: CompileOptions = {}): CompiledRequest {
  switch (query.kind) {
    case 'aggregate':
      return compileAggregate(ref, query, options);
    case 'records':
      return compileRecords(ref, query, options);
    case 'facets':
      return compileFacets(ref, query, options);
    case 'export':
      return compileExport(ref, query, options);
    case 'clusters':
      return compileClusters(ref, query, options);
  }
}
