/**
 * Formatting and translations: locale resolution, message tables (French and English; German, Spanish,
 * Italian and Dutch loaded on first use), Intl number and date
 * formatting. No Lit, no DOM.
 */
export { type Locale, SUPPORTED_LOCALES, DEFAULT_LOCALE, resolveLocale, resolveIntlLocale } from './locale.js';
export { type LanguageTable, LAZY_LOCALES, languageTable, loadLanguage } from './languages.js';
export {
  type MessageKey,
  type MessageParams,
  type MessageArgs,
  type PlaceholdersOf,
  type MessageTables,
  type Translate,
  defineMessages,
  messageTables,
  interpolate,
  translate,
  translateDynamic,
  isMessageKey,
} from './messages.js';
export { type NumberFormatOptions, formatNumber, getNumberFormat, isCurrencyCode } from './number.js';
export {
  type TimeUnit,
  type DateFormatOptions,
  TIME_UNITS,
  isTimeUnit,
  isoWeekStart,
  periodKey,
  periodStart,
  formatPeriod,
  formatDate,
} from './date.js';
