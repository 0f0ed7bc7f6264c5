/**
 * Exports on Explore v2.1: every matching record at once, as GeoJSON (map layers), JSON or CSV.
 */
import {
  type CompileOptions,
  type CompiledRequest,
  checkInteger,
  filterParams,
  isObject,
  shapeError,
  sortParam,
} from './explore-common.js';
import { quoteField } from './odsql.js';
import type { ExportQuery } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

export function compileExport(ref: DatasetRef, q: ExportQuery, options: CompileOptions): CompiledRequest {
  const params: [string, string][] = [...filterParams(ref, q, options)];
  if (q.fields !== undefined && q.fields.length > 0) params.push(['select', q.fields.map(quoteField).join(', ')]);
  if (q.limit !== undefined)
    params.push([
      'limit',
      String(checkInteger(q.limit, options.attributes?.limit ?? 'limit', -1, Number.MAX_SAFE_INTEGER)),
    ]);
  params.push(...sortParam(q.sort, (by) => quoteField(by), options.attributes?.sort ?? 'sort'));
  return {
    url: buildUrl(`${datasetApiUrl(ref)}/exports/${q.format}`, params),
    plan: { kind: 'export', format: q.format },
  };
}
/** A GeoJSON FeatureCollection (the subset Vitrine reads). */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[];
}

/**
 * Checks a GeoJSON export.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseGeoJsonResponse(body: unknown, url?: string): FeatureCollection {
  if (!isObject(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) throw shapeError(url);
  return body as unknown as FeatureCollection;
}

/**
 * Checks a JSON export (a bare array of flat records).
 *
 * @throws VitrineDataError `malformed`
 */
export function parseJsonExportResponse(body: unknown, url?: string): Record<string, unknown>[] {
  if (!Array.isArray(body)) throw shapeError(url);
  return body.filter(isObject);
}
