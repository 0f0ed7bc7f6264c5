/**
 * From a chart's attributes to what it shows, without DOM, Lit or vega:
 * - {@link parsePlan} reads the attributes (throwing a `bad-attribute` error that names the one to fix);
 * - {@link resolvePlan} checks them against the dataset's schema and picks defaults that need it;
 * - {@link planQuery} is the one grouped query the portal answers (it aggregates; no record is downloaded);
 * - {@link shapeModel} turns the answer into rows for the engine (long format, one row per mark), the
 *   records behind the table, the CSV file and the summary, with missing periods of a time series filled
 *   with `null` so that they show as gaps.
 *
 * Rows handed to the engine use fixed, internal field names (`x`, `y`, `c`…), never a field name or a
 * value from the page or the dataset, so nothing from either ends up in a Vega-Lite field or expression.
 */
import { VitrineDataError } from '../../data/errors.js';
import type { AggregateResult } from '../../data/explore.js';
import { findField, validateFields, type DatasetMetadata } from '../../data/metadata.js';
import {
  formatMeasure,
  parseGroupBy,
  parseLimit,
  parseMeasure,
  parseSort,
  type AggregateQuery,
  type AggregateRow,
  type FieldUse,
  type GroupBy,
  type Measure,
  type Sort,
} from '../../data/query.js';
import { formatPeriod, periodKey, periodStart, type TimeUnit } from '../../format/date.js';
import type { Locale } from '../../format/locale.js';
import { translateDynamic, type MessageKey } from '../../format/messages.js';
import { translate } from '../../format/messages-chart.js';
import { formatNumber, type NumberFormatOptions } from '../../format/number.js';

/** Chart kinds (`type` attribute). */
export const CHART_KINDS = ['bar', 'column', 'line', 'area', 'pie', 'donut', 'scatter'] as const;

/** A chart kind: `bar` (horizontal), `column`, `line`, `area`, `pie`, `donut`, `scatter`. */
export type ChartKind = (typeof CHART_KINDS)[number];

/** How series are stacked: side by side (`none`), on top of each other, or as shares of 100 %. */
export type StackMode = 'none' | 'normal' | 'percent';

/** A channel that groups (a field, or a time unit of a date field). */
export interface GroupChannel {
  role: 'group';
  /** The key of the channel in result rows (`x`, `c`, `y0`). */
  key: string;
  group: GroupBy;
  /** The attribute it comes from, for error messages. */
  attribute: string;
}

/** A channel that is computed by the portal (an aggregate). */
export interface MeasureChannel {
  role: 'measure';
  key: string;
  measure: Measure;
  attribute: string;
}

/** A channel of a chart. */
export type Channel = GroupChannel | MeasureChannel;

/** What the attributes ask for, read and checked. */
export interface ChartPlan {
  kind: ChartKind;
  /** Stacking, resolved from the kind when the attribute is empty. */
  stack: StackMode;
  /** The category, the period, or (scatter) the horizontal value. */
  x: Channel;
  /** The values: one or several aggregates; for a scatter plot one channel of either role. */
  y: Channel[];
  /** Series by the values of a field. */
  color?: GroupChannel;
  /** The size of scatter points (an aggregate). Without it, points of a field × field scatter count records. */
  size?: MeasureChannel;
  sort?: Sort[];
  limit?: number;
  others: boolean;
}

/** The attributes that shape the query and the marks (as written in the page). */
export interface ChartAttributes {
  type: string;
  x: string;
  y: string;
  color: string;
  size: string;
  stack: string;
  sort: string;
  /** The `limit` attribute as written (empty: none). */
  limit: string;
  others: boolean;
  timeUnit: string;
}

const AGGREGATE_NAMES = new Set([
  'count',
  'sum',
  'avg',
  'average',
  'mean',
  'min',
  'max',
  'median',
  'count_distinct',
  'countdistinct',
  'distinct',
]);

/** Whether an attribute value reads as an aggregate (`sum(population)`) rather than a field. */
export function isAggregateText(text: string): boolean {
  const m = /^\s*([A-Za-z_]+)\s*\(/.exec(text);
  return m !== null && AGGREGATE_NAMES.has((m[1] ?? '').toLowerCase());
}

type ChartReason = Extract<MessageKey, `reason.${string}`>;

function bad(
  attribute: string,
  value: string,
  key: ChartReason,
  example: string,
  params?: Record<string, string | number>,
): VitrineDataError {
  return new VitrineDataError('bad-attribute', {
    attribute,
    value,
    reason: params === undefined ? { key } : { key, params },
    example,
  });
}

const STACK_ALIASES: Readonly<Record<string, StackMode>> = {
  none: 'none',
  grouped: 'none',
  normal: 'normal',
  stacked: 'normal',
  zero: 'normal',
  percent: 'percent',
  normalize: 'percent',
  '100%': 'percent',
};

/**
 * Reads a chart's attributes.
 *
 * @throws VitrineDataError `bad-attribute` naming the attribute and showing an accepted form.
 */
export function parsePlan(a: ChartAttributes): ChartPlan {
  const type = a.type.trim().toLowerCase() || 'column';
  if (!(CHART_KINDS as readonly string[]).includes(type)) {
    throw bad('type', a.type, 'reason.chart-type', 'type="bar"', { type: a.type });
  }
  const kind = type as ChartKind;
  const scatter = kind === 'scatter';
  const pie = kind === 'pie' || kind === 'donut';

  if (a.x.trim() === '') throw bad('x', a.x, 'reason.chart-x', 'x="departement" y="sum(population)"');
  let x: Channel;
  if (isAggregateText(a.x)) {
    if (!scatter) throw bad('x', a.x, 'reason.chart-x', 'x="departement" y="sum(population)"');
    x = { role: 'measure', key: 'x', measure: { ...parseMeasure(a.x, 'x'), as: 'x' }, attribute: 'x' };
  } else {
    x = {
      role: 'group',
      key: 'x',
      group: { ...parseGroupBy(a.x, 'x', a.timeUnit || undefined), as: 'x' },
      attribute: 'x',
    };
  }

  const yText = a.y.trim() === '' ? 'count(*)' : a.y;
  let y: Channel[];
  if (scatter) {
    if (yText.split(',').length > 1) throw bad('y', a.y, 'reason.chart-one-value', 'y="avg(temp_max)"', { type });
    y = isAggregateText(yText)
      ? [{ role: 'measure', key: 'y0', measure: { ...parseMeasure(yText, 'y'), as: 'y0' }, attribute: 'y' }]
      : [{ role: 'group', key: 'y0', group: { ...parseGroupBy(yText, 'y'), as: 'y0' }, attribute: 'y' }];
  } else {
    const measures = a.y.trim() === '' ? [parseMeasure('count(*)', 'y')] : parseMeasuresText(yText);
    if (pie && measures.length > 1) throw bad('y', a.y, 'reason.chart-one-value', 'y="sum(population)"', { type });
    y = measures.map((m, i) => ({ role: 'measure', key: `y${i}`, measure: { ...m, as: `y${i}` }, attribute: 'y' }));
  }

  let color: GroupChannel | undefined;
  if (a.color.trim() !== '') {
    if (pie) throw bad('color', a.color, 'reason.chart-color', `x="${a.color.trim()}"`, { type });
    if (y.length > 1) throw bad('color', a.color, 'reason.chart-series', 'y="sum(population)" color="region"');
    color = { role: 'group', key: 'c', group: { ...parseGroupBy(a.color, 'color'), as: 'c' }, attribute: 'color' };
  }

  let size: MeasureChannel | undefined;
  if (a.size.trim() !== '') {
    if (!scatter) throw bad('size', a.size, 'reason.chart-size', 'type="scatter" size="count(*)"');
    size = { role: 'measure', key: 's', measure: { ...parseMeasure(a.size, 'size'), as: 's' }, attribute: 'size' };
  }

  const stackText = a.stack.trim().toLowerCase();
  let stack: StackMode;
  if (stackText === '') stack = kind === 'area' ? 'normal' : 'none';
  else {
    const found = STACK_ALIASES[stackText];
    if (found === undefined) throw bad('stack', a.stack, 'reason.chart-stack', 'stack="percent"', { value: a.stack });
    stack = found;
  }

  const plan: ChartPlan = { kind, stack, x, y, others: a.others };
  if (color) plan.color = color;
  if (size) plan.size = size;
  if (a.limit.trim() !== '') plan.limit = parseLimit(a.limit, 'limit', 1, 20_000);
  if (a.sort.trim() !== '') plan.sort = resolveSort(a.sort, plan);
  if (plan.others) {
    const timeX = x.role === 'group' && x.group.timeUnit !== undefined;
    if (scatter || color || timeX || plan.limit === undefined) {
      throw bad('others', 'others', 'reason.others', 'x="departement" sort="-y" limit="10" others');
    }
  }
  return plan;
}

/** `sum(a), avg(b)`; a comma inside parentheses never happens in an aggregate, so a split is enough. */
function parseMeasuresText(text: string): Measure[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    throw bad('y', text, 'reason.measure-syntax', 'sum(population), count(*)');
  }
  return parts.map((part) => parseMeasure(part, 'y'));
}

/**
 * Reads `sort` in a chart's words: `x`, `y`, `color`, `size` (a leading `-` for descending), a field of
 * the chart, or one of its aggregates as written (`-sum(population)`), several separated by commas.
 */
function resolveSort(text: string, plan: ChartPlan): Sort[] {
  const channels: Channel[] = [
    plan.x,
    ...plan.y,
    ...(plan.color ? [plan.color] : []),
    ...(plan.size ? [plan.size] : []),
  ];
  const byName: Record<string, string> = { x: 'x', y: 'y0', color: 'c', size: 's' };
  return parseSort(text, 'sort').map((s) => {
    let key: string | undefined = byName[s.by.toLowerCase()];
    if (key === undefined) {
      for (const channel of channels) {
        if (channel.role === 'group' && channel.group.field === s.by) key = channel.key;
        else if (channel.role === 'measure' && isAggregateText(s.by)) {
          let measure: Measure | undefined;
          try {
            measure = parseMeasure(s.by, 'sort');
          } catch {
            measure = undefined;
          }
          if (measure && formatMeasure(measure) === formatMeasure(channel.measure)) key = channel.key;
        }
        if (key !== undefined) break;
      }
    }
    if (key === undefined) {
      throw bad('sort', text, 'reason.sort-key', '-y', { key: s.by });
    }
    return s.desc ? { by: key, desc: true } : { by: key };
  });
}

/** Every channel of a plan. */
export function channels(plan: ChartPlan): Channel[] {
  return [plan.x, ...plan.y, ...(plan.color ? [plan.color] : []), ...(plan.size ? [plan.size] : [])];
}

const DATES = new Set(['date', 'datetime']);
const NUMBERS = new Set(['int', 'double']);

/**
 * Checks every field against the dataset (naming the attribute that holds a wrong one) and completes
 * the plan: a date field on x without a time unit is grouped by day.
 *
 * @throws VitrineDataError `unknown-field` or `bad-attribute`.
 */
export function resolvePlan(plan: ChartPlan, meta: DatasetMetadata): ChartPlan {
  for (const channel of channels(plan)) {
    const use: FieldUse =
      channel.role === 'measure'
        ? { field: channel.measure.field ?? '', role: 'measure', op: channel.measure.op }
        : channel.group.timeUnit === undefined
          ? { field: channel.group.field, role: 'group' }
          : { field: channel.group.field, role: 'group', timeUnit: channel.group.timeUnit };
    if (use.field === '') continue;
    validateFields(meta, [use], { measure: channel.attribute, group: channel.attribute });
  }
  const x = plan.x;
  if (x.role === 'group' && x.group.timeUnit === undefined && DATES.has(findField(meta, x.group.field)?.type ?? '')) {
    return { ...plan, x: { ...x, group: { ...x.group, timeUnit: 'day' } } };
  }
  return plan;
}

/** The portal query of a plan (filters are added by the caller). */
export function planQuery(plan: ChartPlan): AggregateQuery {
  const groupBy: GroupBy[] = [];
  const measures: Measure[] = [];
  for (const channel of [plan.x, ...(plan.color ? [plan.color] : []), ...plan.y]) {
    if (channel.role === 'group') groupBy.push(channel.group);
  }
  for (const channel of [plan.x, ...plan.y, ...(plan.size ? [plan.size] : [])]) {
    if (channel.role === 'measure') measures.push(channel.measure);
  }
  // A field × field scatter plot: the points are the distinct pairs, and how many records each holds.
  if (measures.length === 0) measures.push({ op: 'count', as: 's' });
  const query: AggregateQuery = { measures, groupBy };
  if (plan.sort) query.sort = plan.sort;
  if (plan.limit !== undefined) query.limit = plan.limit;
  if (plan.others) query.others = true;
  return query;
}

// ——— Shaping the answer ———————————————————————————————————————————————————

/** One mark's data, as the engine receives it (plain JSON values, fixed field names). */
export interface ChartRow {
  /** The category (text), the start of the period (ms, UTC), or a value (scatter). */
  x: string | number | null;
  /** The period key (`2024-03`), for time series. */
  k?: string;
  /** x as a person reads it (tooltips). */
  t: string;
  /** The value (or, for a scatter plot, the vertical position). */
  y: number | string | null;
  /** The series: a value of the color field, or an aggregate's label when y has several. */
  c?: string;
  /** Point size (scatter). */
  s?: number | null;
  /** Share of the total (pie, donut) or of the stack (100 % stacks), 0–1. */
  p?: number | null;
  /** Position in the answer (keeps the portal's order). */
  i: number;
  /** The "others" bucket. */
  o?: boolean;
}

/** A row of the aggregated answer, for the table, the CSV file and the summary. */
export interface ChartRecord {
  row: AggregateRow;
  /** The "others" bucket. */
  others?: boolean;
  /** A period the portal had no data for (filled in to show the gap). */
  filled?: boolean;
}

/** Labels of the channels, from the portal's field labels (or the axis-title attributes). */
export interface ChartLabels {
  x: string;
  /** One per aggregate of y. */
  y: string[];
  color?: string;
  size?: string;
}

/** What a chart shows, ready for the engine, the table, the CSV and the summary. */
export interface ChartModel {
  plan: ChartPlan;
  labels: ChartLabels;
  /** The period of the time axis, when x is a date grouped by a time unit. */
  timeUnit?: TimeUnit;
  /** How each channel's values read: numbers, periods, or text. */
  types: Record<string, 'number' | 'period' | 'text'>;
  rows: ChartRow[];
  records: ChartRecord[];
  /** Periods between the first and the last with no data. */
  gaps: number;
  /** The portal returned as many groups as asked: there may be more. */
  truncated: boolean;
}

/** How values read, for one chart. */
export interface ChartFormat {
  /** Language tag for Intl. */
  tag: string;
  /** Translation table. */
  locale: Locale;
  /** Values (aggregates). */
  number: NumberFormatOptions;
  /** Periods and dates. */
  dateStyle: 'short' | 'long';
}

/** The longest series filled with periods (beyond, a time series is drawn as the portal gave it). */
const MAX_PERIODS = 20_000;

/** The key of the period after `key`. */
export function nextPeriodKey(key: string, unit: TimeUnit): string | null {
  const start = periodStart(key, unit);
  if (start === null) return null;
  const d = new Date(start.getTime());
  switch (unit) {
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() + 1);
      break;
    case 'quarter':
      d.setUTCMonth(d.getUTCMonth() + 3);
      break;
    case 'month':
      d.setUTCMonth(d.getUTCMonth() + 1);
      break;
    case 'week':
      d.setUTCDate(d.getUTCDate() + 7);
      break;
    case 'day':
      d.setUTCDate(d.getUTCDate() + 1);
      break;
    case 'hour':
      d.setUTCHours(d.getUTCHours() + 1);
      break;
  }
  return periodKey(d, unit);
}

/** Every period key from `first` to `last` included, or null when there would be too many. */
export function periodRange(first: string, last: string, unit: TimeUnit, max = MAX_PERIODS): string[] | null {
  const keys: string[] = [];
  let key: string | null = periodKey(first, unit);
  const end = periodKey(last, unit);
  if (key === null || end === null || key > end) return null;
  while (key !== null && key <= end) {
    keys.push(key);
    if (keys.length > max) return null;
    key = nextPeriodKey(key, unit);
  }
  return keys;
}

function labelOfField(meta: DatasetMetadata, field: string): string {
  return findField(meta, field)?.label ?? field;
}

/** The label of an aggregate, as the figure writes it (`Population`, `Average Temp max`). */
export function measureLabel(measure: Measure, meta: DatasetMetadata, locale: Locale): string {
  const field = measure.field === undefined ? '' : labelOfField(meta, measure.field);
  return translateDynamic(locale, `measure.${measure.op}`, { field });
}

function channelLabel(channel: Channel, meta: DatasetMetadata, locale: Locale): string {
  return channel.role === 'measure'
    ? measureLabel(channel.measure, meta, locale)
    : labelOfField(meta, channel.group.field);
}

function channelType(channel: Channel, meta: DatasetMetadata): 'number' | 'period' | 'text' {
  if (channel.role === 'measure') return 'number';
  if (channel.group.timeUnit !== undefined) return 'period';
  return NUMBERS.has(findField(meta, channel.group.field)?.type ?? '') ? 'number' : 'text';
}

/** Overrides of the labels (the `x-title` and `y-title` attributes). */
export interface LabelOverrides {
  x?: string;
  y?: string;
}

/** The text of a grouping value: a period, "no value", or the value itself. */
export function groupText(
  value: AggregateRow[string] | undefined,
  type: 'number' | 'period' | 'text',
  unit: TimeUnit | undefined,
  format: ChartFormat,
): string {
  if (value === null || value === undefined || value === '') return translate(format.locale, 'ui.empty-value');
  if (type === 'period' && unit !== undefined) {
    return formatPeriod(String(value), unit, { locale: format.tag, style: format.dateStyle });
  }
  return String(value);
}

/**
 * The chart's model from the portal's answer.
 *
 * @param result the answer to {@link planQuery}
 */
export function shapeModel(
  plan: ChartPlan,
  result: AggregateResult,
  meta: DatasetMetadata,
  format: ChartFormat,
  overrides: LabelOverrides = {},
): ChartModel {
  const types: Record<string, 'number' | 'period' | 'text'> = {};
  for (const channel of channels(plan)) types[channel.key] = channelType(channel, meta);
  if (types.s === undefined) types.s = 'number';
  const labels: ChartLabels = {
    x: overrides.x || channelLabel(plan.x, meta, format.locale),
    y: plan.y.map((channel) => channelLabel(channel, meta, format.locale)),
  };
  if (overrides.y && labels.y.length === 1) labels.y = [overrides.y];
  if (plan.color) labels.color = channelLabel(plan.color, meta, format.locale);
  if (plan.size) labels.size = channelLabel(plan.size, meta, format.locale);
  else if (plan.kind === 'scatter') labels.size = translate(format.locale, 'measure.count');

  const timeUnit = plan.x.role === 'group' ? plan.x.group.timeUnit : undefined;
  const records: ChartRecord[] = result.rows.map((row) => ({ row }));
  let gaps = 0;

  // Time series: every period between the first and the last, the missing ones empty.
  if (timeUnit !== undefined && plan.kind !== 'scatter' && !plan.sort && records.length > 0) {
    const keys = records.map((r) => r.row.x).filter((v): v is string => typeof v === 'string');
    const sorted = [...new Set(keys)].sort();
    const range = sorted.length > 0 ? periodRange(sorted[0]!, sorted[sorted.length - 1]!, timeUnit) : null;
    if (range !== null && keys.length === records.length) {
      const present = new Set(sorted);
      const byKey = new Map<string, ChartRecord[]>();
      for (const r of records) {
        const list = byKey.get(String(r.row.x)) ?? [];
        list.push(r);
        byKey.set(String(r.row.x), list);
      }
      records.length = 0;
      for (const key of range) {
        if (present.has(key)) records.push(...(byKey.get(key) ?? []));
        else {
          gaps += 1;
          const row: AggregateRow = { x: key };
          for (const channel of plan.y) row[channel.key] = null;
          records.push({ row, filled: true });
        }
      }
    }
  }
  if (result.others) {
    const row: AggregateRow = { ...result.others, x: null };
    records.push({ row, others: true });
  }

  const model: ChartModel = { plan, labels, types, rows: [], records, gaps, truncated: result.truncated };
  if (timeUnit !== undefined) model.timeUnit = timeUnit;
  model.rows = engineRows(model, format);
  return model;
}

function numberOrNull(value: AggregateRow[string] | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The text of x for a record: a period, a category, "Others". */
export function recordXText(model: ChartModel, record: ChartRecord, format: ChartFormat): string {
  if (record.others) return translate(format.locale, 'ui.others');
  return groupText(record.row.x, model.types.x ?? 'text', model.timeUnit, format);
}

/**
 * A category as the engine keys it. vega keeps scale and axis values in plain objects, where the key
 * `__proto__` does not stick: a category of that name (hostile-strings has one) would break the axis,
 * so the engine gets it with an invisible zero-width space. Tooltips, table and CSV keep the text as is.
 */
function engineText(text: string): string {
  return text === '__proto__' ? '__proto__\u200b' : text;
}

function engineRows(model: ChartModel, format: ChartFormat): ChartRow[] {
  const { plan, records, labels } = model;
  const rows: ChartRow[] = [];
  const unit = model.timeUnit;
  const colorUnit = plan.color?.group.timeUnit;

  if (plan.kind === 'scatter') {
    records.forEach((record, i) => {
      const r = record.row;
      const value = (key: string): number | string | null => {
        const v = r[key];
        if (v === null || v === undefined) return null;
        if (model.types[key] === 'period') {
          const u = key === 'x' ? unit : plan.y[0]?.role === 'group' ? plan.y[0].group.timeUnit : undefined;
          const start = u === undefined ? null : periodStart(String(v), u);
          return start === null ? null : start.getTime();
        }
        return typeof v === 'boolean' ? String(v) : v;
      };
      const row: ChartRow = { x: value('x'), t: recordXText(model, record, format), y: value('y0'), i };
      if (plan.color) row.c = engineText(groupText(r.c, model.types.c ?? 'text', colorUnit, format));
      if (typeof row.x === 'string') row.x = engineText(row.x);
      if (typeof row.y === 'string') row.y = engineText(row.y);
      row.s = numberOrNull(r.s);
      rows.push(row);
    });
    return rows;
  }

  const time = unit !== undefined;
  /** Periods with no data at all (time series with a color field): one empty row per series, below. */
  const emptyPeriods: ChartRow[] = [];
  records.forEach((record, i) => {
    const r = record.row;
    const t = recordXText(model, record, format);
    const base: ChartRow = { x: engineText(t), t, y: null, i };
    if (time && !record.others && typeof r.x === 'string') {
      const start = periodStart(r.x, unit);
      base.k = r.x;
      if (start !== null) base.x = start.getTime();
    }
    if (record.others) base.o = true;
    if (plan.color) {
      if (record.filled) emptyPeriods.push(base);
      else
        rows.push({
          ...base,
          y: numberOrNull(r.y0),
          c: engineText(groupText(r.c, model.types.c ?? 'text', colorUnit, format)),
        });
    } else if (plan.y.length > 1) {
      plan.y.forEach((channel, j) => rows.push({ ...base, y: numberOrNull(r[channel.key]), c: labels.y[j] ?? '' }));
    } else {
      rows.push({ ...base, y: numberOrNull(r.y0) });
    }
  });

  // Time series with a color field: every series has a row for every period, so that nothing is joined.
  // A period with no data at all is empty for every series (a gap). In a period that has data, a series
  // the portal did not return counts zero records (counts), adds nothing to a stack, or else is empty.
  if (time && plan.color) {
    const series = [...new Set(rows.map((row) => row.c ?? ''))];
    const op = plan.y[0]?.role === 'measure' ? plan.y[0].measure.op : undefined;
    const stacked = plan.stack !== 'none' && plan.kind !== 'line';
    const absent = op === 'count' || op === 'count_distinct' || stacked ? 0 : null;
    const seen = new Set(rows.map((row) => `${row.k ?? ''}|${row.c ?? ''}`));
    const periods = [...new Map(rows.map((row) => [row.k ?? '', row])).values()];
    for (const period of periods) {
      for (const c of series) {
        if (!seen.has(`${period.k ?? ''}|${c}`)) rows.push({ ...period, y: absent, c });
      }
    }
    for (const period of emptyPeriods) for (const c of series) rows.push({ ...period, y: null, c });
    rows.sort((a, b) => (a.k ?? '').localeCompare(b.k ?? '') || a.i - b.i);
  }

  // Shares: of the whole (pie, donut), or of each stack (100 % stacks).
  if (plan.kind === 'pie' || plan.kind === 'donut') {
    const total = rows.reduce((sum, row) => sum + (typeof row.y === 'number' && row.y > 0 ? row.y : 0), 0);
    for (const row of rows) row.p = typeof row.y === 'number' && total > 0 ? row.y / total : null;
  } else if (plan.stack === 'percent') {
    const totals = new Map<string, number>();
    for (const row of rows) {
      const key = String(row.k ?? row.x);
      if (typeof row.y === 'number') totals.set(key, (totals.get(key) ?? 0) + Math.abs(row.y));
    }
    for (const row of rows) {
      const total = totals.get(String(row.k ?? row.x)) ?? 0;
      row.p = typeof row.y === 'number' && total > 0 ? row.y / total : null;
    }
  }
  return rows;
}

// ——— Table and CSV ———————————————————————————————————————————————————————————

/** A column of the data table. */
export interface TableColumn {
  label: string;
  numeric: boolean;
}

/** A cell: the text a person reads, and the raw value written to the CSV file. */
export interface TableCell {
  text: string;
  raw: string | number | null;
}

/** The data table: the same aggregated data as the chart. */
export interface TableModel {
  columns: TableColumn[];
  rows: TableCell[][];
}

/** Formats a value of a channel for people. */
export function formatValue(value: number | null | undefined, format: ChartFormat): string {
  return formatNumber(value, { ...format.number, locale: format.tag });
}

/** Formats a share (0–1) as a percentage. */
export function formatShare(value: number | null | undefined, format: ChartFormat): string {
  return formatNumber(value, { locale: format.tag, percent: true, decimals: 1 });
}

function cell(
  model: ChartModel,
  record: ChartRecord,
  key: string,
  format: ChartFormat,
  unit: TimeUnit | undefined,
): TableCell {
  const value = record.row[key];
  const type = model.types[key] ?? 'text';
  if (type === 'number' && (typeof value === 'number' || value === null || value === undefined)) {
    const raw = numberOrNull(value);
    const measure = [...model.plan.y, model.plan.x, ...(model.plan.size ? [model.plan.size] : [])].some(
      (c) => c.key === key && c.role === 'measure',
    );
    const text = measure || key === 's' ? formatValue(raw, format) : raw === null ? '–' : String(raw);
    return { text, raw };
  }
  if (value === null || value === undefined) return { text: groupText(null, type, unit, format), raw: null };
  const raw = typeof value === 'boolean' ? String(value) : value;
  return { text: groupText(value, type, unit, format), raw };
}

/** The table of the data shown (the same rows in the same order as the chart, one column per channel). */
export function tableModel(model: ChartModel, format: ChartFormat): TableModel {
  const { plan, labels } = model;
  const columns: TableColumn[] = [];
  const keys: { key: string; unit?: TimeUnit }[] = [];
  const add = (label: string, key: string, numeric: boolean, unit?: TimeUnit) => {
    columns.push({ label, numeric });
    keys.push(unit === undefined ? { key } : { key, unit });
  };
  const colorUnit = plan.color?.group.timeUnit;
  if (plan.kind === 'scatter') {
    if (plan.color) add(labels.color ?? '', 'c', false, colorUnit);
    add(labels.x, 'x', model.types.x === 'number', model.timeUnit);
    const yChannel = plan.y[0];
    add(
      labels.y[0] ?? '',
      'y0',
      model.types.y0 === 'number',
      yChannel?.role === 'group' ? yChannel.group.timeUnit : undefined,
    );
    add(labels.size ?? '', 's', true);
  } else {
    add(labels.x, 'x', false, model.timeUnit);
    if (plan.color) add(labels.color ?? '', 'c', false, colorUnit);
    plan.y.forEach((channel, i) => add(labels.y[i] ?? '', channel.key, true));
  }
  const pie = plan.kind === 'pie' || plan.kind === 'donut';
  if (pie) columns.push({ label: '%', numeric: true });
  const total = pie
    ? model.records.reduce((sum, r) => sum + (typeof r.row.y0 === 'number' && r.row.y0 > 0 ? r.row.y0 : 0), 0)
    : 0;
  const rows = model.records.map((record) => {
    const cells = keys.map(({ key, unit }) => {
      if (key === 'x' && record.others) {
        const text = translate(format.locale, 'ui.others');
        return { text, raw: text };
      }
      return cell(model, record, key, format, unit);
    });
    if (pie) {
      const value = numberOrNull(record.row.y0);
      const share = value !== null && total > 0 ? value / total : null;
      cells.push({ text: formatShare(share, format), raw: share === null ? null : Math.round(share * 10000) / 10000 });
    }
    return cells;
  });
  return { columns, rows };
}

/** The CSV separator: `;`, as Opendatasoft's own CSV exports (and French spreadsheets) expect. */
export const CSV_SEPARATOR = ';';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : value;
  // A text starting like a formula is prefixed so that a spreadsheet shows it rather than running it.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The data shown as a CSV file: UTF-8 with a byte-order mark (spreadsheets then read accents right),
 * `;` between fields, CRLF between lines, a header line of column labels, and raw values as text
 * (numbers with a `.` decimal point and no grouping, periods as their keys `2024-03`, an empty field for
 * no value). Quotes follow RFC 4180.
 */
export function toCsv(table: TableModel): string {
  const lines = [table.columns.map((c) => csvField(c.label)).join(CSV_SEPARATOR)];
  for (const row of table.rows) lines.push(row.map((c) => csvField(c.raw)).join(CSV_SEPARATOR));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
