/**
 * What a filter lists, independent of Lit: facet values (flat, or dates as a tree year → month → day),
 * the matching of the "find a value" box, and how a check changes a field's selected values.
 */
import type { Condition } from '../../data/query.js';

/** One value a filter lists, with the number of records that have it under the other filters. */
export interface FacetItem {
  /** The value as selected (a date period is `2014`, `2014-03` or `2014-03-05`). */
  value: string;
  /** The value as the portal names it. */
  name: string;
  count: number;
}

/** The date periods one level below `value`: `month` under a year, `day` under a month, none under a day. */
export function childUnit(value: string): 'month' | 'day' | undefined {
  if (/^\d{4}$/.test(value)) return 'month';
  if (/^\d{4}-\d{2}$/.test(value)) return 'day';
  return undefined;
}

/** The unit of a date period value. */
export function periodUnit(value: string): 'year' | 'month' | 'day' {
  return /^\d{4}$/.test(value) ? 'year' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'day';
}

/** A date period as the filters write it: `2014/03` (the portal's facet path) → `2014-03`. */
export function periodValue(path: string): string {
  return path.replace(/\//g, '-');
}

/** Whether `outer` contains `inner` (`2014` contains `2014-03` and `2014-03-05`). */
export function containsPeriod(outer: string, inner: string): boolean {
  return inner !== outer && inner.startsWith(`${outer}-`);
}

/** The values selected on a field (as text), when its condition is a list of values. */
export function selectedValues(condition: Condition | undefined): string[] {
  return condition?.op === 'in' ? condition.values.map(String) : [];
}

/**
 * The date periods selected after a person checks or unchecks `value`: checking a period drops the
 * periods that contain it or that it contains (checking March 2014 under a checked 2014 narrows the
 * selection to March; checking 2014 widens it back to the year).
 */
export function togglePeriod(selected: readonly string[], value: string): string[] {
  if (selected.includes(value)) return selected.filter((v) => v !== value);
  return [...selected.filter((v) => !containsPeriod(v, value) && !containsPeriod(value, v)), value];
}

/** Text folded for matching: case and accents ignored. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The items whose name (or value) contains `query`, case and accents ignored. */
export function matching(items: readonly FacetItem[], query: string): FacetItem[] {
  const wanted = fold(query.trim());
  if (!wanted) return [...items];
  return items.filter((item) => fold(item.name).includes(wanted) || fold(item.value).includes(wanted));
}

/**
 * The items to show: the first `limit` (all when `all`), plus any selected value beyond them, plus the
 * selected values the portal no longer lists (no record left under the other filters: count 0), so a
 * person can always uncheck what is checked.
 */
export function visibleItems(
  items: readonly FacetItem[],
  selected: readonly string[],
  limit: number,
  all: boolean,
): FacetItem[] {
  const shown = all ? [...items] : items.filter((item, i) => i < limit || selected.includes(item.value));
  const listed = new Set(items.map((item) => item.value));
  for (const value of selected) if (!listed.has(value)) shown.push({ value, name: value, count: 0 });
  return shown;
}
