/**
 * What every part of the Explore v2.1 adapter shares (see explore.ts): the request model, filters and
 * values compiled to ODSQL, the checks on limits and sort keys, the helpers that read answers, and the
 * portal's error bodies. Each query kind has its own module (explore-aggregate.ts, explore-records.ts…),
 * so a page loads only the kinds its elements use.
 */
import { type DataErrorDetails, type DataErrorKind, VitrineDataError, statusKind } from './errors.js';
import { parseNumberText } from './filter.js';
import { dateLiteral, isDateText, numberLiteral, quoteField, quoteString } from './odsql.js';
import type { Condition, ExportQuery, Measure, QueryBase, Scalar, Sort } from './query.js';
import type { TimeUnit } from '../format/time-units.js';
import type { DatasetRef } from './source-url.js';

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

export interface PlanGroup {
  alias: string;
  expression: string;
  key: string;
  timeUnit?: TimeUnit;
}
export interface PlanMeasure {
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
export function filterParams(ref: DatasetRef, query: QueryBase, options: CompileOptions): [string, string][] {
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

export function checkInteger(value: number, attribute: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw limitError(attribute, value, min, max);
  return value;
}

export function measureExpression(m: Measure): string {
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

export function sortParam(
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
// ——— Answers ————————————————————————————————————————————————————————————

export function shapeError(url?: string): VitrineDataError {
  return new VitrineDataError(
    'malformed',
    url === undefined ? { reason: { key: 'reason.shape' } } : { url, reason: { key: 'reason.shape' } },
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function totalOf(body: Record<string, unknown>): number | undefined {
  const total = body.total_count ?? body.nhits;
  return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
export function pick(row: Record<string, unknown>, alias: string, expression: string): unknown {
  if (alias in row) return row[alias];
  if (expression in row) return row[expression];
  const lower = expression.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase() === lower) return v;
  return undefined;
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
