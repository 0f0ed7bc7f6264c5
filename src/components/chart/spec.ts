/**
 * The Vega-Lite spec of a chart, generated from its model (pure: no DOM, no vega).
 *
 * The data is never in the spec: it is the named dataset `table`, handed to the view as JSON values, so
 * a refresh swaps the data without rebuilding the chart. Fields are the model's fixed internal names;
 * titles are plain strings; the only expressions are written here (number and period formatting call
 * {@link FORMAT_FUNCTION} with `datum.value` and a key, the donut's hole is a ratio of the view's size).
 * No value from the dataset or the page is ever part of an expression.
 */
import { VitrineDataError } from '../../data/errors.js';
import type { ChartModel } from './model.js';

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };
/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** The expression function that formats numbers and periods with Vitrine's formatters (`src/format`). */
export const FORMAT_FUNCTION = 'vitrineFormat';

/** The name of the dataset the chart's rows are handed to. */
export const DATASET = 'table';

/** Options of {@link chartSpec}. Every field is optional. */
export interface SpecOptions {
  /** Width of the view, px. Default 600. */
  width?: number;
  /** Height of the view, px. Default 300. */
  height?: number;
  /** Vega-Lite config (the theme). */
  config?: Record<string, unknown>;
  /** Keys of the formatters registered for this chart. */
  formats?: { value: string; percent: string; period: string };
  /** Show a legend for series. Default true. */
  legend?: boolean;
  /** Title of the x attribute's axis (the categories or periods; the vertical axis of a bar chart). */
  xTitle?: string;
  /** Title of the y attribute's axis (the values). */
  yTitle?: string;
}

const TOOLTIP = { content: 'data' };

/** Above this many points per series a line has no point marks. */
const POINTS_UP_TO = 60;

/** The Vega-Lite spec of a model. */
export function chartSpec(model: ChartModel, options: SpecOptions = {}): JsonObject {
  const { plan, labels } = model;
  const formats = options.formats ?? { value: 'value', percent: 'percent', period: 'period' };
  const legend: JsonValue = options.legend === false ? null : {};
  const xTitle = options.xTitle || labels.x;
  const yTitle = options.yTitle || (labels.y.length === 1 ? (labels.y[0] ?? null) : null);
  const series = plan.color !== undefined || plan.y.length > 1;
  const colorTitle: string | null = plan.color ? (labels.color ?? null) : null;
  const time = model.timeUnit !== undefined;

  const valueAxis = (percent: boolean): JsonObject => ({
    formatType: FORMAT_FUNCTION,
    format: percent ? formats.percent : formats.value,
    labelOverlap: true,
  });

  let mark: JsonObject;
  let encoding: JsonObject;

  if (plan.kind === 'pie' || plan.kind === 'donut') {
    mark = { type: 'arc', tooltip: TOOLTIP };
    if (plan.kind === 'donut') mark.innerRadius = { expr: 'min(width, height) * 0.27' };
    encoding = {
      theta: { field: 'y', type: 'quantitative', stack: true },
      color: { field: 'x', type: 'nominal', sort: null, title: xTitle, legend },
      order: { field: 'i', type: 'quantitative' },
    };
  } else if (plan.kind === 'scatter') {
    mark = { type: 'point', filled: true, opacity: 0.75, tooltip: TOOLTIP };
    const position = (key: 'x' | 'y0', field: 'x' | 'y', title: string | null): JsonObject => {
      const type = model.types[key];
      if (type === 'period') return { field, type: 'temporal', scale: { type: 'utc' }, title };
      if (type === 'text') return { field, type: 'nominal', sort: null, title };
      const measure = (key === 'x' ? plan.x : plan.y[0])?.role === 'measure';
      const def: JsonObject = { field, type: 'quantitative', scale: { zero: false }, title };
      if (measure) def.axis = valueAxis(false);
      return def;
    };
    encoding = { x: position('x', 'x', xTitle), y: position('y0', 'y', yTitle) };
    if (plan.color) encoding.color = { field: 'c', type: 'nominal', sort: null, title: colorTitle, legend };
    if (plan.size) encoding.size = { field: 's', type: 'quantitative', title: labels.size ?? null, legend };
  } else {
    const horizontal = plan.kind === 'bar';
    const bars = plan.kind === 'bar' || plan.kind === 'column';
    const stacked = series && plan.stack !== 'none' && plan.kind !== 'line';
    const percent = plan.stack === 'percent' && plan.kind !== 'line';
    const value: JsonObject = {
      field: 'y',
      type: 'quantitative',
      title: percent && !options.yTitle ? null : yTitle,
      axis: valueAxis(percent),
      stack: percent ? 'normalize' : stacked ? 'zero' : null,
    };
    let category: JsonObject;
    if (time && bars) {
      // A band per period, every period of the range in the domain: a missing one is an empty band.
      category = {
        field: 'k',
        type: 'ordinal',
        title: xTitle,
        axis: { formatType: FORMAT_FUNCTION, format: formats.period, labelOverlap: 'parity', labelAngle: 0 },
      };
    } else if (time) {
      category = { field: 'x', type: 'temporal', scale: { type: 'utc' }, title: xTitle, axis: { labelOverlap: true } };
    } else {
      category = { field: 'x', type: 'nominal', sort: null, title: xTitle, axis: { labelLimit: 180 } };
    }
    if (bars) {
      mark = { type: 'bar', tooltip: TOOLTIP };
      // A missing period keeps its band on the axis (an empty place), rather than being dropped from it.
      if (time) mark.invalid = 'show';
    } else if (plan.kind === 'line') {
      const longest = Math.max(...countBySeries(model).values(), 0);
      // Overlays are marks of their own: hidden from assistive technologies too (see `aria` below).
      mark = { type: 'line', tooltip: TOOLTIP, point: longest <= POINTS_UP_TO ? { aria: false } : false };
    } else {
      mark = { type: 'area', tooltip: TOOLTIP, line: { aria: false } };
      if (!stacked && series) mark.opacity = 0.5;
    }
    // Values across: a tick every 90 px or so (labels like "1.2M" need the room).
    if (horizontal) (value.axis as JsonObject).tickCount = { expr: 'ceil(width / 90)' };
    encoding = horizontal ? { y: category, x: value } : { x: category, y: value };
    if (series) {
      encoding.color = { field: 'c', type: 'nominal', sort: null, title: colorTitle, legend };
      if (bars && !stacked) encoding[horizontal ? 'yOffset' : 'xOffset'] = { field: 'c', sort: null };
    }
  }

  // The drawing is one image for assistive technologies (named and described by the element): its marks
  // and guides are hidden from them.
  mark.aria = false;
  const config: JsonObject = { ...((options.config ?? {}) as JsonObject), customFormatTypes: true, aria: false };
  return {
    data: { name: DATASET },
    width: Math.max(50, Math.round(options.width ?? 600)),
    height: Math.max(50, Math.round(options.height ?? 300)),
    autosize: { type: 'fit', contains: 'padding' },
    config,
    mark,
    encoding,
  };
}

function countBySeries(model: ChartModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of model.rows) counts.set(row.c ?? '', (counts.get(row.c ?? '') ?? 0) + 1);
  return counts;
}

// ——— The `spec` attribute ——————————————————————————————————————————————————————

/** Keys that must never be written through a merge (they would reach an object's prototype). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys of the `spec` attribute that would replace the data the chart was asked to show. */
const DATA_KEYS = ['data', 'datasets'];

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badSpec(text: string, reason: VitrineDataError['details']['reason']): VitrineDataError {
  const details: VitrineDataError['details'] = {
    attribute: 'spec',
    value: text.length > 80 ? `${text.slice(0, 79)}…` : text,
    example: '{"mark": {"cornerRadius": 3}}',
  };
  return new VitrineDataError('bad-attribute', reason === undefined ? details : { ...details, reason });
}

/**
 * Reads the `spec` attribute: Vega-Lite JSON to merge over the generated spec. It is parsed as JSON,
 * never evaluated, and may not replace the data.
 *
 * @throws VitrineDataError `bad-attribute` for anything that is not a plain JSON object.
 */
export function parseSpecAttribute(text: string): JsonObject | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badSpec(text, { key: 'reason.spec-json', params: { detail: (error as Error).message } });
  }
  if (!isPlainObject(value)) throw badSpec(text, { key: 'reason.spec-object' });
  for (const key of DATA_KEYS) {
    if (Object.prototype.hasOwnProperty.call(value, key))
      throw badSpec(text, { key: 'reason.spec-data', params: { key } });
  }
  return value;
}

/**
 * `over` merged over `base`: objects merge key by key, anything else (arrays too) replaces. Neither
 * argument is changed; prototype keys are skipped.
 */
export function mergeSpec(base: JsonObject, over: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(base)) if (!FORBIDDEN_KEYS.has(key)) result[key] = value;
  for (const [key, value] of Object.entries(over)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? mergeSpec(current, value) : value;
  }
  return result;
}
