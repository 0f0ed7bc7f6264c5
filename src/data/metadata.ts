/**
 * Dataset metadata: fetched once per dataset (per HTTP client), then used to label fields, type
 * filter values, and check every field an attribute names before any data query is sent — so a typo
 * shows `unknown field "popluation" in the value attribute: did you mean "population"?` rather than a
 * portal error.
 */
import { type DataErrorDetails, VitrineDataError, isVitrineDataError } from './errors.js';
import { isObject, parseExploreError } from './explore-common.js';
import { type HttpClient, getHttpClient } from './http.js';
import { type FieldUse, type Query, fieldUses } from './query.js';
import { type DatasetRef, datasetApiUrl, datasetKey } from './source-url.js';

/** Field types of the Explore API (other portals map onto them). */
export type FieldType =
  | 'text'
  | 'int'
  | 'double'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'geo_point_2d'
  | 'geo_shape'
  | 'file'
  | 'json_blob'
  | (string & {});

/** What Vitrine knows of a field. */
export interface FieldInfo {
  name: string;
  /** Human label (falls back to the name). */
  label: string;
  type: FieldType;
  description?: string;
  /** Holds several values (`codes_postaux`). */
  multivalued: boolean;
  /** Declared as a facet (filter widgets can list its values with counts). */
  facet: boolean;
  /**
   * The portal can order records by it: numbers and dates always, text only when the dataset's
   * publisher marked it sortable (the `sortable` annotation); other types never.
   */
  sortable?: boolean;
  /** Unit declared by the portal (`€`, `km`), if any. */
  unit?: string;
  /** Decimals declared by the portal, if any. */
  decimals?: number;
}

/** What Vitrine knows of a dataset. */
export interface DatasetMetadata {
  datasetId: string;
  title?: string;
  description?: string;
  recordsCount?: number;
  /** ISO 8601. */
  modified?: string;
  license?: string;
  timezone?: string;
  /** `geo`, `analyze`, `timeserie`… */
  features: string[];
  fields: FieldInfo[];
}

/** Types a portal orders records by without being asked to (text needs the `sortable` annotation). */
const ALWAYS_SORTABLE = new Set(['int', 'double', 'date', 'datetime']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function annotation(annotations: unknown, name: string): unknown[] | undefined {
  if (isObject(annotations)) {
    const value = annotations[name];
    if (Array.isArray(value)) return value;
    if (value === true) return [];
    if (value !== undefined && value !== null && value !== false) return [value];
  }
  // v2.0 style: [{name: 'facet', args: […]}]
  if (Array.isArray(annotations)) {
    const found = annotations.find((a) => isObject(a) && a.name === name);
    if (isObject(found)) return Array.isArray(found.args) ? found.args : [];
  }
  return undefined;
}

/**
 * Reads a dataset object (`/catalog/datasets/<id>`): v2.1 `{dataset_id, metas: {default}, fields}`,
 * and tolerantly v2.0 `{dataset: {…}}`.
 *
 * @throws VitrineDataError `malformed`
 */
export function parseDatasetMetadata(body: unknown, url?: string): DatasetMetadata {
  const root = isObject(body) && isObject(body.dataset) ? body.dataset : body;
  if (!isObject(root) || !Array.isArray(root.fields)) {
    throw new VitrineDataError(
      'malformed',
      url === undefined ? { reason: { key: 'reason.shape' } } : { url, reason: { key: 'reason.shape' } },
    );
  }
  const metas = isObject(root.metas) ? (isObject(root.metas.default) ? root.metas.default : root.metas) : {};
  const fields: FieldInfo[] = [];
  for (const raw of root.fields) {
    if (!isObject(raw)) continue;
    const name = text(raw.name);
    if (name === undefined) continue;
    const field: FieldInfo = {
      name,
      label: text(raw.label) ?? name,
      type: text(raw.type) ?? 'text',
      multivalued: annotation(raw.annotations, 'multivalued') !== undefined,
      facet: annotation(raw.annotations, 'facet') !== undefined,
    };
    if (ALWAYS_SORTABLE.has(field.type) || (field.type === 'text' && annotation(raw.annotations, 'sortable')))
      field.sortable = true;
    const description = text(raw.description);
    if (description !== undefined) field.description = description;
    const unit = annotation(raw.annotations, 'unit')?.[0];
    if (typeof unit === 'string' && unit !== '') field.unit = unit;
    const decimals = Number(annotation(raw.annotations, 'decimals')?.[0]);
    if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 20) field.decimals = decimals;
    fields.push(field);
  }
  const meta: DatasetMetadata = {
    datasetId: text(root.dataset_id) ?? text(root.datasetid) ?? '',
    features: Array.isArray(root.features) ? root.features.filter((f): f is string => typeof f === 'string') : [],
    fields,
  };
  const title = text(metas.title);
  if (title !== undefined) meta.title = title;
  const description = text(metas.description);
  if (description !== undefined) meta.description = description;
  if (typeof metas.records_count === 'number') meta.recordsCount = metas.records_count;
  const modified = text(metas.modified);
  if (modified !== undefined) meta.modified = modified;
  const license = text(metas.license);
  if (license !== undefined) meta.license = license;
  const timezone = text(metas.timezone);
  if (timezone !== undefined) meta.timezone = timezone;
  return meta;
}

/** Options of {@link fetchMetadata}. Every field is optional. */
export interface MetadataOptions {
  /** Default: the page-wide client. */
  client?: HttpClient;
  signal?: AbortSignal;
  /** Fetch again (e.g. after the dataset changed). */
  refresh?: boolean;
}

const METADATA_TTL = 60 * 60 * 1000;
const metadataCache = new WeakMap<HttpClient, Map<string, DatasetMetadata>>();

/**
 * The dataset's metadata, fetched once per dataset and client, then served from memory. Concurrent
 * calls share one request (through the client).
 *
 * @throws VitrineDataError `not-found` (naming the dataset and the `src` attribute), and the client's errors.
 */
export async function fetchMetadata(ref: DatasetRef, options: MetadataOptions = {}): Promise<DatasetMetadata> {
  const client = options.client ?? getHttpClient();
  let cache = metadataCache.get(client);
  if (cache === undefined) {
    cache = new Map();
    metadataCache.set(client, cache);
  }
  const key = datasetKey(ref);
  const known = cache.get(key);
  if (known !== undefined && !options.refresh) return known;
  const url = datasetApiUrl(ref);
  const request: Parameters<HttpClient['getJson']>[1] = { ttl: METADATA_TTL, describeError: parseExploreError };
  if (options.signal !== undefined) request.signal = options.signal;
  if (options.refresh) request.refresh = true;
  try {
    const body = await client.getJson(url, request);
    const meta = parseDatasetMetadata(body, url);
    if (meta.datasetId === '') meta.datasetId = ref.datasetId;
    cache.set(key, meta);
    return meta;
  } catch (error) {
    if (isVitrineDataError(error)) {
      const more: DataErrorDetails = { dataset: ref.datasetId };
      if (error.details.attribute === undefined) more.attribute = 'src';
      throw error.withDetails(more);
    }
    throw error;
  }
}

/** The field called `name`, if any. */
export function findField(meta: DatasetMetadata, name: string): FieldInfo | undefined {
  return meta.fields.find((f) => f.name === name);
}

/** Distance between two strings (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The field a mistyped name most likely meant: same name in another case, a field whose label is
 * that text (`Population` → `population`), the only name it abbreviates (`dep` → `departement`), or the
 * nearest name within a few edits (one per three letters). Undefined if none.
 */
export function suggestField(name: string, fields: readonly Pick<FieldInfo, 'name' | 'label'>[]): string | undefined {
  const wanted = normalize(name);
  if (wanted === '') return undefined;
  for (const f of fields) if (normalize(f.name) === wanted || normalize(f.label) === wanted) return f.name;
  // An abbreviation of exactly one name: `dep` → `departement`.
  if (wanted.length >= 3) {
    const prefixed = fields.filter((f) => normalize(f.name).startsWith(wanted));
    if (prefixed.length === 1) return prefixed[0]?.name;
  }
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3)) + 1;
  for (const f of fields) {
    const distance = Math.min(editDistance(wanted, normalize(f.name)), editDistance(wanted, normalize(f.label)));
    if (distance < bestDistance) {
      best = f.name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Attribute names by field role, for error messages. */
export type AttributeNames = Partial<Record<FieldUse['role'] | 'where' | 'limit' | 'offset', string>>;

const DEFAULT_ATTRIBUTES: Required<Record<FieldUse['role'], string>> = {
  measure: 'value',
  group: 'x',
  filter: 'filter',
  sort: 'sort',
  select: 'columns',
  facet: 'field',
  geo: 'geo',
};

const NUMERIC = new Set(['int', 'double']);
const ORDERABLE = new Set(['int', 'double', 'date', 'datetime']);
const DATES = new Set(['date', 'datetime']);

function unknownField(meta: DatasetMetadata, field: string, attribute: string): VitrineDataError {
  const names = meta.fields.map((f) => f.name);
  const details: DataErrorDetails = {
    field,
    attribute,
    dataset: meta.datasetId,
    fields: names.length > 40 ? [...names.slice(0, 40), '…'] : names,
  };
  const suggestion = suggestField(field, meta.fields);
  if (suggestion !== undefined) details.suggestion = suggestion;
  return new VitrineDataError('unknown-field', details);
}

/**
 * Checks that every field exists and fits its role: `sum`, `avg`, `median` need a number field;
 * `min`, `max` a number or a date; a time unit a date; clusters a geographic point.
 *
 * @throws VitrineDataError `unknown-field` (with the dataset's fields and a suggestion) or `bad-attribute`.
 */
export function validateFields(
  meta: DatasetMetadata,
  uses: readonly FieldUse[],
  attributes: AttributeNames = {},
): void {
  for (const use of uses) {
    const attribute = attributes[use.role] ?? DEFAULT_ATTRIBUTES[use.role];
    const field = findField(meta, use.field);
    if (field === undefined) throw unknownField(meta, use.field, attribute);
    const bad = (
      key: 'reason.measure-numeric' | 'reason.measure-orderable' | 'reason.date-field' | 'reason.geo-field',
      example: string,
    ) =>
      new VitrineDataError('bad-attribute', {
        attribute,
        value: use.op === undefined ? use.field : `${use.op}(${use.field})`,
        field: use.field,
        dataset: meta.datasetId,
        reason: { key, params: { op: use.op ?? '', field: use.field, type: field.type } },
        example,
      });
    const firstOf = (types: Set<string>) => meta.fields.find((f) => types.has(f.type))?.name ?? 'x';
    if (
      use.role === 'measure' &&
      (use.op === 'sum' || use.op === 'avg' || use.op === 'median') &&
      !NUMERIC.has(field.type)
    ) {
      throw bad('reason.measure-numeric', `${use.op}(${firstOf(NUMERIC)})`);
    }
    if (use.role === 'measure' && (use.op === 'min' || use.op === 'max') && !ORDERABLE.has(field.type)) {
      throw bad('reason.measure-orderable', `${use.op}(${firstOf(ORDERABLE)})`);
    }
    if (use.role === 'group' && use.timeUnit !== undefined && !DATES.has(field.type)) {
      throw bad('reason.date-field', `${use.timeUnit}(${firstOf(DATES)})`);
    }
    if (use.role === 'geo' && field.type !== 'geo_point_2d') {
      throw bad('reason.geo-field', firstOf(new Set(['geo_point_2d'])));
    }
  }
}

/** {@link validateFields} for every field a query uses. */
export function validateQuery(meta: DatasetMetadata, query: Query, attributes: AttributeNames = {}): void {
  validateFields(meta, fieldUses(query), attributes);
}
