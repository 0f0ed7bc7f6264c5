/**
 * Popups of `vitrine-map`, and the text of values shown in popups, the feature table and the legend.
 *
 * Everything from a dataset is text: popups are built with `createElement` and `textContent`, never
 * `innerHTML`; a value becomes a link only when it is an absolute http(s) address.
 * @module
 */
import type { FieldInfo } from '../../data/metadata.js';
import { formatDate } from '../../format/date.js';
import { formatNumber, type NumberFormatOptions } from '../../format/number.js';

/** A field shown in a popup or a table column: its name, label and type, and how to write numbers. */
export interface ShownField {
  name: string;
  label: string;
  type: FieldInfo['type'];
  /** Number options (decimals, unit, percent) for this field. */
  number?: NumberFormatOptions;
}

/** The field for a name, with the label and unit the portal declares. */
export function shownField(field: FieldInfo, number: NumberFormatOptions = {}): ShownField {
  const options: NumberFormatOptions = { ...number };
  if (options.decimals === undefined && field.decimals !== undefined) options.decimals = field.decimals;
  if (options.unit === undefined && !options.percent && field.unit !== undefined) options.unit = field.unit;
  return { name: field.name, label: field.label, type: field.type, number: options };
}

/** The address a value points to, when it is an absolute http(s) address; else undefined. */
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

/** The text of a value for a person (numbers and dates in the page's language). */
export function valueText(
  value: unknown,
  field: Pick<ShownField, 'type' | 'number'> | undefined,
  locale: string,
  missing = '–',
): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return missing;
  if (Array.isArray(value)) return value.map((v) => valueText(v, field, locale, missing)).join(', ');
  if (typeof value === 'number') return formatNumber(value, { ...field?.number, locale });
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && (field?.type === 'date' || field?.type === 'datetime')) {
    return formatDate(value, { locale });
  }
  if (typeof value === 'object') return missing;
  return String(value);
}

/** Options of {@link buildPopup}. */
export interface PopupContent {
  fields: readonly ShownField[];
  properties: Readonly<Record<string, unknown>>;
  locale: string;
  /** A heading above the fields (e.g. the area's name), as text. */
  heading?: string;
  /** Text for a missing value. */
  missing?: string;
}

/**
 * The popup's content: an optional heading, then one label/value pair per field, as DOM nodes whose
 * text is set with `textContent`. Links (http and https only) open in a new tab without referrer.
 */
export function buildPopup(content: PopupContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'vitrine-popup';
  if (content.heading !== undefined && content.heading !== '') {
    const heading = document.createElement('p');
    heading.className = 'vitrine-popup-heading';
    heading.textContent = content.heading;
    root.append(heading);
  }
  const list = document.createElement('dl');
  for (const field of content.fields) {
    const term = document.createElement('dt');
    term.textContent = field.label;
    const detail = document.createElement('dd');
    const value = content.properties[field.name];
    const href = safeHref(value);
    if (href !== undefined) {
      const link = document.createElement('a');
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = String(value).trim();
      detail.append(link);
    } else {
      detail.textContent = valueText(value, field, content.locale, content.missing);
    }
    list.append(term, detail);
  }
  if (content.fields.length > 0) root.append(list);
  return root;
}
