/**
 * The Opendatasoft Explore API v2.1 adapter: compiles neutral queries to request URLs, and reads the
 * portal's answers (records, groups, facets, clusters, exports, errors) into neutral results.
 *
 * Aggregation is always pushed to the portal (`select` with aggregates, `group_by`, `/facets`,
 * `geo_cluster`): a chart of a million rows moves a few hundred bytes. Every value enters the query
 * through src/data/odsql.ts; raw `where` clauses (written by the webmaster, or found in the `src`
 * address) go in their own `where` parameters, which the portal ANDs, so they cannot widen ours.
 * Parameters are sorted, so identical queries have identical URLs (and share a cache entry).
 */
import { type TimeUnit, periodKey } from '../format/date.js';
import { type DataErrorDetails, type DataErrorKind, VitrineDataError, statusKind } from './errors.js';
import { parseNumberText } from './filter.js';
import { dateLiteral, isDateText, numberLiteral, quoteField, quoteString } from './odsql.js';
import {
  type AggregateQuery,
  type AggregateRow,
  type ClusterQuery,
  type Condition,
  type ExportQuery,
  type FacetsQuery,
  type Measure,
  type Query,
  type QueryBase,
  type RecordsQuery,
  type Scalar,
  type Sort,
  groupKey,
  measureKey,
} from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

/** The limits of the Explore API v2.1. */
export const EXPLORE_LIMITS = Object.freeze({
  /** Records per page without group_by. */
  records: 100,
  /** `offset + limit` on records. */
  window: 10_000,
  /** Groups per answer with group_by. */
  groups: 20_000,
  /** Groups asked for when a query sets no limit. */
  defaultGroups: 5_000,
});

/** What the adapter needs to know of a field to type values. */
export interface FieldSchema {
  name: string;
  /** `text`, `int`, `double`, `boolean`, `date`, `datetime`, `geo_point_2d`, `geo_shape`, `file`, `json_blob`. */
  type: string;
  multivalued?: boolean;
}

/** Options of the compiler. Every field is optional. */
export interface CompileOptions {
  /** The dataset's fields: values are typed from them (numbers, dates, booleans). */
  fields?: readonly FieldSchema[];
  /** Attribute names for error messages, by role. */
  attributes?: { filter?: string; limit?: string; offset?: string; sort?: string };
}

/** A compiled request: the URL, and what the parser needs to read the answer. */
export interface CompiledRequest {
  url: string;
  plan: ResultPlan;
}

/** How to read an answer back into neutral keys. */
export type ResultPlan =
  | { kind: 'records' }
  | { kind: 'aggregate'; groups: PlanGroup[]; measures: PlanMeasure[]; limit?: number }
  | { kind: 'facets' }
  | { kind: 'export'; format: ExportQuery['format'] }
  | { kind: 'clusters'; cluster: string; count: string; measures: PlanMeasure[] };

interface PlanGroup {
  alias: string;
  expression: string;
  key: string;
  timeUnit?: TimeUnit;
}
interface PlanMeasure {
  alias: string;
  expression: string;
  key: string;
}

// ——— Values ————————————————————————————————————————————————————————————————

type FieldTypes = ReadonlyMap<string, FieldSchema>;

function typesOf(options: CompileOptions): FieldTypes {
  return new Map((options.fields ?? []).map((f) => [f.name, f]));
}

const NUMERIC = new Set(['int', 'double', 'integer', 'decimal', 'number']);
const DATES = new Set(['date', 'datetime']);

function badValue(
  attribute: string,
  value: Scalar,
  key: 'reason.expected-number' | 'reason.expected-date' | 'reason.expected-boolean',
  example: string,
): VitrineDataError {
  return new VitrineDataError('bad-attribute', {
    attribute,
    value: String(value),
    reason: { key, params: { value: String(value) } },
    example,
  });
}

/** A literal for `value` compared with `field`, typed from the schema. */
function literal(field: FieldSchema | undefined, value: Scalar, attribute: string): string {
  const type = field?.type;
  if (type !== undefined && NUMERIC.has(type)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? parseNumberText(value.trim()) : null;
    if (n === null) throw badValue(attribute, value, 'reason.expected-number', `${field?.name ?? 'x'} >= 1000`);
    return numberLiteral(n);
  }
  if (type !== undefined && DATES.has(type)) {
    const text = String(value).trim();
    if (!isDateText(text))
      throw badValue(attribute, value, 'reason.expected-date', `${field?.name ?? 'date'} = 2024-03`);
    return dateLiteral(text);
  }
  if (type === 'boolean') {
    const text = String(value).trim().toLowerCase();
    if (text !== 'true' && text !== 'false') {
      throw badValue(attribute, value, 'reason.expected-boolean', `${field?.name ?? 'flag'} = true`);
    }
    return text;
  }
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Without a schema, a comparison operand that reads as a number is a number.
  return quoteString(value);
}

/** The start of the period after a partial date (`2024` → `2025`), or null for a full date-time. */
function nextPeriod(text: string): string | null {
  const m = /^(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return String(y + 1).padStart(4, '0');
  const mo = Number(m[2]);
  if (m[3] === undefined)
    return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m[1]}-${String(mo + 1).padStart(2, '0')}`;
  const d = new Date(Date.UTC(y, mo - 1, Number(m[3]) + 1));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function isDateField(field: FieldSchema | undefined): boolean {
  return field !== undefined && DATES.has(field.type);
}

/** One neutral condition as an ODSQL boolean expression. */
export function compileCondition(condition: Condition, fields: FieldTypes = new Map(), attribute = 'filter'): string {
  const schema = fields.get(condition.field);
  const f = quoteField(condition.field);
  const lit = (value: Scalar) => literal(schema, value, attribute);
  // Partial dates on a date field are periods: compare with their bounds.
  const period = (value: Scalar): { from: string; to: string } | null => {
    if (!isDateField(schema)) return null;
    const next = nextPeriod(String(value));
    return next === null ? null : { from: lit(value), to: dateLiteral(next) };
  };
  const equals = (values: readonly Scalar[]): string => {
    if (isDateField(schema)) {
      const parts = values.map((v) => {
        const p = period(v);
        return p === null ? `${f} = ${lit(v)}` : `(${f} >= ${p.from} AND ${f} < ${p.to})`;
      });
      return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(' OR ')})`;
    }
    if (values.length === 1) return `${f} = ${lit(values[0] ?? '')}`;
    return `${f} IN (${values.map(lit).join(', ')})`;
  };
  switch (condition.op) {
    case 'in':
      return condition.values.length === 0 ? 'false' : equals(condition.values);
    case 'not-in':
      return condition.values.length === 0 ? 'true' : `(${f} IS NULL OR NOT (${equals(condition.values)}))`;
    case 'lt':
    case 'ge': {
      const op = condition.op === 'lt' ? '<' : '>=';
      const p = period(condition.value);
      return `${f} ${op} ${p === null ? lit(condition.value) : p.from}`;
    }
    case 'le':
    case 'gt': {
      const p = period(condition.value);
      if (p !== null) return `${f} ${condition.op === 'le' ? '<' : '>='} ${p.to}`;
      return `${f} ${condition.op === 'le' ? '<=' : '>'} ${lit(condition.value)}`;
    }
    case 'between': {
      const lo = period(condition.min);
      const hi = period(condition.max);
      const low = `${f} >= ${lo === null ? lit(condition.min) : lo.from}`;
      const high = hi === null ? `${f} <= ${lit(condition.max)}` : `${f} < ${hi.to}`;
      return `(${low} AND ${high})`;
    }
    case 'null':
      return `${f} IS NULL`;
    case 'not-null':
      return `${f} IS NOT NULL`;
    case 'search':
    case 'starts-with': {
      const fn = condition.op === 'search' ? 'search' : 'startswith';
      const parts = condition.values.map((v) => `${fn}(${f}, ${quoteString(v)})`);
      return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(' OR ')})`;
    }
  }
}

// ——— Requests ————————————————————————————————————————————————————————————

/** `where` (and `refine`/`exclude`) parameters for a query: base filters, raw clauses, conditions. */
function filterParams(ref: DatasetRef, query: QueryBase, options: CompileOptions): [string, string][] {
  const params: [string, string][] = [];
  const fields = typesOf(options);
  const base = ref.baseFilters;
  for (const r of base.refine) params.push(['refine', `${r.field}:${quoteString(r.value)}`]);
  for (const r of base.exclude) params.push(['exclude', `${r.field}:${quoteString(r.value)}`]);
  const clauses: string[] = [];
  for (const w of base.where) clauses.push(w);
  if (base.q !== undefined && base.q.trim() !== '') clauses.push(`search(${quoteString(base.q)})`);
  for (const w of query.where ?? []) if (w.trim() !== '') clauses.push(w.trim());
  if (query.search !== undefined && query.search.trim() !== '')
    clauses.push(`search(${quoteString(query.search.trim())})`);
  for (const c of query.filter ?? []) clauses.push(compileCondition(c, fields, options.attributes?.filter ?? 'filter'));
  for (const clause of clauses) params.push(['where', clause]);
  if (query.timezone !== undefined && query.timezone !== '') params.push(['timezone', query.timezone]);
  return params;
}

function limitError(attribute: string, value: number, min: number, max: number): VitrineDataError {
  return new VitrineDataError('bad-attribute', {
    attribute,
    value: String(value),
    reason: { key: 'reason.limit', params: { min, max } },
    example: String(Math.min(10, max)),
  });
}

function checkInteger(value: number, attribute: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw limitError(attribute, value, min, max);
  return value;
}

function measureExpression(m: Measure): string {
  const field = m.field === undefined ? undefined : quoteField(m.field);
  switch (m.op) {
    case 'count':
      return field === undefined ? 'count(*)' : `count(${field})`;
    case 'count_distinct':
      return `count(distinct ${field ?? '*'})`;
    default:
      return `${m.op}(${field ?? '*'})`;
  }
}

/**
 * ODSQL for a time unit of a date field. Each gives text or a number that {@link periodKey} reads.
 * Joda patterns: `xxxx` week-year, `ww` ISO week; quarters come from ranges of 3 months.
 */
export function timeUnitExpression(field: string, unit: TimeUnit): string {
  const f = quoteField(field);
  switch (unit) {
    case 'year':
      return `year(${f})`;
    case 'quarter':
      return `range(${f}, 1 q)`;
    case 'month':
      return `date_format(${f}, "yyyy-MM")`;
    case 'week':
      return `date_format(${f}, "xxxx-'W'ww")`;
    case 'day':
      return `date_format(${f}, "yyyy-MM-dd")`;
    case 'hour':
      return `date_format(${f}, "yyyy-MM-dd HH")`;
  }
}

function sortParam(
  sort: readonly Sort[] | undefined,
  resolve: (by: string) => string | undefined,
  attribute: string,
): [string, string][] {
  if (sort === undefined || sort.length === 0) return [];
  const parts = sort.map((s) => {
    const target = resolve(s.by);
    if (target === undefined) {
      throw new VitrineDataError('bad-attribute', {
        attribute,
        value: s.by,
        reason: { key: 'reason.sort-key', params: { key: s.by } },
        example: '-population',
      });
    }
    return `${target} ${s.desc ? 'desc' : 'asc'}`;
  });
  return [['order_by', parts.join(', ')]];
}

function compileAggregate(ref: DatasetRef, q: AggregateQuery, options: CompileOptions): CompiledRequest {
  if (q.measures.length === 0) throw new TypeError('an aggregate query needs at least one measure');
  const measures: PlanMeasure[] = q.measures.map((m, i) => ({
    alias: `vitrine_m${i}`,
    expression: measureExpression(m),
    key: measureKey(m),
  }));
  const groups: PlanGroup[] = (q.groupBy ?? []).map((g, i) => {
    const group: PlanGroup = {
      alias: `vitrine_g${i}`,
      expression: g.timeUnit === undefined ? quoteField(g.field) : timeUnitExpression(g.field, g.timeUnit),
      key: groupKey(g),
    };
    if (g.timeUnit !== undefined) group.timeUnit = g.timeUnit;
    return group;
  });
  const params: [string, string][] = [
    ['select', measures.map((m) => `${m.expression} as ${m.alias}`).join(', ')],
    ...filterParams(ref, q, options),
  ];
  const plan: ResultPlan = { kind: 'aggregate', groups, measures };
  if (groups.length > 0) {
    params.push(['group_by', groups.map((g) => `${g.expression} as ${g.alias}`).join(', ')]);
    const limit = checkInteger(
      q.limit ?? EXPLORE_LIMITS.defaultGroups,
      options.attributes?.limit ?? 'limit',
      0,
      EXPLORE_LIMITS.groups,
    );
    params.push(['limit', String(limit)]);
    plan.limit = limit;
    const byKey = new Map<string, string>();
    for (const g of groups) byKey.set(g.key, g.alias);
    for (const m of measures) byKey.set(m.key, m.alias);
    // Time series read in time order unless told otherwise.
    const sort =
      q.sort ?? (groups.some((g) => g.timeUnit !== undefined) ? groups.map((g) => ({ by: g.key })) : undefined);
    params.push(...sortParam(sort, (by) => byKey.get(by), options.attributes?.sort ?? 'sort'));
  }
  return { url: buildUrl(`${datasetApiUrl(ref)}/records`, params), plan };
}

function compileRecords(ref: DatasetRef, q: RecordsQuery, options: CompileOptions): CompiledRequest {
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

function compileFacets(ref: DatasetRef, q: FacetsQuery, options: CompileOptions): CompiledRequest {
  const params: [string, string][] = [...filterParams(ref, q, options)];
  // Facet names are API parameters, not ODSQL: no back-quotes.
  for (const facet of q.facets) params.push(['facet', facet]);
  return { url: buildUrl(`${datasetApiUrl(ref)}/facets`, params), plan: { kind: 'facets' } };
}

function compileExport(ref: DatasetRef, q: ExportQuery, options: CompileOptions): CompiledRequest {
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

function compileClusters(ref: DatasetRef, q: ClusterQuery, options: CompileOptions): CompiledRequest {
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

// ——— Answers ————————————————————————————————————————————————————————————

/** Records: flat field maps, and the number of matching records. */
export interface RecordsResult {
  rows: Record<string, unknown>[];
  total?: number;
}

/** Aggregates: one row per group (or one row), keyed by group and measure keys. */
export interface AggregateResult {
  rows: AggregateRow[];
  /** The measures over the groups beyond the limit (queries with `others`), keyed by measure keys. */
  others?: AggregateRow;
  /** The portal returned as many groups as the limit: there may be more. */
  truncated: boolean;
  total?: number;
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

function shapeError(url?: string): VitrineDataError {
  return new VitrineDataError(
    'malformed',
    url === undefined ? { reason: { key: 'reason.shape' } } : { url, reason: { key: 'reason.shape' } },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function totalOf(body: Record<string, unknown>): number | undefined {
  const total = body.total_count ?? body.nhits;
  return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
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
  const total = totalOf(body);
  return total === undefined ? { rows } : { rows, total };
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The start of a range label: `[2020-01-01T00:00:00+00:00, 2020-04-01…[` → `2020-01-01T00:00:00+00:00`. */
function rangeStart(value: string): string {
  const m = /^\s*[[\]]\s*([^,]+?)\s*,/.exec(value);
  return m?.[1] ?? value;
}

function groupValue(raw: unknown, group: PlanGroup): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (group.timeUnit !== undefined) {
    const source = typeof raw === 'string' ? rangeStart(raw) : raw;
    if (typeof source !== 'string' && typeof source !== 'number') return null;
    // A floating reading: take the calendar date the portal wrote, ignoring its offset.
    const text = typeof source === 'string' ? source.replace(/(?:Z|[+-]\d{2}:?\d{2})$/, '') : source;
    return periodKey(text, group.timeUnit) ?? String(source);
  }
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return JSON.stringify(raw);
}

function pick(row: Record<string, unknown>, alias: string, expression: string): unknown {
  if (alias in row) return row[alias];
  if (expression in row) return row[expression];
  const lower = expression.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * Reads an aggregate answer (with or without group_by) into rows keyed by the neutral keys.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseAggregateResponse(body: unknown, plan: ResultPlan, url?: string): AggregateResult {
  if (plan.kind !== 'aggregate') throw new TypeError('not an aggregate plan');
  if (!isObject(body) || !Array.isArray(body.results)) throw shapeError(url);
  const rows: AggregateRow[] = body.results.filter(isObject).map((raw) => {
    const row: AggregateRow = {};
    for (const g of plan.groups) row[g.key] = groupValue(pick(raw, g.alias, g.expression), g);
    for (const m of plan.measures) row[m.key] = toNumber(pick(raw, m.alias, m.expression));
    return row;
  });
  // Without group_by there is exactly one group, even over no record (count 0, sums null).
  if (plan.groups.length === 0 && rows.length === 0) {
    const row: AggregateRow = {};
    for (const m of plan.measures) row[m.key] = m.expression.startsWith('count(') ? 0 : null;
    rows.push(row);
  }
  const result: AggregateResult = { rows, truncated: plan.limit !== undefined && rows.length >= plan.limit };
  const total = totalOf(body);
  if (total !== undefined) result.total = total;
  return result;
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

// ——— Errors ————————————————————————————————————————————————————————————

/** What an Explore error answer says, as error details (the kind comes from the status). */
export interface PortalErrorInfo {
  kind: DataErrorKind;
  details: DataErrorDetails;
}

/**
 * Reads an Explore error answer. Both body styles exist: `{error_code, message}` (400 ODSQLError,
 * InvalidRESTParameterError…) and `{errorcode, error, reset_time, call_limit, limit_time_unit}` (429).
 * Returns the kind for the status and the portal's own words.
 */
export function parseExploreError(status: number, body: unknown, now = Date.now()): PortalErrorInfo {
  const details: DataErrorDetails = { status };
  if (isObject(body)) {
    const message = body.message ?? body.error ?? body.detail;
    if (typeof message === 'string' && message.trim() !== '') details.portalMessage = message.trim();
    const code = body.error_code ?? body.errorcode;
    if (typeof code === 'string' || typeof code === 'number') details.portalCode = String(code);
    if (typeof body.reset_time === 'string' && !Number.isNaN(Date.parse(body.reset_time))) {
      details.resetTime = new Date(body.reset_time).toISOString();
      details.retryAfter = Math.max(0, Math.ceil((Date.parse(body.reset_time) - now) / 1000));
    }
  } else if (typeof body === 'string' && body.trim() !== '' && !/^\s*</.test(body)) {
    details.portalMessage = body.trim().slice(0, 300);
  }
  return { kind: statusKind(status), details };
}
