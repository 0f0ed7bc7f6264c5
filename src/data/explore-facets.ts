/**
 * Facets on Explore v2.1: the values of a field with their counts (filter widgets).
 */
import {
  type CompileOptions,
  type CompiledRequest,
  filterParams,
  isObject,
  shapeError,
  toNumber,
} from './explore-common.js';
import type { FacetsQuery } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

export function compileFacets(ref: DatasetRef, q: FacetsQuery, options: CompileOptions): CompiledRequest {
  const params: [string, string][] = [...filterParams(ref, q, options)];
  // Facet names are API parameters, not ODSQL: no back-quotes.
  for (const facet of q.facets) params.push(['facet', facet]);
  return { url: buildUrl(`${datasetApiUrl(ref)}/facets`, params), plan: { kind: 'facets' } };
}
/** One facet value, with nested values for dates (`2020` → `2020/05`). */
export interface FacetValue {
  value: string;
  name: string;
  count: number;
  state?: 'displayed' | 'refined' | 'excluded';
  children?: FacetValue[];
}

/** Facet values per field. */
export interface FacetsResult {
  facets: { field: string; values: FacetValue[] }[];
}

function facetValue(raw: Record<string, unknown>): FacetValue | null {
  const count = toNumber(raw.count);
  const name = raw.name ?? raw.value;
  const value = raw.value ?? raw.path ?? raw.name;
  if (count === null || name === undefined || value === undefined) return null;
  const result: FacetValue = { value: String(value), name: String(name), count };
  if (raw.state === 'displayed' || raw.state === 'refined' || raw.state === 'excluded') result.state = raw.state;
  if (Array.isArray(raw.facets)) {
    const children = raw.facets
      .filter(isObject)
      .map(facetValue)
      .filter((v): v is FacetValue => v !== null);
    if (children.length > 0) result.children = children;
  }
  return result;
}

/**
 * Reads a facets answer `{links, facets: [{name, facets: [{name, value, count, state, facets?}]}]}`.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseFacetsResponse(body: unknown, url?: string): FacetsResult {
  if (!isObject(body) || !Array.isArray(body.facets)) throw shapeError(url);
  return {
    facets: body.facets.filter(isObject).map((group) => ({
      field: String(group.name ?? ''),
      values: Array.isArray(group.facets)
        ? group.facets
            .filter(isObject)
            .map(facetValue)
            .filter((v): v is FacetValue => v !== null)
        : [],
    })),
  };
}
