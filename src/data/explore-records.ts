/**
 * Records on Explore v2.1: a page of rows (tables), at most 100 at a time within the first 10 000.
 */
import {
  type CompileOptions,
  type CompiledRequest,
  EXPLORE_LIMITS,
  checkInteger,
  filterParams,
  isObject,
  shapeError,
  sortParam,
  totalOf,
} from './explore-common.js';
import { VitrineDataError } from './errors.js';
import { quoteField } from './odsql.js';
import type { RecordsQuery } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

export function compileRecords(ref: DatasetRef, q: RecordsQuery, options: CompileOptions): CompiledRequest {
  const limit = checkInteger(q.limit ?? 10, options.attributes?.limit ?? 'limit', 0, EXPLORE_LIMITS.records);
  const offset = checkInteger(q.offset ?? 0, options.attributes?.offset ?? 'offset', 0, EXPLORE_LIMITS.window);
  if (offset + limit > EXPLORE_LIMITS.window) {
    throw new VitrineDataError('bad-attribute', {
      attribute: options.attributes?.offset ?? 'offset',
      value: String(offset),
      reason: { key: 'reason.offset', params: { max: EXPLORE_LIMITS.window } },
      example: String(EXPLORE_LIMITS.window - limit),
    });
  }
  const params: [string, string][] = [...filterParams(ref, q, options), ['limit', String(limit)]];
  if (offset > 0) params.push(['offset', String(offset)]);
  if (q.fields !== undefined && q.fields.length > 0) params.push(['select', q.fields.map(quoteField).join(', ')]);
  params.push(...sortParam(q.sort, (by) => quoteField(by), options.attributes?.sort ?? 'sort'));
  return { url: buildUrl(`${datasetApiUrl(ref)}/records`, params), plan: { kind: 'records' } };
}
/** Records: flat field maps, and the number of matching records. */
export interface RecordsResult {
  rows: Record<string, unknown>[];
  total?: number;
}

/**
 * Reads a records answer: v2.1 `{total_count, results: [flat]}` (and, tolerantly, v2.0
 * `{total_count, records: [{record: {fields}}]}` and v1 `{nhits, records: [{fields}]}`).
 *
 * @throws VitrineDataError `malformed`
 */
export function parseRecordsResponse(body: unknown, url?: string): RecordsResult {
  if (!isObject(body)) throw shapeError(url);
  let rows: Record<string, unknown>[];
  if (Array.isArray(body.results)) {
    rows = body.results.filter(isObject);
  } else if (Array.isArray(body.records)) {
    rows = body.records.filter(isObject).map((r) => {
      const inner = isObject(r.record) ? r.record : r;
      return isObject(inner.fields) ? inner.fields : inner;
    });
  } else throw shapeError(url);
  // More records than the query's `limit`: not an answer to this query.
  const limit = url === undefined ? undefined : /[?&]limit=(\d+)/.exec(url)?.[1];
  if (limit !== undefined && rows.length > Number(limit)) throw shapeError(url);
  const total = totalOf(body);
  return total === undefined ? { rows } : { rows, total };
}
