/**
 * The texts loaded on first use (src/format/lang/<code>.ts): each language has every message of every
 * element, with the same placeholders as the English one, as plain text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAZY_LOCALES, languageTable, loadLanguage } from './languages.js';
import { messageTables } from './messages.js';
import './messages-chart.js';
import './messages-map.js';
import './messages-table.js';
import './messages-filters.js';
import { ERROR_MESSAGES } from './messages-errors.js';

/** Every English message, by key. */
const english: Record<string, string> = Object.assign(
  {},
  ...messageTables().map((tables) => tables.en),
  ERROR_MESSAGES.en,
);

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).sort();

for (const locale of LAZY_LOCALES) {
  test(`${locale}: every message, with the English placeholders, as plain text`, async () => {
    await loadLanguage(locale);
    const table = languageTable(locale);
    assert.ok(table, `the ${locale} texts load`);
    assert.deepEqual(Object.keys(table).sort(), Object.keys(english).sort(), 'the same keys as English');
    for (const [key, text] of Object.entries(table)) {
      assert.ok(text.trim() !== '', `${locale} ${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(english[key] ?? ''), `${locale} ${key}: placeholders`);
      assert.doesNotMatch(text, /<[a-z/!]/i, `${locale} ${key}: no markup`);
    }
  });
}
