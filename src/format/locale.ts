/**
 * Locale resolution.
 *
 * Two different questions share this module:
 * - which translation table to use (`resolveLocale`): only the languages Vitrine has messages for
 *   (French and English with each element; German, Spanish, Italian and Dutch loaded on first use),
 *   falling back to English;
 * - which tag to hand to `Intl` (`resolveIntlLocale`): any tag the runtime's `Intl` knows, so a page in
 *   `de-CH` gets Swiss number formatting even though its messages are English.
 *
 * No DOM here: the caller reads the nearest `lang` attribute and passes it in.
 */

/** Languages whose translation tables ship with each element. */
export const BUNDLED_LOCALES = ['fr', 'en'] as const;

/** Languages whose translation tables load on first use (see languages.ts). */
export const LAZY_LOCALES = ['de', 'es', 'it', 'nl'] as const;

/** Languages Vitrine has translation tables for: both lists above (written out: a spread would be a
 * side effect to a bundler). */
export const SUPPORTED_LOCALES = ['fr', 'en', 'de', 'es', 'it', 'nl'] as const;

/** A language Vitrine has translation tables for. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** A language whose tables ship with each element. */
export type BundledLocale = (typeof BUNDLED_LOCALES)[number];

/** The fallback when nothing better is known. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Tags as found in the wild: `fr`, `fr-FR`, `fr_CA`, `EN-gb`, `en-US-u-nu-latn`. */
function cleanTag(tag: string): string {
  return tag.trim().replace(/_/g, '-');
}

/**
 * The translation table to use for a language tag (or a list of them, best first, like
 * `navigator.languages`): its primary language if Vitrine has its texts, else English.
 *
 * @example resolveLocale('fr-CA') // 'fr'
 * @example resolveLocale(['pt-BR', 'fr']) // 'fr'
 * @example resolveLocale('') // 'en'
 */
export function resolveLocale(tags: string | readonly string[] | null | undefined): Locale {
  const list = typeof tags === 'string' ? [tags] : (tags ?? []);
  for (const tag of list) {
    const primary = cleanTag(tag).split('-')[0]?.toLowerCase() ?? '';
    if ((SUPPORTED_LOCALES as readonly string[]).includes(primary)) return primary as Locale;
  }
  return DEFAULT_LOCALE;
}

const intlCache = new Map<string, string>();

/**
 * A BCP 47 tag that `Intl` supports, for number and date formatting: the tag itself (canonicalised)
 * when supported, else its primary language, else `en`.
 *
 * @example resolveIntlLocale('fr_FR') // 'fr-FR'
 * @example resolveIntlLocale('xx-YY') // 'en'
 */
export function resolveIntlLocale(tag: string | null | undefined): string {
  const key = tag ?? '';
  const cached = intlCache.get(key);
  if (cached !== undefined) return cached;
  let result = DEFAULT_LOCALE as string;
  const cleaned = cleanTag(key);
  if (cleaned !== '') {
    for (const candidate of [cleaned, cleaned.split('-')[0] ?? '']) {
      try {
        const supported = Intl.NumberFormat.supportedLocalesOf([candidate]);
        if (supported[0] !== undefined) {
          result = supported[0];
          break;
        }
      } catch {
        // RangeError: not a well-formed tag; try the next candidate.
      }
    }
  }
  intlCache.set(key, result);
  return result;
}
