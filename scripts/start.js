// @ts-check
/**
 * `npm start`: builds the CDN bundle, then serves the local portal and the demo pages on two
 * origins (so cross-origin requests are the real thing) and prints both addresses. The demo pages
 * name the portal as `http://localhost:8710`; when that port is taken, another is used and the
 * pages are rewritten on the fly. `/` is the gallery of the demo pages (demo/index.html), with the
 * pictures of `npm run screenshots`. `--no-build` skips the build; `--watch` rebuilds on change.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startPortal } from '../demo/portal/server.js';
import { demoSite, startStaticServer } from './static-server.js';

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

const demo = await onPortOrAny(
  (port) =>
    startStaticServer(
      // `/` is the gallery, demo/index.html; its pictures come from docs/screenshots.
      demoSite(portalUrl),
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
