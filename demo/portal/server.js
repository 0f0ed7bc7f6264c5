// @ts-check
/**
 * The local portal: a small HTTP server that speaks the Opendatasoft Explore API v2.1 over the
 * datasets bundled in ./datasets, so the demo pages, the tests and the benchmarks need no network.
 *
 * It is strict where the real API is strict (limits, error bodies, unknown fields) and it can be told
 * to misbehave (delays, error statuses, 429 with Retry-After, malformed or truncated bodies, dropped
 * connections) through options, environment variables or the `/__faults` test hook.
 *
 * @module
 */
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { getDataset, datasets } from './datasets/index.js';
import { ODSQLError, runRecords, runExport, runFacets, matchRows } from './odsql/index.js';
import { renderPortalHome, renderDatasetPage } from './pages.js';
import { toCsv, toGeoJson } from './exports.js';
import { basemapAnswer } from './basemap.js';
import { gzipAnswer } from './compress.js';

import { API_BASE } from './api-base.js';
export { API_BASE };

/** Records without group_by: `-1 <= limit <= 100`. */
const RECORDS_LIMIT_MAX = 100;
/** Records with group_by: up to 20000 groups. */
const GROUP_LIMIT_MAX = 20000;
/** `offset + limit <= 10000`. */
const WINDOW_MAX = 10000;
const LOG_MAX = 5000;

/**
 * A failure to inject into the next matching requests.
 * @typedef {object} Fault
 * @property {string} [path] Substring of `pathname + search` that a request must contain (default: any API request).
 * @property {number} [status] Answer with this status and an error body of the portal's style.
 * @property {number} [times] How many matching requests fail (default 1; `Infinity` or -1 for all).
 * @property {number} [retryAfter] Seconds, sent as `Retry-After` (with status 429 or 503).
 * @property {number} [delayMs] Wait this long before answering.
 * @property {'malformed'|'truncated'|'html'|'huge'} [body] Answer 200 with a broken or odd body.
 * @property {boolean} [drop] Close the connection without answering.
 */

/**
 * @typedef {object} PortalOptions
 * @property {number} [port] TCP port; 0 (default) picks a free one.
 * @property {string} [host] Interface to listen on (default 127.0.0.1).
 * @property {number} [delayMs] Delay every API answer by this many milliseconds.
 * @property {Fault[]} [faults] Faults active from the start.
 * @property {boolean} [quiet] Do not log to the console.
 * @property {boolean} [compress] Gzip (level 6) the answers of the API, the exports, the basemap and the
 *   pages when the request's `Accept-Encoding` allows it: text, JSON, GeoJSON and CSV bodies above
 *   1 KB, with `Content-Encoding: gzip` and `Vary: Accept-Encoding` (./compress.js). Off by default.
 *   Error bodies, the test hooks and every injected fault (statuses, odd or truncated bodies, `huge`,
 *   dropped connections) are sent uncompressed either way.
 */

/**
 * @typedef {object} Portal
 * @property {string} url Origin of the portal, e.g. `http://127.0.0.1:8710`.
 * @property {number} port
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close
 */

class ParameterError extends Error {}
class NotFoundError extends Error {}

/**
 * Reads portal options from the environment: `VITRINE_PORTAL_DELAY_MS` and `VITRINE_PORTAL_FAULTS`
 * (a JSON array of faults).
 * @param {NodeJS.ProcessEnv} env
 * @returns {PortalOptions}
 */
export function optionsFromEnv(env = process.env) {
  /** @type {PortalOptions} */
  const options = {};
  if (env.VITRINE_PORTAL_DELAY_MS) options.delayMs = Number(env.VITRINE_PORTAL_DELAY_MS) || 0;
  if (env.VITRINE_PORTAL_FAULTS) {
    const faults = JSON.parse(env.VITRINE_PORTAL_FAULTS);
    if (!Array.isArray(faults)) throw new Error('VITRINE_PORTAL_FAULTS must be a JSON array of faults');
    options.faults = faults;
  }
  return options;
}

/**
 * Creates the portal's request handler (without listening).
 * @param {PortalOptions} [options]
 */
export function createPortalHandler(options = {}) {
  /** @type {(Fault & { left: number })[]} */
  let faults = (options.faults ?? []).map(normaliseFault);
  /** @type {{ method: string, path: string, search: string, status: number, time: number, aborted?: boolean }[]} */
  const log = [];
  const baseDelay = options.delayMs ?? 0;

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://portal.local');
    const method = req.method ?? 'GET';
    /** @type {{ method: string, path: string, search: string, status: number, time: number, aborted?: boolean }} */
    const entry = { method, path: url.pathname, search: url.search, status: 0, time: Date.now() };
    res.on('finish', () => (entry.status = res.statusCode));
    // The client went away (an aborted fetch) before the answer was complete.
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });

    setCors(req, res, url.pathname.startsWith('/__'));
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'Content-Length': '0' }).end();
      return;
    }

    // Test hooks; never logged, never faulted.
    if (url.pathname === '/__faults') return handleFaultHook(req, res);
    if (url.pathname === '/__log') {
      if (method === 'DELETE') log.length = 0;
      return sendJson(res, 200, method === 'DELETE' ? { cleared: true } : log);
    }

    log.push(entry);
    if (log.length > LOG_MAX) log.shift();

    if (method !== 'GET' && method !== 'HEAD') {
      return sendJson(res, 405, {
        error_code: 'MethodNotAllowed',
        message: `Method ${method} is not allowed: the API is read-only.`,
      });
    }

    const fault = takeFault(url);
    const delay = baseDelay + (fault?.delayMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (res.destroyed) return;
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    if (fault?.status) return sendFaultStatus(res, fault);
    if (fault?.body === 'malformed') {
      return sendRaw(res, 200, 'application/json; charset=utf-8', '{"total_count": 12, "results": [{"value": 1,');
    }
    if (fault?.body === 'html') {
      return sendRaw(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><title>Maintenance</title><h1>Portal under maintenance</h1>',
      );
    }
    if (fault?.body === 'huge') return sendHuge(res);

    try {
      const answer = await route(url, req);
      if (fault?.body === 'truncated') return sendTruncated(res, answer);
      send(req, res, answer, options.compress === true);
    } catch (error) {
      sendError(res, error);
    }
  }

  /** @param {URL} url */
  function takeFault(url) {
    if (!url.pathname.startsWith('/api/')) return undefined;
    const target = url.pathname + url.search;
    const fault = faults.find((f) => f.left > 0 && (!f.path || target.includes(f.path)));
    if (fault) fault.left -= 1;
    return fault;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handleFaultHook(req, res) {
    if (req.method === 'DELETE') {
      faults = [];
      return sendJson(res, 200, { cleared: true });
    }
    if (req.method === 'GET') return sendJson(res, 200, faults);
    if (req.method !== 'POST') return sendJson(res, 405, { message: 'Use POST, GET or DELETE' });
    try {
      const body = JSON.parse(await readBody(req));
      const list = (Array.isArray(body) ? body : [body]).map(normaliseFault);
      faults.push(...list);
      return sendJson(res, 201, { active: faults.length });
    } catch (error) {
      return sendJson(res, 400, { message: `Bad fault description: ${/** @type {Error} */ (error).message}` });
    }
  }

  return Object.assign(handle, {
    /** @param {Fault} fault */
    addFault: (fault) => void faults.push(normaliseFault(fault)),
    clearFaults: () => void (faults = []),
    log,
  });
}

/**
 * Starts the portal.
 * @param {PortalOptions} [options]
 * @returns {Promise<Portal>}
 */
export async function startPortal(options = {}) {
  const handler = createPortalHandler(options);
  const server = createServer((req, res) => {
    handler(req, res).catch((error) => {
      if (!options.quiet) console.error('[portal] unexpected error', error);
      if (!res.headersSent) sendJson(res, 500, { error_code: 'InternalServerError', message: 'Internal Server Error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Routing

/**
 * @typedef {{ status: number, type: string, body: string | Buffer, headers?: Record<string, string>, etag?: boolean }} Answer
 */

/**
 * @param {URL} url
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Answer>}
 */
async function route(url, req) {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return html(renderPortalHome(await catalogEntries()));
  if (path.startsWith('/basemap/')) return /** @type {Answer} */ (await basemapAnswer(path, originOf(req)));

  const page = /^\/explore\/dataset\/([^/]+)(?:\/.*)?$/.exec(url.pathname);
  if (page) {
    const def = getDataset(decodeURIComponent(page[1] ?? ''));
    if (!def) return { ...html(`<!doctype html><title>Not found</title><p>Unknown dataset.</p>`), status: 404 };
    const rows = await def.load();
    return html(renderDatasetPage(def, rows.length, originOf(req)));
  }

  if (path === API_BASE || path === `${API_BASE}/catalog`) {
    return json(200, {
      links: [
        { rel: 'self', href: `${originOf(req)}${API_BASE}` },
        { rel: 'datasets', href: `${originOf(req)}${API_BASE}/catalog/datasets` },
      ],
    });
  }
  if (path === `${API_BASE}/catalog/datasets`) return catalogList(url.searchParams);

  const m = /^\/api\/explore\/v2\.1\/catalog\/datasets\/([^/]+)(?:\/(records|facets|exports)(?:\/([^/]+))?)?$/.exec(
    path,
  );
  if (!m) throw new NotFoundError(`Unknown API path: ${url.pathname}`);
  const id = decodeURIComponent(m[1] ?? '');
  const def = getDataset(id);
  if (!def) throw new NotFoundError(`Unknown dataset: ${id}`);
  const rows = await def.load();
  const dataset = { fields: def.fields, rows };
  const params = url.searchParams;

  switch (m[2]) {
    case undefined:
      return json(200, datasetObject(def, rows.length));
    case 'records': {
      if (m[3] !== undefined) {
        const index = Number(m[3]);
        const row = Number.isInteger(index) ? rows[index] : undefined;
        if (!row) throw new NotFoundError(`Unknown record: ${m[3]}`);
        return json(200, row);
      }
      return json(200, runRecords(dataset, recordParams(params)));
    }
    case 'facets':
      return json(200, runFacets(dataset, { ...queryParams(params), facet: params.getAll('facet') }));
    case 'exports':
      return exportAnswer(def, dataset, m[3] ?? '', params);
    default:
      throw new NotFoundError(`Unknown API path: ${url.pathname}`);
  }
}

/** @param {import('node:http').IncomingMessage} req */
function originOf(req) {
  return `http://${req.headers.host ?? 'localhost'}`;
}

/**
 * Parameters shared by records, facets and exports.
 * @param {URLSearchParams} params
 */
function queryParams(params) {
  const timezone = params.get('timezone') ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ParameterError(
      `Invalid value for timezone API parameter: ${timezone} was found but a valid timezone name is expected.`,
    );
  }
  return {
    where: params.getAll('where').filter((w) => w.trim() !== ''),
    refine: params.getAll('refine'),
    exclude: params.getAll('exclude'),
    timezone,
    lang: params.get('lang') ?? 'fr',
  };
}

/**
 * @param {URLSearchParams} params
 * @param {{ exports?: boolean }} [mode]
 */
function recordParams(params, mode = {}) {
  const groupBy = params.get('group_by') ?? undefined;
  const grouped = groupBy !== undefined && groupBy.trim() !== '';
  const limitMax = mode.exports ? Infinity : grouped ? GROUP_LIMIT_MAX : RECORDS_LIMIT_MAX;
  let limit = integerParam(params, 'limit', mode.exports ? -1 : 10);
  const offset = integerParam(params, 'offset', 0);
  if (limit < -1 || limit > limitMax) {
    throw new ParameterError(
      `Invalid value for limit API parameter: ${limit} was found but -1 <= limit <= ${limitMax} is expected.`,
    );
  }
  if (offset < 0) {
    throw new ParameterError(
      `Invalid value for offset API parameter: ${offset} was found but offset >= 0 is expected.`,
    );
  }
  if (!mode.exports) {
    if (limit === -1) limit = grouped ? GROUP_LIMIT_MAX : RECORDS_LIMIT_MAX;
    if (!grouped && offset + limit > WINDOW_MAX) {
      throw new ParameterError(
        `Invalid value for sum of offset + limit API parameter: ${offset + limit} was found but <= ${WINDOW_MAX} is expected.`,
      );
    }
  }
  return {
    ...queryParams(params),
    select: params.get('select') ?? undefined,
    group_by: grouped ? groupBy : undefined,
    order_by: params.get('order_by') || undefined,
    limit,
    offset,
  };
}

/**
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {number} fallback
 */
function integerParam(params, name, fallback) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new ParameterError(`Invalid value for ${name} API parameter: ${raw} was found but an integer is expected.`);
  }
  return Number(raw);
}

/**
 * @param {import('./datasets/index.js').DatasetDef} def
 * @param {{ fields: any[], rows: object[] }} dataset
 * @param {string} format
 * @param {URLSearchParams} params
 * @returns {Answer}
 */
function exportAnswer(def, dataset, format, params) {
  const query = recordParams(params, { exports: true });
  const rows = runExport(dataset, query);
  const fileBase = def.id;
  switch (format) {
    case 'json':
      return json(200, rows, { 'Content-Disposition': `attachment; filename="${fileBase}.json"` });
    case 'geojson':
      return {
        status: 200,
        type: 'application/geo+json; charset=utf-8',
        body: JSON.stringify(toGeoJson(def.fields, rows)),
        headers: { 'Content-Disposition': `attachment; filename="${fileBase}.geojson"` },
      };
    case 'csv': {
      const delimiter = params.get('delimiter') ?? ';';
      if (![';', ',', '\t', '|'].includes(delimiter)) {
        throw new ParameterError(
          `Invalid value for delimiter API parameter: ${delimiter} was found but one of ';', ',', '\\t', '|' is expected.`,
        );
      }
      const csv = toCsv(def.fields, rows, {
        delimiter,
        useLabels: params.get('use_labels') === 'true',
        bom: params.get('with_bom') !== 'false',
      });
      return {
        status: 200,
        type: 'text/csv; charset=utf-8',
        body: csv,
        headers: { 'Content-Disposition': `attachment; filename="${fileBase}.csv"` },
      };
    }
    default:
      throw new ParameterError(
        `Invalid value for format API parameter: ${format} was found but one of json, geojson, csv is expected.`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Catalog

/** @type {Promise<{ def: import('./datasets/index.js').DatasetDef, count: number }[]> | undefined} */
let catalogCache;

function catalogEntries() {
  catalogCache ??= Promise.all([...datasets.values()].map(async (def) => ({ def, count: (await def.load()).length })));
  return catalogCache;
}

/**
 * The v2.1 dataset object.
 * @param {import('./datasets/index.js').DatasetDef} def
 * @param {number} count
 */
export function datasetObject(def, count) {
  return {
    dataset_id: def.id,
    dataset_uid: `da_${createHash('sha1').update(def.id).digest('hex').slice(0, 6)}`,
    attachments: [],
    has_records: count > 0,
    data_visible: true,
    features: def.features,
    metas: { default: { ...def.metas, records_count: count, timezone: null } },
    fields: def.fields,
  };
}

/** Searchable fields of the catalog, as the engine sees them. */
const CATALOG_FIELDS = [
  { name: 'dataset_id', label: 'Dataset id', type: 'text', annotations: {} },
  { name: 'title', label: 'Title', type: 'text', annotations: {} },
  { name: 'description', label: 'Description', type: 'text', annotations: {} },
  { name: 'publisher', label: 'Publisher', type: 'text', annotations: { facet: [] } },
  { name: 'license', label: 'License', type: 'text', annotations: { facet: [] } },
  { name: 'keyword', label: 'Keyword', type: 'text', annotations: { facet: [], multivalued: [','] } },
  { name: 'theme', label: 'Theme', type: 'text', annotations: { facet: [], multivalued: [','] } },
  { name: 'features', label: 'Features', type: 'text', annotations: { facet: [], multivalued: [','] } },
  { name: 'records_count', label: 'Records', type: 'int', annotations: {} },
  { name: 'modified', label: 'Modified', type: 'datetime', annotations: {} },
];

/** @param {URLSearchParams} params */
async function catalogList(params) {
  const entries = await catalogEntries();
  const limit = integerParam(params, 'limit', 10);
  const offset = integerParam(params, 'offset', 0);
  if (limit < -1 || limit > RECORDS_LIMIT_MAX) {
    throw new ParameterError(
      `Invalid value for limit API parameter: ${limit} was found but -1 <= limit <= ${RECORDS_LIMIT_MAX} is expected.`,
    );
  }
  if (offset < 0)
    throw new ParameterError(
      `Invalid value for offset API parameter: ${offset} was found but offset >= 0 is expected.`,
    );
  const rows = entries.map(({ def, count }) => ({
    dataset_id: def.id,
    title: def.metas.title,
    description: def.metas.description,
    publisher: def.metas.publisher,
    license: def.metas.license,
    keyword: def.metas.keyword,
    theme: def.metas.theme,
    features: def.features,
    records_count: count,
    modified: def.metas.modified,
  }));
  const matched = /** @type {{ dataset_id: string }[]} */ (
    matchRows({ fields: CATALOG_FIELDS, rows }, queryParams(params))
  );
  const ids = new Set(matched.map((row) => row.dataset_id));
  const found = entries.filter(({ def }) => ids.has(def.id));
  const page = found.slice(offset, limit === -1 ? undefined : offset + limit);
  return json(200, { total_count: found.length, results: page.map(({ def, count }) => datasetObject(def, count)) });
}

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]
 * @returns {Answer}
 */
function json(status, value, headers) {
  return {
    status,
    type: 'application/json; charset=utf-8',
    body: JSON.stringify(value),
    ...(headers ? { headers } : {}),
  };
}

/** @param {string} body @returns {Answer} */
function html(body) {
  return { status: 200, type: 'text/html; charset=utf-8', body, etag: false };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Answer} answer
 * @param {boolean} [compress] gzip the body when the request allows it (see PortalOptions.compress)
 */
function send(req, res, answer, compress = false) {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  /** @type {Record<string, string>} */
  const headers = { 'Content-Type': answer.type, 'Cache-Control': 'no-cache', ...answer.headers };
  if (answer.etag !== false && answer.status === 200) {
    const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
    headers.ETag = etag;
    const match = req.headers['if-none-match'];
    if (match && match.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers).end();
      return;
    }
  }
  if (!compress) {
    headers['Content-Length'] = String(body.length);
    res.writeHead(answer.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const out = gzipAnswer(req, answer.type, body, headers.Vary ?? res.getHeader('Vary'));
  res.writeHead(answer.status, { ...headers, ...out.headers });
  res.end(req.method === 'HEAD' ? undefined : out.body);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(res, status, value) {
  sendRaw(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} body
 * @param {Record<string, string>} [headers]
 */
function sendRaw(res, status, type, body, headers = {}) {
  const buffer = Buffer.from(body);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(buffer.length),
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(buffer);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} error
 */
function sendError(res, error) {
  if (error instanceof ODSQLError)
    return sendRaw(
      res,
      400,
      'application/json; charset=utf-8',
      JSON.stringify({ message: error.message, error_code: 'ODSQLError' }),
    );
  if (error instanceof ParameterError) {
    return sendRaw(
      res,
      400,
      'application/json; charset=utf-8',
      JSON.stringify({ error_code: 'InvalidRESTParameterError', message: error.message }),
    );
  }
  if (error instanceof NotFoundError)
    return sendRaw(
      res,
      404,
      'application/json; charset=utf-8',
      JSON.stringify({ error_code: 'NotFound', message: error.message }),
    );
  throw error;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Fault} fault
 */
function sendFaultStatus(res, fault) {
  const status = /** @type {number} */ (fault.status);
  /** @type {Record<string, string>} */
  const headers = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  if (status === 429) {
    const reset = new Date(Date.now() + (fault.retryAfter ?? 60) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    headers['X-RateLimit-Limit'] = '10000';
    headers['X-RateLimit-Remaining'] = '0';
    headers['X-RateLimit-Reset'] = reset;
    const body = {
      errorcode: 10002,
      reset_time: reset,
      limit_time_unit: 'day',
      call_limit: 10000,
      error: 'Too many requests on the domain. Please contact the domain administrator.',
    };
    return sendRaw(res, 429, 'application/json; charset=utf-8', JSON.stringify(body), headers);
  }
  if (status === 401) {
    return sendRaw(
      res,
      401,
      'application/json; charset=utf-8',
      JSON.stringify({
        error_code: 'AuthenticationRequired',
        message: 'This dataset is private: an API key is required.',
      }),
      headers,
    );
  }
  if (status >= 500)
    return sendRaw(
      res,
      status,
      'text/plain; charset=utf-8',
      status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      headers,
    );
  return sendRaw(
    res,
    status,
    'application/json; charset=utf-8',
    JSON.stringify({ error_code: 'InjectedFault', message: `Injected status ${status}` }),
    headers,
  );
}

/**
 * Sends the real answer's headers with its full length, half of the body, then closes the connection.
 * @param {import('node:http').ServerResponse} res
 * @param {Answer} answer
 */
function sendTruncated(res, answer) {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  res.writeHead(answer.status, { 'Content-Type': answer.type, 'Content-Length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/**
 * A very large, valid answer (about 40 MB): 200,000 records of padding.
 * @param {import('node:http').ServerResponse} res
 */
function sendHuge(res) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
  const pad = 'x'.repeat(160);
  const count = 200000;
  res.write(`{"total_count": ${count}, "results": [`);
  let i = 0;
  const pump = () => {
    while (i < count) {
      const chunk = [];
      for (let k = 0; k < 2000 && i < count; k += 1, i += 1) chunk.push(`{"n": ${i}, "pad": "${pad}"}`);
      const ok = res.write((i > chunk.length ? ',' : '') + chunk.join(','));
      if (!ok) return void res.once('drain', pump);
    }
    res.end(']}');
  };
  pump();
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} testHook the test hooks also take POST and DELETE (from browser tests)
 */
function setCors(req, res, testHook) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', testHook ? 'GET, POST, DELETE, OPTIONS' : 'GET, HEAD, OPTIONS');
  const asked = req.headers['access-control-request-headers'];
  res.setHeader('Access-Control-Allow-Headers', asked ?? 'Authorization, Content-Type, If-None-Match');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'ETag, Retry-After, Content-Disposition, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  );
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Vary', 'Origin');
}

/** @param {Fault} fault */
function normaliseFault(fault) {
  const times = fault.times === undefined ? 1 : fault.times < 0 ? Infinity : fault.times;
  return { ...fault, left: times };
}

/** @param {import('node:http').IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 1e6) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
