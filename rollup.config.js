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
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

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
      return source.endsWith('.css?inline') ? `\0css-text:${require.resolve(source.slice(0, -'?inline'.length))}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0css-text:')) return null;
      const text = await readFile(id.slice('\0css-text:'.length), 'utf8');
      return `export default ${JSON.stringify(text)};`;
    },
  };
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
      cssText(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' } }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
];
