// @ts-check
/**
 * Builds the peer pages (bench/scenarios.js) as a site would ship them, into bench/.out/peer/<name>/:
 * `page.js`, one ES module with everything the page imports, minified and tree-shaken, and
 * `index.css`, the stylesheet @opendatasoft/visualizations tells sites to load (its package.json
 * `styles`: dist/index.css, which also holds maplibre's CSS), copied as published (already minified).
 *
 * Method: esbuild bundles (ES module output, browser conditions, `process.env.NODE_ENV` =
 * "production", tree-shaking on), then terser minifies with the options of Vitrine's CDN build
 * (rollup.config.js: ecma 2022, module, two compress passes, no comments). Not rollup: the peer's
 * dependencies include CommonJS and UMD packages (lodash, maplibre-gl 2, markdown-it,
 * immutability-helper, @mapbox/geo-viewport) that rollup cannot bundle without
 * @rollup/plugin-commonjs, which this project does not install; esbuild reads them natively. Where a
 * package is CommonJS nothing of it can be tree-shaken (e.g. all of lodash for three functions): that is
 * what a site bundling the peer gets too. maplibre-gl 2 carries its worker inside its bundle (a blob).
 * A build is reused while its inputs (entry, bench/peer/*.js, package versions) are unchanged.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';
import { minify } from 'terser';
import { peerEntry } from './scenarios.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, '.out', 'peer');
const PEER_DIR = join(HERE, 'peer');
const PACKAGES = ['@opendatasoft/visualizations', '@opendatasoft/api-client'];

/** @param {string} name */
const packageVersion = (name) =>
  /** @type {{ version: string }} */ (JSON.parse(readFileSync(resolve(`node_modules/${name}/package.json`), 'utf8')))
    .version;

/** The versions measured, for the tables. */
export const PEER_VERSIONS = PACKAGES.map((p) => `${p} ${packageVersion(p)}`).join(' + ');

/**
 * Bundles one page entry (source text) to minified ES module code.
 * @param {string} source @param {string} name
 */
export async function bundlePeer(source, name) {
  const result = await build({
    stdin: { contents: source, resolveDir: HERE, sourcefile: `${name}.js`, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    minify: false,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles[0]?.text ?? '';
  const min = await minify(code, { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } });
  return /** @type {string} */ (min.code);
}

/**
 * Builds every scenario's page into bench/.out/peer/<name>/ (reusing an up-to-date build).
 * @param {import('./scenarios.js').Scenario[]} scenarios
 * @returns {Promise<Record<string, { js: string, css: string }>>} paths of each page's files
 */
export async function buildPeerPages(scenarios) {
  const peerSources = readdirSync(PEER_DIR)
    .sort()
    .map((f) => readFileSync(join(PEER_DIR, f), 'utf8'))
    .join('\n');
  /** @type {Record<string, { js: string, css: string }>} */
  const files = {};
  for (const scenario of scenarios) {
    const dir = join(OUT, scenario.name);
    const source = peerEntry(scenario, PEER_DIR);
    const hash = createHash('sha256')
      .update([source, peerSources, esbuildVersion, PEER_VERSIONS, 'v1'].join('\0'))
      .digest('hex');
    const js = join(dir, 'page.js');
    const css = join(dir, 'index.css');
    files[scenario.name] = { js, css };
    const stamp = join(dir, 'inputs.sha256');
    if (existsSync(js) && existsSync(css) && existsSync(stamp) && (await readFile(stamp, 'utf8')) === hash) continue;
    await mkdir(dir, { recursive: true });
    await writeFile(js, await bundlePeer(source, scenario.name));
    await copyFile(resolve('node_modules/@opendatasoft/visualizations/dist/index.css'), css);
    await writeFile(stamp, hash);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { SCENARIOS, SCALE } = await import('./scenarios.js');
  const t0 = Date.now();
  const files = await buildPeerPages([...SCENARIOS, ...SCALE]);
  for (const [name, f] of Object.entries(files)) console.log(`${name.padEnd(12)} ${f.js}`);
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
