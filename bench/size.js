// @ts-check
/**
 * Bytes a page downloads, Vitrine next to @opendatasoft/visualizations + @opendatasoft/api-client,
 * gzip (level 9) and brotli (quality 11), as scripts/sizes.js measures.
 *
 * Method:
 * - Vitrine: the CDN build as it is in dist/cdn (`npm run build` first). Per entry: vitrine.js, each
 *   element's own chunk (named from its source map), the two engines and maplibre's worker, then the
 *   rest (shared chunks). Per page: the JavaScript files the scenario page of bench/scenarios.js
 *   actually loads in Chromium (entry, element chunks, shared chunks, engines, the maplibre worker,
 *   the data-layer chunks fetched on first use), each measured from disk. Vitrine has no CSS file: its
 *   styles are in its JavaScript.
 * - Peer: bench/peer-build.js bundles each page (esbuild, then terser with Vitrine's options: see
 *   there), so only the components a page imports are in it, as far as the package lets a bundler
 *   drop code; plus its stylesheet dist/index.css (87 KB raw, maplibre's CSS included), which the
 *   package asks sites to load whole. Per entry: each component alone (`import { X }` and nothing
 *   else), the api-client alone, the stylesheet.
 * The page numbers are what crosses the wire with a compressing server; the ratio is peer ÷ Vitrine.
 * Usage: `node bench/size.js`.
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPeerPages, bundlePeer, OUT, PEER_VERSIONS } from './peer-build.js';
import { SCENARIOS } from './scenarios.js';
import { measure, startSession } from './browser.js';
import { compressed, kb, machine, ratio, sumSizes, table } from './lib.js';

/** @typedef {import('./lib.js').Sizes} Sizes */

const CDN = 'dist/cdn';

/** What a CDN chunk is, from the sources its map lists. @param {string} file */
function chunkName(file) {
  const map = `${CDN}/${file}.map`;
  if (!existsSync(map)) return undefined;
  const sources = /** @type {{ sources: string[] }} */ (JSON.parse(readFileSync(map, 'utf8'))).sources;
  if (sources.some((s) => s.includes('node_modules/maplibre-gl/'))) return 'maplibre-gl engine chunk';
  if (sources.some((s) => s.includes('node_modules/vega-lite/')))
    return 'vega engine chunk (vega-lite, the part of vega charts use, interpreter)';
  const element = sources
    .map((s) => /src\/components\/([\w-]+)\/define\.ts$/.exec(s)?.[1])
    .find((name) => name !== undefined);
  return element ? `vitrine-${element} chunk` : undefined;
}

/** Vitrine's CDN build, per entry. */
export function vitrineEntries() {
  const files = readdirSync(`${CDN}/chunks`)
    .filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
    .map((f) => `chunks/${f}`);
  /** @type {[string, Sizes][]} */
  const rows = [['vitrine.js (the script a page loads)', compressed(readFileSync(`${CDN}/vitrine.js`))]];
  /** @type {Sizes[]} */
  const shared = [];
  for (const file of files.sort()) {
    const sizes = compressed(readFileSync(`${CDN}/${file}`));
    const name = file.endsWith('maplibre-gl-worker.mjs') ? 'maplibre-gl worker' : chunkName(file);
    if (name) rows.push([name, sizes]);
    else shared.push(sizes);
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  rows.push([`shared chunks (${shared.length} files: Lit, data layer, formats, texts)`, sumSizes(shared)]);
  return rows;
}

/** The peer, per entry: each component alone, the api-client alone, the stylesheet. */
export async function peerEntries() {
  const dir = join(OUT, 'entries');
  await mkdir(dir, { recursive: true });
  const entries = [
    ['KpiCard', `import { KpiCard } from '@opendatasoft/visualizations'; globalThis.x = KpiCard;`],
    ['Chart (chart.js)', `import { Chart } from '@opendatasoft/visualizations'; globalThis.x = Chart;`],
    [
      'PoiMap (maplibre-gl 2, worker inlined)',
      `import { PoiMap } from '@opendatasoft/visualizations'; globalThis.x = PoiMap;`,
    ],
    ['Table', `import { Table } from '@opendatasoft/visualizations'; globalThis.x = Table;`],
    [
      'everything of @opendatasoft/visualizations',
      `import * as all from '@opendatasoft/visualizations'; globalThis.x = all;`,
    ],
    [
      '@opendatasoft/api-client (ApiClient, fromCatalog)',
      `import { ApiClient, fromCatalog } from '@opendatasoft/api-client'; globalThis.x = [ApiClient, fromCatalog];`,
    ],
  ];
  /** @type {[string, Sizes][]} */
  const rows = [];
  for (const [name, source] of entries) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.js`);
    const stamp = `${file}.input`;
    const input = `${PEER_VERSIONS}\n${source}`;
    if (!existsSync(file) || !existsSync(stamp) || (await readFile(stamp, 'utf8')) !== input) {
      await writeFile(file, await bundlePeer(source, name));
      await writeFile(stamp, input);
    }
    rows.push([name, compressed(await readFile(file))]);
  }
  rows.push([
    'dist/index.css (stylesheet, maplibre CSS included)',
    compressed(readFileSync('node_modules/@opendatasoft/visualizations/dist/index.css')),
  ]);
  return rows;
}

/**
 * Per scenario page: Vitrine's files as loaded in Chromium, the peer's bundle and stylesheet.
 * @param {(line: string) => void} [progress]
 */
export async function benchSize(progress = () => undefined) {
  const peerFiles = await buildPeerPages(SCENARIOS);
  const session = await startSession(SCENARIOS);
  /** @type {{ name: string, title: string, vitrine: Sizes, files: number, peerJs: Sizes, peerCss: Sizes }[]} */
  const pages = [];
  try {
    for (const scenario of SCENARIOS) {
      const result = await measure(session.browser, session.url('vitrine', scenario), {
        side: 'vitrine',
        scenario,
        portal: session.portal.url,
      });
      const files = [...new Set(result.codeFiles.filter((p) => p.startsWith('/dist/cdn/')))];
      const vitrine = sumSizes(files.map((p) => compressed(readFileSync(p.slice(1)))));
      const peer = /** @type {{ js: string, css: string }} */ (peerFiles[scenario.name]);
      pages.push({
        name: scenario.name,
        title: scenario.title,
        vitrine,
        files: files.length,
        peerJs: compressed(readFileSync(peer.js)),
        peerCss: compressed(readFileSync(peer.css)),
      });
      progress(`  ${scenario.name} done`);
    }
  } finally {
    await session.close();
  }
  const budget = existsSync('dist/sizes.json')
    ? /** @type {{ scenarios: Record<string, Sizes> }} */ (JSON.parse(readFileSync('dist/sizes.json', 'utf8')))
        .scenarios['figures only']
    : undefined;
  return { pages, vitrine: vitrineEntries(), peer: await peerEntries(), budget };
}

/** @param {Awaited<ReturnType<typeof benchSize>>} result */
export function printSize(result) {
  const out = [];
  out.push(`Size per page, KB (gzip -9 / brotli q11); peer = ${PEER_VERSIONS}, JS + CSS; ratio = peer ÷ Vitrine`);
  out.push(
    table(
      ['page', 'Vitrine gz', 'br', 'files', 'peer JS gz', 'CSS gz', 'total gz', 'br', 'ratio gz', 'ratio br'],
      result.pages.map((p) => {
        const peer = sumSizes([p.peerJs, p.peerCss]);
        return [
          p.title,
          kb(p.vitrine.gzip),
          kb(p.vitrine.brotli),
          p.files,
          kb(p.peerJs.gzip),
          kb(p.peerCss.gzip),
          kb(peer.gzip),
          kb(peer.brotli),
          ratio(peer.gzip, p.vitrine.gzip),
          ratio(peer.brotli, p.vitrine.brotli),
        ];
      }),
    ),
  );
  if (result.budget) {
    const over = result.budget.gzip - 20 * 1024;
    out.push(
      `Budget, figures-only page (dist/sizes.json: entry + figure + source chunks): ${kb(result.budget.gzip)} KB gzip, ${kb(
        result.budget.brotli,
      )} KB brotli — target 20 KB gzip: ${over > 0 ? `over by ${kb(over)} KB` : `met (${kb(-over)} KB under)`}`,
    );
  }
  out.push('\nVitrine per entry (dist/cdn), KB');
  out.push(
    table(
      ['file', 'raw', 'gzip', 'brotli'],
      result.vitrine.map(([n, s]) => [n, kb(s.raw), kb(s.gzip), kb(s.brotli)]),
    ),
  );
  out.push(`\nPeer per entry (${PEER_VERSIONS}; each bundled alone, minified), KB`);
  out.push(
    table(
      ['entry', 'raw', 'gzip', 'brotli'],
      result.peer.map(([n, s]) => [n, kb(s.raw), kb(s.gzip), kb(s.brotli)]),
    ),
  );
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Vitrine size bench — ${machine()}\n`);
  console.log(printSize(await benchSize((l) => console.error(l))));
}
