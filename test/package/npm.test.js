// @ts-check
/**
 * The npm package as a site's build installs it (run after `npm run build`: scripts/test.js does).
 * - What `npm pack` would publish: the builds, the manifest, the licence; no sources or tests.
 * - Every documented import path resolves to a file, through `exports`, from a project where the
 *   package is installed (node_modules/vitrine, a link to this folder).
 * - A bundler (esbuild) that imports one element gets that element and nothing of the engines; one
 *   that resolves vega-lite's `vega` import to the package's vega subset gets the smaller chart engine,
 *   and so does Vite with the configuration the README gives.
 * - TypeScript, strict and checking the package's declarations (`skipLibCheck: false`), accepts a
 *   page script that uses the elements, their properties and their events.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
let consumer = '';

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/npm/index.js')), 'dist/npm is missing: run `npm run build` first');
  consumer = await mkdtemp(join(tmpdir(), 'vitrine-consumer-'));
  await mkdir(join(consumer, 'node_modules'));
  await symlink(ROOT, join(consumer, 'node_modules/vitrine'), 'dir');
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'a-site', private: true, type: 'module' }));
});

after(async () => {
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

/**
 * Bundles `page` (a file of the consuming project) as a site's build would: esbuild, code splitting,
 * minified. No warning is allowed: the modules with side effects (definitions, message tables) are
 * declared in `sideEffects`, so a bundler keeps every import of them.
 * @param {string} page
 * @param {Record<string, string>} [alias]
 */
async function bundle(page, alias = {}) {
  const result = await build({
    entryPoints: [page],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    outdir: join(consumer, 'out', Object.keys(alias).join('-') || 'plain'),
    metafile: true,
    logLevel: 'silent',
    alias,
  });
  assert.deepEqual(
    result.warnings.map((w) => w.text),
    [],
  );
  return result;
}

/** The parts of vega that charts do not use (src/components/chart/vega-subset.ts leaves them out). */
const LEFT_OUT = /node_modules\/(vega-force|vega-wordcloud|vega-voronoi|vega-geo|vega-hierarchy|vega-label)\//;

/**
 * A chart bundled without the vega alias (`whole`) holds the parts of vega charts do not use; bundled
 * with it (`lean`), none of them, and at least 100 KB less code.
 * @param {{ modules: string[], bytes: number }} whole
 * @param {{ modules: string[], bytes: number }} lean
 */
function assertLeanEngine(whole, lean) {
  assert.ok(
    whole.modules.some((m) => LEFT_OUT.test(m)),
    'without the alias, the whole of vega',
  );
  assert.deepEqual(
    lean.modules.filter((m) => LEFT_OUT.test(m)),
    [],
    'with it, none of what charts do not use',
  );
  assert.ok(lean.bytes < whole.bytes - 100_000, `${lean.bytes} bytes against ${whole.bytes}`);
}

test('npm pack publishes the builds, the manifest and the licence, and no sources or tests', () => {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  );
  /** @type {string[]} */
  const files = pack.files.map((/** @type {{ path: string }} */ f) => f.path);
  for (const wanted of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'dist/npm/index.js',
    'dist/npm/index.d.ts',
    'dist/npm/vitrine.js',
    'dist/npm/components/figure/define.js',
    'dist/npm/components/figure/define.d.ts',
    'dist/cdn/vitrine.js',
    'dist/cdn/chunks/maplibre-gl-worker.mjs',
    'dist/cdn/themes/dark.css',
  ]) {
    assert.ok(files.includes(wanted), `${wanted} is published`);
  }
  const stray = files.filter((f) => /(^|\/)(src|test|stories|demo|bench)\/|\.test\.|node_modules/.test(f));
  assert.deepEqual(stray, [], 'no sources, tests, demos or benchmarks');
});

test('every documented import path resolves through exports', () => {
  const require = createRequire(join(consumer, 'page.js'));
  const expected = {
    vitrine: 'dist/npm/index.js',
    'vitrine/vitrine.js': 'dist/npm/vitrine.js',
    'vitrine/components/figure/define.js': 'dist/npm/components/figure/define.js',
    'vitrine/components/map/define': 'dist/npm/components/map/define.js',
    'vitrine/data/index.js': 'dist/npm/data/index.js',
    'vitrine/cdn/vitrine.js': 'dist/cdn/vitrine.js',
    'vitrine/cdn/themes/dsfr.css': 'dist/cdn/themes/dsfr.css',
    'vitrine/custom-elements.json': 'custom-elements.json',
    'vitrine/package.json': 'package.json',
  };
  for (const [specifier, file] of Object.entries(expected)) {
    const found = require.resolve(specifier);
    assert.equal(found, join(ROOT, file), specifier);
    assert.ok(existsSync(found), `${specifier} → ${file} exists`);
  }
});

test('a bundler that imports one element gets no engine, and the classes come without side effects', async () => {
  const page = join(consumer, 'figures.js');
  await writeFile(
    page,
    [
      "import 'vitrine/components/figure/define.js';",
      "import { VitrineFigure, detectSource } from 'vitrine';",
      "console.log(VitrineFigure.name, detectSource('https://data.example.fr/explore/dataset/x/').datasetId);",
    ].join('\n'),
  );
  const result = await bundle(page);
  // What the page loads at once: the entry and the chunks it imports statically (the engines would be
  // chunks of their own, loaded by a chart or a map).
  const outputs = result.metafile.outputs;
  const loaded = new Set();
  const visit = (/** @type {string} */ file) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(Object.keys(outputs).find((f) => outputs[f]?.entryPoint?.endsWith('figures.js')) ?? '');
  const inputs = [...loaded].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {}));
  const engines = inputs.filter((i) => /node_modules\/(maplibre-gl|vega[^/]*)\//.test(i));
  assert.deepEqual(engines, [], 'no vega, no maplibre');
  const elements = inputs.filter((i) => /dist\/npm\/components\/[\w-]+\/[\w-]+\.js$/.test(i));
  assert.ok(
    elements.every((i) => /components\/(figure|source|shared)\//.test(i)),
    `only the figure's own modules: ${elements.join(', ')}`,
  );
  const bytes = [...loaded].reduce((sum, f) => sum + (outputs[f]?.bytes ?? 0), 0);
  assert.ok(bytes < 100_000, `the figure page loads ${bytes} bytes, minified`);
});

test("a bundler that resolves vega-lite's `vega` to the subset builds a chart engine without the rest of vega", async () => {
  const page = join(consumer, 'chart.js');
  await writeFile(page, "import 'vitrine/components/chart/define.js';\n");
  const sizes = async (/** @type {Record<string, string>} */ alias) => {
    const result = await bundle(page, alias);
    const modules = Object.keys(result.metafile.inputs);
    const bytes = result.outputFiles.reduce((sum, f) => sum + f.contents.length, 0);
    return { modules, bytes };
  };
  assertLeanEngine(await sizes({}), await sizes({ vega: 'vitrine/components/chart/vega-subset.js' }));
});

test('Vite, with the alias the README gives, builds a chart engine without the rest of vega', async () => {
  const { build: viteBuild } = await import('vite');
  const root = join(consumer, 'vite-site');
  await mkdir(root);
  await writeFile(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  await writeFile(join(root, 'main.js'), "import 'vitrine/components/chart/define.js';\n");
  // The vite.config.js of the README, word for word.
  await writeFile(
    join(root, 'vite.config.js'),
    [
      "import { fileURLToPath } from 'node:url';",
      '',
      'export default {',
      "  resolve: { alias: { vega: fileURLToPath(import.meta.resolve('vitrine/components/chart/vega-subset.js')) } },",
      '};',
      '',
    ].join('\n'),
  );
  const sizes = async (/** @type {string | false} */ configFile) => {
    const out = /** @type {import('rollup').RollupOutput} */ (
      await viteBuild({ root, configFile, logLevel: 'silent', build: { write: false } })
    );
    const chunks = out.output.filter((o) => o.type === 'chunk');
    return {
      modules: chunks.flatMap((c) => Object.keys(c.modules)),
      bytes: chunks.reduce((sum, c) => sum + c.code.length, 0),
    };
  };
  assertLeanEngine(await sizes(false), await sizes(join(root, 'vite.config.js')));
});

test('TypeScript (strict, checking the declarations) accepts a page script that uses the elements', async () => {
  const dir = join(consumer, 'ts');
  await mkdir(dir);
  const script = [
    "import 'vitrine/components/figure/define.js';",
    "import 'vitrine/components/chart/define.js';",
    "import 'vitrine/components/map/define.js';",
    "import 'vitrine/components/source/define.js';",
    "import { VitrineChart, VitrineDataErrorEvent, type Condition } from 'vitrine';",
    '',
    "const figure = document.createElement('vitrine-figure');",
    "figure.value = 'sum(population)';",
    'figure.compact = true;',
    "const chart: VitrineChart | null = document.querySelector('vitrine-chart');",
    "chart?.addEventListener('vitrine-data-error', (event: VitrineDataErrorEvent) => console.warn(event.error.message));",
    "document.querySelector('vitrine-map')?.addEventListener('vitrine-data-load', (event) => console.log(event.rows.length));",
    "const condition: Condition = { field: 'departement', op: 'in', values: ['59'] };",
    "document.querySelector('vitrine-source')?.setSelection('departement', condition);",
    'export {};',
  ].join('\n');
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'dom.iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['page.ts'],
  };
  await writeFile(join(dir, 'page.ts'), script);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    const out = /** @type {{ stdout?: string }} */ (error).stdout ?? String(error);
    assert.fail(`tsc found errors:\n${out}`);
  }
});
