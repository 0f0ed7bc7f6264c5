// @ts-check
/**
 * A web-test-runner / dev-server plugin: `import css from 'some/file.css?inline'` gives the file's text
 * as a string, the way Vite does (and the rollup build, see rollup.config.js), so an element can adopt
 * a library's CSS inside its shadow root (maplibre-gl's, for `vitrine-map`).
 *
 * In web-test-runner.config.js: `plugins: [cssTextPlugin(), esbuildPlugin(…), …]`.
 * @module
 */

/** @param {import('koa').Context} context */
const isInlineCss = (context) =>
  context.path.endsWith('.css') && new URLSearchParams(context.querystring).has('inline');

/** @returns {import('@web/dev-server-core').Plugin} */
export function cssTextPlugin() {
  return {
    name: 'vitrine-css-text',
    resolveMimeType(context) {
      return isInlineCss(context) ? 'js' : undefined;
    },
    transform(context) {
      if (!isInlineCss(context)) return undefined;
      return { body: `export default ${JSON.stringify(String(context.body))};\n`, transformCache: false };
    },
  };
}
