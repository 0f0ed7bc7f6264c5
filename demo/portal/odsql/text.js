// @ts-check
/**
 * Text analysis for full-text predicates: folding (case, accents, a few ligatures) and word splitting.
 *
 * @module
 */

/** @type {Record<string, string>} */
const LIGATURES = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Lower-cases and strips diacritics: "Évry-Courcouronnes" → "evry-courcouronnes".
 * @param {string} s
 */
export function fold(s) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđðþı]/g, (c) => LIGATURES[c]);
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Folded words of a text.
 * @param {string} s
 * @returns {string[]}
 */
export function words(s) {
  const out = fold(s).split(WORD_SPLIT);
  if (out.length && out[0] === '') out.shift();
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Words of a `like` pattern, keeping `*` wildcards inside words.
 * @param {string} s
 * @returns {string[]}
 */
export function patternWords(s) {
  return fold(s)
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((w) => w !== '');
}

/**
 * A matcher for one `like` word: exact, or a regular expression when it has wildcards.
 * @param {string} w
 * @returns {(token: string) => boolean}
 */
export function wordMatcher(w) {
  if (!w.includes('*')) return (t) => t === w;
  const re = new RegExp('^' + w.split('*').map(escapeRe).join('.*') + '$', 'u');
  return (t) => re.test(t);
}

/** @param {string} s */
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
