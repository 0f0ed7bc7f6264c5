// group_by over 200,000 generated rows: results checked against plain loops, times logged (not asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords } from '../../demo/portal/odsql/index.js';

const N = 200000;
const CARRIERS = ['AA', 'AS', 'B6', 'DL', 'F9', 'G4', 'HA', 'NK', 'UA', 'WN'];
const START = Date.UTC(2020, 0, 1);

const rows = [];
for (let i = 0; i < N; i++) {
  rows.push({
    carrier: CARRIERS[(i * 7919) % CARRIERS.length],
    delay: i % 97 === 0 ? null : ((i * 31) % 240) - 40,
    distance: (i * 17) % 3000,
    departure: new Date(START + i * 7 * 60000).toISOString().replace('.000Z', '+00:00'),
  });
}
const dataset = {
  fields: [
    { name: 'carrier', label: 'Carrier', type: 'text', annotations: { facet: [] } },
    { name: 'delay', label: 'Delay', type: 'int', annotations: {} },
    { name: 'distance', label: 'Distance', type: 'int', annotations: {} },
    { name: 'departure', label: 'Departure', type: 'datetime', annotations: {} },
  ],
  rows,
};

/**
 * @param {string} label
 * @param {Record<string, any>} params
 */
function timed(label, params) {
  const t0 = performance.now();
  const r = runRecords(dataset, params);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  runRecords(dataset, params);
  const warm = performance.now() - t1;
  console.log(`${label}: ${cold.toFixed(1)} ms (first run), ${warm.toFixed(1)} ms (second run) over ${N} rows`);
  return r.results;
}

test('group_by carrier over 200,000 rows', () => {
  const results = timed('select=carrier, count(*) as n, avg(delay) as d&group_by=carrier&order_by=n desc', {
    select: 'carrier, count(*) as n, avg(delay) as d',
    group_by: 'carrier',
    order_by: 'n desc',
    limit: 100,
  });
  /** @type {Map<string, { n: number, sum: number, k: number }>} */
  const expected = new Map();
  for (const r of rows) {
    const e = expected.get(r.carrier) ?? { n: 0, sum: 0, k: 0 };
    e.n++;
    if (r.delay !== null) {
      e.sum += r.delay;
      e.k++;
    }
    expected.set(r.carrier, e);
  }
  assert.equal(results.length, CARRIERS.length);
  for (let k = 1; k < results.length; k++) assert.ok(results[k - 1].n >= results[k].n);
  for (const r of results) {
    const e = /** @type {{ n: number, sum: number, k: number }} */ (expected.get(r.carrier));
    assert.equal(r.n, e.n);
    assert.ok(Math.abs(r.d - e.sum / e.k) < 1e-9);
  }
});

test('group_by with where, range and date_format over 200,000 rows', () => {
  const filtered = timed('where=delay > 60 and distance < 1000&group_by=carrier', {
    select: 'count(*) as n',
    group_by: 'carrier',
    where: ['delay > 60 and distance < 1000'],
  });
  const count = (/** @type {string} */ c) =>
    rows.filter((r) => r.carrier === c && r.delay !== null && r.delay > 60 && r.distance < 1000).length;
  for (const r of filtered) assert.equal(r.n, count(r.carrier));

  const bands = timed('group_by=range(distance, 500)', {
    select: 'count(*) as n',
    group_by: 'range(distance, 500) as band',
    limit: 100,
  });
  assert.equal(bands.length, 6);
  assert.deepEqual(bands[0], { band: '[0, 499]', n: rows.filter((r) => r.distance < 500).length });

  const months = timed("group_by=date_format(departure, 'yyyy-MM') in Europe/Paris", {
    select: 'count(*) as n',
    group_by: "date_format(departure, 'yyyy-MM') as m",
    timezone: 'Europe/Paris',
    limit: 100,
  });
  const byMonth = new Map();
  const paris = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });
  for (const r of rows) {
    const local = paris.format(new Date(r.departure));
    byMonth.set(local, (byMonth.get(local) ?? 0) + 1);
  }
  assert.deepEqual(
    months,
    [...byMonth].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([m, n]) => ({ m, n })),
  );
});
