import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUNDLED_LOCALES, LAZY_LOCALES, SUPPORTED_LOCALES, resolveIntlLocale, resolveLocale } from './locale.js';

describe('SUPPORTED_LOCALES', () => {
  it('is the bundled languages and the ones loaded on first use', () =>
    assert.deepEqual([...SUPPORTED_LOCALES], [...BUNDLED_LOCALES, ...LAZY_LOCALES]));
});

describe('resolveLocale', () => {
  const cases: [Parameters<typeof resolveLocale>[0], string][] = [
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['FR-be', 'fr'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US-u-nu-latn', 'en'],
    ['de-DE', 'de'],
    ['es-ES', 'es'],
    ['it_CH', 'it'],
    ['nl-BE', 'nl'],
    ['pt-BR', 'en'],
    ['', 'en'],
    ['  ', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    [['pt-BR', 'fr-FR', 'en'], 'fr'],
    [['pt-BR', 'nl-NL', 'fr'], 'nl'],
    [[], 'en'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(resolveLocale(input), expected));
  }
});

describe('resolveIntlLocale', () => {
  it('keeps a supported regional tag, canonicalised', () => {
    assert.equal(resolveIntlLocale('fr_FR'), 'fr-FR');
    assert.equal(resolveIntlLocale('de-CH'), 'de-CH');
  });
  it('falls back to the primary language, then to en', () => {
    assert.match(resolveIntlLocale('fr-XX'), /^fr/);
    assert.equal(resolveIntlLocale('xx-YY'), 'en');
    assert.equal(resolveIntlLocale('not a tag!'), 'en');
    assert.equal(resolveIntlLocale(''), 'en');
    assert.equal(resolveIntlLocale(undefined), 'en');
  });
});
