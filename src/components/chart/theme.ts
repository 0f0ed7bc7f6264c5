/**
 * The chart's look, from the page: `--vitrine-*` tokens when set, else the font and colour the element
 * inherits, so a chart matches a page with no CSS of ours, light or dark. {@link readTokens} reads the
 * element (DOM); {@link chartConfig} turns tokens into a Vega-Lite config (pure).
 */

/** What the chart's look is made of. */
export interface ChartTokens {
  /** Font family of labels and titles. */
  font: string;
  /** Text colour (titles, legend). */
  text: string;
  /** Axis labels and ticks. */
  muted: string;
  /** Grid lines and axis lines. */
  grid: string;
  /** Behind the marks: separates pie slices; fills exported images. */
  background: string;
  /** Colour of a single series. */
  accent: string;
  /** Colours of several series, in order. */
  palette: string[];
  /** The page is dark (light text). */
  dark: boolean;
  /** Font size of labels, px. */
  fontSize: number;
}

/**
 * Colour-blind-safe series colours, each with at least 4.5:1 contrast on white: the first four stay
 * apart under deuteranopia, protanopia and tritanopia (simulated, ΔE ≥ 15). Beyond four series colour
 * alone cannot carry the difference: the legend order, tooltips and the data table do.
 */
export const LIGHT_PALETTE = ['#0063cb', '#d14900', '#00875a', '#5c5c5c', '#c2185b', '#8a6a00', '#8e3fa8', '#00838f'];

/** The same roles for dark pages: at least 6.7:1 contrast on #161616. */
export const DARK_PALETTE = ['#6ca8ff', '#ff8c42', '#3dd68c', '#bdbdbd', '#ff6b9a', '#f2d04b', '#d9a6f2', '#4fd1d9'];

/** Reads `rgb(…)`/`rgba(…)` or `#rrggbb` into 0–255 channels. */
export function parseColor(text: string): [number, number, number] | null {
  const value = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const n = parseInt(hex[1] ?? '0', 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) return [1, 2, 3].map((i) => parseInt(`${short[i]}${short[i]}`, 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** Relative luminance (WCAG) of a colour, 0–1. */
export function luminance([r, g, b]: [number, number, number]): number {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}

/** Only what a colour can be: keeps a CSS value that holds a function call or a URL out of the config. */
function safeColor(value: string): string | undefined {
  const text = value.trim();
  return /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|[a-z]+)$/i.test(text) ? text : undefined;
}

/** The tokens of an element, from its computed style. */
export function readTokens(element: Element): ChartTokens {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const text = safeColor(token('--vitrine-color-text')) ?? safeColor(style.color) ?? '#1e1e1e';
  const rgb = parseColor(text) ?? [30, 30, 30];
  const dark = luminance(rgb) > 0.5;
  const alpha = (a: number) => `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${a})`;
  const palette = token('--vitrine-chart-palette')
    .split(/[\s,]+(?![^(]*\))/)
    .map((c) => safeColor(c))
    .filter((c): c is string => c !== undefined);
  const defaults = dark ? DARK_PALETTE : LIGHT_PALETTE;
  const series = palette.length > 0 ? palette : defaults;
  const font = token('--vitrine-font-family') || style.fontFamily || 'sans-serif';
  return {
    font: font.replace(/[;{}<>]/g, ''),
    text,
    muted: safeColor(token('--vitrine-color-muted')) ?? alpha(0.78),
    grid: safeColor(token('--vitrine-chart-grid-color')) ?? alpha(0.16),
    background: safeColor(token('--vitrine-color-background')) ?? (dark ? '#161616' : '#ffffff'),
    accent:
      safeColor(token('--vitrine-chart-color')) ?? safeColor(token('--vitrine-color-accent')) ?? series[0] ?? '#0063cb',
    palette: series,
    dark,
    fontSize: Math.min(16, Math.max(10, Math.round(parseFloat(style.fontSize || '16') * 0.75))),
  };
}

/** A Vega-Lite config from tokens. */
export function chartConfig(t: ChartTokens): Record<string, unknown> {
  const label = { labelFont: t.font, labelFontSize: t.fontSize, labelColor: t.muted };
  const title = { titleFont: t.font, titleFontSize: t.fontSize, titleColor: t.text, titleFontWeight: 'normal' };
  return {
    font: t.font,
    background: null,
    view: { stroke: null },
    axis: {
      ...label,
      ...title,
      domainColor: t.grid,
      tickColor: t.grid,
      gridColor: t.grid,
      labelPadding: 4,
    },
    axisBand: { grid: false, ticks: false },
    legend: { ...label, ...title, labelColor: t.text, orient: 'bottom', labelLimit: 220 },
    title: { font: t.font, color: t.text, subtitleColor: t.muted, fontSize: t.fontSize + 4, anchor: 'start' },
    range: { category: t.palette },
    mark: { color: t.accent },
    arc: { stroke: t.background, strokeWidth: 1 },
    line: { strokeWidth: 2 },
    point: { filled: true, size: 40 },
  };
}
