/**
 * Dates and time periods for people, with `Intl.DateTimeFormat` (formatters cached).
 *
 * Grouped queries return one row per period; the data layer names each period with a canonical key
 * that sorts as text and carries no time zone (the portal already bucketed it in the requested zone):
 *
 * | unit    | key                |
 * |---------|--------------------|
 * | year    | `2024`             |
 * | quarter | `2024-Q1`          |
 * | month   | `2024-03`          |
 * | week    | `2024-03-04` (the Monday starting the ISO week) |
 * | day     | `2024-03-04`       |
 * | hour    | `2024-03-04T14:00` |
 *
 * Such "floating" keys are formatted as they read (in UTC internally), never shifted by the viewer's
 * zone; instants with an offset (`2024-03-04T14:00:00+01:00`) are shown in `timeZone`.
 */
import { resolveIntlLocale } from './locale.js';
import { translate } from './messages.js';
import type { TimeUnit } from './time-units.js';

export { TIME_UNITS, type TimeUnit, isTimeUnit } from './time-units.js';

/** How to write a date or a period. Every field is optional. */
export interface DateFormatOptions {
  /** Language tag. Default `en`. */
  locale?: string;
  /** `long` (`March 2024`, default) or `short` (`Mar 2024`, `04/03/2024`). */
  style?: 'long' | 'short';
  /** IANA zone for instants that carry an offset (`Europe/Paris`). Default: the runtime's zone. */
  timeZone?: string;
  /** What to write for a missing or unreadable value. Default `–`. */
  missing?: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Monday (UTC) that starts ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4 - jan4Day * 86_400_000 + (week - 1) * 7 * 86_400_000);
}

/** A moment parsed from a value, and whether it is floating (a calendar reading with no zone). */
interface Parsed {
  date: Date;
  floating: boolean;
}

const FLOATING = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?)?$/;

function parseValue(value: string | number | Date, unit: TimeUnit | undefined): Parsed | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, floating: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // A bare integer is a year when grouping by year (portals return year(d) as a number).
    if (Number.isInteger(value) && value >= 0 && value < 10000 && (unit === 'year' || unit === undefined)) {
      return { date: new Date(Date.UTC(value, 0, 1)), floating: true };
    }
    return { date: new Date(value), floating: false };
  }
  const text = value.trim();
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (quarter) return { date: new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1)), floating: true };
  const week = /^(\d{4})-?W(\d{1,2})$/i.exec(text);
  if (week) return { date: isoWeekStart(Number(week[1]), Number(week[2])), floating: true };
  const m = FLOATING.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
    const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0));
    // Date.UTC maps years 0–99 to 1900–1999.
    date.setUTCFullYear(y ?? 0);
    return Number.isNaN(date.getTime()) ? null : { date, floating: true };
  }
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : { date: instant, floating: false };
}

/**
 * The canonical key (see the module comment) of the period of `unit` containing `value`, or null when
 * the value cannot be read as a date. Floating values keep their calendar reading; instants are read in UTC.
 *
 * @example periodKey('2024-03-06', 'week') // '2024-03-04'
 * @example periodKey('2024-05-17', 'quarter') // '2024-Q2'
 */
export function periodKey(value: string | number | Date, unit: TimeUnit): string | null {
  const parsed = parseValue(value, unit);
  if (parsed === null) return null;
  const d = parsed.date;
  const y = pad(d.getUTCFullYear(), 4);
  switch (unit) {
    case 'year':
      return y;
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'month':
      return `${y}-${pad(d.getUTCMonth() + 1)}`;
    case 'week': {
      const monday = new Date(
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * 86_400_000,
      );
      return `${pad(monday.getUTCFullYear(), 4)}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    }
    case 'day':
      return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case 'hour':
      return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:00`;
  }
}

/** The first instant (UTC, floating) of a period key, or null. */
export function periodStart(key: string | number, unit?: TimeUnit): Date | null {
  const parsed = parseValue(key, unit);
  return parsed === null ? null : parsed.date;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

function partsFor(unit: TimeUnit | undefined, style: 'long' | 'short', hasTime: boolean): Intl.DateTimeFormatOptions {
  switch (unit) {
    case 'year':
      return { year: 'numeric' };
    case 'month':
      return { year: 'numeric', month: style === 'long' ? 'long' : 'short' };
    case 'week':
    case 'day':
      return { dateStyle: style === 'long' ? 'medium' : 'short' };
    case 'hour':
      return { dateStyle: style === 'long' ? 'medium' : 'short', timeStyle: 'short' };
    default:
      return hasTime
        ? { dateStyle: style === 'long' ? 'medium' : 'short', timeStyle: 'short' }
        : { dateStyle: style === 'long' ? 'medium' : 'short' };
  }
}

/**
 * Writes a date, or the period of `unit` it belongs to, for a person.
 *
 * @example formatPeriod('2024-03', 'month', { locale: 'fr' }) // 'mars 2024'
 * @example formatPeriod('2024-Q1', 'quarter', { locale: 'fr' }) // 'T1 2024'
 * @example formatPeriod('2024-03-04', 'week', { locale: 'en' }) // 'Week of Mar 4, 2024'
 */
export function formatPeriod(
  value: string | number | Date | null | undefined,
  unit?: TimeUnit,
  options: DateFormatOptions = {},
): string {
  const missing = options.missing ?? '–';
  if (value === null || value === undefined || value === '') return missing;
  const parsed = parseValue(value, unit);
  if (parsed === null) return missing;
  const locale = resolveIntlLocale(options.locale);
  const style = options.style ?? 'long';
  const zone = parsed.floating ? 'UTC' : options.timeZone;
  const hasTime = !parsed.floating || parsed.date.getUTCHours() !== 0 || parsed.date.getUTCMinutes() !== 0;
  const base: Intl.DateTimeFormatOptions = zone === undefined ? {} : { timeZone: zone };
  if (unit === 'quarter') {
    const year = parsed.date.getUTCFullYear();
    const quarter = Math.floor(parsed.date.getUTCMonth() / 3) + 1;
    return translate(locale, 'period.quarter', { quarter, year });
  }
  const text = dateFormatter(locale, { ...base, ...partsFor(unit, style, hasTime) }).format(parsed.date);
  return unit === 'week' ? translate(locale, 'period.week', { date: text }) : text;
}

/** Writes a date or an instant (a table cell, a tooltip). Same as `formatPeriod(value, undefined, options)`. */
export function formatDate(value: string | number | Date | null | undefined, options: DateFormatOptions = {}): string {
  return formatPeriod(value, undefined, options);
}
