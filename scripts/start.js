// @ts-check
/**
 * `npm start`: builds the CDN bundle, then serves the local portal and the demo pages on two
 * origins (so cross-origin requests are the real thing) and prints both addresses. The demo pages
 * name the portal as `http://localhost:8710`; when that port is taken, another is used and the
 * pages are rewritten on the fly. `--no-build` skips the build; `--watch` rebuilds on change.
 */
import { readdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startPortal } from '../demo/portal/server.js';
import { datasets } from '../demo/portal/datasets/index.js';
import { escapeHtml } from '../demo/portal/pages.js';
import { startStaticServer, strictCsp } from './static-server.js';

const DEFAULT_PORTAL = 'http://localhost:8710';
const args = process.argv.slice(2);

if (!args.includes('--no-build') || !existsSync('dist/cdn/vitrine.js')) {
  console.log('Building the CDN bundle…');
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
}

/**
 * @template T
 * @param {(port: number) => Promise<T>} start
 * @param {number} port
 */
async function onPortOrAny(start, port) {
  try {
    return await start(port);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    return start(0);
  }
}

const portal = await onPortOrAny((port) => startPortal({ port }), Number(process.env.PORTAL_PORT ?? 8710));
const portalUrl = `http://localhost:${portal.port}`;

/** Demo pages with their title and description, for the landing page. */
async function demoPages() {
  const files = (await readdir('demo')).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(`demo/${file}`, 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? file;
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
      return { file, title, description };
    }),
  );
}

async function landingPage() {
  const pages = await demoPages();
  const pageItems = pages
    .map((p) => `<li><a href="/${escapeHtml(p.file)}">${p.title}</a> — ${p.description}</li>`)
    .join('');
  const datasetItems = [...datasets.values()]
    .map(
      (d) =>
        `<li><a href="${portalUrl}/explore/dataset/${escapeHtml(d.id)}/">${escapeHtml(d.id)}</a> — ${escapeHtml(d.metas.title)}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Vitrine demo</title><link rel="stylesheet" href="/demo.css"></head><body><main>
<h1>Vitrine</h1><p>Open data on any page, with one script tag and plain HTML.</p>
<h2>Demo pages</h2><ul>${pageItems || '<li>No demo page yet.</li>'}</ul>
<h2>Datasets on the local portal</h2><p>Portal: <a href="${portalUrl}/">${portalUrl}</a></p><ul>${datasetItems}</ul>
</main></body></html>`;
}

const demo = await onPortOrAny(
  (port) =>
    startStaticServer(
      {
        mounts: { '/': 'demo', '/dist/': 'dist' },
        headers: { 'Content-Security-Policy': strictCsp(portalUrl) },
        transformHtml: (html) => html.replaceAll(DEFAULT_PORTAL, portalUrl),
        dynamic: async (path) =>
          path === '/' || path === '/index.html'
            ? { type: 'text/html; charset=utf-8', body: await landingPage() }
            : undefined,
      },
      { port },
    ),
  Number(process.env.DEMO_PORT ?? 8700),
);

if (args.includes('--watch')) {
  const { watch } = await import('rollup');
  const configs = (await import('../rollup.config.js')).default;
  watch(configs.slice(1)).on('event', (event) => {
    if (event.code === 'END') console.log('Rebuilt dist/cdn');
    if (event.code === 'ERROR') console.error(event.error.message);
    if ('result' in event && event.result) event.result.close();
  });
}

console.log(`\n  Demo pages:   ${demo.url}/`);
console.log(`  Local portal: ${portalUrl}/  (API ${portalUrl}/api/explore/v2.1/catalog/datasets)\n`);
const stop = () => Promise.all([portal.close(), new Promise((r) => demo.server.close(r))]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
