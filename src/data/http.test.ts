/**
 * The HTTP client against the local portal (demo/portal/server.js), over real HTTP: dedupe, cache,
 * ETag revalidation, abort, timeout, retries (5xx, 429 + Retry-After, dropped connections), and the
 * typed errors of each failure. Faults are injected with the portal's /__faults hook, requests
 * counted with its /__log.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { VitrineDataError, isAbortError } from './errors.js';
import { parseExploreError } from './explore.js';
import { type HttpClientOptions, createHttpClient, getHttpClient, parseRetryAfter } from './http.js';

interface Portal {
  url: string;
  close(): Promise<void>;
}
interface LogEntry {
  method: string;
  path: string;
  search: string;
  status: number;
}

const PORTAL_MODULE = new URL('../../demo/portal/server.js', import.meta.url).href;
let portal: Portal;

async function hook(method: 'POST' | 'DELETE' | 'GET', path: '/__faults' | '/__log', body?: unknown): Promise<unknown> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const response = await fetch(`${portal.url}${path}`, init);
  return response.json();
}
const fault = (spec: Record<string, unknown>) => hook('POST', '/__faults', spec);
const log = async (pathPart = '/api/') =>
  ((await hook('GET', '/__log')) as LogEntry[]).filter((e) => `${e.path}${e.search}`.includes(pathPart));

const DATASET = '/api/explore/v2.1/catalog/datasets/communes-france';
/** A records URL made unique per test, so the server log and the cache are easy to read. */
let counter = 0;
function recordsUrl(extra = ''): string {
  counter += 1;
  return `${portal.url}${DATASET}/records?limit=1&select=code&where=population%3E${counter}${extra}`;
}

/** A client with fast backoff, whose sleeps are recorded (and really waited, but short). */
function client(options: HttpClientOptions = {}) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    retryDelay: 5,
    maxRetryDelay: 20,
    random: () => 0.5,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, Math.min(ms, 30));
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    },
    describeError: parseExploreError,
    ...options,
  });
  return { http, sleeps };
}

before(async () => {
  const module = (await import(PORTAL_MODULE)) as { startPortal(_options?: object): Promise<Portal> };
  portal = await module.startPortal({ port: 0, quiet: true });
});
after(async () => {
  await portal?.close();
});
beforeEach(async () => {
  await hook('DELETE', '/__faults');
  await hook('DELETE', '/__log');
});

describe('HTTP client: sharing and caching', () => {
  it('shares one fetch between identical requests in flight, whatever the parameter order', async () => {
    const { http } = client();
    const url = recordsUrl();
    const reordered = url.replace('?limit=1&select=code&', '?select=code&limit=1&');
    assert.notEqual(url, reordered);
    const answers = await Promise.all([
      http.getJson(url),
      http.getJson(url),
      http.getJson(reordered),
      http.getJson(url),
    ]);
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal((await log('/records')).length, 1);
    assert.equal(http.stats.shared, 3);
  });

  it('serves a fresh answer from the cache, and fetches again once it expired', async () => {
    let now = 1_000_000;
    const { http } = client({ ttl: 60_000, now: () => now });
    const url = recordsUrl();
    const first = await http.getJson(url);
    assert.deepEqual(await http.getJson(url), first);
    assert.equal((await log('/records')).length, 1);
    assert.equal(http.stats.cacheHits, 1);
    assert.equal(http.peek(url)?.fresh, true);
    now += 60_001;
    assert.equal(http.peek(url)?.fresh, false);
    assert.deepEqual(await http.getJson(url), first);
    const entries = await log('/records');
    assert.equal(entries.length, 2);
    // The expired entry had an ETag: the second request was conditional and the portal said 304.
    assert.equal(entries[1]?.status, 304);
    assert.equal(http.stats.revalidated, 1);
    assert.equal(http.peek(url)?.fresh, true);
  });

  it('honours a per-request ttl and refresh', async () => {
    const { http } = client();
    const url = recordsUrl();
    await http.getJson(url, { ttl: 0 });
    await http.getJson(url);
    await http.getJson(url, { refresh: true });
    const statuses = (await log('/records')).map((e) => e.status);
    assert.deepEqual(statuses, [200, 304, 304]);
  });

  it('falls back to plain requests where a conditional one is refused (a CORS preflight without If-None-Match)', async () => {
    let now = 0;
    // The browser refuses any request carrying If-None-Match, as it would after a failed preflight.
    const corsFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (headers.has('if-none-match')) return Promise.reject(new TypeError('Failed to fetch'));
      return fetch(input, init);
    };
    const { http, sleeps } = client({ ttl: 10, now: () => now, fetch: corsFetch });
    const url = recordsUrl();
    const first = await http.getJson(url);
    now += 20;
    assert.deepEqual(await http.getJson(url), first);
    now += 20;
    assert.deepEqual(await http.getJson(url), first);
    // Two plain refetches, no waiting, and no conditional attempt after the first refusal.
    assert.deepEqual(
      (await log('/records')).map((e) => e.status),
      [200, 200, 200],
    );
    assert.deepEqual(sleeps, []);
    assert.equal(http.stats.fetches, 4);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const { http } = client({ maxEntries: 2 });
    const [a, b, c] = [recordsUrl(), recordsUrl(), recordsUrl()];
    await http.getJson(a);
    await http.getJson(b);
    await http.getJson(a);
    await http.getJson(c);
    assert.ok(http.peek(a));
    assert.equal(http.peek(b), undefined);
    assert.ok(http.peek(c));
    http.invalidate(`${portal.url}${DATASET}`);
    assert.equal(http.peek(a), undefined);
  });

  it('reads text answers (CSV exports) apart from JSON ones', async () => {
    const { http } = client();
    const csv = await http.getText(`${portal.url}${DATASET}/exports/csv?limit=2&select=code`);
    assert.match(csv, /code/);
    assert.equal(csv.trim().split(/\r?\n/).length, 3);
  });

  it('has one page-wide instance', () => {
    assert.equal(getHttpClient(), getHttpClient());
  });
});

describe('HTTP client: abort and timeout', () => {
  it('a caller that aborts stops waiting; the others still get the answer', async () => {
    const signals: AbortSignal[] = [];
    const { http } = client({
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), delayMs: 150 });
    const leaving = new AbortController();
    const first = http.getJson(url, { signal: leaving.signal });
    const second = http.getJson(url, { signal: new AbortController().signal });
    setTimeout(() => leaving.abort(), 20);
    await assert.rejects(first, (e: unknown) => isAbortError(e));
    const answer = (await second) as { results: unknown[] };
    assert.equal(answer.results.length, 1);
    assert.equal(signals.length, 1);
    assert.equal(signals[0]?.aborted, false);
    assert.equal((await log('/records')).length, 1);
  });

  it('the fetch is aborted when every caller aborted, and a new caller starts afresh', async () => {
    const signals: AbortSignal[] = [];
    const { http } = client({
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), delayMs: 200 });
    const a = new AbortController();
    const b = new AbortController();
    const pa = http.getJson(url, { signal: a.signal });
    const pb = http.getJson(url, { signal: b.signal });
    setTimeout(() => a.abort(), 10);
    setTimeout(() => b.abort(), 20);
    await assert.rejects(pa, (e: unknown) => isAbortError(e));
    await assert.rejects(pb, (e: unknown) => isAbortError(e));
    assert.equal(signals[0]?.aborted, true);
    const answer = (await http.getJson(url)) as { results: unknown[] };
    assert.equal(answer.results.length, 1);
    assert.equal(signals.length, 2);
  });

  it('rejects at once with an already aborted signal', async () => {
    const { http } = client();
    await assert.rejects(http.getJson(recordsUrl(), { signal: AbortSignal.abort() }), (e: unknown) => isAbortError(e));
    assert.equal((await log('/records')).length, 0);
  });

  it('times out a slow answer, without retrying it', async () => {
    const { http } = client({ timeout: 100 });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), delayMs: 600 });
    const started = Date.now();
    await assert.rejects(http.getJson(url), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'timeout');
      assert.equal(e.details.timeout, 100);
      assert.match(e.message, /did not answer within 0\.1 seconds/);
      return true;
    });
    assert.ok(Date.now() - started < 500);
    assert.equal((await log('/records')).length, 1);
  });
});

describe('HTTP client: retries', () => {
  it('retries 503 with exponential backoff, then succeeds', async () => {
    const { http, sleeps } = client({ retryDelay: 10, maxRetryDelay: 1000 });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), status: 503, times: 2 });
    const answer = (await http.getJson(url)) as { results: unknown[] };
    assert.equal(answer.results.length, 1);
    assert.deepEqual(
      (await log('/records')).map((e) => e.status),
      [503, 503, 200],
    );
    // Equal jitter with random() = 0.5: 3/4 of 10, then of 20.
    assert.deepEqual(sleeps, [8, 15]);
    assert.equal(http.stats.retries, 2);
  });

  it('gives up after the last retry with an "unavailable" error', async () => {
    const { http } = client({ retries: 2 });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), status: 500, times: 10 });
    await assert.rejects(http.getJson(url), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'unavailable');
      assert.equal(e.details.status, 500);
      assert.equal(e.details.attempts, 3);
      assert.ok(e.retryable);
      assert.match(e.message, /is having trouble \(HTTP 500\) and still failed after 3 attempts/);
      return true;
    });
    assert.equal((await log('/records')).length, 3);
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    const { http, sleeps } = client();
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), status: 429, retryAfter: 2 });
    await http.getJson(url);
    assert.deepEqual(sleeps, [2000]);
    assert.deepEqual(
      (await log('/records')).map((e) => e.status),
      [429, 200],
    );
  });

  it('fails at once when Retry-After is longer than allowed, saying until when', async () => {
    const { http, sleeps } = client({ maxRetryAfter: 30_000 });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), status: 429, retryAfter: 3600, times: 5 });
    await assert.rejects(http.getJson(url), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'rate-limited');
      assert.equal(e.details.retryAfter, 3600);
      assert.equal(e.details.portalCode, '10002');
      assert.equal(
        e.details.portalMessage,
        'Too many requests on the domain. Please contact the domain administrator.',
      );
      assert.ok(e.details.resetTime !== undefined);
      assert.match(e.message, /asks to wait until /);
      assert.match(e.localizedMessage('fr'), /demande d’attendre jusqu’à /);
      return true;
    });
    assert.deepEqual(sleeps, []);
    assert.equal((await log('/records')).length, 1);
  });

  it('retries a dropped connection', async () => {
    const { http } = client();
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), drop: true, times: 1 });
    const answer = (await http.getJson(url)) as { results: unknown[] };
    assert.equal(answer.results.length, 1);
    assert.equal((await log('/records')).length, 2);
  });

  it('reports a portal that keeps dropping the connection as a network error', async () => {
    const { http } = client({ retries: 1 });
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), drop: true, times: 5 });
    await assert.rejects(
      http.getJson(url),
      (e: unknown) => e instanceof VitrineDataError && e.kind === 'network' && e.details.attempts === 2,
    );
  });

  it('reports an unreachable portal as a network error', async () => {
    const { http } = client({ retries: 1 });
    await assert.rejects(http.getJson('http://127.0.0.1:9/api/explore/v2.1/catalog/datasets/x'), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'network');
      assert.match(e.message, /The portal 127\.0\.0\.1:9 could not be reached/);
      return true;
    });
  });
});

describe('HTTP client: answers that cannot be used', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a body cut in the middle of the JSON', { body: 'malformed' }, 'reason.truncated'],
    ['an HTML maintenance page', { body: 'html' }, 'reason.html'],
  ];
  for (const [name, spec, reason] of cases) {
    it(`${name} → malformed, not retried`, async () => {
      const { http } = client();
      const url = recordsUrl();
      await fault({ path: url.slice(url.indexOf('/api/')), ...spec });
      await assert.rejects(http.getJson(url), (e: unknown) => {
        assert.ok(e instanceof VitrineDataError);
        assert.equal(e.kind, 'malformed');
        assert.equal(e.details.reason?.key, reason);
        return true;
      });
      assert.equal((await log('/records')).length, 1);
    });
  }

  it('a connection closed halfway through the body → retried, then succeeds', async () => {
    const { http } = client();
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), body: 'truncated' });
    const answer = (await http.getJson(url)) as { results: unknown[] };
    assert.equal(answer.results.length, 1);
    assert.equal((await log('/records')).length, 2);
  });

  it('a CSV asked as JSON → malformed (not JSON)', async () => {
    const { http } = client();
    await assert.rejects(
      http.getJson(`${portal.url}${DATASET}/exports/csv?limit=1`),
      (e: unknown) =>
        e instanceof VitrineDataError && e.kind === 'malformed' && e.details.reason?.key === 'reason.not-json',
    );
  });
});

describe('HTTP client: portal errors', () => {
  it('404 for an unknown dataset → not-found, never retried', async () => {
    const { http } = client();
    await assert.rejects(
      http.getJson(`${portal.url}/api/explore/v2.1/catalog/datasets/no-such-dataset`),
      (e: unknown) => {
        assert.ok(e instanceof VitrineDataError);
        assert.equal(e.kind, 'not-found');
        assert.equal(e.details.status, 404);
        return true;
      },
    );
    assert.equal((await log('no-such-dataset')).length, 1);
  });

  it('400 for an unknown field → bad-query with the portal message, never retried', async () => {
    const { http } = client();
    await assert.rejects(http.getJson(`${portal.url}${DATASET}/records?where=popluation%3E1`), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'bad-query');
      assert.equal(e.details.portalCode, 'ODSQLError');
      assert.match(e.details.portalMessage ?? '', /popluation/);
      assert.match(
        e.message,
        /^The portal rejected the query: ".*popluation.*"\. Check the value, where and filter attributes\.$/s,
      );
      return true;
    });
    assert.equal((await log('/records')).length, 1);
  });

  it('400 for a limit beyond the portal limit → bad-query (InvalidRESTParameterError)', async () => {
    const { http } = client();
    await assert.rejects(
      http.getJson(`${portal.url}${DATASET}/records?limit=101`),
      (e: unknown) =>
        e instanceof VitrineDataError && e.kind === 'bad-query' && e.details.portalCode === 'InvalidRESTParameterError',
    );
  });

  it('401 → unauthorized', async () => {
    const { http } = client();
    const url = recordsUrl();
    await fault({ path: url.slice(url.indexOf('/api/')), status: 401 });
    await assert.rejects(
      http.getJson(url),
      (e: unknown) => e instanceof VitrineDataError && e.kind === 'unauthorized' && !e.retryable,
    );
    assert.equal((await log('/records')).length, 1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:01:00 GMT', now), 60_000);
    assert.equal(parseRetryAfter('Sun, 31 Dec 2023 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
