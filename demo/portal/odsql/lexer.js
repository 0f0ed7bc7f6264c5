// @ts-check
/**
 * ODSQL lexer: turns one clause into tokens.
 *
 * Tokens: identifiers (`[A-Za-z0-9_]+`, or anything between back-quotes), strings ("…" or '…' with
 * backslash escapes), numbers, date literals (`date'2020-05'`), geometry literals (`geom'POINT(1 2)'`)
 * and operators. A number glued to a unit (`1km`, `500m`, `1d`) becomes a number followed by the
 * unit identifier, so `1km` and `1 km` parse alike.
 *
 * @module
 */
import { malformed } from './errors.js';

/**
 * @typedef {'id'|'str'|'num'|'date'|'geom'|'op'|'eof'} TokenType
 * @typedef {{ t: TokenType, v: any, s: number, e: number, q?: boolean }} Token
 *   `v`: identifier text, string value, number, literal text or operator; `s`/`e`: source offsets;
 *   `q`: the identifier was back-quoted (never a keyword).
 */

/** Units that may be glued to a number: distances (within_distance) and durations (range). */
export const GLUED_UNITS = new Set([
  'm',
  'km',
  'mi',
  'yd',
  'ft',
  'cm',
  'mm',
  'nmi',
  'ms',
  's',
  'h',
  'd',
  'w',
  'M',
  'q',
  'y',
]);

const TWO_CHAR_OPS = new Set(['!=', '<>', '<=', '>=', '..']);
const ONE_CHAR_OPS = new Set(['(', ')', ',', '*', '+', '-', '/', '=', '<', '>', '[', ']']);

const IDENT_RE = /[A-Za-z0-9_]+/y;
const NUMBER_RE = /(\d+(?:\.\d+)?|\.\d+)([A-Za-z_][A-Za-z0-9_]*)?/y;

/**
 * @param {string} src
 * @param {string} clause For error messages.
 * @returns {Token[]} Always ends with an `eof` token.
 */
export function tokenize(src, clause) {
  /** @type {Token[]} */
  const out = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u00a0') {
      i++;
      continue;
    }
    const s = i;
    if ((c >= '0' && c <= '9') || (c === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      NUMBER_RE.lastIndex = i;
      const m = /** @type {RegExpExecArray} */ (NUMBER_RE.exec(src));
      const digits = m[1];
      const tail = m[2];
      i = NUMBER_RE.lastIndex;
      if (tail === undefined) {
        out.push({ t: 'num', v: Number(digits), s, e: i });
      } else if (GLUED_UNITS.has(tail) || GLUED_UNITS.has(tail.toLowerCase())) {
        const split = s + digits.length;
        out.push({ t: 'num', v: Number(digits), s, e: split });
        out.push({ t: 'id', v: tail, s: split, e: i });
      } else if (!digits.includes('.')) {
        // A name that starts with digits, e.g. `2019_total`.
        out.push({ t: 'id', v: digits + tail, s, e: i });
      } else {
        throw malformed(`Unexpected "${src.slice(s, i)}" at position ${s + 1}`, clause);
      }
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(src, i, clause);
      out.push({ t: 'str', v: value, s, e: end });
      i = end;
      continue;
    }
    if (c === '`') {
      const close = src.indexOf('`', i + 1);
      if (close < 0) throw malformed(`Unterminated back-quoted name at position ${s + 1}`, clause);
      const name = src.slice(i + 1, close);
      if (name === '') throw malformed(`Empty back-quoted name at position ${s + 1}`, clause);
      i = close + 1;
      out.push({ t: 'id', v: name, s, e: i, q: true });
      continue;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_') {
      IDENT_RE.lastIndex = i;
      IDENT_RE.exec(src);
      const word = src.slice(i, IDENT_RE.lastIndex);
      i = IDENT_RE.lastIndex;
      const lower = word.toLowerCase();
      if ((lower === 'date' || lower === 'geom') && (src[i] === "'" || src[i] === '"')) {
        const { value, end } = readString(src, i, clause);
        out.push({ t: lower === 'date' ? 'date' : 'geom', v: value, s, e: end });
        i = end;
        continue;
      }
      out.push({ t: 'id', v: word, s, e: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      out.push({ t: 'op', v: two === '<>' ? '!=' : two, s, e: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      out.push({ t: 'op', v: c, s, e: i + 1 });
      i++;
      continue;
    }
    throw malformed(`Unexpected character "${c}" at position ${s + 1}`, clause);
  }
  out.push({ t: 'eof', v: null, s: n, e: n });
  return out;
}

/** @type {Record<string, string>} */
const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', 0: '\0' };

/**
 * Reads a quoted string starting at `start` (the quote).
 * @param {string} src
 * @param {number} start
 * @param {string} clause
 * @returns {{ value: string, end: number }}
 */
function readString(src, start, clause) {
  const quote = src[start];
  let i = start + 1;
  let value = '';
  let chunk = i;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      value += src.slice(chunk, i);
      const next = src[i + 1];
      if (next === undefined) break;
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        value += ESCAPES[next] ?? next;
        i += 2;
      }
      chunk = i;
      continue;
    }
    if (c === quote) {
      value += src.slice(chunk, i);
      return { value, end: i + 1 };
    }
    i++;
  }
  throw malformed(`Unterminated string starting at position ${start + 1}`, clause);
}
