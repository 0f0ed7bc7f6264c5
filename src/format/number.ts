/**
 * Number formatting with `Intl.NumberFormat`, formatters cached per option set.
 *
 * The options are what a `vitrine-figure` (or a chart axis, a table column) exposes as attributes:
 * `compact`, `decimals`, `percent`, `currency`, `unit`. Defaults are merged once, here.
 */
import { resolveIntlLocale } from './locale.js';

/** How to write a number. Every field is optional. */
export interface NumberFormatOptions {
  /** Language tag (e.g. the nearest `lang` attribute). Default `en`. */
  locale?: string;
  /** Short form: `69 M`, `1,2 k` in French; `69M`, `1.2K` in English. Default false. */
  compact?: boolean;
  /**
   * Exactly this many digits after the decimal separator (0–20). Default: up to 2 (percentages up to 1;
   * currencies none for whole amounts, else the currency's; compact: Intl's).
   */
  decimals?: number;
  /**
   * The value is a ratio, written as a percentage: `0.125` → `12.5%` / `12,5 %`. For values that already
   * are percentages (`12.5`), use `unit: '%'` instead.
   */
  percent?: boolean;
  /** ISO 4217 currency code (`EUR`, `USD`): `1 234,50 €` / `€1,234.50`. */
  currency?: string;
  /**
   * Free unit written after the number with a no-break space: `12 km`, `3 habitants`. `%` follows the
   * locale's percent spacing (`12.5%`, `12,5 %`). Ignored when `percent` or `currency` is set.
   */
  unit?: string;
  /** Sign display, e.g. `exceptZero` for a change (`+12`, `-3`, `0`). Default `auto`. */
  sign?: 'auto' | 'always' | 'exceptZero' | 'never';
  /** What to write for null, undefined, NaN or an infinite value. Default `–` (en dash). */
  missing?: string;
}

interface ResolvedNumberFormat {
  locale: string;
  compact: boolean;
  decimals: number | undefined;
  percent: boolean;
  currency: string | undefined;
  unit: string | undefined;
  sign: 'auto' | 'always' | 'exceptZero' | 'never';
  missing: string;
}

const DEFAULTS: ResolvedNumberFormat = {
  locale: 'en',
  compact: false,
  decimals: undefined,
  percent: false,
  currency: undefined,
  unit: undefined,
  sign: 'auto',
  missing: '–',
};

const NBSP = '\u00a0';

function resolve(options: NumberFormatOptions): ResolvedNumberFormat {
  const merged = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  merged.locale = resolveIntlLocale(options.locale);
  if (merged.decimals !== undefined) {
    if (!Number.isInteger(merged.decimals) || merged.decimals < 0 || merged.decimals > 20) {
      throw new RangeError(`decimals must be a whole number between 0 and 20, got ${String(merged.decimals)}`);
    }
  }
  if (merged.currency !== undefined) {
    const code = merged.currency.trim().toUpperCase();
    if (!isCurrencyCode(code)) throw new RangeError(`"${merged.currency}" is not an ISO 4217 currency code`);
    merged.currency = code;
  }
  if (merged.unit !== undefined && merged.unit.trim() === '') merged.unit = undefined;
  return merged;
}

/** Whether `code` is a three-letter currency code that this runtime's Intl accepts (`EUR`, `usd`). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code.trim())) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code.trim() });
    return true;
  } catch {
    return false;
  }
}

function intlOptions(o: ResolvedNumberFormat): Intl.NumberFormatOptions {
  const result: Intl.NumberFormatOptions = { signDisplay: o.sign };
  if (o.percent) result.style = 'percent';
  else if (o.currency !== undefined) {
    result.style = 'currency';
    result.currency = o.currency;
  } else if (o.unit === '%') {
    result.style = 'unit';
    result.unit = 'percent';
  }
  if (o.compact) result.notation = 'compact';
  if (o.decimals !== undefined) {
    result.minimumFractionDigits = o.decimals;
    result.maximumFractionDigits = o.decimals;
  } else if (!o.compact) {
    // Percentages read best with at most one decimal, amounts with at most two.
    result.maximumFractionDigits = o.percent || o.unit === '%' ? 1 : 2;
    if (o.currency !== undefined) {
      // Money: whole amounts without decimals, others with all of the currency's (1 234 €, 1 234,50 €).
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: o.currency }).resolvedOptions()
        .maximumFractionDigits;
      result.minimumFractionDigits = digits;
      result.maximumFractionDigits = digits;
      (result as Intl.NumberFormatOptions & { trailingZeroDisplay?: string }).trailingZeroDisplay = 'stripIfInteger';
    }
  }
  return result;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The (cached) `Intl.NumberFormat` for these options; the free `unit` suffix is not part of it. */
export function getNumberFormat(options: NumberFormatOptions = {}): Intl.NumberFormat {
  const resolved = resolve(options);
  const intl = intlOptions(resolved);
  const key = `${resolved.locale}|${JSON.stringify(intl)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(resolved.locale, intl);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Writes a number for a person.
 *
 * @throws RangeError when `decimals` or `currency` is invalid (report it as a bad attribute).
 * @example formatNumber(68952941, { locale: 'fr', compact: true }) // '69 M'
 * @example formatNumber(0.125, { locale: 'en', percent: true }) // '12.5%'
 * @example formatNumber(1234, { locale: 'fr', unit: 'habitants' }) // '1 234 habitants'
 */
export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  const resolved = resolve(options);
  if (value === null || value === undefined || !Number.isFinite(value)) return resolved.missing;
  const text = getNumberFormat(options).format(value);
  const suffix = resolved.unit;
  if (suffix === undefined || suffix === '%' || resolved.percent || resolved.currency !== undefined) return text;
  return `${text}${NBSP}${suffix.trim()}`;
}
