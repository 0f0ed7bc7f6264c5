// @ts-check
/**
 * Time zones, calendar arithmetic, date literals, datetime formatting and Joda-style date_format.
 *
 * Instants are epoch milliseconds (UTC). A "local" value is the wall-clock time of a zone expressed
 * as if it were UTC milliseconds (`local = utc + offset`), so calendar fields come out of plain
 * integer arithmetic without allocating Date objects.
 *
 * @module
 */

export const MS_SECOND = 1000;
export const MS_MINUTE = 60000;
export const MS_HOUR = 3600000;
export const MS_DAY = 86400000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(/** @type {number} */ y, /** @type {number} */ m, /** @type {number} */ d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number, written into `out` (no allocation when reused).
 * @param {number} z days since 1970-01-01
 * @param {number[]} out receives [year, month 1-12, day 1-31]
 */
export function civilFromDays(z, out) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
  return out;
}

/** @type {number[]} */
const YMD = [0, 0, 0];

/** Year of a local value. */
export const localYear = (/** @type {number} */ local) => civilFromDays(Math.floor(local / MS_DAY), YMD)[0];
/** Month (1-12) of a local value. */
export const localMonth = (/** @type {number} */ local) => civilFromDays(Math.floor(local / MS_DAY), YMD)[1];
/** Day of month of a local value. */
export const localDay = (/** @type {number} */ local) => civilFromDays(Math.floor(local / MS_DAY), YMD)[2];
/** Hour of a local value. */
export const localHour = (/** @type {number} */ local) => Math.floor(mod(local, MS_DAY) / MS_HOUR);
/** Minute of a local value. */
export const localMinute = (/** @type {number} */ local) => Math.floor(mod(local, MS_HOUR) / MS_MINUTE);
/** Second of a local value. */
export const localSecond = (/** @type {number} */ local) => Math.floor(mod(local, MS_MINUTE) / MS_SECOND);
/** Millisecond of a local value. */
export const localMillisecond = (/** @type {number} */ local) => mod(local, MS_SECOND);
/** ISO day of week, 1 = Monday … 7 = Sunday. */
export const localIsoWeekday = (/** @type {number} */ local) => mod(Math.floor(local / MS_DAY) + 3, 7) + 1;

/** @param {number} a @param {number} b */
export function mod(a, b) {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/** Local value of a calendar date and time (month 1-12; fields may overflow, like Date.UTC). */
export function localOf(/** @type {number} */ y, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0) {
  const extraYears = Math.floor((mo - 1) / 12);
  const month = mod(mo - 1, 12) + 1;
  return (
    (daysFromCivil(y + extraYears, month, 1) + (d - 1)) * MS_DAY + h * MS_HOUR + mi * MS_MINUTE + s * MS_SECOND + ms
  );
}

/** A time zone: offsets from the IANA database through Intl, cached per 15 minutes of time. */
export class Zone {
  /** @param {string} name */
  constructor(name) {
    this.name = name;
    const upper = name.toUpperCase();
    /** Fixed UTC: no Intl lookups at all. */
    this.isUTC =
      upper === 'UTC' ||
      upper === 'ETC/UTC' ||
      upper === 'GMT' ||
      upper === 'ETC/GMT' ||
      upper === 'Z' ||
      upper === 'UCT' ||
      upper === 'ZULU';
    /** @type {Intl.DateTimeFormat | undefined} */
    this.fmt = undefined;
    if (!this.isUTC) {
      this.fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    }
    /** @type {Map<number, { before: number, after: number, change: number | null }>} */
    this.cache = new Map();
  }

  /**
   * Offset in milliseconds (local − UTC) at an instant. Offsets are looked up once per UTC day
   * (two Intl calls); a day with a transition stores the instant of the change, found by bisection
   * to the minute.
   * @param {number} ms
   */
  offsetAt(ms) {
    if (this.isUTC) return 0;
    const day = Math.floor(ms / MS_DAY);
    let entry = this.cache.get(day);
    if (entry === undefined) {
      entry = this.dayEntry(day);
      if (this.cache.size > 200000) this.cache.clear();
      this.cache.set(day, entry);
    }
    return entry.change === null || ms < entry.change ? entry.before : entry.after;
  }

  /**
   * @param {number} day
   * @returns {{ before: number, after: number, change: number | null }}
   */
  dayEntry(day) {
    let lo = day * MS_DAY;
    let hi = lo + MS_DAY;
    const before = this.computeOffset(lo);
    const after = this.computeOffset(hi);
    if (before === after) return { before, after, change: null };
    while (hi - lo > MS_MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MS_MINUTE) * MS_MINUTE;
      if (mid <= lo || mid >= hi) break;
      if (this.computeOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, change: hi };
  }

  /** @param {number} ms */
  computeOffset(ms) {
    const parts = /** @type {Intl.DateTimeFormat} */ (this.fmt).formatToParts(new Date(ms));
    let y = 0,
      mo = 1,
      d = 1,
      h = 0,
      mi = 0,
      s = 0,
      bc = false;
    for (const p of parts) {
      switch (p.type) {
        case 'year':
          y = Number(p.value);
          break;
        case 'month':
          mo = Number(p.value);
          break;
        case 'day':
          d = Number(p.value);
          break;
        case 'hour':
          h = Number(p.value);
          break;
        case 'minute':
          mi = Number(p.value);
          break;
        case 'second':
          s = Number(p.value);
          break;
        case 'era':
          bc = p.value.startsWith('B');
          break;
      }
    }
    if (bc) y = 1 - y;
    const local = localOf(y, mo, d, h, mi, s);
    return local - Math.floor(ms / 1000) * 1000;
  }

  /** Local value of an instant. @param {number} ms */
  toLocal(ms) {
    return this.isUTC ? ms : ms + this.offsetAt(ms);
  }

  /**
   * Instant of a local wall-clock value. In a DST gap the time is moved forward (02:30 → 03:30);
   * in an overlap the earlier instant (summer time) is chosen.
   * @param {number} local
   */
  fromLocal(local) {
    if (this.isUTC) return local;
    const o1 = this.offsetAt(local);
    const u1 = local - o1;
    const o2 = this.offsetAt(u1);
    if (o1 === o2) {
      // Overlap: is there an earlier instant with a larger offset showing the same wall time?
      const o0 = this.offsetAt(u1 - MS_HOUR * 3);
      if (o0 > o1 && this.offsetAt(local - o0) === o0) return local - o0;
      return u1;
    }
    const u2 = local - o2;
    if (this.offsetAt(u2) === o2) return u2;
    // Gap: keep the offset in force before the transition.
    return local - Math.min(o1, o2);
  }
}

/** @type {Map<string, Zone>} */
const ZONES = new Map();

/**
 * The zone with this IANA name; throws a RangeError for an unknown name.
 * @param {string} name
 */
export function getZone(name) {
  let z = ZONES.get(name);
  if (!z) {
    z = new Zone(name);
    ZONES.set(name, z);
  }
  return z;
}

/** @param {number} n */
const pad2 = (n) => (n < 10 ? '0' + n : String(n));
/** @param {number} n */
const pad3 = (n) => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));
/** @param {number} y */
function pad4(y) {
  if (y >= 0 && y < 10000) return String(y).padStart(4, '0');
  return (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
}

/** `+01:00` for an offset in milliseconds. @param {number} off */
export function formatOffset(off, colon = true) {
  const sign = off < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(off) / MS_MINUTE);
  return sign + pad2(Math.floor(mins / 60)) + (colon ? ':' : '') + pad2(mins % 60);
}

/**
 * `YYYY-MM-DDTHH:mm:ss[.SSS]+hh:mm` of an instant in a zone (milliseconds only when not zero).
 * @param {number} ms
 * @param {Zone} zone
 */
export function formatDateTime(ms, zone) {
  const off = zone.offsetAt(ms);
  const local = ms + off;
  civilFromDays(Math.floor(local / MS_DAY), YMD);
  const frac = localMillisecond(local);
  return (
    pad4(YMD[0]) +
    '-' +
    pad2(YMD[1]) +
    '-' +
    pad2(YMD[2]) +
    'T' +
    pad2(localHour(local)) +
    ':' +
    pad2(localMinute(local)) +
    ':' +
    pad2(localSecond(local)) +
    (frac ? '.' + pad3(frac) : '') +
    formatOffset(off)
  );
}

/** `YYYY-MM-DD` of a local value. @param {number} local */
export function formatLocalDate(local) {
  civilFromDays(Math.floor(local / MS_DAY), YMD);
  return pad4(YMD[0]) + '-' + pad2(YMD[1]) + '-' + pad2(YMD[2]);
}

const DATE_TEXT_RE =
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses a date literal or an ISO-like date string: `2020`, `2020-05`, `2020/05/17`,
 * `2017-04-03T08:02`, `2017-04-03 08:02:05.123+02:00`… A partial date is the start of its period;
 * without an explicit offset the wall time is read in `zone`.
 * @param {string} text
 * @param {Zone} zone
 * @returns {number | null} instant, or null when the text is not a valid date
 */
export function parseDateText(text, zone) {
  const m = DATE_TEXT_RE.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number('0.' + m[7]) * 1000 + 1e-6);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const local = localOf(y, mo, d, h, mi, s, ms);
  if (m[8] === undefined) return zone.fromLocal(local);
  return local - parseOffset(m[8]);
}

/** @param {string} text `Z`, `+02`, `+0200`, `-05:30` → milliseconds */
function parseOffset(text) {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const mi = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * MS_HOUR + mi * MS_MINUTE);
}

/** @param {number} y @param {number} m 1-12 */
export function daysInMonth(y, m) {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

const STORED_DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Instant of a stored datetime value (ISO 8601; no offset means UTC).
 * @param {unknown} value
 * @returns {number | null}
 */
export function parseStoredDatetime(value) {
  if (typeof value !== 'string') return null;
  // Fast path: full ISO 8601 with an explicit offset, which Date.parse reads exactly.
  const n = value.length;
  if (
    n >= 20 &&
    value[10] === 'T' &&
    value[4] === '-' &&
    (value[n - 1] === 'Z' || (value[n - 3] === ':' && (value[n - 6] === '+' || value[n - 6] === '-')))
  ) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return t;
  }
  const m = STORED_DATETIME_RE.exec(value);
  if (!m) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  const ms = m[7] === undefined ? 0 : Math.floor(Number('0.' + m[7]) * 1000 + 1e-6);
  const local = localOf(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
  );
  return m[8] === undefined ? local : local - parseOffset(m[8]);
}

/**
 * Day number (days since 1970-01-01) of a stored date value "YYYY-MM-DD".
 * @param {unknown} value
 * @returns {number | null}
 */
export function parseStoredDate(value) {
  if (typeof value !== 'string' || value.length < 10) return null;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (!Number.isInteger(y) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= 31) || value[4] !== '-' || value[7] !== '-')
    return null;
  return daysFromCivil(y, mo, d);
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

/** Units of `range(d, n unit)` and their canonical one-letter names. */
export const DURATION_UNITS = /** @type {Record<string, string>} */ ({
  ms: 'ms',
  millis: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  M: 'M',
  month: 'M',
  months: 'M',
  q: 'q',
  quarter: 'q',
  quarters: 'q',
  y: 'y',
  year: 'y',
  years: 'y',
});

/**
 * Canonical unit of a duration word (`M` is month, `m` minute; words are case-insensitive).
 * @param {string} unit
 * @returns {string | undefined}
 */
export function durationUnit(unit) {
  return DURATION_UNITS[unit] ?? (unit.length > 1 ? DURATION_UNITS[unit.toLowerCase()] : undefined);
}

const FIXED_MS = /** @type {Record<string, number>} */ ({ ms: 1, s: MS_SECOND, m: MS_MINUTE, h: MS_HOUR });

/**
 * Start (instant) of the bucket of `n` units that contains `ms`, aligned on the calendar of `zone`.
 * Buckets of days, weeks, months, quarters and years start at local midnight; weeks on Monday.
 * @param {number} ms
 * @param {number} n
 * @param {string} unit canonical unit
 * @param {Zone} zone
 */
export function bucketStart(ms, n, unit, zone) {
  const local = zone.toLocal(ms);
  const fixed = FIXED_MS[unit];
  if (fixed) {
    const size = fixed * n;
    return zone.fromLocal(Math.floor(local / size) * size);
  }
  const day = Math.floor(local / MS_DAY);
  switch (unit) {
    case 'd':
      return zone.fromLocal(Math.floor(day / n) * n * MS_DAY);
    case 'w': {
      // Day 4 (1970-01-05) is a Monday.
      const weeks = Math.floor((day - 4) / (7 * n)) * n;
      return zone.fromLocal((4 + weeks * 7) * MS_DAY);
    }
    default: {
      civilFromDays(day, YMD);
      const span = unit === 'M' ? n : unit === 'q' ? 3 * n : 12 * n;
      const months = Math.floor(((YMD[0] - 1970) * 12 + YMD[1] - 1) / span) * span;
      return zone.fromLocal(localOf(1970, months + 1, 1));
    }
  }
}

/**
 * The instant `n` units after `ms`; calendar units move the wall clock of `zone`.
 * @param {number} ms
 * @param {number} n
 * @param {string} unit canonical unit
 * @param {Zone} zone
 */
export function addDuration(ms, n, unit, zone) {
  const fixed = FIXED_MS[unit];
  if (fixed) return ms + fixed * n;
  const local = zone.toLocal(ms);
  if (unit === 'd' || unit === 'w') return zone.fromLocal(local + n * (unit === 'w' ? 7 : 1) * MS_DAY);
  const months = unit === 'M' ? n : unit === 'q' ? 3 * n : 12 * n;
  return zone.fromLocal(addMonthsLocal(local, months));
}

/**
 * @param {number} local
 * @param {number} months
 */
function addMonthsLocal(local, months) {
  const day = Math.floor(local / MS_DAY);
  const rest = local - day * MS_DAY;
  civilFromDays(day, YMD);
  const total = YMD[0] * 12 + (YMD[1] - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const d = Math.min(YMD[2], daysInMonth(y, m));
  return daysFromCivil(y, m, d) * MS_DAY + rest;
}

/**
 * `now(…)`: plural names add (`days=-7`), singular names set (`day=1`), in the wall clock of `zone`.
 * Setting any field clears the milliseconds.
 * @param {number} nowMs
 * @param {{ name: string, value: number }[]} args
 * @param {Zone} zone
 * @returns {number | string} the instant, or an error detail
 */
export function computeNow(nowMs, args, zone) {
  /** @type {Record<string, string>} */
  const SET = { year: 'y', month: 'M', day: 'd', hour: 'h', minute: 'm', second: 's', millisecond: 'ms' };
  /** @type {Record<string, string>} */
  const ADD = {
    years: 'y',
    months: 'M',
    weeks: 'w',
    days: 'd',
    hours: 'h',
    minutes: 'm',
    seconds: 's',
    milliseconds: 'ms',
  };
  const sets = args.filter((a) => SET[a.name.toLowerCase()]);
  const adds = args.filter((a) => ADD[a.name.toLowerCase()]);
  const unknown = args.find((a) => !SET[a.name.toLowerCase()] && !ADD[a.name.toLowerCase()]);
  if (unknown) return `now() has no argument "${unknown.name}"`;
  let ms = nowMs;
  if (sets.length) {
    const local = zone.toLocal(ms);
    civilFromDays(Math.floor(local / MS_DAY), YMD);
    const f = {
      y: YMD[0],
      M: YMD[1],
      d: YMD[2],
      h: localHour(local),
      m: localMinute(local),
      s: localSecond(local),
      ms: 0,
    };
    for (const a of sets) {
      const key = /** @type {keyof typeof f} */ (SET[a.name.toLowerCase()]);
      if (!Number.isInteger(a.value)) return `now(${a.name}=…) needs an integer`;
      f[key] = a.value;
    }
    if (
      f.M < 1 ||
      f.M > 12 ||
      f.d < 1 ||
      f.d > daysInMonth(f.y, f.M) ||
      f.h < 0 ||
      f.h > 23 ||
      f.m < 0 ||
      f.m > 59 ||
      f.s < 0 ||
      f.s > 59
    ) {
      return 'now() sets an invalid date';
    }
    ms = zone.fromLocal(localOf(f.y, f.M, f.d, f.h, f.m, f.s, f.ms));
  }
  for (const a of adds) {
    if (!Number.isInteger(a.value)) return `now(${a.name}=…) needs an integer`;
    ms = addDuration(ms, a.value, ADD[a.name.toLowerCase()], zone);
  }
  return ms;
}

// ---------------------------------------------------------------------------------------------
// date_format (Joda-Time patterns)

const MONTHS = {
  en: {
    long: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  fr: {
    long: [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ],
    short: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
};
const DAYS = {
  en: {
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
  fr: {
    long: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    short: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
  },
};

/** @type {Map<string, { months: { long: string[], short: string[] }, days: { long: string[], short: string[] } }>} */
const NAMES = new Map();

/**
 * Month and day names for a language: fr and en as the JDK spells them, others through Intl.
 * @param {string} lang
 */
function namesFor(lang) {
  const key = (lang || 'fr').toLowerCase().split(/[-_]/)[0];
  let names = NAMES.get(key);
  if (names) return names;
  if (key === 'en' || key === 'fr') {
    names = { months: MONTHS[key], days: DAYS[key] };
  } else {
    try {
      const month = (/** @type {'long'|'short'} */ style) => {
        const f = new Intl.DateTimeFormat(key, { month: style, timeZone: 'UTC' });
        return Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2021, i, 15)));
      };
      const day = (/** @type {'long'|'short'} */ style) => {
        const f = new Intl.DateTimeFormat(key, { weekday: style, timeZone: 'UTC' });
        // 2021-03-01 was a Monday.
        return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2021, 2, 1 + i)));
      };
      names = {
        months: { long: month('long'), short: month('short') },
        days: { long: day('long'), short: day('short') },
      };
    } catch {
      names = { months: MONTHS.fr, days: DAYS.fr };
    }
  }
  NAMES.set(key, names);
  return names;
}

/**
 * Compiles a Joda-Time pattern (`yyyy-MM`, `EEEE d MMMM`, `HH'h'mm`…).
 * Supported letters: G y Y x w e E D M d a K h H k m s S Z; text between single quotes is literal.
 * @param {string} pattern
 * @param {string} lang
 * @returns {{ format: (local: number, offset: number) => string, daily: boolean } | string}
 *   the formatter (and whether its output depends only on the local day), or an error detail
 */
export function compileDateFormat(pattern, lang) {
  const names = namesFor(lang);
  /** @type {((local: number, offset: number) => string)[]} */
  const parts = [];
  let daily = true;
  let i = 0;
  /** @param {string} text */
  const literal = (text) => parts.push(() => text);
  /** @param {(local: number) => number} get @param {number} width */
  const num = (get, width) => parts.push((local) => String(get(local)).padStart(width, '0'));
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        literal("'");
        i += 2;
        continue;
      }
      let text = '';
      let j = i + 1;
      for (;;) {
        const end = pattern.indexOf("'", j);
        if (end < 0) return `Unterminated quote in date pattern: ${pattern}`;
        text += pattern.slice(j, end);
        if (pattern[end + 1] === "'") {
          text += "'";
          j = end + 2;
          continue;
        }
        i = end + 1;
        break;
      }
      literal(text);
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      literal(c);
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'G':
        parts.push((local) => (localYear(local) > 0 ? 'AD' : 'BC'));
        break;
      case 'y':
      case 'Y':
        if (n === 2) parts.push((local) => String(mod(localYear(local), 100)).padStart(2, '0'));
        else num(localYear, n);
        break;
      case 'x':
        if (n === 2) parts.push((local) => String(mod(isoWeekYear(local), 100)).padStart(2, '0'));
        else num(isoWeekYear, n);
        break;
      case 'w':
        num(isoWeek, n);
        break;
      case 'e':
        num(localIsoWeekday, n);
        break;
      case 'E':
        parts.push(
          n >= 4
            ? (local) => names.days.long[localIsoWeekday(local) - 1]
            : (local) => names.days.short[localIsoWeekday(local) - 1],
        );
        break;
      case 'D':
        num((local) => {
          const day = Math.floor(local / MS_DAY);
          return day - daysFromCivil(localYear(local), 1, 1) + 1;
        }, n);
        break;
      case 'M':
        if (n >= 4) parts.push((local) => names.months.long[localMonth(local) - 1]);
        else if (n === 3) parts.push((local) => names.months.short[localMonth(local) - 1]);
        else num(localMonth, n);
        break;
      case 'd':
        num(localDay, n);
        break;
      case 'a':
        daily = false;
        parts.push((local) => (localHour(local) < 12 ? 'AM' : 'PM'));
        break;
      case 'K':
        daily = false;
        num((local) => localHour(local) % 12, n);
        break;
      case 'h':
        daily = false;
        num((local) => localHour(local) % 12 || 12, n);
        break;
      case 'H':
        daily = false;
        num(localHour, n);
        break;
      case 'k':
        daily = false;
        num((local) => localHour(local) || 24, n);
        break;
      case 'm':
        daily = false;
        num(localMinute, n);
        break;
      case 's':
        daily = false;
        num(localSecond, n);
        break;
      case 'S': {
        daily = false;
        const width = n;
        parts.push((local) => String(localMillisecond(local)).padStart(3, '0').padEnd(width, '0').slice(0, width));
        break;
      }
      case 'Z':
        daily = false;
        parts.push(n === 1 ? (_local, off) => formatOffset(off, false) : (_local, off) => formatOffset(off, true));
        break;
      default:
        return `Illegal pattern letter "${c}" in date format: ${pattern}`;
    }
  }
  if (parts.length === 1) return { format: parts[0], daily };
  return {
    format(local, off) {
      let out = '';
      for (let k = 0; k < parts.length; k++) out += parts[k](local, off);
      return out;
    },
    daily,
  };
}

/** ISO week-based year of a local value. @param {number} local */
function isoWeekYear(local) {
  const day = Math.floor(local / MS_DAY);
  const thursday = day - (localIsoWeekday(local) - 1) + 3;
  return civilFromDays(thursday, YMD)[0];
}

/** ISO week of a local value. @param {number} local */
function isoWeek(local) {
  const day = Math.floor(local / MS_DAY);
  const thursday = day - (localIsoWeekday(local) - 1) + 3;
  const y = civilFromDays(thursday, YMD)[0];
  return Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
}
