/**
 * Translation tables (French and English) for every string Vitrine shows a person, and the function
 * that fills them in.
 *
 * Messages are plain text with `{name}` placeholders: the result is meant for `textContent`, a `title`
 * or a console warning, never for `innerHTML` (interpolated values come from attributes and datasets).
 * The English table is the reference: its keys and placeholders type every call to {@link translate}.
 *
 * This module holds the words every element shows (loading, retry, measures, periods) and the figure's.
 * Each other element brings its own table (messages-chart.ts, messages-map.ts, messages-table.ts,
 * messages-filters.ts) through {@link defineMessages}, so that a page loads only the strings of the
 * elements it shows. The texts of errors and of their reasons are in messages-errors.ts, which a page
 * loads only when it shows an error (see error-texts.ts). Every table registered so far answers every
 * lookup: a reason raised by the chart is found when the error is described.
 * @module
 */
import { errorTexts } from './error-texts.js';
import { type BundledLocale, type Locale, resolveLocale } from './locale.js';
import { languageTable } from './languages.js';
import type { ErrorMessageKey, ErrorMessages } from './messages-errors.js';
import type { ChartMessages } from './messages-chart.js';
import type { FilterMessages } from './messages-filters.js';
import type { MapMessages } from './messages-map.js';
import type { TableMessages } from './messages-table.js';

/** A no-break space, for French typography (inside « » and before : ; ? !). */
export const NBSP = '\u00a0';

const en = {
  // Words the components show.
  'ui.loading': 'Loading…',
  'ui.retry': 'Retry',
  'ui.no-data': 'No data',
  'ui.others': 'Others',
  'ui.empty-value': 'no value',
  'ui.stale': 'Data from {time}: the portal is not answering.',
  'measure.count': 'Number of records',
  'measure.count_distinct': 'Distinct values of {field}',
  'measure.sum': '{field}',
  'measure.avg': 'Average {field}',
  'measure.min': 'Minimum {field}',
  'measure.max': 'Maximum {field}',
  'measure.median': 'Median {field}',
  'figure.vs': 'vs {reference}',
  'figure.up': 'up {change} compared with {reference}',
  'figure.down': 'down {change} compared with {reference}',
  'figure.same': 'unchanged compared with {reference}',
  'figure.reference.previous': 'the previous period',
  'figure.reference.previous-year': 'the same period a year earlier',
  'figure.reference.other': 'the comparison',
  'figure.announce': '{label}: {value}',
  'reason.sync-url': 'the source needs an id, or a parameter name in sync-url',
  'period.quarter': 'Q{quarter} {year}',
  'period.week': 'Week of {date}',
} as const;

const fr: Record<keyof typeof en, string> = {
  'ui.loading': 'Chargement…',
  'ui.retry': 'Réessayer',
  'ui.no-data': 'Aucune donnée',
  'ui.others': 'Autres',
  'ui.empty-value': 'sans valeur',
  'ui.stale': `Données de {time}${NBSP}: le portail ne répond pas.`,
  'measure.count': `Nombre d’enregistrements`,
  'measure.count_distinct': 'Valeurs distinctes de {field}',
  'measure.sum': '{field}',
  'measure.avg': '{field} (moyenne)',
  'measure.min': '{field} (minimum)',
  'measure.max': '{field} (maximum)',
  'measure.median': '{field} (médiane)',
  'figure.vs': 'vs {reference}',
  'figure.up': 'en hausse de {change} par rapport à {reference}',
  'figure.down': 'en baisse de {change} par rapport à {reference}',
  'figure.same': 'stable par rapport à {reference}',
  'figure.reference.previous': 'la période précédente',
  'figure.reference.previous-year': `la même période un an plus tôt`,
  'figure.reference.other': 'la comparaison',
  'figure.announce': `{label}${NBSP}: {value}`,
  'reason.sync-url': 'la source a besoin d’un identifiant, ou d’un nom de paramètre dans sync-url',
  'period.quarter': `T{quarter}${NBSP}{year}`,
  'period.week': 'Semaine du {date}',
};

/** The messages of this module, in the reference language (types the shared keys). */
export type CoreMessages = typeof en;

/** Every template by key, in the reference language: this module's, each element's, the errors'. */
type Templates = CoreMessages & ChartMessages & MapMessages & TableMessages & FilterMessages & ErrorMessages;

/** The key of a translated message (errors and reasons included). */
export type MessageKey =
  | keyof CoreMessages
  | keyof ChartMessages
  | keyof MapMessages
  | keyof TableMessages
  | keyof FilterMessages
  | ErrorMessageKey;

/** Placeholder names of a message template, e.g. `'dataset' | 'attribute'`. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/** The values a message needs, keyed by placeholder name. */
export type MessageParams<K extends MessageKey> = Record<PlaceholdersOf<Templates[K]>, string | number>;

/** Arguments after the key: none for a message without placeholders, else its params object. */
export type MessageArgs<K extends MessageKey> = ArgsOf<Templates[K]>;

/** Arguments after the key of a message whose template is `S`. */
type ArgsOf<S extends string> = [PlaceholdersOf<S>] extends [never]
  ? []
  : [params: Record<PlaceholdersOf<S>, string | number>];

/**
 * A translate function for the messages of `T` (templates by key): the shared ones and the errors',
 * plus an element's own once its table is loaded. Keys of a table not loaded do not type-check.
 */
export type Translate<T extends Record<string, string>> = <K extends keyof T & string>(
  locale: Locale | string,
  key: K,
  ...args: ArgsOf<T[K]>
) => string;

/** What every element may translate: the shared messages and the errors'. */
type SharedTemplates = CoreMessages & ErrorMessages;

/** One element's tables: the reference (English) and its French translation, key for key (the other
 * languages are one file each, loaded on first use: languages.ts). */
export type MessageTables = Readonly<Record<BundledLocale, Readonly<Record<string, string>>>>;

/** The tables registered so far, this module's first. Frozen: nothing may rewrite a message at run time. */
const registry: MessageTables[] = [];

/**
 * Registers an element's tables (the French one must have every key of the English one) and returns
 * the element's {@link translate}. Call it once, at the top level of the table's module.
 */
export function defineMessages<E extends Record<string, string>>(
  english: E,
  french: Readonly<Record<keyof E, string>>,
): Translate<SharedTemplates & E> {
  registry.push(Object.freeze({ en: Object.freeze({ ...english }), fr: Object.freeze({ ...french }) }));
  return translateDynamic as Translate<SharedTemplates & E>;
}

/** The tables registered so far (this module's, and each loaded element's), for tests and tooling. */
export function messageTables(): readonly MessageTables[] {
  return [...registry];
}

const has = (table: object | undefined, key: string): boolean =>
  table !== undefined && Object.prototype.hasOwnProperty.call(table, key);

/** The template of `key` in the table of `locale`, or undefined (unknown key, its table not loaded yet). */
function templateOf(locale: Locale | string, key: string): string | undefined {
  const wanted = resolveLocale(locale);
  if (wanted !== 'fr' && wanted !== 'en') {
    // A language loaded on first use: its table once there, English until then.
    const table = languageTable(wanted);
    if (table !== undefined && has(table, key)) return table[key as keyof typeof table];
  }
  const language: BundledLocale = wanted === 'fr' ? 'fr' : 'en';
  for (const tables of registry) if (has(tables[language], key)) return tables[language][key];
  const errors = errorTexts()?.ERROR_MESSAGES[language] as Readonly<Record<string, string>> | undefined;
  return has(errors, key) ? errors?.[key] : undefined;
}

/**
 * Replaces `{name}` placeholders by the matching values. Unknown placeholders stay as written, so a
 * missing value shows rather than silently vanishing. The result is text, not HTML.
 */
export function interpolate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * The message `key` in `locale` (a supported locale or any language tag), with its placeholders filled.
 *
 * @example translate('fr', 'ui.others') // 'Autres'
 * @example translate('en', 'period.quarter', { quarter: 1, year: 2024 }) // 'Q1 2024'
 */
export const translate: Translate<SharedTemplates> = defineMessages(en, fr);

/**
 * Like {@link translate} for keys only known at run time (e.g. built from an error kind). Unknown keys
 * return the key itself.
 */
export function translateDynamic(
  locale: Locale | string,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  const text = templateOf(locale, key);
  return text === undefined ? key : interpolate(text, params);
}

/** Whether `key` names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return templateOf('en', key) !== undefined;
}
