/**
 * Map clusters on Explore v2.1 (`geo_cluster`): points grouped at a zoom level, with their counts.
 */
import {
  type CompileOptions,
  type CompiledRequest,
  EXPLORE_LIMITS,
  type PlanMeasure,
  type ResultPlan,
  checkInteger,
  filterParams,
  isObject,
  measureExpression,
  pick,
  shapeError,
  toNumber,
} from './explore-common.js';
import { quoteField } from './odsql.js';
import { type ClusterQuery, measureKey } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

export function compileClusters(ref: DatasetRef, q: ClusterQuery, options: CompileOptions): CompiledRequest {
  const zoom = checkInteger(q.zoom, 'zoom', 0, 25);
  const measures: PlanMeasure[] = (q.measures ?? []).map((m, i) => ({
    alias: `vitrine_m${i}`,
    expression: measureExpression(m),
    key: measureKey(m),
  }));
  const cluster = `geo_cluster(${quoteField(q.geoField)}, ${zoom})`;
  const params: [string, string][] = [
    ['select', ['count(*) as vitrine_count', ...measures.map((m) => `${m.expression} as ${m.alias}`)].join(', ')],
    ['group_by', `${cluster} as vitrine_cluster`],
    ['limit', String(EXPLORE_LIMITS.groups)],
    ...filterParams(ref, q, options),
  ];
  return {
    url: buildUrl(`${datasetApiUrl(ref)}/records`, params),
    plan: { kind: 'clusters', cluster: 'vitrine_cluster', count: 'vitrine_count', measures },
  };
}
/** One map cluster. */
export interface ClusterRow {
  lat: number;
  lon: number;
  count: number;
  /** Other measures, by measure key. */
  values: Record<string, number | null>;
}

/** Map clusters. */
export interface ClustersResult {
  rows: ClusterRow[];
}

/**
 * Reads a geo_cluster answer: `{"vitrine_cluster": {"cluster_centroid": {"lat", "lon"}}, "vitrine_count": 613}`.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseClustersResponse(body: unknown, plan: ResultPlan, url?: string): ClustersResult {
  if (plan.kind !== 'clusters') throw new TypeError('not a clusters plan');
  if (!isObject(body) || !Array.isArray(body.results)) throw shapeError(url);
  const rows: ClusterRow[] = [];
  for (const raw of body.results.filter(isObject)) {
    let cluster: unknown = raw[plan.cluster];
    if (cluster === undefined) {
      cluster = Object.entries(raw).find(([k]) => /^geo_cluster\(/i.test(k))?.[1];
    }
    const centroid = isObject(cluster) && isObject(cluster.cluster_centroid) ? cluster.cluster_centroid : cluster;
    if (!isObject(centroid)) continue;
    const lat = toNumber(centroid.lat);
    const lon = toNumber(centroid.lon);
    if (lat === null || lon === null) continue;
    const values: Record<string, number | null> = {};
    for (const m of plan.measures) values[m.key] = toNumber(pick(raw, m.alias, m.expression));
    rows.push({ lat, lon, count: toNumber(raw[plan.count] ?? raw['count(*)']) ?? 0, values });
  }
  return { rows };
}
