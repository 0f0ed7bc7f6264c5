// @ts-check
/**
 * Opt-in gzip for the local servers (the portal and scripts/static-server.js), so a benchmark can
 * move the bytes a compressing web server would: gzip level 6 (the usual server default), only for
 * text-like bodies above 1 KB, only when the request's `Accept-Encoding` allows gzip.
 * @module
 */
import { gzipSync } from 'node:zlib';

/** Bodies up to this size are sent as they are (gzip would save little or grow them). */
export const COMPRESS_MIN_BYTES = 1024;

/** Text, JavaScript, CSS, JSON, GeoJSON, CSV, SVG: what servers usually compress. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|javascript|manifest\+json|xml)\b|image\/svg\+xml)/i;

/**
 * Whether an `Accept-Encoding` header allows gzip: `gzip` or `*` listed without `q=0`
 * (an explicit `gzip;q=0` refuses it even when `*` is allowed).
 * @param {string | string[] | undefined} header
 */
export function acceptsGzip(header) {
  const codings = new Map(
    [header ?? '']
      .flat()
      .join(',')
      .split(',')
      .map((part) => {
        const [name = '', ...params] = part.trim().toLowerCase().split(';');
        const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
        return /** @type {[string, number]} */ ([name.trim(), q === undefined ? 1 : Number(q)]);
      })
      .filter(([name]) => name !== ''),
  );
  const gzip = codings.get('gzip') ?? codings.get('x-gzip');
  return gzip !== undefined ? gzip > 0 : (codings.get('*') ?? 0) > 0;
}

/**
 * The body to send and the headers that go with it. Compressible bodies above the threshold always
 * get `Vary: Accept-Encoding` (added to `vary`, the header already set, if any); they are gzipped when
 * the request allows it, with `Content-Encoding: gzip`. `Content-Length` is the length sent.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} type Content-Type of the answer
 * @param {Buffer} body uncompressed body
 * @param {string | number | string[] | undefined} [vary] the response's `Vary` so far
 * @returns {{ body: Buffer, headers: Record<string, string> }}
 */
export function gzipAnswer(req, type, body, vary) {
  if (!COMPRESSIBLE.test(type) || body.length <= COMPRESS_MIN_BYTES) {
    return { body, headers: { 'Content-Length': String(body.length) } };
  }
  const varies = [vary ?? []].flat().join(', ');
  /** @type {Record<string, string>} */
  const headers = { Vary: varies ? `${varies}, Accept-Encoding` : 'Accept-Encoding' };
  if (!acceptsGzip(req.headers['accept-encoding'])) {
    return { body, headers: { ...headers, 'Content-Length': String(body.length) } };
  }
  const gzipped = gzipSync(body, { level: 6 });
  return {
    body: gzipped,
    headers: { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(gzipped.length) },
  };
}
