/**
 * Languages whose texts load on first use: German, Spanish, Italian and Dutch (the languages of the
 * visitors a tourism office or a border city writes for). French and English ship with each element;
 * a page in another of these languages loads one file holding every message of every element in that
 * language (src/format/lang/<code>.ts), the first time an element is in such a page. Until it is there,
 * or if it cannot be loaded, messages are in English.
 *
 * No DOM here: LocaleController asks for the language of its host and renders again once it is there.
 * @module
 */
import { LAZY_LOCALES } from './locale.js';
import type { MessageKey } from './messages.js';

export { LAZY_LOCALES };

/** Every message of every element in one language, key for key with the English tables. */
export type LanguageTable = Readonly<Record<MessageKey, string>>;

/** A language loaded on first use. */
export type LazyLocale = (typeof LAZY_LOCALES)[number];

const LOADERS: Record<LazyLocale, () => Promise<{ default: LanguageTable }>> = {
  de: () => import('./lang/de.js'),
  es: () => import('./lang/es.js'),
  it: () => import('./lang/it.js'),
  nl: () => import('./lang/nl.js'),
};

const tables = new Map<string, LanguageTable>();
const pending = new Map<string, Promise<void>>();

/** Whether `locale` is a language loaded on first use. */
export function isLazyLocale(locale: string): locale is LazyLocale {
  return (LAZY_LOCALES as readonly string[]).includes(locale);
}

/** The table of `locale` once loaded; undefined before (or for French and English). */
export function languageTable(locale: string): LanguageTable | undefined {
  return tables.get(locale);
}

/**
 * Loads the texts of `locale`: undefined when there is nothing to load (French, English, or already
 * there), else a promise that resolves once they are there, or could not be loaded (messages stay in
 * English; the next call tries again).
 */
export function loadLanguage(locale: string): Promise<void> | undefined {
  if (!isLazyLocale(locale) || tables.has(locale)) return undefined;
  let promise = pending.get(locale);
  if (!promise) {
    promise = LOADERS[locale]().then(
      (module) => {
        tables.set(locale, Object.freeze({ ...module.default }));
        pending.delete(locale);
      },
      () => {
        pending.delete(locale);
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}
