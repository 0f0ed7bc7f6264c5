/**
 * Portal detection: from what a person has in the address bar to a {@link DatasetRef}.
 *
 * Accepted (any domain, custom ones included; `http://localhost:8080` too):
 * - Explore dataset pages and their sub-pages, embeds and downloads:
 *   `https://data.example.fr/explore/dataset/<id>/`, `…/<id>/table/?refine.x=y&q=text`,
 *   `…/<id>/information/`, `…/<id>/map/#…`, `…/explore/embed/dataset/<id>/analyze/`,
 *   `…/explore/dataset/<id>/download/?format=csv`;
 * - Explore API v2.1 and v2.0: `…/api/explore/v2.1/catalog/datasets/<id>[/records|/exports/csv|…]`,
 *   `…/api/explore/v2.0/…`, `…/api/v2/catalog/datasets/<id>…`;
 * - API v1: `…/api/records/1.0/search/?dataset=<id>` (and `download`, `analyze`), `…/api/datasets/1.0/<id>/`;
 * - a bare dataset identifier together with `options.portal` (`communes-france` + `https://data.example.fr`).
 *
 * Filters in the address are carried over as {@link BaseFilters}: `refine.f=v` / `refine=f:v`,
 * `exclude.f=v` / `exclude=f:v`, `where=` (API URLs), and `q=` (the search box). A `q` of the simple
 * query-language forms `field:value` and `field>=number` becomes a refine / a where clause; any other `q`
 * is a full-text search. Filter-like parameters that cannot be carried (`q.timerange…`, `geofilter.…`,
 * `apikey`) are listed in `ignored` so a widget can warn about them. Parameters in the `#` part are read
 * like the query string.
 */
import { VitrineDataError } from './errors.js';

/** Portal kinds Vitrine has an adapter for. */
export const PORTAL_KINDS = ['explore'] as const;

/** A portal kind Vitrine has an adapter for (`explore`: Opendatasoft Explore API v2.1). */
export type PortalKind = (typeof PORTAL_KINDS)[number];

/** `refine`/`exclude` as on Explore: a facet field and one of its values. */
export interface RefineFilter {
  field: string;
  value: string;
}

/** Filters carried over from the address (or given on a `vitrine-source`). */
export interface BaseFilters {
  /** Keep only records whose facet `field` has `value` (ANDed across facets). */
  refine: readonly RefineFilter[];
  /** Drop records whose facet `field` has `value`. */
  exclude: readonly RefineFilter[];
  /** Full-text search over all fields. */
  q?: string;
  /** Clauses in the portal's query language (ODSQL), ANDed. */
  where: readonly string[];
}

/** Where a dataset lives and how to ask for it. */
export interface DatasetRef {
  kind: PortalKind;
  /** `https://data.example.fr` */
  origin: string;
  /** `communes-france`, `arrondissements@parisdata` */
  datasetId: string;
  /** `https://data.example.fr/api/explore/v2.1` */
  apiBase: string;
  /** The dataset's page, for a "source" link: `https://data.example.fr/explore/dataset/<id>/`. */
  pageUrl: string;
  baseFilters: BaseFilters;
  /** Parameters of the address that looked like filters but could not be carried over. */
  ignored: readonly string[];
}

/** Options of {@link detectSource}. Every field is optional. */
export interface DetectOptions {
  /** Portal kind, overriding the guess (the `type`/`portal` attribute). */
  kind?: string;
  /** Base URL for relative addresses (the page's `document.baseURI`). */
  base?: string;
  /** Portal address to combine with a bare dataset identifier. */
  portal?: string;
  /** Attribute name for error messages. Default `src`. */
  attribute?: string;
}

/** Dataset identifiers: letters, digits, `-`, `_`, `.`, and an optional `@domain` (federated catalogues). */
const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:@[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
const FIELD_NAME = /^[A-Za-z0-9_]+$/;
const EXAMPLE = 'https://data.example.fr/explore/dataset/my-dataset/';

/** Explore page paths: an optional language segment, then `/explore/[embed/]dataset/<id>[/…]`. */
const PAGE_PATH = /^(?:\/[a-z]{2}(?:-[A-Za-z]{2})?)?\/explore\/(?:embed\/)?dataset\/([^/]+)(?:\/.*)?$/;
/** API v2.x paths, with whatever prefix precedes `/api`. */
const API_V2_PATH = /^(.*?)\/api\/(?:explore\/v2\.[01]|v2)\/catalog\/datasets\/([^/]+)(?:\/.*)?$/;
const API_V2_CATALOG = /^(.*?)\/api\/(?:explore\/v2\.[01]|v2)\/catalog(?:\/datasets)?\/?$/;
const API_V1_RECORDS = /^(.*?)\/api\/records\/1\.0\/[a-z]+\/?$/;
const API_V1_DATASET = /^(.*?)\/api\/datasets\/1\.0\/([^/]+)\/?$/;

/** Why an address is refused. */
type UrlReason =
  | 'reason.empty'
  | 'reason.not-a-url'
  | 'reason.scheme'
  | 'reason.catalog'
  | 'reason.custom-page'
  | 'reason.portal-kind'
  | 'reason.unknown-address'
  | 'reason.missing-dataset-param'
  | 'reason.bad-dataset-id';

function fail(input: string, attribute: string, key: UrlReason, params?: Record<string, string>): never {
  const shown = input.length > 200 ? `${input.slice(0, 199)}…` : input;
  throw new VitrineDataError('unsupported-url', {
    attribute,
    value: shown,
    reason: params === undefined ? { key } : { key, params },
    example: EXAMPLE,
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Adds a scheme to what looks like a host name: `data.example.fr/explore/…`, `localhost:8080/…`. */
function withScheme(text: string): string {
  if (text.startsWith('//')) return `https:${text}`;
  if (/^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:[/?#]|$)/i.test(text)) return `http://${text}`;
  if (/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?::\d+)?(?:[/?#]|$)/.test(text)) return `https://${text}`;
  return text;
}

/** Query-string and `#` parameters, in order. */
function parameters(url: URL): [string, string][] {
  const list: [string, string][] = [...url.searchParams.entries()];
  let hash = url.hash.replace(/^#!?\/?/, '');
  const question = hash.indexOf('?');
  if (question >= 0) hash = hash.slice(question + 1);
  if (hash.includes('=')) list.push(...new URLSearchParams(hash).entries());
  return list;
}

/** `field:value` or `field:"value"` (v2 refine syntax). */
function splitRefine(text: string): RefineFilter | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const field = text.slice(0, colon).trim();
  let value = text.slice(colon + 1).trim();
  if (!FIELD_NAME.test(field)) return null;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return { field, value };
}

interface Collected {
  refine: RefineFilter[];
  exclude: RefineFilter[];
  where: string[];
  q: string[];
  ignored: string[];
}

function collect(params: [string, string][], api: 'v2' | 'page'): Collected {
  const c: Collected = { refine: [], exclude: [], where: [], q: [], ignored: [] };
  for (const [name, value] of params) {
    const dotted = /^(refine|exclude)\.(.+)$/.exec(name);
    if (dotted) {
      const field = dotted[2] ?? '';
      if (FIELD_NAME.test(field) && value !== '') {
        (dotted[1] === 'refine' ? c.refine : c.exclude).push({ field, value });
      } else c.ignored.push(name);
    } else if ((name === 'refine' || name === 'exclude') && api === 'v2') {
      const split = splitRefine(value);
      if (split) (name === 'refine' ? c.refine : c.exclude).push(split);
      else c.ignored.push(name);
    } else if (name === 'where' && api === 'v2') {
      if (value.trim() !== '') c.where.push(value.trim());
    } else if (name === 'q' || (name === 'search' && api === 'v2')) {
      if (value.trim() !== '') c.q.push(value.trim());
    } else if (/^(?:q\.|geofilter\.|qv1$|apikey$)/.test(name)) {
      c.ignored.push(name);
    }
    // Other parameters (sort, location, basemap, disjunctive.*, format, lang…) are display options.
  }
  return c;
}

/** Reads simple query-language `q` forms into refine / where; everything else is full text. */
function splitQuery(c: Collected): { q: string | undefined } {
  const texts: string[] = [];
  for (const q of c.q) {
    const refine = /^([A-Za-z_][A-Za-z0-9_]*):(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))$/.exec(q);
    const compare = /^([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(q);
    if (refine) {
      c.refine.push({ field: refine[1] ?? '', value: refine[2]?.replace(/\\(.)/g, '$1') ?? refine[3] ?? '' });
    } else if (compare) {
      c.where.push(`${compare[1] ?? ''} ${compare[2] ?? ''} ${compare[3] ?? ''}`);
    } else texts.push(q);
  }
  return { q: texts.length === 0 ? undefined : texts.join(' ') };
}

function build(
  origin: string,
  prefix: string,
  rawId: string,
  c: Collected,
  input: string,
  attribute: string,
): DatasetRef {
  const datasetId = decodeSegment(rawId).trim();
  if (!DATASET_ID.test(datasetId)) fail(input, attribute, 'reason.bad-dataset-id', { id: datasetId });
  const { q } = splitQuery(c);
  const cleanPrefix = prefix.replace(/\/+$/, '');
  const baseFilters: BaseFilters = {
    refine: Object.freeze(c.refine),
    exclude: Object.freeze(c.exclude),
    where: Object.freeze(c.where),
    ...(q === undefined ? {} : { q }),
  };
  return Object.freeze({
    kind: 'explore' as const,
    origin,
    datasetId,
    apiBase: `${origin}${cleanPrefix}/api/explore/v2.1`,
    pageUrl: `${origin}${cleanPrefix}/explore/dataset/${encodeURIComponent(datasetId).replace(/%40/g, '@')}/`,
    baseFilters: Object.freeze(baseFilters),
    ignored: Object.freeze([...new Set(c.ignored)]),
  });
}

/**
 * Recognises a dataset from an address (see the module comment for the accepted forms).
 *
 * @throws VitrineDataError `unsupported-url`, whose message names the attribute and shows an accepted form.
 * @example detectSource('https://data.example.fr/explore/dataset/communes/table/?refine.dep=01')
 *   // { kind: 'explore', datasetId: 'communes', baseFilters: { refine: [{ field: 'dep', value: '01' }], … }, … }
 */
export function detectSource(input: string, options: DetectOptions = {}): DatasetRef {
  const attribute = options.attribute ?? 'src';
  const text = (input ?? '').trim();
  if (options.kind !== undefined && options.kind.trim() !== '') {
    const kind = options.kind.trim().toLowerCase();
    if (!(PORTAL_KINDS as readonly string[]).includes(kind) && kind !== 'opendatasoft' && kind !== 'ods') {
      fail(text, attribute, 'reason.portal-kind', { kind: options.kind, supported: PORTAL_KINDS.join(', ') });
    }
  }
  if (text === '') fail(text, attribute, 'reason.empty');

  // A bare identifier on a known portal.
  if (options.portal !== undefined && DATASET_ID.test(text)) {
    const portal = detectPortal(options.portal, attribute);
    return build(portal.origin, portal.prefix, text, collect([], 'page'), text, attribute);
  }

  let url: URL;
  try {
    const absolute = withScheme(text);
    if (SCHEME.test(absolute)) url = new URL(absolute);
    else if (options.base !== undefined) url = new URL(text, options.base);
    else throw new TypeError('relative');
  } catch {
    fail(text, attribute, 'reason.not-a-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(text, attribute, 'reason.scheme');
  const origin = url.origin;
  const path = url.pathname.replace(/\/{2,}/g, '/');
  const params = parameters(url);

  let m = PAGE_PATH.exec(path);
  if (m) return build(origin, '', m[1] ?? '', collect(params, 'page'), text, attribute);
  m = API_V2_PATH.exec(path);
  if (m) return build(origin, m[1] ?? '', m[2] ?? '', collect(params, 'v2'), text, attribute);
  m = API_V1_DATASET.exec(path);
  if (m) return build(origin, m[1] ?? '', m[2] ?? '', collect(params, 'page'), text, attribute);
  m = API_V1_RECORDS.exec(path);
  if (m) {
    const dataset = url.searchParams.get('dataset');
    if (dataset === null || dataset.trim() === '') fail(text, attribute, 'reason.missing-dataset-param');
    return build(origin, m[1] ?? '', dataset, collect(params, 'page'), text, attribute);
  }
  if (API_V2_CATALOG.test(path) || /^(?:\/[a-z]{2})?\/explore\/?$/.test(path)) fail(text, attribute, 'reason.catalog');
  if (/^(?:\/[a-z]{2})?\/(?:pages|page|p)\//.test(path)) fail(text, attribute, 'reason.custom-page');
  return fail(text, attribute, 'reason.unknown-address');
}

/** A portal's origin and path prefix, from its home page or any of its addresses. */
function detectPortal(input: string, attribute: string): { origin: string; prefix: string } {
  let url: URL;
  try {
    url = new URL(withScheme(input.trim()));
  } catch {
    fail(input, attribute, 'reason.not-a-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(input, attribute, 'reason.scheme');
  const api = /^(.*?)\/api\//.exec(url.pathname);
  return { origin: url.origin, prefix: api ? (api[1] ?? '') : '' };
}

/** The API address of the dataset (its metadata), `…/api/explore/v2.1/catalog/datasets/<id>`. */
export function datasetApiUrl(ref: DatasetRef): string {
  return `${ref.apiBase}/catalog/datasets/${encodeURIComponent(ref.datasetId)}`;
}

/** A stable identity for a dataset, for caches. */
export function datasetKey(ref: DatasetRef): string {
  return `${ref.kind} ${datasetApiUrl(ref)}`;
}
