// @ts-check
/**
 * The portal's opt-in gzip (`compress: true`, used by the page benchmarks): answers decode to the same
 * bytes, only when the request allows gzip, never for small bodies or injected faults; off by default.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { usePortal, API } from './portal-client.js';
import { acceptsGzip } from '../../demo/portal/compress.js';

const compressing = usePortal({ compress: true });
const plain = usePortal();
const RECORDS = `${API}/communes-france/records?select=nom,population&limit=100&order_by=nom`;

/**
 * A raw GET (node:http sends no Accept-Encoding of its own and decodes nothing).
 * @param {string} url @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('compression (compress: true)', () => {
  beforeEach(async () => {
    await fetch(new URL('/__faults', compressing.url), { method: 'DELETE' });
  });

  it('gzips a records answer that decodes to the same JSON as the uncompressed portal', async () => {
    const zipped = await rawGet(compressing.url + RECORDS, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(String(zipped.headers.vary), /Origin, Accept-Encoding/);
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    const decoded = gunzipSync(zipped.body);
    assert.ok(zipped.body.length < decoded.length / 2, `${zipped.body.length} B gzip for ${decoded.length} B`);
    const reference = await rawGet(plain.url + RECORDS, { 'Accept-Encoding': 'gzip' });
    assert.equal(reference.headers['content-encoding'], undefined, 'off by default');
    assert.deepEqual(JSON.parse(decoded.toString('utf8')), JSON.parse(reference.body.toString('utf8')));
    assert.equal(zipped.headers.etag, reference.headers.etag, 'the ETag is that of the content');
  });

  it('sends the body as it is without Accept-Encoding, with gzip refused, and for small bodies', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, *' }]) {
      const res = await rawGet(compressing.url + RECORDS, headers);
      assert.equal(res.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.equal(JSON.parse(res.body.toString('utf8')).results.length, 100);
    }
    const small = await rawGet(`${compressing.url}${API}/communes-france/records?limit=1&select=nom`, {
      'Accept-Encoding': 'gzip',
    });
    assert.equal(small.status, 200);
    assert.equal(small.headers['content-encoding'], undefined, `${small.body.length} B stays as it is`);
  });

  it('leaves injected faults uncompressed: a truncated body is still cut in the middle', async () => {
    await fetch(new URL('/__faults', compressing.url), {
      method: 'POST',
      body: JSON.stringify({ body: 'truncated', path: 'communes-france/records' }),
    });
    const cut = await rawGet(compressing.url + RECORDS, { 'Accept-Encoding': 'gzip' }).catch((e) => e);
    assert.ok(cut instanceof Error, 'the connection closes before the announced length');
    const whole = await rawGet(compressing.url + RECORDS, { 'Accept-Encoding': 'gzip' });
    assert.equal(whole.headers['content-encoding'], 'gzip', 'the fault was used once');
  });

  it('reads Accept-Encoding as browsers and servers do', () => {
    assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
    assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('gzip;q=0, *;q=1'), false);
  });
});
