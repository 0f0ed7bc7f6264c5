/**
 * Vega's number and time locale definitions (d3-format, d3-time-format) built from `Intl` for a
 * language tag, so axes that vega formats itself (time axes, plain numbers) read like the rest of the
 * page: `janvier`, `1 234,5`. Given to each view (per-view locale: two charts in two languages on one
 * page do not interfere). Pure.
 */

/** A d3-format locale definition. */
export interface NumberLocaleDefinition {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  minus: string;
}

/** A d3-time-format locale definition. */
export interface TimeLocaleDefinition {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** What a vega view takes as its `locale` option. */
export interface VegaLocale {
  number: NumberLocaleDefinition;
  time: TimeLocaleDefinition;
}

const cache = new Map<string, VegaLocale>();

/** A d3 pattern from Intl's parts of a known moment: `22/11/2001` → `%d/%m/%Y`. */
function pattern(tag: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  const parts = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).formatToParts(date);
  return parts
    .map((p) => {
      switch (p.type) {
        case 'year':
          return '%Y';
        case 'month':
          return '%m';
        case 'day':
          return '%d';
        case 'hour':
          return options.hour12 === false ? '%H' : '%I';
        case 'minute':
          return '%M';
        case 'second':
          return '%S';
        case 'dayPeriod':
          return '%p';
        default:
          return p.value.replace(/%/g, '%%');
      }
    })
    .join('');
}

/** The vega locale for a language tag. */
export function vegaLocale(tag: string): VegaLocale {
  const known = cache.get(tag);
  if (known) return known;
  const numberParts = new Intl.NumberFormat(tag).formatToParts(-1234567.5);
  const part = (type: string, fallback: string) => numberParts.find((p) => p.type === type)?.value ?? fallback;
  // 2001-01-07 is a Sunday: d3 lists days from Sunday.
  const day = (i: number) => new Date(Date.UTC(2001, 0, 7 + i, 12));
  const month = (i: number) => new Date(Date.UTC(2001, i, 15, 12));
  const names = (options: Intl.DateTimeFormatOptions, dates: Date[]) => {
    const f = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
    return dates.map((d) => f.format(d));
  };
  const hour12 = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hour12 ?? false;
  const periodOf = (hour: number) =>
    new Intl.DateTimeFormat(tag, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2001, 0, 1, hour)))
      .find((p) => p.type === 'dayPeriod')?.value ?? (hour < 12 ? 'AM' : 'PM');
  const sample = new Date(Date.UTC(2001, 10, 22, 13, 4, 5));
  const locale: VegaLocale = {
    number: {
      decimal: part('decimal', '.'),
      thousands: part('group', ','),
      grouping: [3],
      currency: ['', ''],
      minus: part('minusSign', '\u2212'),
    },
    time: {
      dateTime: `${pattern(tag, { year: 'numeric', month: '2-digit', day: '2-digit' }, sample)} ${pattern(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12 }, sample)}`,
      date: pattern(tag, { year: 'numeric', month: '2-digit', day: '2-digit' }, sample),
      time: pattern(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12 }, sample),
      periods: [periodOf(1), periodOf(13)],
      days: names({ weekday: 'long' }, [0, 1, 2, 3, 4, 5, 6].map(day)),
      shortDays: names({ weekday: 'short' }, [0, 1, 2, 3, 4, 5, 6].map(day)),
      months: names({ month: 'long' }, [...Array(12).keys()].map(month)),
      shortMonths: names({ month: 'short' }, [...Array(12).keys()].map(month)),
    },
  };
  cache.set(tag, locale);
  return locale;
}
