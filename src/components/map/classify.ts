/**
 * Colour scales of `vitrine-map`: classes for choropleths and coloured points (quantiles or equal
 * intervals), continuous ramps, and categories. Pure functions: no Lit, no DOM, no engine.
 *
 * A classed scale has `breaks` b0 < b1 < … < bn and n colours; class i holds the values v with
 * b(i) ≤ v < b(i+1), the last class also holding bn. This is exactly maplibre's `step` expression, so
 * the legend, the table and the map always agree.
 * @module
 */

/** How values become colours. */
export type ScaleKind = 'quantile' | 'equal' | 'continuous';

/** Sequential palette (ColorBrewer YlGnBu, colour-blind safe), light to dark. */
export const SEQUENTIAL = [
  '#ffffd9',
  '#edf8b1',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#253494',
  '#081d58',
] as const;

/** Categorical palette (Okabe–Ito, without black and yellow), colour-blind safe. */
export const CATEGORICAL = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'] as const;

/** The colour of values beyond a categorical palette, and of missing values. */
export const OTHER_COLOR = '#bdbdbd';

/** Classes for values: `breaks.length === colors.length + 1`. */
export interface ClassedScale {
  kind: 'classed';
  breaks: number[];
  colors: string[];
}

/** A continuous ramp from `min` to `max` through `colors` (evenly spaced). */
export interface ContinuousScale {
  kind: 'continuous';
  min: number;
  max: number;
  colors: string[];
}

/** One colour per listed value; every other value gets `other`. */
export interface CategoryScale {
  kind: 'category';
  values: string[];
  colors: string[];
  other: string;
  /** How many features carry each listed value, in the same order. */
  counts: number[];
}

/** Any colour scale. */
export type ColorScale = ClassedScale | ContinuousScale | CategoryScale;

/** `#rrggbb` → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)] : [0, 0, 0];
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0');

/**
 * `n` colours spread evenly along `colors` (interpolated in RGB). Colours must be `#rrggbb`.
 * @example ramp(['#000000', '#ffffff'], 3) // ['#000000', '#808080', '#ffffff']
 */
export function ramp(colors: readonly string[], n: number): string[] {
  if (n <= 0 || colors.length === 0) return [];
  if (colors.length === 1 || n === 1)
    return Array.from({ length: n }, (_, i) => colors[Math.min(i, colors.length - 1)] ?? '#000000');
  if (n === colors.length) return [...colors];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / (n - 1)) * (colors.length - 1);
    const lo = Math.floor(t);
    const hi = Math.min(colors.length - 1, lo + 1);
    const f = t - lo;
    const a = rgb(colors[lo] ?? '#000000');
    const b = rgb(colors[hi] ?? '#000000');
    out.push(`#${hex2(a[0] + (b[0] - a[0]) * f)}${hex2(a[1] + (b[1] - a[1]) * f)}${hex2(a[2] + (b[2] - a[2]) * f)}`);
  }
  return out;
}

/** The finite numbers among `values`, sorted. */
export function finiteSorted(values: Iterable<unknown>): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** The value at quantile `q` (0–1) of sorted values (linear interpolation, like d3.quantileSorted). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] ?? a;
  return a + (b - a) * (i - lo);
}

/** Rounds a break to a few significant digits, so legends read `0.05`, not `0.0499999`. */
export function niceBreak(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/**
 * Breaks of `classes` classes over sorted values: quantiles (about as many values in each class) or
 * equal intervals. Duplicate breaks (many equal values) are merged, so there may be fewer classes.
 */
export function breaksOf(sorted: readonly number[], classes: number, kind: 'quantile' | 'equal'): number[] {
  if (sorted.length === 0) return [];
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (min === max) return [min, max];
  const inner: number[] = [];
  for (let i = 1; i < classes; i++) {
    const raw = kind === 'quantile' ? quantileSorted(sorted, i / classes) : min + ((max - min) * i) / classes;
    inner.push(niceBreak(raw));
  }
  const breaks = [min, ...inner.filter((b) => b > min && b < max), max];
  return breaks.filter((b, i) => i === 0 || b > (breaks[i - 1] ?? -Infinity));
}

/**
 * A colour scale over numbers. `colors`: the palette to spread over the classes (default
 * {@link SEQUENTIAL}).
 */
export function numericScale(
  values: Iterable<unknown>,
  options: { kind?: ScaleKind; classes?: number; colors?: readonly string[] } = {},
): ClassedScale | ContinuousScale | undefined {
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return undefined;
  const palette = options.colors && options.colors.length > 0 ? options.colors : SEQUENTIAL;
  const kind = options.kind ?? 'quantile';
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (kind === 'continuous') {
    return { kind: 'continuous', min, max, colors: ramp(palette, Math.min(Math.max(palette.length, 2), 9)) };
  }
  const breaks = breaksOf(sorted, Math.min(9, Math.max(2, options.classes ?? 5)), kind);
  const n = Math.max(1, breaks.length - 1);
  // The default palette's palest colour is hard to see on a light background: start one step in
  // (two for fewer than five classes, which do not need the whole range).
  const colors = palette === SEQUENTIAL ? ramp(SEQUENTIAL.slice(n < 5 ? 2 : 1), n) : ramp(palette, n);
  return { kind: 'classed', breaks, colors };
}

/** The class of `value` in a classed scale, or -1 when it is not a finite number. */
export function classOf(scale: ClassedScale, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  let index = 0;
  for (let i = 1; i < scale.colors.length; i++) if (value >= (scale.breaks[i] ?? Infinity)) index = i;
  return index;
}

/** The colour of a value: what the map draws, computed the same way (tests and the table use it). */
export function colorOf(scale: ColorScale, value: unknown, missing: string): string {
  if (scale.kind === 'category') {
    if (value === null || value === undefined || value === '') return missing;
    const i = scale.values.indexOf(String(value));
    return i >= 0 ? (scale.colors[i] ?? scale.other) : scale.other;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return missing;
  if (scale.kind === 'classed') return scale.colors[classOf(scale, value)] ?? missing;
  const t = scale.max === scale.min ? 0 : (value - scale.min) / (scale.max - scale.min);
  return ramp(scale.colors, 101)[Math.round(Math.min(1, Math.max(0, t)) * 100)] ?? missing;
}

/**
 * One colour per frequent value (at most `palette.length`, the most frequent first); the rest share
 * a grey "other". `fixed` gives some values their own colour (`{ Central: '#e32017' }`), whatever
 * their rank.
 */
export function categoryScale(
  values: Iterable<unknown>,
  palette: readonly string[] = CATEGORICAL,
  fixed: ReadonlyMap<string, string> = new Map(),
): CategoryScale {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept: [string, number, string][] = [];
  let next = 0;
  for (const [value, count] of ranked) {
    const own = fixed.get(value);
    if (own !== undefined) kept.push([value, count, own]);
    else if (next < palette.length) kept.push([value, count, palette[next++] ?? OTHER_COLOR]);
  }
  return {
    kind: 'category',
    values: kept.map(([v]) => v),
    colors: kept.map(([, , c]) => c),
    counts: kept.map(([, c]) => c),
    other: OTHER_COLOR,
  };
}
