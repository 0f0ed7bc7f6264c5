/**
 * The portal-neutral query model.
 *
 * Components describe what they need — an aggregate, groups, records, facets, a GeoJSON layer, map
 * clusters — with these plain objects; an adapter (src/data/explore.ts for Explore v2.1) compiles them
 * to one portal's API. Nothing here knows a portal's query language: raw `where` clauses are carried
 * for portals that speak one, and every value stays a value.
 *
 * Attribute parsers live here too (`parseMeasure('sum(population)')`, `parseSort('-y')`…): each throws a
 * `bad-attribute` {@link VitrineDataError} naming the attribute and showing an accepted form.
 */
import { type TimeUnit, isTimeUnit } from '../format/time-units.js';
import { VitrineDataError } from './errors.js';

export type { TimeUnit } from '../format/time-units.js';
export { TIME_UNITS, isTimeUnit } from '../format/time-units.js';

/** Aggregates every portal kind is expected to compute (or the local engine, later). */
export const AGGREGATE_OPS = ['count', 'sum', 'avg', 'min', 'max', 'median', 'count_distinct'] as const;

/** An aggregate operation. */
export type AggregateOp = (typeof AGGREGATE_OPS)[number];

/** One computed value: `count(*)`, `sum(population)`. */
export interface Measure {
  op: AggregateOp;
  /** The field; absent only for `count(*)`. */
  field?: string;
  /** The key of the value in result rows. Default: the canonical text, e.g. `sum(population)`. */
  as?: string;
}

/** A filter value as typed (attribute values are text; the adapter types them from the schema). */
export type Scalar = string | number | boolean;

/** One condition on one field. A {@link Filter} is a list of them, all of which must hold. */
export type Condition =
  /** The field equals one of `values` (`in`), or none of them (`not-in`; records without a value pass). */
  | { field: string; op: 'in' | 'not-in'; values: readonly Scalar[] }
  /** Comparison with a number or a date. */
  | { field: string; op: 'lt' | 'le' | 'gt' | 'ge'; value: Scalar }
  /** `min ≤ field ≤ max`. */
  | { field: string; op: 'between'; min: Scalar; max: Scalar }
  /** The field has no value (`null`) or has one (`not-null`). */
  | { field: string; op: 'null' | 'not-null' }
  /** Full-text (words, case-insensitive) in the field, or the field starts with the text; values ORed. */
  | { field: string; op: 'search' | 'starts-with'; values: readonly string[] };

/** Conditions that must all hold. */
export type Filter = readonly Condition[];

/** Group rows by a field, or by a time unit of a date field. */
export interface GroupBy {
  field: string;
  timeUnit?: TimeUnit;
  /** The key of the group in result rows. Default: `field`, or `month(field)` with a time unit. */
  as?: string;
}

/** Sort by a field (records) or by a measure or group key (aggregates). */
export interface Sort {
  by: string;
  desc?: boolean;
}

/** What every query may carry. */
export interface QueryBase {
  /** Neutral conditions (the `filter` attribute, the filter widgets). */
  filter?: Filter;
  /** Clauses in the portal's own language (the `where` attribute); ignored by portals without one. */
  where?: readonly string[];
  /** Full-text search over all fields. */
  search?: string;
  /** Time zone for date grouping and date filters, e.g. `Europe/Paris`. Default: the portal's (UTC). */
  timezone?: string;
}

/** Aggregates, over all matching records or per group. */
export interface AggregateQuery extends QueryBase {
  measures: readonly Measure[];
  groupBy?: readonly GroupBy[];
  sort?: readonly Sort[];
  /** Maximum number of groups (default 5000 — the result says when it was reached). */
  limit?: number;
  /** Also compute the measures over every group beyond `limit` (one grouping field only). */
  others?: boolean;
}

/** Records (table rows). */
export interface RecordsQuery extends QueryBase {
  /** Fields to return. Default: all. */
  fields?: readonly string[];
  sort?: readonly Sort[];
  /** Page size, 0–100 on Explore. Default 10. */
  limit?: number;
  /** Start, `offset + limit ≤ 10 000` on Explore. */
  offset?: number;
}

/** Facet values with their counts (filter widgets). */
export interface FacetsQuery extends QueryBase {
  facets: readonly string[];
}

/** A whole export: a GeoJSON layer, a JSON array, a CSV file. */
export interface ExportQuery extends QueryBase {
  format: 'geojson' | 'json' | 'csv';
  fields?: readonly string[];
  sort?: readonly Sort[];
  /** Maximum number of records. Default: all. */
  limit?: number;
}

/** Points grouped in clusters for a map at a zoom level. */
export interface ClusterQuery extends QueryBase {
  /** A geographic point field. */
  geoField: string;
  /** Map zoom level (0–25). */
  zoom: number;
  /** Values per cluster; `count(*)` is always computed. */
  measures?: readonly Measure[];
}

/** Any query. */
export type Query =
  | ({ kind: 'aggregate' } & AggregateQuery)
  | ({ kind: 'records' } & RecordsQuery)
  | ({ kind: 'facets' } & FacetsQuery)
  | ({ kind: 'export' } & ExportQuery)
  | ({ kind: 'clusters' } & ClusterQuery);

// ——— Attribute parsers ————————————————————————————————————————————————————————————

type QueryReason =
  | 'reason.measure-syntax'
  | 'reason.measure-op'
  | 'reason.measure-needs-field'
  | 'reason.time-unit'
  | 'reason.limit'
  | 'reason.field-name'
  | 'reason.sort-key';

function badAttribute(
  attribute: string,
  value: string,
  reason: { key: QueryReason; params?: Record<string, string | number> },
  example: string,
): VitrineDataError {
  return new VitrineDataError('bad-attribute', { attribute, value, reason, example });
}

const FIELD = '[A-Za-z0-9_]+';
const OP_ALIASES: Readonly<Record<string, AggregateOp>> = {
  count: 'count',
  sum: 'sum',
  avg: 'avg',
  average: 'avg',
  mean: 'avg',
  min: 'min',
  max: 'max',
  median: 'median',
  count_distinct: 'count_distinct',
  countdistinct: 'count_distinct',
  distinct: 'count_distinct',
};
const MEASURE_EXAMPLE = 'sum(population)';

/**
 * Reads one aggregate: `count(*)`, `count()`, `count`, `count(field)`, `count(distinct field)`,
 * `count_distinct(field)`, `sum(field)`, `avg(field)`, `min(field)`, `max(field)`, `median(field)`,
 * optionally followed by `as name`. Case and spaces do not matter.
 *
 * @throws VitrineDataError `bad-attribute`
 */
export function parseMeasure(text: string, attribute = 'value'): Measure {
  const source = text.trim();
  const m = new RegExp(
    `^([A-Za-z_]+)\\s*(?:\\(\\s*(?:(\\*)|(distinct)\\s+(${FIELD})|(${FIELD}))?\\s*\\))?(?:\\s+as\\s+(${FIELD}))?$`,
    'i',
  ).exec(source);
  if (!m) throw badAttribute(attribute, text, { key: 'reason.measure-syntax' }, MEASURE_EXAMPLE);
  const [, rawOp = '', star, distinct, distinctField, field, alias] = m;
  const name = rawOp.toLowerCase();
  let op = OP_ALIASES[name];
  if (op === undefined) {
    throw badAttribute(attribute, text, { key: 'reason.measure-op', params: { op: rawOp } }, MEASURE_EXAMPLE);
  }
  let target = field;
  if (distinct !== undefined) {
    if (op !== 'count') throw badAttribute(attribute, text, { key: 'reason.measure-syntax' }, 'count(distinct code)');
    op = 'count_distinct';
    target = distinctField;
  }
  if (star !== undefined && op !== 'count') {
    throw badAttribute(attribute, text, { key: 'reason.measure-needs-field', params: { op } }, MEASURE_EXAMPLE);
  }
  if (target === undefined && op !== 'count') {
    throw badAttribute(attribute, text, { key: 'reason.measure-needs-field', params: { op } }, `${op}(population)`);
  }
  const measure: Measure = { op };
  if (target !== undefined) measure.field = target;
  if (alias !== undefined) measure.as = alias;
  return measure;
}

/** Reads a comma-separated list of aggregates: `sum(a), avg(b)`. */
export function parseMeasures(text: string, attribute = 'value'): Measure[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === '')) {
    throw badAttribute(attribute, text, { key: 'reason.measure-syntax' }, 'sum(population), count(*)');
  }
  return parts.map((part) => parseMeasure(part, attribute));
}

/** The canonical text of an aggregate: `count(*)`, `sum(population)`, `count_distinct(code)`. */
export function formatMeasure(measure: Measure): string {
  return `${measure.op}(${measure.field ?? '*'})`;
}

/** The key of a measure's value in result rows. */
export function measureKey(measure: Measure): string {
  return measure.as ?? formatMeasure(measure);
}

/** The key of a group's value in result rows. */
export function groupKey(group: GroupBy): string {
  return group.as ?? (group.timeUnit === undefined ? group.field : `${group.timeUnit}(${group.field})`);
}

/**
 * Reads a grouping: `departement`, or a time unit of a date field written like an aggregate,
 * `month(date)`, or with a separate unit (`parseGroupBy('date', 'x', 'month')`).
 *
 * @throws VitrineDataError `bad-attribute`
 */
export function parseGroupBy(text: string, attribute = 'x', timeUnit?: string): GroupBy {
  const source = text.trim();
  const unitCall = new RegExp(`^([A-Za-z]+)\\s*\\(\\s*(${FIELD})\\s*\\)$`).exec(source);
  let field: string;
  let unit: string | undefined = timeUnit?.trim().toLowerCase() || undefined;
  if (unitCall) {
    field = unitCall[2] ?? '';
    unit = (unitCall[1] ?? '').toLowerCase();
  } else if (new RegExp(`^${FIELD}$`).test(source)) {
    field = source;
  } else {
    throw badAttribute(attribute, text, { key: 'reason.field-name', params: { field: text } }, 'departement');
  }
  if (unit === undefined) return { field };
  if (!isTimeUnit(unit)) {
    throw badAttribute(attribute, unit, { key: 'reason.time-unit', params: { unit } }, `month(${field})`);
  }
  return { field, timeUnit: unit };
}

/**
 * Reads a sort: `population`, `-population` (descending), `nom asc, population desc`, several keys
 * separated by commas. Keys are not checked here (see `validateQuery` in metadata.ts).
 *
 * @throws VitrineDataError `bad-attribute`
 */
export function parseSort(text: string, attribute = 'sort'): Sort[] {
  const keys = text.split(',').map((part) => part.trim());
  return keys.map((key) => {
    const m = /^([+-]?)\s*([A-Za-z0-9_]+(?:\([A-Za-z0-9_*\s]*\))?)(?:\s+(asc|desc))?$/i.exec(key);
    if (!m) throw badAttribute(attribute, text, { key: 'reason.sort-key', params: { key } }, '-population');
    const desc = m[1] === '-' || m[3]?.toLowerCase() === 'desc';
    const sort: Sort = { by: (m[2] ?? '').replace(/\s+/g, '') };
    if (desc) sort.desc = true;
    return sort;
  });
}

/**
 * Reads a whole number within bounds (`limit`, `offset`).
 *
 * @throws VitrineDataError `bad-attribute`
 */
export function parseLimit(text: string, attribute = 'limit', min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw badAttribute(attribute, text, { key: 'reason.limit', params: { min, max } }, String(Math.max(min, 10)));
  }
  return value;
}

// ——— Derived queries ————————————————————————————————————————————————————————————

/** A row of an aggregate result: group keys and measure keys to values. */
export type AggregateRow = Record<string, string | number | boolean | null>;

/**
 * The query that computes the measures over every group beyond the first page of a grouped query:
 * the same measures and filters, no grouping, and the shown groups excluded. Null when there is
 * nothing to compute (fewer groups than the limit, or not an "others" query).
 */
export function othersQuery(query: AggregateQuery, shown: readonly AggregateRow[]): AggregateQuery | null {
  const group = query.groupBy?.[0];
  if (!query.others || group === undefined || query.groupBy?.length !== 1 || query.limit === undefined) return null;
  // Periods are ordered: an "others" bucket of periods makes no sense.
  if (group.timeUnit !== undefined || shown.length < query.limit) return null;
  const key = groupKey(group);
  const values = shown.map((row) => row[key]);
  const present = values.filter((v): v is string | number | boolean => v !== null && v !== undefined);
  const conditions: Condition[] = [...(query.filter ?? [])];
  if (present.length > 0) conditions.push({ field: group.field, op: 'not-in', values: present });
  if (present.length < values.length) conditions.push({ field: group.field, op: 'not-null' });
  const { groupBy: _g, sort: _s, limit: _l, others: _o, ...rest } = query;
  return { ...rest, filter: conditions };
}

/** A field a query refers to, and in which role (for validation against the dataset's schema). */
export interface FieldUse {
  field: string;
  role: 'measure' | 'group' | 'filter' | 'sort' | 'select' | 'facet' | 'geo';
  op?: AggregateOp;
  timeUnit?: TimeUnit;
}

/** Every field a query refers to. Sort keys that name a measure or a group are not fields. */
export function fieldUses(query: Query): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const c of query.filter ?? []) uses.push({ field: c.field, role: 'filter' });
  const computed = new Set<string>();
  if (query.kind === 'aggregate' || query.kind === 'clusters') {
    for (const m of query.measures ?? []) {
      computed.add(measureKey(m));
      if (m.field !== undefined) uses.push({ field: m.field, role: 'measure', op: m.op });
    }
  }
  if (query.kind === 'aggregate') {
    for (const g of query.groupBy ?? []) {
      computed.add(groupKey(g));
      uses.push(
        g.timeUnit === undefined
          ? { field: g.field, role: 'group' }
          : { field: g.field, role: 'group', timeUnit: g.timeUnit },
      );
    }
  }
  if (query.kind === 'clusters') uses.push({ field: query.geoField, role: 'geo' });
  if (query.kind === 'records' || query.kind === 'export') {
    for (const f of query.fields ?? []) uses.push({ field: f, role: 'select' });
  }
  if (query.kind === 'facets') for (const f of query.facets) uses.push({ field: f, role: 'facet' });
  if (query.kind === 'aggregate' || query.kind === 'records' || query.kind === 'export') {
    for (const s of query.sort ?? []) if (!computed.has(s.by)) uses.push({ field: s.by, role: 'sort' });
  }
  return uses;
}

// ——— Comparison periods (in period.ts: a figure loads them only for `compare`) ———————————————————

export { previousPeriodFilter } from './period.js';
