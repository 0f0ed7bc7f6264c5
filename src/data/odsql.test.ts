import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import { dateLiteral, isPlainIdentifier, numberLiteral, quoteField, quoteString } from './odsql.js';

/**
 * Reads one ODSQL string literal at the start of `text` by the documented rules (double quotes,
 * backslash escapes): returns the value and where the literal ends.
 */
function readLiteral(text: string): { value: string; end: number } {
  assert.equal(text[0], '"');
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        value += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next] ?? next;
        i += 1;
      }
    } else if (c === '"') return { value, end: i + 1 };
    else value += c;
  }
  throw new Error('unterminated');
}

const HOSTILE = [
  '") OR ("',
  '" OR 1=1 OR "',
  "') OR ('",
  'a"b',
  'back\\slash',
  'ends with backslash\\',
  '\\"',
  '\\\\"',
  'line\nbreak',
  'carriage\r\nreturn',
  'tab\there',
  'nul\u0000char',
  'separator\u2028line',
  'L’Haÿ-les-Roses',
  "L'Isle-Adam",
  'Saint-Étienne 😀 中文',
  '`field`',
  "date'2020'",
  '*/ -- ; DROP',
  '',
];

describe('quoteString', () => {
  for (const value of HOSTILE) {
    it(`keeps ${JSON.stringify(value)} a single value`, () => {
      const literal = quoteString(value);
      const read = readLiteral(literal);
      assert.equal(read.value, value);
      assert.equal(read.end, literal.length, 'the literal ends at its last character');
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\n\r\u2028\u2029\u0000]/.test(literal), 'no raw line break or NUL');
    });
  }
  it('writes the classic injection as an escaped value', () => {
    assert.equal(quoteString('") OR ("'), '"\\") OR (\\""');
    assert.equal(quoteString('a\\b'), '"a\\\\b"');
    assert.equal(quoteString('a\nb'), '"a\\nb"');
  });
});

describe('quoteField', () => {
  it('leaves plain identifiers alone', () => {
    for (const name of ['population', 'code_insee', '_x', 'A1']) {
      assert.equal(quoteField(name), name);
      assert.ok(isPlainIdentifier(name));
    }
  });
  it('back-quotes reserved words (any case), digit names and other characters', () => {
    assert.equal(quoteField('and'), '`and`');
    assert.equal(quoteField('Year'), '`Year`');
    assert.equal(quoteField('date'), '`date`');
    assert.equal(quoteField('2020'), '`2020`');
    assert.equal(quoteField('2019_total'), '`2019_total`');
    assert.equal(quoteField('nom commune'), '`nom commune`');
    assert.equal(quoteField('prix-€'), '`prix-€`');
  });
  it('refuses names that cannot be quoted', () => {
    for (const name of ['', 'a`b', 'a\nb', 'x` OR 1=1 OR `y']) {
      assert.throws(
        () => quoteField(name),
        (e: unknown) => e instanceof VitrineDataError && e.kind === 'bad-attribute',
      );
    }
  });
});

describe('numberLiteral', () => {
  it('renders finite numbers without exponent', () => {
    assert.equal(numberLiteral(1000), '1000');
    assert.equal(numberLiteral(-3.5), '-3.5');
    assert.equal(numberLiteral(-0), '0');
    assert.equal(numberLiteral(1e21), '1000000000000000000000');
    assert.equal(numberLiteral(1.5e-7), '0.00000015');
  });
  it('refuses NaN and infinities', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => numberLiteral(n), VitrineDataError);
    }
    assert.throws(() => numberLiteral('1) OR (1' as unknown as number), VitrineDataError);
  });
});

describe('dateLiteral', () => {
  it('accepts dates of every documented precision', () => {
    for (const d of [
      '2020',
      '2020-05',
      '2020-05-17',
      '2018/04/01',
      '2017-04-03T08:02',
      '2017-04-03T08:02:03Z',
      '2017-04-03T08:02:03.5+02:00',
    ]) {
      assert.equal(dateLiteral(d), `date'${d}'`);
    }
  });
  it('refuses anything else, so the quote cannot be closed early', () => {
    for (const d of ["2020'", "2020') OR ('1", 'yesterday', '2020-5', '']) {
      assert.throws(
        () => dateLiteral(d),
        (e: unknown) => e instanceof VitrineDataError && e.kind === 'bad-attribute',
      );
    }
  });
});
