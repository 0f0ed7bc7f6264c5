/**
 * The HTTP client of the data layer: one per page ({@link getHttpClient}), shared by every widget.
 *
 * - Identical requests in flight share one fetch. A caller that aborts its signal stops waiting
 *   without disturbing the others; the fetch itself is aborted once every caller has aborted.
 * - Answers are cached (`ttl`, default 60 s) and kept after they expire, so a refresh can revalidate
 *   them with `If-None-Match` (a 304 renews the entry) and a widget can keep showing stale data
 *   ({@link HttpClient.peek}) while the portal is down.
 * - Each attempt has a timeout (default 15 s). Network errors, 5xx, 408 and 429 are retried with
 *   exponential backoff and jitter; a `Retry-After` (seconds or HTTP date) is honoured when it is
 *   shorter than `maxRetryAfter`, else the request fails at once as `rate-limited`. Other 4xx are
 *   never retried.
 * - Failures are {@link VitrineDataError}s: `not-found`, `bad-query` (with the portal's message),
 *   `unauthorized`, `rate-limited`, `network`, `unavailable` (5xx), `timeout`, `malformed` (HTML,
 *   truncated or non-JSON body). An abort rejects with the signal's reason (an `AbortError`).
 *
 * Timers, randomness and `fetch` are injectable, so tests run fast and deterministic.
 */
import { type DataErrorDetails, type DataErrorKind, VitrineDataError, statusKind } from './errors.js';
import { cacheKey } from './url.js';

/** Turns an error answer into a kind and details (an adapter knows its portal's error bodies). */
export type ErrorDescriber = (
  status: number,
  body: unknown,
  now: number,
) => { kind: DataErrorKind; details: DataErrorDetails };

/** Options of {@link createHttpClient}. Every field is optional. */
export interface HttpClientOptions {
  /** How long an answer is served from the cache, ms. Default 60 000. */
  ttl?: number;
  /** Timeout of each attempt (headers and body), ms. Default 15 000. */
  timeout?: number;
  /** Retries after the first attempt (network errors, 5xx, 408, 429). Default 3. */
  retries?: number;
  /** First backoff delay, ms; doubled at each retry, with jitter. Default 400. */
  retryDelay?: number;
  /** Longest backoff delay, ms. Default 8 000. */
  maxRetryDelay?: number;
  /** Longest `Retry-After` honoured, ms; beyond it the request fails as rate-limited. Default 30 000. */
  maxRetryAfter?: number;
  /** Answers kept in the cache (least recently used dropped first). Default 300. */
  maxEntries?: number;
  /** Headers sent with every request (e.g. `Authorization: Apikey …` for a private portal). */
  headers?: Readonly<Record<string, string>>;
  /** Reads error bodies. Default: reads `message`/`error` keys. */
  describeError?: ErrorDescriber;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof globalThis.fetch;
  /** Random number in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
  /** Waits `ms`, rejecting when `signal` aborts. Default: `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The current time, ms. Default `Date.now`. */
  now?: () => number;
}

/** Options of one request. Every field is optional. */
export interface RequestOptions {
  /** Stop waiting (the element left the page, the query changed). */
  signal?: AbortSignal;
  /** Cache lifetime for this answer, ms (e.g. a widget's `refresh` interval). */
  ttl?: number;
  /** Skip a fresh cache entry and revalidate it with the portal (`If-None-Match`). */
  refresh?: boolean;
  /** Timeout of each attempt, ms. */
  timeout?: number;
  /** Reads error bodies for this request. */
  describeError?: ErrorDescriber;
}

/** A cached answer. */
export interface CachedAnswer<T> {
  value: T;
  /** When it was stored or last revalidated (ms since the epoch). */
  storedAt: number;
  /** Whether it is still within its lifetime. */
  fresh: boolean;
}

/** Counters, for tests and diagnostics. */
export interface HttpStats {
  /** Fetch calls made (attempts included). */
  fetches: number;
  /** Answers served from a fresh cache entry. */
  cacheHits: number;
  /** Callers that joined a request already in flight. */
  shared: number;
  /** 304 answers that renewed a cache entry. */
  revalidated: number;
  /** Retries after a failed attempt. */
  retries: number;
}

/** The client. */
export interface HttpClient {
  /** GET a JSON answer (parsed). */
  getJson<T = unknown>(url: string, options?: RequestOptions): Promise<T>;
  /** GET a text answer (CSV exports). */
  getText(url: string, options?: RequestOptions): Promise<string>;
  /** The cached answer for a URL, even if expired; undefined if none. */
  peek<T = unknown>(url: string, as?: 'json' | 'text'): CachedAnswer<T> | undefined;
  /** Drops cached answers whose URL starts with `prefix` (all when omitted). */
  invalidate(prefix?: string): void;
  readonly stats: Readonly<HttpStats>;
}

interface ResolvedOptions {
  ttl: number;
  timeout: number;
  retries: number;
  retryDelay: number;
  maxRetryDelay: number;
  maxRetryAfter: number;
  maxEntries: number;
  headers: Readonly<Record<string, string>>;
  describeError: ErrorDescriber;
  fetch: typeof globalThis.fetch;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
}

/** Reads `message` / `error` of a JSON error body. */
export const describeHttpError: ErrorDescriber = (status, body) => {
  const details: DataErrorDetails = { status };
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    const message = b.message ?? b.error;
    if (typeof message === 'string' && message.trim() !== '') details.portalMessage = message.trim();
  }
  return { kind: statusKind(status), details };
};

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const DEFAULTS: Omit<ResolvedOptions, 'fetch'> = {
  ttl: 60_000,
  timeout: 15_000,
  retries: 3,
  retryDelay: 400,
  maxRetryDelay: 8_000,
  maxRetryAfter: 30_000,
  maxEntries: 300,
  headers: {},
  describeError: describeHttpError,
  random: Math.random,
  sleep: defaultSleep,
  now: Date.now,
};

function resolveOptions(options: HttpClientOptions): ResolvedOptions {
  const merged: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  if (merged.fetch === undefined)
    merged.fetch = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  return merged as unknown as ResolvedOptions;
}

/**
 * Parses a `Retry-After` header: delay in seconds, or an HTTP date. Returns ms (≥ 0), or undefined.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface Entry {
  value: unknown;
  storedAt: number;
  ttl: number;
  etag?: string;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

type Kind = 'json' | 'text';

const JSON_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json|text\/plain)\b/i;

class Client implements HttpClient {
  readonly stats: HttpStats = { fetches: 0, cacheHits: 0, shared: 0, revalidated: 0, retries: 0 };
  private readonly o: ResolvedOptions;
  private readonly cache = new Map<string, Entry>();
  private readonly inflight = new Map<string, InFlight>();
  /** Origins where a conditional request failed at the network level (CORS preflight refused). */
  private readonly noConditional = new Set<string>();

  constructor(options: HttpClientOptions) {
    this.o = resolveOptions(options);
  }

  getJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
    return this.get(url, 'json', options) as Promise<T>;
  }

  getText(url: string, options: RequestOptions = {}): Promise<string> {
    return this.get(url, 'text', options) as Promise<string>;
  }

  peek<T = unknown>(url: string, as: Kind = 'json'): CachedAnswer<T> | undefined {
    const entry = this.cache.get(`${as} ${cacheKey(url)}`);
    if (entry === undefined) return undefined;
    return { value: entry.value as T, storedAt: entry.storedAt, fresh: this.o.now() - entry.storedAt < entry.ttl };
  }

  invalidate(prefix?: string): void {
    if (prefix === undefined) {
      this.cache.clear();
      return;
    }
    const normalized = cacheKey(prefix);
    for (const key of [...this.cache.keys()]) {
      const url = key.slice(key.indexOf(' ') + 1);
      if (url.startsWith(prefix) || url.startsWith(normalized)) this.cache.delete(key);
    }
  }

  private get(url: string, as: Kind, options: RequestOptions): Promise<unknown> {
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = `${as} ${cacheKey(url)}`;
    const entry = this.cache.get(key);
    if (entry !== undefined && !options.refresh && this.o.now() - entry.storedAt < entry.ttl) {
      this.stats.cacheHits++;
      this.touch(key, entry);
      return Promise.resolve(entry.value);
    }
    let flight = this.inflight.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      const created: InFlight = { controller, waiters: 0, promise: Promise.resolve() };
      created.promise = this.run(url, key, as, controller.signal, options).finally(() => {
        if (this.inflight.get(key) === created) this.inflight.delete(key);
      });
      // The shared promise may reject with nobody waiting (everyone aborted): not an unhandled rejection.
      created.promise.catch(() => undefined);
      this.inflight.set(key, created);
      flight = created;
    } else {
      this.stats.shared++;
    }
    return this.wait(key, flight, signal);
  }

  /** Waits for a shared request on behalf of one caller. */
  private wait(key: string, flight: InFlight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    if (signal === undefined) return flight.promise;
    return new Promise((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        reject(signal.reason);
        flight.waiters--;
        if (flight.waiters === 0) {
          // Nobody waits any more: stop the fetch, and let the next caller start afresh.
          if (this.inflight.get(key) === flight) this.inflight.delete(key);
          flight.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          done = true;
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private touch(key: string, entry: Entry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
  }

  private store(key: string, entry: Entry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    while (this.cache.size > this.o.maxEntries) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) break;
      this.cache.delete(oldest.value);
    }
  }

  private backoff(attempt: number): number {
    const delay = Math.min(this.o.maxRetryDelay, this.o.retryDelay * 2 ** attempt);
    return Math.round(delay / 2 + this.o.random() * (delay / 2));
  }

  /** All attempts of one request. */
  private async run(
    url: string,
    key: string,
    as: Kind,
    signal: AbortSignal,
    options: RequestOptions,
  ): Promise<unknown> {
    const describe = options.describeError ?? this.o.describeError;
    const timeout = options.timeout ?? this.o.timeout;
    const origin = originOf(url);
    let last: VitrineDataError | undefined;
    for (let attempt = 0; attempt <= this.o.retries; attempt++) {
      if (signal.aborted) throw signal.reason;
      if (attempt > 0) this.stats.retries++;
      const entry = this.cache.get(key);
      const conditional = entry?.etag !== undefined && !this.noConditional.has(origin);
      const headers: Record<string, string> = { ...this.o.headers };
      if (as === 'json') headers.Accept = 'application/json';
      if (conditional && entry?.etag !== undefined) headers['If-None-Match'] = entry.etag;

      const outcome = await this.attempt(url, as, headers, signal, timeout, describe, attempt);
      if (outcome.type === 'ok') {
        if (outcome.notModified && entry !== undefined) {
          this.stats.revalidated++;
          entry.storedAt = this.o.now();
          entry.ttl = options.ttl ?? this.o.ttl;
          this.touch(key, entry);
          return entry.value;
        }
        if (outcome.notModified) {
          last = new VitrineDataError('malformed', { url, status: 304, reason: { key: 'reason.shape' } });
          throw last;
        }
        const stored: Entry = { value: outcome.value, storedAt: this.o.now(), ttl: options.ttl ?? this.o.ttl };
        if (outcome.etag !== undefined) stored.etag = outcome.etag;
        this.store(key, stored);
        return outcome.value;
      }
      last = outcome.error;
      if (!outcome.retry || attempt === this.o.retries) break;
      if (outcome.networkError && conditional) {
        // A conditional request may be refused by a CORS preflight: retry without it, at once.
        this.noConditional.add(origin);
        continue;
      }
      await this.o.sleep(outcome.delay ?? this.backoff(attempt), signal);
    }
    throw last ?? new VitrineDataError('network', { url });
  }

  /** One fetch, with its timeout, read and classified. */
  private async attempt(
    url: string,
    as: Kind,
    headers: Record<string, string>,
    outer: AbortSignal,
    timeout: number,
    describe: ErrorDescriber,
    attempt: number,
  ): Promise<
    | { type: 'ok'; value: unknown; etag?: string; notModified: boolean }
    | { type: 'error'; error: VitrineDataError; retry: boolean; delay?: number; networkError?: boolean }
  > {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(outer.reason);
    outer.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('timeout', 'TimeoutError'));
    }, timeout);
    const attempts = attempt + 1;
    const timeoutError = () =>
      ({
        type: 'error',
        error: new VitrineDataError('timeout', { url, timeout, attempts }),
        retry: false,
      }) as const;
    try {
      this.stats.fetches++;
      let response: Response;
      try {
        response = await this.o.fetch(url, { method: 'GET', headers, signal: controller.signal });
      } catch (cause) {
        if (outer.aborted) throw outer.reason;
        if (timedOut) return timeoutError();
        return {
          type: 'error',
          error: new VitrineDataError('network', { url, attempts }, { cause }),
          retry: true,
          networkError: true,
        };
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        if (outer.aborted) throw outer.reason;
        if (timedOut) return timeoutError();
        // The connection dropped while the body was coming.
        return { type: 'error', error: new VitrineDataError('network', { url, attempts }, { cause }), retry: true };
      }
      const status = response.status;
      if (status === 304) return { type: 'ok', value: undefined, notModified: true };
      if (status >= 200 && status < 300) {
        const value = as === 'text' ? text : this.parseJson(url, response.headers.get('content-type'), text, status);
        const etag = response.headers.get('etag') ?? undefined;
        return etag === undefined
          ? { type: 'ok', value, notModified: false }
          : { type: 'ok', value, etag, notModified: false };
      }
      // An error answer.
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      const now = this.o.now();
      const described = describe(status, body, now);
      const retryable = status >= 500 || status === 429 || status === 408;
      const headerDelay = parseRetryAfter(response.headers.get('retry-after'), now);
      const delay =
        headerDelay ??
        (status === 429 && described.details.retryAfter !== undefined
          ? described.details.retryAfter * 1000
          : undefined);
      const details: DataErrorDetails = { ...described.details, url, status, attempts };
      if (delay !== undefined) {
        details.retryAfter = Math.ceil(delay / 1000);
        details.resetTime ??= new Date(now + delay).toISOString();
      }
      const error = new VitrineDataError(described.kind, details);
      if (!retryable) return { type: 'error', error, retry: false };
      if (delay !== undefined && delay > this.o.maxRetryAfter) return { type: 'error', error, retry: false };
      return delay === undefined ? { type: 'error', error, retry: true } : { type: 'error', error, retry: true, delay };
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    }
  }

  private parseJson(url: string, contentType: string | null, text: string, status: number): unknown {
    const malformed = (key: 'reason.html' | 'reason.not-json' | 'reason.truncated') =>
      new VitrineDataError('malformed', { url, status, reason: { key } });
    const type = contentType ?? '';
    if (/html/i.test(type) || /^\s*<(?:!doctype|html)/i.test(text)) throw malformed('reason.html');
    if (type !== '' && !JSON_TYPE.test(type)) throw malformed('reason.not-json');
    try {
      return JSON.parse(text);
    } catch {
      throw malformed(/^\s*[[{]/.test(text) ? 'reason.truncated' : 'reason.not-json');
    }
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** A new client (tests, or a page that needs different settings). Prefer {@link getHttpClient}. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  return new Client(options);
}

const GLOBAL_KEY = Symbol.for('vitrine.http-client');

/**
 * The page-wide client, shared by every widget — and by two copies of Vitrine loaded on one page.
 */
export function getHttpClient(): HttpClient {
  const holder = globalThis as unknown as Record<symbol, HttpClient | undefined>;
  let client = holder[GLOBAL_KEY];
  if (client === undefined) {
    client = createHttpClient();
    holder[GLOBAL_KEY] = client;
  }
  return client;
}
