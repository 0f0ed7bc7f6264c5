import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TimeUnit, formatDate, formatPeriod, isoWeekStart, periodKey, periodStart } from './date.js';

const NBSP = '\u00a0';

describe('periodKey', () => {
  const cases: [string | number, TimeUnit, string][] = [
    ['2024-05-17', 'year', '2024'],
    [2024, 'year', '2024'],
    ['2024-05-17', 'quarter', '2024-Q2'],
    ['2024-12-31', 'quarter', '2024-Q4'],
    ['2024-05-17', 'month', '2024-05'],
    ['2024-03-06', 'week', '2024-03-04'],
    ['2021-01-01', 'week', '2020-12-28'],
    ['2024-W05', 'week', '2024-01-29'],
    ['2020-W53', 'week', '2020-12-28'],
    ['2024-05-17T13:45:00', 'day', '2024-05-17'],
    ['2024-05-17 13', 'hour', '2024-05-17T13:00'],
    ['2024-05-17T13:45:10.123', 'hour', '2024-05-17T13:00'],
    ['2024-05-17T23:30:00+00:00', 'day', '2024-05-17'],
  ];
  for (const [value, unit, expected] of cases) {
    it(`${value} by ${unit} → ${expected}`, () => assert.equal(periodKey(value, unit), expected));
  }
  it('returns null for what is not a date', () => {
    assert.equal(periodKey('hello', 'month'), null);
    assert.equal(periodStart('nope'), null);
  });
  it('ISO weeks start on Monday', () => {
    assert.equal(isoWeekStart(2024, 1).toISOString(), '2024-01-01T00:00:00.000Z');
    assert.equal(isoWeekStart(2015, 53).toISOString(), '2015-12-28T00:00:00.000Z');
  });
});

describe('formatPeriod', () => {
  const cases: [string | number, TimeUnit, 'fr' | 'en', 'long' | 'short', string][] = [
    ['2024', 'year', 'fr', 'long', '2024'],
    [2024, 'year', 'en', 'long', '2024'],
    ['2024-Q1', 'quarter', 'fr', 'long', `T1${NBSP}2024`],
    ['2024-Q1', 'quarter', 'en', 'long', 'Q1 2024'],
    ['2024-03', 'month', 'fr', 'long', 'mars 2024'],
    ['2024-03', 'month', 'en', 'long', 'March 2024'],
    ['2024-03', 'month', 'en', 'short', 'Mar 2024'],
    ['2024-03-04', 'week', 'fr', 'long', 'Semaine du 4 mars 2024'],
    ['2024-03-04', 'week', 'en', 'long', 'Week of Mar 4, 2024'],
    ['2024-03-04', 'day', 'fr', 'long', '4 mars 2024'],
    ['2024-03-04', 'day', 'fr', 'short', '04/03/2024'],
    ['2024-03-04', 'day', 'en', 'long', 'Mar 4, 2024'],
    ['2024-03-04', 'day', 'en', 'short', '3/4/24'],
    ['2024-03-04T14:00', 'hour', 'fr', 'long', '4 mars 2024, 14:00'],
    ['2024-03-04T14:00', 'hour', 'en', 'long', 'Mar 4, 2024, 2:00 PM'],
  ];
  for (const [value, unit, locale, style, expected] of cases) {
    it(`${value} ${unit} ${locale} ${style} → ${JSON.stringify(expected)}`, () => {
      assert.equal(formatPeriod(value, unit, { locale, style }), expected);
    });
  }
  it('never shifts a floating date by the viewer zone', () => {
    assert.equal(formatPeriod('2024-01-01', 'day', { locale: 'en', timeZone: 'America/Los_Angeles' }), 'Jan 1, 2024');
  });
  it('shows instants in the given zone', () => {
    assert.equal(
      formatDate('2024-03-04T14:00:00+00:00', { locale: 'fr', timeZone: 'Europe/Paris' }),
      '4 mars 2024, 15:00',
    );
    assert.equal(formatDate('2024-03-04', { locale: 'en' }), 'Mar 4, 2024');
  });
  it('writes a dash for missing or unreadable values', () => {
    assert.equal(formatPeriod(null, 'month'), '–');
    assert.equal(formatPeriod('', 'month'), '–');
    assert.equal(formatPeriod('n/a', 'month', { missing: '?' }), '?');
  });
});
