/**
 * The chips of the active-filters summary, independent of Lit: one per selected value, one per range,
 * one for the search, each with its text as a person reads it.
 */
import { formatFilter } from '../../data/filter.js';
import type { DatasetMetadata } from '../../data/metadata.js';
import { findField } from '../../data/metadata.js';
import type { Condition, Scalar } from '../../data/query.js';
import { formatPeriod } from '../../format/date.js';
import { translate } from '../../format/messages-filters.js';
import type { Locale } from '../../format/locale.js';
import { formatNumber } from '../../format/number.js';
import type { FilterSelection } from '../../events/filter-events.js';

/** One active filter a person can remove. */
export interface Chip {
  /** A stable key (the field and the value). */
  key: string;
  /** The field's label (or name); "Search" for the search. */
  label: string;
  /** The value, range or search as text. */
  value: string;
  /** What removing it does. */
  remove: { field: string; value?: string } | { search: true };
}

const DATES = new Set(['date', 'datetime']);
const NUMBERS = new Set(['int', 'double']);
const PERIOD = /^\d{4}(?:[-/]\d{2}(?:[-/]\d{2})?)?$/;

/** Formats and texts of the page's language. */
export interface ChipFormat {
  /** Language tag for Intl. */
  tag: string;
  /** Translation table. */
  locale: Locale;
}

/** A value of `type` as a person reads it: a period in words, a number with separators, text as is. */
export function valueText(value: Scalar, type: string | undefined, format: ChipFormat): string {
  const text = String(value);
  if (type !== undefined && DATES.has(type) && PERIOD.test(text)) {
    const unit = text.length === 4 ? 'year' : text.length === 7 ? 'month' : 'day';
    return formatPeriod(text.replace(/\//g, '-'), unit, { locale: format.tag });
  }
  if (type !== undefined && DATES.has(type)) return text;
  if (type !== undefined && NUMBERS.has(type) && text.trim() !== '' && Number.isFinite(Number(text))) {
    return formatNumber(Number(text), { locale: format.tag });
  }
  return text;
}

/** The condition's text after the field name (for the conditions no widget sets, e.g. from a hand-written address). */
function conditionText(condition: Condition): string {
  const text = formatFilter([condition]);
  const field = formatFilter([{ field: condition.field, op: 'null' }]).replace(/ is empty$/, '');
  return text.startsWith(field) ? text.slice(field.length).trim() : text;
}

/** The chips of a source's selections and search (`labels`: the page's own names of fields, by field). */
export function chipsOf(
  selections: readonly FilterSelection[],
  search: string,
  meta: DatasetMetadata | undefined,
  format: ChipFormat,
  labels: ReadonlyMap<string, string> = new Map(),
): Chip[] {
  const chips: Chip[] = [];
  for (const { field, condition } of selections) {
    const info = meta ? findField(meta, field) : undefined;
    const label = labels.get(field) ?? info?.label ?? field;
    const type = info?.type;
    const v = (value: Scalar) => valueText(value, type, format);
    switch (condition.op) {
      case 'in':
        for (const value of condition.values) {
          chips.push({
            key: JSON.stringify([field, String(value)]),
            label,
            value: v(value),
            remove: { field, value: String(value) },
          });
        }
        break;
      case 'between':
        chips.push({
          key: JSON.stringify([field]),
          label,
          value: translate(format.locale, 'filters.between', { min: v(condition.min), max: v(condition.max) }),
          remove: { field },
        });
        break;
      case 'ge':
      case 'gt':
        chips.push({
          key: JSON.stringify([field]),
          label,
          value:
            condition.op === 'ge'
              ? translate(format.locale, 'filters.at-least', { value: v(condition.value) })
              : conditionText(condition),
          remove: { field },
        });
        break;
      case 'le':
      case 'lt':
        chips.push({
          key: JSON.stringify([field]),
          label,
          value:
            condition.op === 'le'
              ? translate(format.locale, 'filters.at-most', { value: v(condition.value) })
              : conditionText(condition),
          remove: { field },
        });
        break;
      case 'null':
        chips.push({
          key: JSON.stringify([field]),
          label,
          value: translate(format.locale, 'ui.empty-value'),
          remove: { field },
        });
        break;
      default:
        chips.push({ key: JSON.stringify([field]), label, value: conditionText(condition), remove: { field } });
    }
  }
  if (search) {
    chips.push({
      key: '["search"]',
      label: translate(format.locale, 'filters.search'),
      value: search,
      remove: { search: true },
    });
  }
  return chips;
}
