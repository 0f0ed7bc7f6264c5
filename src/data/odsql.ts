/**
 * ODSQL literals: the only way values and field names enter an Explore v2.1 query.
 *
 * A filter value can never change the query: strings are always double-quoted with `\` and `"`
 * escaped (and line breaks written as escapes), numbers are rendered only from finite numbers, dates
 * only from strings that match a strict date pattern, and field names are back-quoted unless they are
 * plain identifiers that are not reserved words. Names that cannot be quoted safely are refused.
 */
import { VitrineDataError } from './errors.js';

/**
 * ODSQL reserved words (case-insensitive); a field with such a name must be back-quoted. The documented
 * list, plus other keywords of the grammar (`in`, `is`, `like`…) and the literal prefixes `date`/`geom`:
 * back-quoting a name that did not need it is harmless.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'and as asc avg by count date_format day dayofweek desc distinct equi false group hour ifnull or ' +
    'limit lower max millisecond min minute month not null quarter range search second select sum top ' +
    'true upper where year in is like median offset order date geom'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` can be written without back-quotes. */
export function isPlainIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_WORDS.has(name.toLowerCase());
}

/**
 * A field name for an ODSQL expression: as is when it is a plain identifier, else back-quoted
 * (`` `and` ``, `` `2020` ``). Names that contain a back-quote or a control character are refused,
 * as there is no documented way to escape them.
 *
 * @throws VitrineDataError `bad-attribute` for an empty or unquotable name.
 */
export function quoteField(name: string): string {
  if (isPlainIdentifier(name)) return name;
  // eslint-disable-next-line no-control-regex
  if (name === '' || /[`\u0000-\u001f\u007f\u2028\u2029]/.test(name)) {
    throw new VitrineDataError('bad-attribute', {
      value: name,
      reason: { key: 'reason.field-name', params: { field: name } },
      example: 'population',
    });
  }
  return `\`${name}\``;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * A string literal: `"…"`, with backslash, double quote and control characters escaped, so the value
 * cannot end the literal whatever it contains.
 *
 * @example quoteString('") OR ("') // '"\\") OR (\\""'
 */
export function quoteString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const body = value.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

/**
 * A number literal from a finite number, without exponent notation.
 *
 * @throws VitrineDataError `bad-attribute` for NaN or an infinite value.
 */
export function numberLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new VitrineDataError('bad-attribute', {
      value: String(value),
      reason: { key: 'reason.expected-number', params: { value: String(value) } },
      example: '1000',
    });
  }
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Dates an ODSQL `date'…'` literal accepts and that contain nothing to escape. */
export const DATE_PATTERN =
  /^\d{4}(?:[-/]\d{2}(?:[-/]\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Whether `value` is a date an ODSQL date literal accepts (`2020`, `2020-05`, `2020-05-17T08:02`…). */
export function isDateText(value: string): boolean {
  return DATE_PATTERN.test(value);
}

/**
 * A date literal, `date'2020-05-17'`. Only strings matching {@link DATE_PATTERN} are accepted, so the
 * quote can never be closed early.
 *
 * @throws VitrineDataError `bad-attribute` for anything else.
 */
export function dateLiteral(value: string): string {
  const text = value.trim();
  if (!DATE_PATTERN.test(text)) {
    throw new VitrineDataError('bad-attribute', {
      value,
      reason: { key: 'reason.expected-date', params: { value } },
      example: '2024-01-31',
    });
  }
  return `date'${text}'`;
}

/** `true` or `false`. */
export function booleanLiteral(value: boolean): string {
  return value ? 'true' : 'false';
}
