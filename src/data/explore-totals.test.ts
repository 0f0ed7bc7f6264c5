import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileTotals, parseTotalsResponse } from './explore-totals.js';
import { detectSource } from './source-url.js';

const ref = detectSource('https://data.example.fr/explore/dataset/meteo/');

describe('aggregates without groups', () => {
  it('keeps the dates that min and max of a date field give', () => {
    const { plan } = compileTotals(
      ref,
      { measures: [{ op: 'min', field: 'date' }, { op: 'max', field: 'date' }, { op: 'count' }] },
      {},
    );
    const result = parseTotalsResponse(
      {
        total_count: 3,
        results: [{ vitrine_m0: '2012-01-01', vitrine_m1: '2015-12-31T23:00:00+00:00', vitrine_m2: 3 }],
      },
      plan,
    );
    assert.deepEqual(result.rows, [
      { 'min(date)': '2012-01-01', 'max(date)': '2015-12-31T23:00:00+00:00', 'count(*)': 3 },
    ]);
  });

  it('still reads numbers, and numbers sent as text', () => {
    const { plan } = compileTotals(ref, { measures: [{ op: 'sum', field: 'x' }] }, {});
    assert.deepEqual(parseTotalsResponse({ results: [{ vitrine_m0: '12.5' }] }, plan).rows, [{ 'sum(x)': 12.5 }]);
  });
});
