// @ts-check
/**
 * Failure injection of the local portal: what reliability tests rely on.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { usePortal, API } from './portal-client.js';
import { optionsFromEnv } from '../../demo/portal/server.js';

const portal = usePortal();
const RECORDS = `${API}/communes-france/records`;

/** @param {object} fault */
async function inject(fault) {
  const res = await fetch(new URL('/__faults', portal.url), { method: 'POST', body: JSON.stringify(fault) });
  assert.equal(res.status, 201);
}

describe('failure injection', () => {
  beforeEach(async () => {
    await fetch(new URL('/__faults', portal.url), { method: 'DELETE' });
    await fetch(new URL('/__log', portal.url), { method: 'DELETE' });
  });

  it('fails the next matching requests with a status, then recovers', async () => {
    await inject({ path: 'communes-france/records', status: 503, times: 2 });
    assert.equal((await portal.get(RECORDS)).status, 503);
    assert.equal((await portal.get(`${API}/communes-france`)).status, 200, 'other paths are untouched');
    assert.equal((await portal.get(RECORDS)).status, 503);
    assert.equal((await portal.get(RECORDS)).status, 200);
  });

  it('sends 429 with Retry-After and the rate-limit body', async () => {
    await inject({ status: 429, retryAfter: 2 });
    const { status, headers, body } = await portal.get(RECORDS);
    assert.equal(status, 429);
    assert.equal(headers.get('retry-after'), '2');
    assert.equal(body.errorcode, 10002);
    assert.match(body.error, /Too many requests/);
  });

  it('delays an answer', async () => {
    await inject({ delayMs: 300 });
    const t0 = performance.now();
    assert.equal((await portal.get(RECORDS)).status, 200);
    assert.ok(performance.now() - t0 >= 290);
  });

  it('answers malformed JSON, HTML, a truncated body and a dropped connection', async () => {
    await inject({ body: 'malformed' });
    const malformed = await portal.get(RECORDS);
    assert.equal(malformed.status, 200);
    assert.throws(() => JSON.parse(malformed.text));

    await inject({ body: 'html' });
    const html = await portal.get(RECORDS);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);

    await inject({ body: 'truncated' });
    await assert.rejects(async () => {
      const res = await fetch(new URL(RECORDS, portal.url));
      await res.text();
    });

    await inject({ drop: true });
    await assert.rejects(fetch(new URL(RECORDS, portal.url)));
    assert.equal((await portal.get(RECORDS)).status, 200);
  });

  it('logs API requests', async () => {
    await portal.get(RECORDS, { limit: '1' });
    await portal.get(`${API}/communes-france`);
    const log = (await portal.get('/__log')).body;
    assert.deepEqual(
      log.map((/** @type {any} */ e) => [e.path, e.search, e.status]),
      [
        [RECORDS, '?limit=1', 200],
        [`${API}/communes-france`, '', 200],
      ],
    );
  });

  it('reads delay and faults from the environment', () => {
    assert.deepEqual(optionsFromEnv({ VITRINE_PORTAL_DELAY_MS: '250', VITRINE_PORTAL_FAULTS: '[{"status":500}]' }), {
      delayMs: 250,
      faults: [{ status: 500 }],
    });
    assert.throws(() => optionsFromEnv({ VITRINE_PORTAL_FAULTS: '{"status":500}' }), /JSON array/);
  });
});
