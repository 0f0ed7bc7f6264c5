/**
 * The text summary of a chart, in the page's language (pure): what kind of chart, what is measured by
 * what, the extremes, the largest share, the trend of a time series and its gaps. Screen readers read it
 * as the chart's description; it is plain text.
 */
import { type MessageKey } from '../../format/messages.js';
import { translate } from '../../format/messages-chart.js';
import {
  formatShare,
  formatValue,
  groupText,
  recordXText,
  type ChartFormat,
  type ChartModel,
  type ChartRecord,
} from './model.js';

/** The most series described one by one; beyond, the summary speaks of all values together. */
const MAX_SERIES = 5;

type CountKey = 'chart.summary.gaps' | 'chart.summary.points';

function plural(format: ChartFormat, key: CountKey, count: number): string {
  const form = new Intl.PluralRules(format.tag).select(count) === 'one' ? 'one' : 'other';
  const text = formatValue(count, { ...format, number: {} });
  return translate(format.locale, `${key}.${form}` as `${CountKey}.one`, { count: text });
}

function list(format: ChartFormat, items: string[]): string {
  return new Intl.ListFormat(format.tag, { type: 'conjunction' }).format(items);
}

/** The first sentence: "Bar chart of Population by Département." — also the chart's name when it has no title. */
export function chartName(model: ChartModel, format: ChartFormat): string {
  const { plan, labels } = model;
  const kind = translate(format.locale, `chart.kind.${plan.kind}` as MessageKey & `chart.kind.${string}`);
  if (plan.kind === 'scatter') {
    return translate(format.locale, 'chart.summary.scatter', { kind, x: labels.x, y: labels.y[0] ?? '' });
  }
  const measure = list(format, labels.y);
  if (plan.color) {
    return translate(format.locale, 'chart.summary.of-color', {
      kind,
      measure,
      dimension: labels.x,
      color: labels.color ?? '',
    });
  }
  return translate(format.locale, 'chart.summary.of', { kind, measure, dimension: labels.x });
}

interface Point {
  label: string;
  value: number;
  record: ChartRecord;
}

/** The values of one series (a measure key, or a value of the color field), others and gaps left out. */
function seriesPoints(model: ChartModel, format: ChartFormat, key: string, color?: string): Point[] {
  const points: Point[] = [];
  for (const record of model.records) {
    if (record.others || record.filled) continue;
    if (color !== undefined && colorText(model, record, format) !== color) continue;
    const value = record.row[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    points.push({ label: recordXText(model, record, format), value, record });
  }
  return points;
}

function colorText(model: ChartModel, record: ChartRecord, format: ChartFormat): string {
  return groupText(record.row.c, model.types.c ?? 'text', model.plan.color?.group.timeUnit, format);
}

function extremes(points: Point[]): { max: Point; min: Point } | null {
  if (points.length === 0) return null;
  let max = points[0]!;
  let min = points[0]!;
  for (const p of points) {
    if (p.value > max.value) max = p;
    if (p.value < min.value) min = p;
  }
  return { max, min };
}

function extremesSentence(format: ChartFormat, points: Point[], series?: string): string | undefined {
  const found = extremes(points);
  if (!found || points.length < 2) return undefined;
  const params = {
    maxLabel: found.max.label,
    max: formatValue(found.max.value, format),
    minLabel: found.min.label,
    min: formatValue(found.min.value, format),
  };
  return series === undefined
    ? translate(format.locale, 'chart.summary.extremes', params)
    : translate(format.locale, 'chart.summary.series-extremes', { ...params, series });
}

function trendSentence(format: ChartFormat, points: Point[], subject: string): string | undefined {
  if (points.length < 2) return undefined;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const params = {
    subject,
    first: formatValue(first.value, format),
    last: formatValue(last.value, format),
    start: first.label,
    end: last.label,
  };
  if (first.value === last.value) return translate(format.locale, 'chart.summary.trend.flat', params);
  const ratio = first.value !== 0 ? (last.value - first.value) / Math.abs(first.value) : undefined;
  const change =
    ratio === undefined
      ? formatValue(last.value - first.value, { ...format, number: { ...format.number, sign: 'exceptZero' } })
      : `${ratio > 0 ? '+' : '−'}${formatShare(Math.abs(ratio), format)}`;
  const key = last.value > first.value ? 'chart.summary.trend.up' : 'chart.summary.trend.down';
  return translate(format.locale, key, { ...params, change });
}

/**
 * The summary of a chart: its name (unless `name` is false), then the facts a sighted reader takes from
 * it at a glance.
 */
export function chartSummary(model: ChartModel, format: ChartFormat, options: { name?: boolean } = {}): string {
  const { plan, labels } = model;
  const sentences: string[] = [];
  if (options.name !== false) sentences.push(chartName(model, format));

  if (plan.kind === 'scatter') {
    sentences.push(plural(format, 'chart.summary.points', model.records.length));
    for (const [key, label] of [
      ['x', labels.x],
      ['y0', labels.y[0] ?? ''],
    ] as const) {
      if (model.types[key] !== 'number') continue;
      const values = model.records.map((r) => r.row[key]).filter((v): v is number => typeof v === 'number');
      if (values.length === 0) continue;
      sentences.push(
        translate(format.locale, 'chart.summary.range', {
          label,
          min: formatValue(Math.min(...values), format),
          max: formatValue(Math.max(...values), format),
        }),
      );
    }
  } else {
    // Series: each aggregate of y, or each value of the color field.
    const series: { key: string; name?: string; color?: string }[] = plan.color
      ? [...new Set(model.rows.filter((r) => !r.o && r.y !== null).map((r) => r.c ?? ''))].map((c) => ({
          key: 'y0',
          name: c,
          color: c,
        }))
      : plan.y.map((channel, i) =>
          plan.y.length > 1 ? { key: channel.key, name: labels.y[i] ?? '' } : { key: channel.key },
        );
    const time = model.timeUnit !== undefined && !plan.sort;
    const pie = plan.kind === 'pie' || plan.kind === 'donut';
    if (series.length <= MAX_SERIES) {
      for (const s of series) {
        const points = seriesPoints(model, format, s.key, s.color);
        if (time) {
          const trend = trendSentence(format, points, s.name ?? labels.y[0] ?? '');
          if (trend) sentences.push(trend);
        }
        const extreme = extremesSentence(format, points, s.name);
        if (extreme) sentences.push(extreme);
      }
    }
    if (pie) {
      const points = seriesPoints(model, format, 'y0');
      const others = model.records.find((r) => r.others);
      const total = [...points.map((p) => p.value), typeof others?.row.y0 === 'number' ? others.row.y0 : 0]
        .filter((v) => v > 0)
        .reduce((a, b) => a + b, 0);
      const found = extremes(points);
      if (found && total > 0) {
        sentences.push(
          translate(format.locale, 'chart.summary.share', {
            label: found.max.label,
            share: formatShare(found.max.value / total, format),
            total: formatValue(total, format),
          }),
        );
      }
    }
    const others = model.records.find((r) => r.others);
    if (others && typeof others.row.y0 === 'number') {
      sentences.push(translate(format.locale, 'chart.summary.others', { value: formatValue(others.row.y0, format) }));
    }
    if (model.gaps > 0) sentences.push(plural(format, 'chart.summary.gaps', model.gaps));
  }
  if (model.truncated && plan.limit === undefined) {
    const count = new Set(model.records.map((r) => JSON.stringify([r.row.x, r.row.c ?? null]))).size;
    sentences.push(
      translate(format.locale, 'chart.summary.truncated', { count: formatValue(count, { ...format, number: {} }) }),
    );
  }
  return sentences.join(' ');
}
