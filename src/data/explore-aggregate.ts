/**
 * Aggregates per group on Explore v2.1 (`group_by` on fields or time units of date fields): the query
 * of charts. It extends the one-row aggregates of explore-totals.ts, all that a key figure needs.
 */
import { type TimeUnit, periodKey } from '../format/date.js';
import {
  type CompileOptions,
  type CompiledRequest,
  EXPLORE_LIMITS,
  type PlanGroup,
  type ResultPlan,
  checkInteger,
  sortParam,
} from './explore-common.js';
import { type AggregateResult, readAggregates, totalsRequest } from './explore-totals.js';
import { quoteField } from './odsql.js';
import { type AggregateQuery, groupKey } from './query.js';
import { type DatasetRef, datasetApiUrl } from './source-url.js';
import { buildUrl } from './url.js';

export type { AggregateResult } from './explore-totals.js';

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

function planGroups(q: AggregateQuery): PlanGroup[] {
  return (q.groupBy ?? []).map((g, i) => {
    const group: PlanGroup = {
      alias: `vitrine_g${i}`,
      expression: g.timeUnit === undefined ? quoteField(g.field) : timeUnitExpression(g.field, g.timeUnit),
      key: groupKey(g),
    };
    if (g.timeUnit !== undefined) group.timeUnit = g.timeUnit;
    return group;
  });
}

export function compileAggregate(ref: DatasetRef, q: AggregateQuery, options: CompileOptions): CompiledRequest {
  const { params, plan } = totalsRequest(ref, q, options, planGroups);
  const { groups, measures } = plan;
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

/**
 * Reads an aggregate answer (with or without group_by) into rows keyed by the neutral keys.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseAggregateResponse(body: unknown, plan: ResultPlan, url?: string): AggregateResult {
  return readAggregates(body, plan, url, groupValue);
}
