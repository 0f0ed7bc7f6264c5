/**
 * The neutral `filter` attribute: conditions a webmaster can write without knowing any portal's
 * query language. They are compiled per portal (ODSQL for Explore), always as values.
 *
 * ```html
 * <vitrine-figure filter="departement = 01 | 02; population >= 1000" …>
 * ```
 *
 * Syntax — conditions separated by `;` or line breaks, all of which must hold:
 *
 * | write                         | meaning                                            |
 * |-------------------------------|----------------------------------------------------|
 * | `departement = 01`            | equals (text is compared exactly)                  |
 * | `departement = 01 \| 02 \| 03`| equals one of the values                           |
 * | `departement != 75 \| 92`     | equals none of the values (records without a value are kept) |
 * | `population > 1000`           | `>`, `>=`, `<`, `<=` with a number or a date (`2024-03-01`)  |
 * | `population = 1000..5000`     | between, bounds included; `1000..` and `..5000` are open ranges |
 * | `date = 2024` / `2024-03`     | the whole year / month (on a date field)           |
 * | `date = 2024-01..2024-06`     | from January to June 2024                          |
 * | `nom ~ saint`                 | contains the words (case and accents ignored by the portal) |
 * | `nom ^= Saint`                | starts with (case-sensitive)                       |
 * | `population is empty`         | has no value; `is not empty`: has one              |
 *
 * Values are written as they are; put them in quotes, `'…'` or `"…"`, when they contain `;`, `|`, `..`,
 * or spaces at either end: `nom = 'Saint-Denis; Nord'`. Inside quotes, `\'`, `\"` and `\\` stand for
 * the character itself. A quote inside a value (`L'Isle-Adam`) needs no escaping when the value does
 * not start with it. Field names are the dataset's (letters, digits, `_`), or back-quoted: `` `my field` ``.
 * Decimal numbers take a point or a comma (`3.5`, `3,5`).
 *
 * `parseFilter` throws a `bad-attribute` {@link VitrineDataError} that names the attribute, says what is
 * wrong and shows an accepted form; `formatFilter` writes a filter back in this syntax (for the page URL).
 */
import { VitrineDataError } from './errors.js';
import { isDateText } from './odsql.js';
import type { Condition, Filter, Scalar } from './query.js';

/** An accepted form, shown in error messages. */
export const FILTER_EXAMPLE = 'departement = 01 | 02; population >= 1000';

type FilterReason =
  | 'reason.filter-field'
  | 'reason.filter-operator'
  | 'reason.filter-value'
  | 'reason.filter-quote'
  | 'reason.filter-trailing'
  | 'reason.filter-range'
  | 'reason.expected-number-or-date';

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '^=' | 'is empty' | 'is not empty';

const OPERATORS: readonly (Operator | '==')[] = ['==', '!=', '<=', '>=', '^=', '=', '<', '>', '~'];
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A number from `12`, `-3.5`, `3,5`; null for anything else. */
export function parseNumberText(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A comparison operand: a number (`2024` too: the adapter reads it as a year on a date field), or a date kept as text; null when neither. */
function operand(text: string): Scalar | null {
  const n = parseNumberText(text);
  if (n !== null) return n;
  return isDateText(text) ? text : null;
}

class Scanner {
  pos = 0;
  constructor(
    readonly text: string,
    readonly attribute: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  skipSpaces(): void {
    while (!this.done && /[ \t\u00a0]/.test(this.peek())) this.pos++;
  }

  /** The rest of the current condition, to show where parsing failed. */
  snippet(from = this.pos): string {
    const rest = this.text.slice(from);
    const end = rest.search(/[;\n]/);
    return (end < 0 ? rest : rest.slice(0, end)).trim() || this.text.trim();
  }

  fail(key: FilterReason, params: Record<string, string>): never {
    throw new VitrineDataError('bad-attribute', {
      attribute: this.attribute,
      value: this.text,
      reason: { key, params },
      example: FILTER_EXAMPLE,
    });
  }
}

function readField(s: Scanner): string {
  s.skipSpaces();
  if (s.peek() === '`') {
    const end = s.text.indexOf('`', s.pos + 1);
    if (end < 0) s.fail('reason.filter-quote', { text: s.snippet() });
    const name = s.text.slice(s.pos + 1, end);
    if (name.trim() === '') s.fail('reason.filter-field', { text: s.snippet() });
    s.pos = end + 1;
    return name;
  }
  const m = /^[A-Za-z0-9_]+/.exec(s.text.slice(s.pos));
  if (!m) s.fail('reason.filter-field', { text: s.snippet() });
  s.pos += m[0].length;
  return m[0];
}

function readOperator(s: Scanner, field: string): Operator {
  s.skipSpaces();
  const rest = s.text.slice(s.pos);
  const empty = /^is\s+(not\s+)?(?:empty|null)(?=\s*(?:[;\n]|$))/i.exec(rest);
  if (empty) {
    s.pos += empty[0].length;
    return empty[1] === undefined ? 'is empty' : 'is not empty';
  }
  for (const op of OPERATORS) {
    if (rest.startsWith(op)) {
      s.pos += op.length;
      return op === '==' ? '=' : op;
    }
  }
  return s.fail('reason.filter-operator', { field });
}

/** One value: quoted, or bare up to `|`, `;` or a line break. Returns the text and whether it was quoted. */
function readValue(s: Scanner, field: string, operator: string): { text: string; quoted: boolean } {
  s.skipSpaces();
  const quote = s.peek();
  if (quote === '"' || quote === "'") {
    const start = s.pos;
    let text = '';
    s.pos++;
    for (;;) {
      if (s.done) s.fail('reason.filter-quote', { text: s.snippet(start) });
      const c = s.peek();
      if (c === '\\' && s.pos + 1 < s.text.length) {
        text += s.text[s.pos + 1];
        s.pos += 2;
      } else if (c === quote) {
        s.pos++;
        break;
      } else {
        text += c;
        s.pos++;
      }
    }
    s.skipSpaces();
    if (!s.done && !/[|;\n]/.test(s.peek())) s.fail('reason.filter-trailing', { text: s.snippet() });
    return { text, quoted: true };
  }
  const m = /^[^|;\n]*/.exec(s.text.slice(s.pos));
  const raw = m?.[0] ?? '';
  s.pos += raw.length;
  const text = raw.trim();
  if (text === '') s.fail('reason.filter-value', { field, operator });
  return { text, quoted: false };
}

function comparisonOperand(s: Scanner, text: string): Scalar {
  const value = operand(text);
  if (value === null) s.fail('reason.expected-number-or-date', { value: text });
  return value;
}

function buildCondition(
  s: Scanner,
  field: string,
  op: Operator,
  values: { text: string; quoted: boolean }[],
): Condition {
  const first = values[0] ?? { text: '', quoted: false };
  const single = (): void => {
    if (values.length > 1) s.fail('reason.filter-trailing', { text: `| ${values[1]?.text ?? ''}` });
  };
  switch (op) {
    case '=': {
      if (values.length === 1 && !first.quoted && first.text.includes('..')) {
        const [lo = '', hi = ''] = first.text.split('..').map((part) => part.trim());
        if ((lo === '' && hi === '') || first.text.split('..').length > 2) {
          s.fail('reason.filter-range', { value: first.text });
        }
        if (lo === '') return { field, op: 'le', value: comparisonOperand(s, hi) };
        if (hi === '') return { field, op: 'ge', value: comparisonOperand(s, lo) };
        return { field, op: 'between', min: comparisonOperand(s, lo), max: comparisonOperand(s, hi) };
      }
      return { field, op: 'in', values: values.map((v) => v.text) };
    }
    case '!=':
      return { field, op: 'not-in', values: values.map((v) => v.text) };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      single();
      const value = comparisonOperand(s, first.text);
      const name = ({ '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const)[op];
      return { field, op: name, value };
    }
    case '~':
      return { field, op: 'search', values: values.map((v) => v.text) };
    case '^=':
      return { field, op: 'starts-with', values: values.map((v) => v.text) };
    case 'is empty':
      return { field, op: 'null' };
    case 'is not empty':
      return { field, op: 'not-null' };
  }
}

/**
 * Reads the neutral filter syntax (see the module comment).
 *
 * @param attribute the attribute's name, for error messages.
 * @throws VitrineDataError `bad-attribute`
 * @example parseFilter('departement = 01|02; population >= 1000')
 *   // [{ field: 'departement', op: 'in', values: ['01', '02'] }, { field: 'population', op: 'ge', value: 1000 }]
 */
export function parseFilter(text: string | null | undefined, attribute = 'filter'): Filter {
  const s = new Scanner(text ?? '', attribute);
  const conditions: Condition[] = [];
  for (;;) {
    while (!s.done && /[\s;]/.test(s.peek())) s.pos++;
    if (s.done) break;
    const field = readField(s);
    const op = readOperator(s, field);
    const values: { text: string; quoted: boolean }[] = [];
    if (op !== 'is empty' && op !== 'is not empty') {
      for (;;) {
        values.push(readValue(s, field, op));
        if (s.peek() === '|') s.pos++;
        else break;
      }
    } else {
      s.skipSpaces();
    }
    if (!s.done && !/[;\n]/.test(s.peek())) s.fail('reason.filter-trailing', { text: s.snippet() });
    conditions.push(buildCondition(s, field, op, values));
  }
  return conditions;
}

/** A value in the filter syntax, quoted when needed. */
function writeValue(value: Scalar): string {
  const text = String(value);
  if (text === '' || /[|;\n\r`]|\.\./.test(text) || /^['"\s]|\s$/.test(text)) {
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return text;
}

function writeField(field: string): string {
  return /^[A-Za-z0-9_]+$/.test(field) ? field : `\`${field}\``;
}

/** Writes a filter in the neutral syntax; `parseFilter(formatFilter(f))` gives `f` back (values as text). */
export function formatFilter(filter: Filter): string {
  return filter
    .map((c) => {
      const f = writeField(c.field);
      switch (c.op) {
        case 'in':
          return `${f} = ${c.values.map(writeValue).join(' | ')}`;
        case 'not-in':
          return `${f} != ${c.values.map(writeValue).join(' | ')}`;
        case 'lt':
          return `${f} < ${writeValue(c.value)}`;
        case 'le':
          return `${f} <= ${writeValue(c.value)}`;
        case 'gt':
          return `${f} > ${writeValue(c.value)}`;
        case 'ge':
          return `${f} >= ${writeValue(c.value)}`;
        case 'between':
          return `${f} = ${String(c.min)}..${String(c.max)}`;
        case 'null':
          return `${f} is empty`;
        case 'not-null':
          return `${f} is not empty`;
        case 'search':
          return `${f} ~ ${c.values.map(writeValue).join(' | ')}`;
        case 'starts-with':
          return `${f} ^= ${c.values.map(writeValue).join(' | ')}`;
      }
    })
    .join('; ');
}
