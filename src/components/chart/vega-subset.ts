/**
 * The part of vega that charts use, in place of the whole `vega` package: the runtime (parser, view,
 * expression functions) and the transforms a Vega-Lite spec compiles to. Left out: the force, tree,
 * word-cloud, voronoi, label, geographic and cross-filter transforms (maps are drawn by maplibre, and
 * the generated specs never ask for them), about 45 KB gzip. A `spec` attribute that needs one of
 * them (a `geoshape` mark, a `nearest` selection) gets a message naming the missing transform.
 *
 * Vega-Lite imports a few helpers from `vega` itself; the builds (rollup.config.js, the test runner,
 * Storybook) resolve that import here, through `scripts/vega-subset.js`, so the whole package
 * is never bundled. Those helpers are vega-util's, re-exported below.
 * @module
 */
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encodeTransforms from 'vega-encode';
import * as regressionTransforms from 'vega-regression';

/**
 * Registers the transforms charts use with vega's dataflow (once is enough; again is harmless). A
 * function rather than a module side effect, so that a bundler keeps it with the code that calls it.
 * Trend lines (`regression`, `loess`) stay available to a `spec` attribute: 2.4 KB gzip.
 */
export function registerTransforms(): void {
  extend(transforms, dataTransforms, viewTransforms, encodeTransforms, regressionTransforms);
}

export { View } from 'vega-view';
export { parse } from 'vega-parser';
export { expressionFunction } from 'vega-functions';
export * from 'vega-util';
