// @ts-check
/**
 * Two builds from the same sources:
 * - `dist/npm/`: one ES module per source file (each element its own entry), dependencies external,
 *   for bundlers and `import 'vitrine/components/figure/define.js'`;
 * - `dist/cdn/`: `vitrine.js`, the one script a page loads, plus split chunks fetched with `import()`
 *   on first use (each element's code, the vega and maplibre engines), everything minified.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { vegaSubset } from './scripts/vega-subset.js';

const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((file) => `src/${file.replaceAll('\\', '/')}`)
  .filter(
    (file) =>
      file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.includes('/fixtures/'),
  );

/** Packages that the npm build leaves to the user's bundler (a library's CSS imported as text is inlined). */
const external = [/^lit(\/|$)/, /^@lit\//, /^vega/, /^maplibre-gl(?!\/.*\.css\?inline$)/];

/**
 * `import text from 'pkg/file.css?inline'` gives the file's text, as Vite does (and scripts/wtr-css-text.js
 * in the browser tests): maplibre-gl's CSS is adopted inside vitrine-map's shadow root.
 * @returns {import('rollup').Plugin}
 */
function cssText() {
  const require = createRequire(import.meta.url);
  return {
    name: 'vitrine-css-text',
    resolveId(source) {
      return source.endsWith('.css?inline')
        ? `\0css-text:${require.resolve(source.slice(0, -'?inline'.length))}`
        : null;
    },
    async load(id) {
      if (!id.startsWith('\0css-text:')) return null;
      const text = await readFile(id.slice('\0css-text:'.length), 'utf8');
      return `export default ${JSON.stringify(text)};`;
    },
  };
}

/**
 * The CDN build loads the error and reason texts the first time an error is shown: it takes
 * src/format/error-texts.lazy.ts wherever the sources import src/format/error-texts.ts (which bundles
 * them, for the npm build and Node).
 * @returns {import('rollup').Plugin}
 */
function lazyErrorTexts() {
  const bundled = fileURLToPath(new URL('src/format/error-texts.ts', import.meta.url));
  return {
    name: 'vitrine-lazy-error-texts',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/error-texts.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === bundled ? bundled.replace(/\.ts$/, '.lazy.ts') : resolved;
    },
  };
}

/**
 * In the CDN entry, `import()` of an element's code becomes `preloadThen([its chunks], () => import(…))`
 * (see src/vitrine.ts): the chunks that code imports are asked for at the same time, with
 * `<link rel="modulepreload">`, instead of one round trip after the other.
 * @returns {import('rollup').Plugin}
 */
function preloadElementChunks() {
  return {
    name: 'vitrine-preload-element-chunks',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      if (!chunk.isEntry) return null;
      const files = (getTargetChunkImports() ?? [])
        .filter((i) => i.type === 'internal')
        .map((i) => i.resolvedImportPath);
      return files.length === 0 ? null : { left: `preloadThen([${files.join(', ')}], () => import(`, right: '))' };
    },
  };
}

/**
 * The code every element with data needs (Lit, the data layer, the shared controllers and views) goes
 * into one `core` chunk: the modules the simplest such element, vitrine-figure, imports, without the
 * figure's and the source's own code. Left to rollup, it is spread over three chunks, by which elements
 * happen to import each piece; one chunk is two requests fewer on every page and a little smaller.
 * @type {import('rollup').GetManualChunk}
 */
function coreChunk(id, { getModuleInfo }) {
  coreModules ??= reachableFrom(
    fileURLToPath(new URL('src/components/figure/define.ts', import.meta.url)),
    getModuleInfo,
  );
  return coreModules.has(id) && !/[/\\]components[/\\](figure|source)[/\\]/.test(id) ? 'core' : undefined;
}
/** @type {Set<string> | undefined} */
let coreModules;

/**
 * The modules `entry` imports, directly or not (dynamic imports excluded).
 * @param {string} entry
 * @param {import('rollup').GetModuleInfo} getModuleInfo
 */
function reachableFrom(entry, getModuleInfo) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const id = /** @type {string} */ (stack.pop());
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: Object.fromEntries(sources.map((file) => [file.slice('src/'.length, -'.ts'.length), file])),
    external,
    plugins: [cssText(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: { dir: 'dist/npm', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  },
  {
    input: { vitrine: 'src/vitrine.ts' },
    plugins: [
      preloadElementChunks(),
      vegaSubset(),
      lazyErrorTexts(),
      cssText(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' } }),
      // Two compress passes: a little smaller (nothing that could need eval: the strict-CSP rule holds).
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: coreChunk,
      // Chunks under 1 KB merge into a chunk loaded with them: fewer requests in a row (a map page makes
      // 7 instead of 10), for 0.1 KB more on a page of figures.
      experimentalMinChunkSize: 1000,
    },
  },
];
