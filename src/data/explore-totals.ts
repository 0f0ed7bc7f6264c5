/**
 * Aggregates over every matching record, in one row (`select` with aggregates, no `group_by`): what a
 * key figure asks. Grouped aggregates (charts) add to it in explore-aggregate.ts, loaded apart.
 */
import {
  type CompileOptions,
  type CompiledRequest,
  type PlanGroup,
  type ResultPlan,
  filterParams,
  isObject,
  measureExpression,
  pick,
  shapeError,
  toNumber,
  totalOf,
} from './explore-common.js';
import { type AggregateQuery, type AggregateRow, measureKey } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

/** Aggregates: one row per group (or one row), keyed by group and measure keys. */
export interface AggregateResult {
  rows: AggregateRow[];
  /** The measures over the groups beyond the limit (queries with `others`), keyed by measure keys. */
  others?: AggregateRow;
  /** The portal returned as many groups as the limit: there may be more. */
  truncated: boolean;
  total?: number;
}

/** The parameters and plan of an aggregate query, without the `group_by` ones; `groupsOf` plans its groups. */
export function totalsRequest(
  ref: DatasetRef,
  q: AggregateQuery,
  options: CompileOptions,
  groupsOf?: (q: AggregateQuery) => PlanGroup[],
): { params: [string, string][]; plan: ResultPlan & { kind: 'aggregate' } } {
  if (q.measures.length === 0) throw new TypeError('an aggregate query needs at least one measure');
  const measures = q.measures.map((m, i) => ({
    alias: `vitrine_m${i}`,
    expression: measureExpression(m),
    key: measureKey(m),
  }));
  const groups = groupsOf?.(q) ?? [];
  const params: [string, string][] = [
    ['select', measures.map((m) => `${m.expression} as ${m.alias}`).join(', ')],
    ...filterParams(ref, q, options),
  ];
  return { params, plan: { kind: 'aggregate', groups, measures } };
}

/** Compiles an aggregate query without `groupBy` (its groups are ignored: see `compileAggregate`). */
export function compileTotals(ref: DatasetRef, q: AggregateQuery, options: CompileOptions): CompiledRequest {
  const { params, plan } = totalsRequest(ref, q, options);
  return { url: buildUrl(`${datasetApiUrl(ref)}/records`, params), plan };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A measure's value: a number, or the date that `min`/`max` of a date field give, as the portal wrote it. */
function measureValue(value: unknown): number | string | null {
  return typeof value === 'string' && ISO_DATE.test(value) ? value : toNumber(value);
}

/**
 * Reads an aggregate answer into rows keyed by the neutral keys; `readGroup` reads group values (grouped
 * plans only).
 *
 * @throws VitrineDataError `malformed`
 */
export function readAggregates(
  body: unknown,
  plan: ResultPlan,
  url?: string,
  readGroup?: (raw: unknown, group: PlanGroup) => AggregateRow[string],
): AggregateResult {
  if (plan.kind !== 'aggregate') throw new TypeError('not an aggregate plan');
  if (!isObject(body) || !Array.isArray(body.results)) throw shapeError(url);
  // More groups than asked for (one without group_by), or rows with none of the columns asked for:
  // not an answer to this query (a proxy's page of something else, a runaway export).
  const most = plan.groups.length === 0 ? 1 : plan.limit;
  if (most !== undefined && body.results.length > most) throw shapeError(url);
  const first = body.results[0];
  const columns = [...plan.groups, ...plan.measures];
  if (isObject(first) && columns.length > 0 && columns.every((c) => pick(first, c.alias, c.expression) === undefined))
    throw shapeError(url);
  const rows: AggregateRow[] = body.results.filter(isObject).map((raw) => {
    const row: AggregateRow = {};
    for (const g of plan.groups) row[g.key] = readGroup ? readGroup(pick(raw, g.alias, g.expression), g) : null;
    for (const m of plan.measures) row[m.key] = measureValue(pick(raw, m.alias, m.expression));
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

/**
 * Reads the answer of an aggregate query without groups.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseTotalsResponse(body: unknown, plan: ResultPlan, url?: string): AggregateResult {
  return readAggregates(body, plan, url);
}
