/**
 * What a table cell shows for a dataset value: plain text (numbers and dates written for the page's
 * language), or a link when the value is an http(s) address or a file. Pure functions, no DOM: the
 * table renders the result with Lit text bindings, so nothing a dataset holds is ever parsed as HTML.
 */
import type { FieldInfo } from '../../data/metadata.js';
import { formatDate } from '../../format/date.js';
import { translate } from '../../format/messages-table.js';
import { formatNumber } from '../../format/number.js';
import type { Locale } from '../../format/locale.js';

/** One piece of a cell: text, and the address it links to when it is a safe link. */
export interface CellPart {
  text: string;
  /** An absolute http(s) address, checked; absent for plain text. */
  href?: string;
}

/** How to write values. */
export interface CellFormat {
  /** Language tag for Intl (`fr-FR`). */
  tag: string;
  /** Translation table. */
  locale: Locale;
}

/** Field types that hold geometry. */
export const GEO_TYPES: ReadonlySet<string> = new Set(['geo_point_2d', 'geo_shape']);

/** Whether the portal can order records by this field (see `FieldInfo.sortable`): its header is a sort button. */
export function isSortable(field: Pick<FieldInfo, 'sortable'>): boolean {
  return field.sortable === true;
}

/** Whether a field holds numbers (right-aligned, tabular figures). */
export function isNumeric(field: Pick<FieldInfo, 'type'>): boolean {
  return field.type === 'int' || field.type === 'double';
}

/**
 * The address a value links to: only an absolute `http:` or `https:` URL, as the URL parser reads it.
 * `javascript:`, `data:`, `vbscript:`, protocol-relative and relative addresses give undefined.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_JSON = 200;

/** Short text for an object nobody designed a cell for (json_blob): its JSON, cut. */
function jsonText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    text = String(value);
  }
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}…` : text;
}

function coordinate(value: number, format: CellFormat): string {
  return formatNumber(value, { locale: format.tag, decimals: 5 });
}

/** A point `{lon, lat}` (v2.1) or `[lat, lon]` (v1), as short text. */
function pointText(value: unknown, format: CellFormat): string | undefined {
  let lat: unknown;
  let lon: unknown;
  if (isObject(value)) {
    lat = value.lat;
    lon = value.lon;
  } else if (Array.isArray(value) && value.length === 2) {
    [lat, lon] = value;
  }
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  return translate(format.locale, 'table.point', { lat: coordinate(lat, format), lon: coordinate(lon, format) });
}

/** A GeoJSON Feature or geometry, as its kind (`Polygon`). */
function shapeText(value: unknown, format: CellFormat): string | undefined {
  if (!isObject(value)) return undefined;
  const geometry = value.type === 'Feature' && isObject(value.geometry) ? value.geometry : value;
  if (typeof geometry.type !== 'string') return undefined;
  return translate(format.locale, 'table.shape', { type: geometry.type });
}

/** One value (an element of a multivalued one) as a cell part. */
function part(value: unknown, field: FieldInfo, format: CellFormat): CellPart | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const type = field.type;
  if (type === 'int' || type === 'double') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (Number.isFinite(n)) {
      const options: Parameters<typeof formatNumber>[1] = { locale: format.tag };
      if (field.decimals !== undefined) options.decimals = field.decimals;
      if (field.unit !== undefined) options.unit = field.unit;
      return { text: formatNumber(n, options) };
    }
  }
  if ((type === 'date' || type === 'datetime') && (typeof value === 'string' || typeof value === 'number')) {
    return { text: formatDate(value, { locale: format.tag, missing: String(value) }) };
  }
  if (typeof value === 'boolean') return { text: translate(format.locale, value ? 'table.yes' : 'table.no') };
  if (typeof value === 'number') return { text: formatNumber(value, { locale: format.tag }) };
  if (typeof value === 'string') {
    const href = safeHref(value);
    return href === undefined ? { text: value } : { text: value.trim(), href };
  }
  if (type === 'geo_point_2d') {
    const text = pointText(value, format);
    if (text !== undefined) return { text };
  }
  if (type === 'geo_shape' || (isObject(value) && value.type === 'Feature')) {
    const text = shapeText(value, format);
    if (text !== undefined) return { text };
  }
  if (isObject(value) && typeof value.url === 'string') {
    // A file or an image: a link named by its file name.
    const name = typeof value.filename === 'string' && value.filename.trim() !== '' ? value.filename.trim() : '';
    const href = safeHref(value.url);
    const text = name || (href === undefined ? value.url : translate(format.locale, 'table.file'));
    return href === undefined ? { text } : { text, href };
  }
  return { text: jsonText(value) };
}

/**
 * What a cell shows for `value` of `field`: no part for a missing value, one part for a value, one
 * per element for a multivalued value (the table joins them with commas).
 */
export function cellParts(value: unknown, field: FieldInfo, format: CellFormat): CellPart[] {
  // An array is a multivalued value, except a v1 point ([lat, lon]).
  if (Array.isArray(value) && !(field.type === 'geo_point_2d' && pointText(value, format) !== undefined)) {
    return value.map((v) => part(v, field, format)).filter((p): p is CellPart => p !== undefined);
  }
  const one = part(value, field, format);
  return one === undefined ? [] : [one];
}
