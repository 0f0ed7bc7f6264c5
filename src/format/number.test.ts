import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NumberFormatOptions, formatNumber, getNumberFormat, isCurrencyCode } from './number.js';

// Node's ICU writes French group separators as U+202F (narrow no-break space) and puts U+00A0
// (no-break space) before units, "M", "k", "%" and "€". These strings are exactly what users see.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  const cases: [number, NumberFormatOptions, string][] = [
    [68952941, { locale: 'fr' }, `68${NNBSP}952${NNBSP}941`],
    [68952941, { locale: 'en' }, '68,952,941'],
    [68952941, { locale: 'fr', compact: true }, `69${NBSP}M`],
    [68952941, { locale: 'en', compact: true }, '69M'],
    [679344, { locale: 'fr', compact: true, decimals: 1 }, `679,3${NBSP}k`],
    [679344, { locale: 'en', compact: true, decimals: 1 }, '679.3K'],
    [1234.567, { locale: 'fr' }, `1${NNBSP}234,57`],
    [1234.567, { locale: 'en' }, '1,234.57'],
    [1234.567, { locale: 'fr', decimals: 0 }, `1${NNBSP}235`],
    [2, { locale: 'en', decimals: 2 }, '2.00'],
    [0.125, { locale: 'fr', percent: true }, `12,5${NBSP}%`],
    [0.125, { locale: 'en', percent: true }, '12.5%'],
    [0.125, { locale: 'en', percent: true, decimals: 2 }, '12.50%'],
    [12.5, { locale: 'fr', unit: '%' }, `12,5${NBSP}%`],
    [12.5, { locale: 'en', unit: '%' }, '12.5%'],
    [1234.5, { locale: 'fr', currency: 'EUR' }, `1${NNBSP}234,50${NBSP}€`],
    [1234, { locale: 'fr', currency: 'eur' }, `1${NNBSP}234${NBSP}€`],
    [1234.5, { locale: 'en', currency: 'EUR' }, '€1,234.50'],
    [1234.5, { locale: 'en', currency: 'USD' }, '$1,234.50'],
    [68952941, { locale: 'fr', currency: 'EUR', compact: true }, `69${NBSP}M${NBSP}€`],
    [1234, { locale: 'fr', unit: 'habitants' }, `1${NNBSP}234${NBSP}habitants`],
    [1234, { locale: 'en', unit: 'km' }, `1,234${NBSP}km`],
    [68952941, { locale: 'fr', compact: true, unit: '€' }, `69${NBSP}M${NBSP}€`],
    [-12, { locale: 'fr', sign: 'exceptZero' }, '-12'],
    [12, { locale: 'en', sign: 'exceptZero' }, '+12'],
    [0, { locale: 'en', sign: 'exceptZero' }, '0'],
    [1234.5, { locale: 'de-CH' }, "1'234.5"],
    [1234.5, { locale: 'xx-YY' }, '1,234.5'],
    [1234.5, {}, '1,234.5'],
  ];
  for (const [value, options, expected] of cases) {
    it(`${value} ${JSON.stringify(options)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(formatNumber(value, options), expected);
    });
  }

  it('writes a dash, or the given text, for missing values', () => {
    assert.equal(formatNumber(null), '–');
    assert.equal(formatNumber(undefined, { locale: 'fr' }), '–');
    assert.equal(formatNumber(Number.NaN), '–');
    assert.equal(formatNumber(Number.POSITIVE_INFINITY, { missing: 'n/a' }), 'n/a');
  });

  it('refuses invalid decimals and currencies with a RangeError', () => {
    assert.throws(() => formatNumber(1, { decimals: -1 }), RangeError);
    assert.throws(() => formatNumber(1, { decimals: 2.5 }), RangeError);
    assert.throws(() => formatNumber(1, { currency: 'euro' }), RangeError);
    assert.ok(isCurrencyCode('EUR'));
    assert.ok(isCurrencyCode('usd'));
    assert.ok(!isCurrencyCode('€'));
    assert.ok(!isCurrencyCode('EURO'));
  });

  it('caches formatters', () => {
    assert.equal(
      getNumberFormat({ locale: 'fr', compact: true }),
      getNumberFormat({ compact: true, locale: 'fr-FR'.slice(0, 2) }),
    );
    assert.notEqual(getNumberFormat({ locale: 'fr' }), getNumberFormat({ locale: 'en' }));
  });
});
