/**
 * One dataset, end to end: detection → metadata → validation → query → adapter → client → result.
 * This is what a component's controller talks to.
 *
 * ```ts
 * const dataset = openDataset('https://data.example.fr/explore/dataset/communes-france/');
 * const { rows } = await dataset.aggregate({ measures: [parseMeasure('sum(population)')] }, { signal });
 * ```
 */
import { type DataErrorDetails, isVitrineDataError } from './errors.js';
import type { ClustersResult } from './explore-clusters.js';
import { type CompileOptions, type CompiledRequest, parseExploreError } from './explore-common.js';
import type { FeatureCollection } from './explore-export.js';
import type { FacetsResult } from './explore-facets.js';
import type { RecordsResult } from './explore-records.js';
import { type AggregateResult, compileTotals, parseTotalsResponse } from './explore-totals.js';
import { type HttpClient, getHttpClient } from './http.js';
import { type AttributeNames, type DatasetMetadata, fetchMetadata, validateQuery } from './metadata.js';
import {
  type AggregateQuery,
  type ClusterQuery,
  type ExportQuery,
  type FacetsQuery,
  type Query,
  type RecordsQuery,
  othersQuery,
} from './query.js';
import { type DatasetRef, type DetectOptions, detectSource } from './source-url.js';

type Compile<Q extends Query> = (ref: DatasetRef, query: Q, options: CompileOptions) => CompiledRequest;

/**
 * The Explore adapter's compiler for a query. One-row aggregates (what a key figure asks) are part of
 * this module's chunk; grouped aggregates and the other kinds load their module the first time one runs,
 * which {@link Dataset.prepare} starts while the metadata is asked for (no extra round trip).
 */
async function compilerFor(query: Query): Promise<Compile<Query>> {
  let compile: Compile<never>;
  switch (query.kind) {
    case 'aggregate':
      compile = query.groupBy?.length ? (await import('./explore-aggregate.js')).compileAggregate : compileTotals;
      break;
    case 'records':
      compile = (await import('./explore-records.js')).compileRecords;
      break;
    case 'facets':
      compile = (await import('./explore-facets.js')).compileFacets;
      break;
    case 'export':
      compile = (await import('./explore-export.js')).compileExport;
      break;
    case 'clusters':
      compile = (await import('./explore-clusters.js')).compileClusters;
      break;
  }
  return compile as Compile<Query>;
}

/** Options of one data request. Every field is optional. */
export interface RunOptions {
  /** Abort when the element leaves the page or the query changes. */
  signal?: AbortSignal;
  /** Skip a fresh cached answer (revalidated with the portal). */
  refresh?: boolean;
  /** Cache lifetime of this answer, ms. */
  ttl?: number;
  /** Attribute names for error messages, by role (`{ measure: 'y', group: 'x' }`). */
  attributes?: AttributeNames;
}

/** Options of {@link openDataset}. Every field is optional. */
export interface DatasetOptions extends DetectOptions {
  /** Default: the page-wide client. */
  client?: HttpClient;
}

/** A dataset on a portal, ready to be queried. */
export class Dataset {
  readonly ref: DatasetRef;
  readonly client: HttpClient;

  constructor(ref: DatasetRef, options: { client?: HttpClient } = {}) {
    this.ref = ref;
    this.client = options.client ?? getHttpClient();
  }

  /** Field labels and types (fetched once). */
  metadata(options: Pick<RunOptions, 'signal' | 'refresh'> = {}): Promise<DatasetMetadata> {
    const request: Parameters<typeof fetchMetadata>[1] = { client: this.client };
    if (options.signal !== undefined) request.signal = options.signal;
    if (options.refresh === true) request.refresh = true;
    return fetchMetadata(this.ref, request);
  }

  /** Checks the query's fields against the schema and compiles it (no data request). */
  async prepare(query: Query, options: RunOptions = {}): Promise<CompiledRequest> {
    const compiler = compilerFor(query);
    compiler.catch(() => undefined); // awaited below, unless the metadata fails first
    const meta = await this.metadata(options.signal === undefined ? {} : { signal: options.signal });
    validateQuery(meta, query, options.attributes);
    const attributes: Record<string, string> = {};
    for (const role of ['filter', 'limit', 'offset', 'sort'] as const) {
      const name = options.attributes?.[role];
      if (name !== undefined) attributes[role] = name;
    }
    return (await compiler)(this.ref, query, { fields: meta.fields, attributes });
  }

  /** Aggregates over the matching records, per group when `groupBy` is set; plus the "others" bucket. */
  async aggregate(query: AggregateQuery, options: RunOptions = {}): Promise<AggregateResult> {
    // A grouped answer is read by the grouped-aggregate module, whose compiler loaded it already.
    const result = await this.run({ kind: 'aggregate', ...query }, options, async (body, plan, url) =>
      query.groupBy?.length
        ? (await import('./explore-aggregate.js')).parseAggregateResponse(body, plan, url)
        : parseTotalsResponse(body, plan, url),
    );
    const rest = othersQuery(query, result.rows);
    if (rest !== null) {
      // Over the groups beyond the limit: one row.
      const others = await this.run({ kind: 'aggregate', ...rest }, options, parseTotalsResponse);
      const row = others.rows[0];
      if (row !== undefined && Object.values(row).some((v) => v !== null && v !== 0)) result.others = row;
    }
    return result;
  }

  /** A page of records, and the number of matching records. */
  records(query: RecordsQuery, options: RunOptions = {}): Promise<RecordsResult> {
    return this.run({ kind: 'records', ...query }, options, async (body, _plan, url) =>
      (await import('./explore-records.js')).parseRecordsResponse(body, url),
    );
  }

  /** Facet values with counts. */
  facets(query: FacetsQuery, options: RunOptions = {}): Promise<FacetsResult> {
    return this.run({ kind: 'facets', ...query }, options, async (body, _plan, url) =>
      (await import('./explore-facets.js')).parseFacetsResponse(body, url),
    );
  }

  /** Map clusters at a zoom level. */
  clusters(query: ClusterQuery, options: RunOptions = {}): Promise<ClustersResult> {
    return this.run({ kind: 'clusters', ...query }, options, async (body, plan, url) =>
      (await import('./explore-clusters.js')).parseClustersResponse(body, plan, url),
    );
  }

  /** The matching records as a GeoJSON FeatureCollection (map layers). */
  geojson(query: Omit<ExportQuery, 'format'> = {}, options: RunOptions = {}): Promise<FeatureCollection> {
    return this.run({ kind: 'export', ...query, format: 'geojson' }, options, async (body, _plan, url) =>
      (await import('./explore-export.js')).parseGeoJsonResponse(body, url),
    );
  }

  /** The matching records as a JSON array (no 10 000-record window). */
  exportJson(query: Omit<ExportQuery, 'format'> = {}, options: RunOptions = {}): Promise<Record<string, unknown>[]> {
    return this.run({ kind: 'export', ...query, format: 'json' }, options, async (body, _plan, url) =>
      (await import('./explore-export.js')).parseJsonExportResponse(body, url),
    );
  }

  /** The address of an export (e.g. a CSV download link of exactly what a table shows). */
  async exportUrl(query: ExportQuery, options: RunOptions = {}): Promise<string> {
    return (await this.prepare({ kind: 'export', ...query }, options)).url;
  }

  private async run<T>(
    query: Query,
    options: RunOptions,
    parse: (body: unknown, plan: CompiledRequest['plan'], url?: string) => T | Promise<T>,
  ): Promise<T> {
    const { url, plan } = await this.prepare(query, options);
    const request: Parameters<HttpClient['getJson']>[1] = { describeError: parseExploreError };
    if (options.signal !== undefined) request.signal = options.signal;
    if (options.refresh !== undefined) request.refresh = options.refresh;
    if (options.ttl !== undefined) request.ttl = options.ttl;
    try {
      const body = await this.client.getJson(url, request);
      return await parse(body, plan, url);
    } catch (error) {
      if (!isVitrineDataError(error)) throw error;
      const more: DataErrorDetails = {};
      if (error.details.dataset === undefined) more.dataset = this.ref.datasetId;
      if (error.details.attribute === undefined) {
        const attribute = this.blame(query, error.kind, error.details.portalMessage, options.attributes);
        if (attribute !== undefined) more.attribute = attribute;
      }
      throw error.withDetails(more);
    }
  }

  /** The attribute most likely behind a portal error. */
  private blame(
    query: Query,
    kind: string,
    message: string | undefined,
    attributes: AttributeNames | undefined,
  ): string | undefined {
    if (kind === 'not-found' || kind === 'unauthorized' || kind === 'network' || kind === 'malformed') return 'src';
    if (kind !== 'bad-query') return undefined;
    const mentionsWhere = message !== undefined && /\bwhere\b/i.test(message);
    if (mentionsWhere && (query.where?.length ?? 0) > 0) return attributes?.where ?? 'where';
    if (mentionsWhere && this.ref.baseFilters.where.length > 0) return 'src';
    return undefined;
  }
}

/**
 * Opens the dataset an address points to (see `detectSource` for the accepted forms).
 *
 * @throws VitrineDataError `unsupported-url`
 */
export function openDataset(src: string, options: DatasetOptions = {}): Dataset {
  const { client, ...detect } = options;
  const ref = detectSource(src, detect);
  return client === undefined ? new Dataset(ref) : new Dataset(ref, { client });
}
