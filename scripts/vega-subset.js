// @ts-check
/**
 * Vega-Lite imports a few helpers from the `vega` package, which would bring the whole of vega (every
 * transform, the geographic projections…) into the chart engine. These plugins resolve that import to
 * src/components/chart/vega-subset.ts, the part of vega charts use, in the CDN build (rollup), the
 * browser tests (web-test-runner) and Storybook (vite): all three run the same engine.
 * @module
 */
import { fileURLToPath } from 'node:url';

/** The module that stands for `vega`. */
export const VEGA_SUBSET = fileURLToPath(new URL('../src/components/chart/vega-subset.ts', import.meta.url));

/** Whether `importer` is Vega-Lite's code. @param {string | undefined} importer */
const fromVegaLite = (importer) => importer !== undefined && /[/\\]node_modules[/\\]vega-lite[/\\]/.test(importer);

/**
 * For rollup and vite.
 * @returns {import('rollup').Plugin}
 */
export function vegaSubset() {
  return {
    name: 'vitrine-vega-subset',
    resolveId: (source, importer) => (source === 'vega' && fromVegaLite(importer) ? VEGA_SUBSET : null),
  };
}

/**
 * For web-test-runner, which serves files by URL path from the project's root.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function vegaSubsetForTests() {
  return {
    name: 'vitrine-vega-subset',
    resolveImport: ({ source, context }) =>
      source === 'vega' && fromVegaLite(context.path) ? '/src/components/chart/vega-subset.ts' : undefined,
  };
}
