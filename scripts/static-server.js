// @ts-check
/**
 * A small static file server for the demo pages and the CDN build, with the strict
 * Content-Security-Policy a careful site would send, so the demo proves Vitrine works under it.
 * @module
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipAnswer } from '../demo/portal/compress.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy for pages that use Vitrine against `portal`.
 * @param {string} portal origin of the data portal
 */
export function strictCsp(portal) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${portal}`,
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The portal address written in the demo pages (the local portal's usual one). */
export const DEMO_PORTAL = 'http://localhost:8710';

/**
 * The demo site as `npm start` serves it: the pages of demo/ (the gallery at `/`), the build under
 * `/dist/`, the gallery's pictures from docs/screenshots, the strict CSP, and `portal` (the local
 * portal's actual address) written into the pages in place of {@link DEMO_PORTAL}.
 * @param {string} portal
 * @returns {StaticOptions}
 */
export function demoSite(portal) {
  return {
    mounts: { '/': 'demo', '/dist/': 'dist', '/screenshots/': 'docs/screenshots' },
    headers: { 'Content-Security-Policy': strictCsp(portal) },
    transformHtml: (html) => html.replaceAll(DEMO_PORTAL, portal),
  };
}

/**
 * @typedef {object} StaticOptions
 * @property {Record<string, string>} mounts URL prefix → folder, e.g. `{ '/': 'demo', '/dist/': 'dist' }`
 * @property {(html: string, path: string) => string} [transformHtml] rewrites HTML pages before sending
 * @property {Record<string, string>} [headers] extra headers on every answer
 * @property {(path: string) => Promise<{ type: string, body: string } | undefined>} [dynamic] generated pages
 * @property {boolean} [compress] gzip (level 6) text, JavaScript, CSS, JSON and GeoJSON answers above 1 KB
 *   when the request's `Accept-Encoding` allows it (`Content-Encoding: gzip`, `Vary: Accept-Encoding`);
 *   off by default (demo/portal/compress.js)
 */

/**
 * @param {StaticOptions} options
 * @param {{ port?: number, host?: string }} [listen]
 */
export async function startStaticServer(options, listen = {}) {
  const mounts = Object.entries(options.mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://local');
      const path = decodeURIComponent(url.pathname);
      const generated = await options.dynamic?.(path);
      const ok = (/** @type {string} */ type, /** @type {string | Buffer} */ body) =>
        reply(res, 200, type, body, options.headers, options.compress ? req : undefined);
      if (generated) return ok(generated.type, generated.body);
      const mount = mounts.find(([prefix]) => path.startsWith(prefix));
      if (!mount) return reply(res, 404, TYPES['.txt'], 'Not found');
      const root = resolve(mount[1]);
      let file = normalize(join(root, path.slice(mount[0].length)));
      if (file !== root && !file.startsWith(root + sep)) return reply(res, 403, TYPES['.txt'], 'Forbidden');
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) return reply(res, 404, TYPES['.txt'], 'Not found');
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      const out =
        type.startsWith('text/html') && options.transformHtml
          ? options.transformHtml(body.toString('utf8'), path)
          : body;
      ok(type, out);
    } catch (error) {
      reply(res, 500, TYPES['.txt'], String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(listen.port ?? 0, listen.host ?? '127.0.0.1', () => ok(undefined));
  });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    server,
    port,
    url: `http://${listen.host && listen.host !== '127.0.0.1' ? listen.host : 'localhost'}:${port}`,
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 * @param {import('node:http').IncomingMessage} [compressFor] gzip the body if this request allows it
 */
function reply(res, status, type, body, headers = {}, compressFor = undefined) {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  const out = compressFor
    ? gzipAnswer(compressFor, type, buffer, headers.Vary)
    : { body: buffer, headers: { 'Content-Length': String(buffer.length) } };
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ...headers,
    ...out.headers,
  });
  res.end(out.body);
}
