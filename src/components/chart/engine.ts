/**
 * The chart engine: vega (the part charts use: ./vega-subset.ts), vega-lite and vega-interpreter, one
 * chunk that a chart loads with `import()` when it first comes near the viewport (a page without charts
 * never downloads it).
 *
 * - Vega-Lite compiles the generated spec to Vega; vega parses it with `ast: true` and the view
 *   evaluates expressions with vega-interpreter: no `eval`, no `new Function`, so a strict
 *   Content-Security-Policy without `unsafe-eval` is enough.
 * - Data reaches the view as JSON values (`view.data`), never through vega's loaders or its CSV
 *   parser (which compiles code).
 * - It imports nothing of the chart's own modules (types aside): shared code would tie the two chunks.
 * - vega-embed is not used: its action menu, editor links and tooltip plugin (which injects a
 *   `<style>` element, refused under a strict CSP) are not needed, and leaving it out saves its weight.
 * @module
 */
import type { LocaleFormatters, View } from 'vega';
import { View as VegaView, expressionFunction, parse, registerTransforms } from './vega-subset.js';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import type { JsonObject } from './spec.js';
import type { VegaLocale } from './vega-locale.js';

export type { View } from 'vega';

/** The expression function that formats values (the same name as `FORMAT_FUNCTION` in spec.ts). */
export const FORMAT_FUNCTION = 'vitrineFormat';

registerTransforms();

/** Formatters by key: each chart registers its own and deletes them when removed. */
const formats = new Map<string, (value: unknown) => string>();

expressionFunction(FORMAT_FUNCTION, (value: unknown, key: unknown): string => {
  const format = formats.get(String(key));
  if (format) return format(value);
  return value === null || value === undefined ? '' : String(value);
});

/** Registers the formatter `key` (called by `vitrineFormat(datum.value, key)` in the spec). */
export function setFormat(key: string, format: (value: unknown) => string): void {
  formats.set(key, format);
}

/** Forgets the formatter `key`. */
export function deleteFormat(key: string): void {
  formats.delete(key);
}

/** How a view is made. Every field but `dataset` and `locale` is optional. */
export interface ViewOptions {
  /** The name of the dataset that receives the values. */
  dataset: string;
  /** Where the view draws. Default: nowhere (headless, for images). */
  container?: HTMLElement;
  /** Default `svg`. */
  renderer?: 'svg' | 'canvas' | 'none';
  /** Number and time formats of the page's language. */
  locale: VegaLocale;
  /** Receives the datum under the pointer (or null). */
  tooltip?: (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;
}

/** The Vega spec of a Vega-Lite spec. */
export function compileSpec(spec: JsonObject): ReturnType<typeof compile>['spec'] {
  return compile(spec as unknown as TopLevelSpec).spec;
}

/** A view of `spec` over `values`, drawn (when it has a container). */
export async function createView(spec: JsonObject, values: readonly object[], options: ViewOptions): Promise<View> {
  const runtime = parse(compileSpec(spec), undefined, { ast: true });
  const view = new VegaView(runtime, {
    renderer: options.renderer ?? 'svg',
    expr: expressionInterpreter,
    // vega-view reads number and time definitions here (its typings describe formatters instead).
    locale: options.locale as unknown as LocaleFormatters,
    ...(options.container ? { container: options.container } : {}),
    ...(options.tooltip ? { tooltip: options.tooltip } : {}),
  });
  view.data(options.dataset, values as object[]);
  try {
    await view.runAsync();
  } catch (error) {
    view.finalize();
    throw error;
  }
  return view;
}

/** The chart as an image: SVG markup, or a PNG data URL at `scale` times its size. */
export async function renderImage(
  spec: JsonObject,
  values: readonly object[],
  type: 'svg' | 'png',
  options: ViewOptions & { scale?: number },
): Promise<string> {
  const view = await createView(spec, values, { dataset: options.dataset, locale: options.locale, renderer: 'none' });
  try {
    return type === 'svg' ? await view.toSVG() : await view.toImageURL('png', options.scale ?? 2);
  } finally {
    view.finalize();
  }
}
