// @ts-check
/**
 * Two builds from the same sources:
 * - `dist/npm/`: one ES module per source file (each element its own entry), dependencies external,
 *   for bundlers and `import 'vitrine/components/figure/define.js'`;
 * - `dist/cdn/`: `vitrine.js`, the one script a page loads, plus split chunks fetched with `import()`
 *   on first use (each element's code, the vega and maplibre engines), everything minified.
 */
import { readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((file) => `src/${file.replaceAll('\\', '/')}`)
  .filter(
    (file) =>
      file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.includes('/fixtures/'),
  );

/** Packages that the npm build leaves to the user's bundler. */
const external = [/^lit(\/|$)/, /^@lit\//, /^vega/, /^maplibre-gl/];

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: Object.fromEntries(sources.map((file) => [file.slice('src/'.length, -'.ts'.length), file])),
    external,
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: { dir: 'dist/npm', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
  },
  {
    input: { vitrine: 'src/vitrine.ts' },
    plugins: [
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
