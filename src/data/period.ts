/**
 * Comparison periods: a filter moved back in time on a date field (`compare="previous"` on a key figure).
 * Apart from query.ts, which re-exports it, so that a page loads it only when a figure compares.
 */
import { isDateText } from './odsql.js';
import type { Condition, Filter, Scalar } from './query.js';

const DATE_PARTS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(.*))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Moves a date text (`2024`, `2024-03`, `2024-03-31`, `2024-03-31T10:00`) by whole months. */
function shiftMonths(text: string, months: number): string | null {
  const m = DATE_PARTS.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return String(year + Math.trunc(months / 12)).padStart(4, '0');
  const index = year * 12 + Number(m[2]) - 1 + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const head = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
  if (m[3] === undefined) return head;
  const day = Math.min(Number(m[3]), daysInMonth(y, mo));
  return `${head}-${String(day).padStart(2, '0')}${m[4] ?? ''}`;
}

function shiftDays(text: string, days: number): string | null {
  const m = DATE_PARTS.exec(text);
  if (!m || m[3] === undefined) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  const head = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return `${head}${m[4] ?? ''}`;
}

/** Months between two date texts when both are month-aligned, else null. */
function monthSpan(from: string, to: string): number | null {
  const a = DATE_PARTS.exec(from);
  const b = DATE_PARTS.exec(to);
  if (!a || !b) return null;
  const aligned = (m: RegExpExecArray) => m[3] === undefined || (m[3] === '01' && (m[4] ?? '') === '');
  if (!aligned(a) || !aligned(b)) return null;
  return Number(b[1]) * 12 + Number(b[2] ?? '01') - (Number(a[1]) * 12 + Number(a[2] ?? '01'));
}

function dayIndex(text: string): number | null {
  const m = DATE_PARTS.exec(text);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? '01') - 1, Number(m[3] ?? '01')) / 86_400_000;
}

/** The length of a partial date: `2024` is a year, `2024-03` a month, `2024-03-05` a day. */
function granularity(text: string): 'year' | 'month' | 'day' | null {
  const m = DATE_PARTS.exec(text);
  if (!m) return null;
  if (m[2] === undefined) return 'year';
  if (m[3] === undefined) return 'month';
  return (m[4] ?? '') === '' ? 'day' : null;
}

/**
 * The same filter moved back in time on a date field, for a comparison (`compare` on a key figure):
 * - `'year'`: one year earlier (year over year);
 * - `'period'`: the period of the same length just before (`date = 2024-03` → `2024-02`;
 *   `date = 2024-01..2024-06` → `2023-07..2023-12`).
 *
 * Returns null when the filter has no date condition on `field` that can be moved (a one-sided bound,
 * a value that is not a date).
 */
export function previousPeriodFilter(
  filter: Filter,
  field: string,
  shift: 'year' | 'period' = 'period',
): Filter | null {
  const onField = filter.filter((c) => c.field === field);
  if (onField.length === 0) return null;
  // Collect the bounds to know the span.
  const bounds: string[] = [];
  for (const c of onField) {
    if (c.op === 'between') bounds.push(String(c.min), String(c.max));
    else if (c.op === 'lt' || c.op === 'le' || c.op === 'gt' || c.op === 'ge') bounds.push(String(c.value));
    else if (c.op === 'in' && c.values.length === 1) bounds.push(String(c.values[0]));
    else return null;
  }
  if (bounds.some((b) => !isDateText(b) || DATE_PARTS.exec(b) === null)) return null;

  let move: (text: string) => string | null;
  if (shift === 'year') {
    move = (t) => shiftMonths(t, -12);
  } else if (onField.length === 1 && onField[0]?.op === 'in') {
    const g = granularity(bounds[0] ?? '');
    if (g === null) return null;
    move =
      g === 'year' ? (t) => shiftMonths(t, -12) : g === 'month' ? (t) => shiftMonths(t, -1) : (t) => shiftDays(t, -1);
  } else {
    const lower = onField.find((c) => c.op === 'between' || c.op === 'ge' || c.op === 'gt');
    const upper = onField.find((c) => c.op === 'between' || c.op === 'le' || c.op === 'lt');
    if (lower === undefined || upper === undefined) return null;
    const from = String(lower.op === 'between' ? lower.min : (lower as { value: Scalar }).value);
    const to = String(upper.op === 'between' ? upper.max : (upper as { value: Scalar }).value);
    const inclusive = upper.op === 'between' || upper.op === 'le';
    // An inclusive upper bound counts its whole unit: 2024-01..2024-06 is 6 months.
    const toExclusive = inclusive
      ? granularity(to) === 'year'
        ? shiftMonths(to, 12)
        : granularity(to) === 'month'
          ? shiftMonths(to, 1)
          : granularity(to) === 'day'
            ? shiftDays(to, 1)
            : to
      : to;
    if (toExclusive === null) return null;
    const months = monthSpan(
      from.length === 4 ? `${from}-01` : from,
      toExclusive.length === 4 ? `${toExclusive}-01` : toExclusive,
    );
    if (months !== null && months > 0) move = (t) => shiftMonths(t, -months);
    else {
      const a = dayIndex(from);
      const b = dayIndex(toExclusive);
      if (a === null || b === null || b <= a) return null;
      move = (t) =>
        shiftDays(granularity(t) === 'day' || t.length > 10 ? t : `${t}${t.length === 4 ? '-01-01' : '-01'}`, -(b - a));
    }
  }

  // Keep each value's type: a year written as a number stays a number.
  const shifted = (value: Scalar): Scalar | null => {
    const moved = move(String(value));
    return moved === null ? null : typeof value === 'number' ? Number(moved) : moved;
  };
  const result: Condition[] = [];
  for (const c of filter) {
    if (c.field !== field) {
      result.push(c);
      continue;
    }
    if (c.op === 'between') {
      const min = shifted(c.min);
      const max = shifted(c.max);
      if (min === null || max === null) return null;
      result.push({ ...c, min, max });
    } else if (c.op === 'lt' || c.op === 'le' || c.op === 'gt' || c.op === 'ge') {
      const value = shifted(c.value);
      if (value === null) return null;
      result.push({ ...c, value });
    } else if (c.op === 'in') {
      const value = shifted(c.values[0] ?? '');
      if (value === null) return null;
      result.push({ ...c, values: [value] });
    }
  }
  return result;
}
