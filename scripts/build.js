// @ts-check
/**
 * `npm run build`: the npm and CDN bundles (rollup), type declarations (tsc), the custom elements
 * manifest, and a size table written to dist/sizes.json and printed.
 */
import { rm, writeFile, mkdir, copyFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { rollup } from 'rollup';
import configs from '../rollup.config.js';
import { measure, scenarioFiles, kb } from './sizes.js';

const started = Date.now();
await rm('dist', { recursive: true, force: true });

/** @type {import('./sizes.js').ChunkInfo[]} */
let cdnChunks = [];
for (const config of configs) {
  const bundle = await rollup({
    ...config,
    onwarn: (warning, warn) => (warning.code === 'CIRCULAR_DEPENDENCY' ? undefined : warn(warning)),
  });
  const outputs = Array.isArray(config.output) ? config.output : [config.output];
  for (const output of outputs) {
    const { output: files } = await bundle.write(/** @type {import('rollup').OutputOptions} */ (output));
    if (output?.dir === 'dist/cdn') {
      cdnChunks = files.flatMap((f) =>
        f.type === 'chunk'
          ? [
              {
                fileName: f.fileName,
                code: f.code,
                imports: f.imports,
                dynamicImports: f.dynamicImports,
                facadeModuleId: f.facadeModuleId,
                moduleIds: f.moduleIds,
              },
            ]
          : [],
      );
    }
  }
  await bundle.close();
}
// maplibre loads its worker from next to the chunk that holds maplibre (the worker imports nothing).
await copyFile('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', 'dist/cdn/chunks/maplibre-gl-worker.mjs');
// Theme files (tokens only) sit next to the script: <link rel="stylesheet" href="…/themes/dark.css">.
await mkdir('dist/cdn/themes', { recursive: true });
for (const file of await readdir('src/styles/themes')) {
  if (file.endsWith('.css')) await copyFile(`src/styles/themes/${file}`, `dist/cdn/themes/${file}`);
}

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', '.'],
  { stdio: 'ignore' },
);
await mkdir('dist', { recursive: true });
await copyFile('custom-elements.json', 'dist/custom-elements.json');
// The README's element reference is generated from the manifest.
execFileSync(process.execPath, ['scripts/readme-reference.js'], { stdio: 'inherit' });

/** Heavy engines a chunk contains, so tests can check which pages download them. */
const enginesOf = (/** @type {string[]} */ ids) => [
  ...new Set(ids.flatMap((id) => /node_modules\/(vega[^/]*|maplibre-gl)\//.exec(id)?.[1] ?? [])),
];
const files = cdnChunks
  .map((c) => ({ file: c.fileName, ...measure(c.code), engines: enginesOf(c.moduleIds) }))
  .sort((a, b) => b.gzip - a.gzip);
/** Page scenarios: which element modules a page of that kind uses. */
const scenarios = {
  'figures only': [/components\/(figure|source)\//],
  'one chart': [/components\/chart\//],
  'one map': [/components\/map\//],
  dashboard: [/components\/(figure|source|chart|map|table|filter|search)\//],
};
const scenarioSizes = Object.fromEntries(
  Object.entries(scenarios).map(([name, wanted]) => {
    const names = scenarioFiles(cdnChunks, 'vitrine.js', wanted);
    const sum = names.reduce(
      (acc, n) => {
        const m = files.find((f) => f.file === n);
        return m ? { raw: acc.raw + m.raw, gzip: acc.gzip + m.gzip, brotli: acc.brotli + m.brotli } : acc;
      },
      { raw: 0, gzip: 0, brotli: 0 },
    );
    return [name, { files: names, ...sum }];
  }),
);
await writeFile('dist/sizes.json', JSON.stringify({ files, scenarios: scenarioSizes }, null, 2));

const pad = (/** @type {string} */ s, /** @type {number} */ n) => s.padEnd(n);
console.log(`\nCDN build (dist/cdn), KB: raw / gzip / brotli`);
for (const f of files)
  console.log(`  ${pad(f.file, 44)} ${kb(f.raw).padStart(8)} ${kb(f.gzip).padStart(8)} ${kb(f.brotli).padStart(8)}`);
console.log(`Per page (JavaScript a page downloads), KB gzip:`);
for (const [name, s] of Object.entries(scenarioSizes))
  console.log(`  ${pad(name, 44)} ${kb(s.gzip).padStart(8)}  (${s.files.length} files)`);
console.log(`\nBuilt dist/npm, dist/cdn and custom-elements.json in ${((Date.now() - started) / 1000).toFixed(1)} s`);
