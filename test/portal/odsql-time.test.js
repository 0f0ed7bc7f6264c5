// Time zones: datetime output offsets, date functions, date literals, ranges, refine paths and facets
// in Europe/Paris around the DST changes of 2021 (28 March: 02:00 → 03:00; 31 October: 03:00 → 02:00).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, runFacets, matchRows, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'label', label: 'Label', type: 'text', annotations: {} },
    { name: 'at', label: 'At', type: 'datetime', annotations: { facet: [] } },
    { name: 'on', label: 'On', type: 'date', annotations: { facet: [] } },
  ],
  rows: [
    { label: 'before-dst', at: '2021-03-28T00:30:00+00:00', on: '2021-03-27' },
    { label: 'after-dst', at: '2021-03-28T01:30:00+00:00', on: '2021-03-28' },
    { label: 'new-year', at: '2020-12-31T23:30:00+00:00', on: '2020-12-31' },
    { label: 'fall-back-1', at: '2021-10-31T00:30:00+00:00', on: '2021-10-31' },
    { label: 'fall-back-2', at: '2021-10-31T01:30:00+00:00', on: '2021-10-31' },
    { label: 'summer', at: '2021-07-14T12:00:00+00:00', on: '2021-07-14' },
  ],
};
const PARIS = 'Europe/Paris';

/** @param {Record<string, any>} params */
const rows = (params) => runRecords(dataset, { limit: -1, ...params }).results;
/** @param {string} timezone @param {...string} where */
const labels = (timezone, ...where) => matchRows(dataset, { where, timezone }).map((r) => r.label);

test('datetimes are re-expressed in the request zone; dates are unchanged', () => {
  assert.deepEqual(
    rows({ select: 'at' }).map((r) => r.at),
    dataset.rows.map((r) => r.at),
  );
  assert.deepEqual(rows({ select: 'at, on', timezone: PARIS }), [
    { at: '2021-03-28T01:30:00+01:00', on: '2021-03-27' },
    { at: '2021-03-28T03:30:00+02:00', on: '2021-03-28' },
    { at: '2021-01-01T00:30:00+01:00', on: '2020-12-31' },
    { at: '2021-10-31T02:30:00+02:00', on: '2021-10-31' },
    { at: '2021-10-31T02:30:00+01:00', on: '2021-10-31' },
    { at: '2021-07-14T14:00:00+02:00', on: '2021-07-14' },
  ]);
  assert.equal(rows({ timezone: 'America/New_York', limit: 1 })[0].at, '2021-03-27T20:30:00-04:00');
});

test('date functions read the wall clock of the request zone', () => {
  assert.deepEqual(
    rows({ select: 'hour(at) as h' }).map((r) => r.h),
    [0, 1, 23, 0, 1, 12],
  );
  assert.deepEqual(
    rows({ select: 'hour(at) as h', timezone: PARIS }).map((r) => r.h),
    [1, 3, 0, 2, 2, 14],
  );
  assert.deepEqual(rows({ select: 'year(at) as y, day(at) as d', timezone: PARIS })[2], { y: 2021, d: 1 });
  assert.deepEqual(rows({ select: 'year(at) as y, day(at) as d' })[2], { y: 2020, d: 31 });
  assert.deepEqual(rows({ select: 'year(on) as y, day(on) as d', timezone: PARIS })[2], { y: 2020, d: 31 });
  const f = rows({
    select: "date_format(at, 'yyyy-MM-dd HH:mm Z') as a, date_format(at, 'HH:mm ZZ') as b",
    timezone: PARIS,
  });
  assert.deepEqual(f.slice(0, 2), [
    { a: '2021-03-28 01:30 +0100', b: '01:30 +01:00' },
    { a: '2021-03-28 03:30 +0200', b: '03:30 +02:00' },
  ]);
  assert.deepEqual(rows({ select: 'max(at) as last, min(at) as first', timezone: PARIS }), [
    { last: '2021-10-31T02:30:00+01:00', first: '2021-01-01T00:30:00+01:00' },
  ]);
});

test('group_by on date functions follows the zone', () => {
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as n', group_by: 'hour(at) as h', timezone: PARIS }).results,
    [
      { h: 0, n: 1 },
      { h: 1, n: 1 },
      { h: 2, n: 2 },
      { h: 3, n: 1 },
      { h: 14, n: 1 },
    ],
  );
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as n', group_by: 'year(at) as y', timezone: PARIS }).results,
    [{ y: 2021, n: 6 }],
  );
  assert.deepEqual(runRecords(dataset, { select: 'count(*) as n', group_by: 'year(at) as y' }).results, [
    { y: 2020, n: 1 },
    { y: 2021, n: 5 },
  ]);
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as n', group_by: 'at', timezone: PARIS, limit: 1 }).results,
    [{ at: '2021-01-01T00:30:00+01:00', n: 1 }],
  );
});

test('a day range across the spring change is 23 hours long', () => {
  const r = runRecords(dataset, {
    select: 'count(*) as n',
    group_by: 'range(at, 1 day) as r',
    timezone: PARIS,
  }).results;
  assert.deepEqual(r[1], { r: '[2021-03-28T00:00:00+01:00, 2021-03-29T00:00:00+02:00[', n: 2 });
  assert.deepEqual(r[3], { r: '[2021-10-31T00:00:00+02:00, 2021-11-01T00:00:00+01:00[', n: 2 });
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as n', group_by: 'range(at, 1 month) as r', timezone: PARIS }).results[0],
    {
      r: '[2021-01-01T00:00:00+01:00, 2021-02-01T00:00:00+01:00[',
      n: 1,
    },
  );
});

test('date literals are the start of their period in the request zone', () => {
  assert.deepEqual(labels('UTC', "at < date'2021'"), ['new-year']);
  assert.deepEqual(labels(PARIS, "at < date'2021'"), []);
  assert.deepEqual(labels(PARIS, "at >= date'2021-03-28'"), [
    'before-dst',
    'after-dst',
    'fall-back-1',
    'fall-back-2',
    'summer',
  ]);
  assert.deepEqual(labels(PARIS, "at >= date'2021-03-28T03:00'"), [
    'after-dst',
    'fall-back-1',
    'fall-back-2',
    'summer',
  ]);
  assert.deepEqual(labels('UTC', "at >= date'2021-03-28T03:00'"), ['fall-back-1', 'fall-back-2', 'summer']);
  assert.deepEqual(labels(PARIS, 'at = "2021-03-28T03:30:00+02:00"'), ['after-dst']);
  assert.deepEqual(labels('UTC', 'at = "2021-03-28T03:30:00+02:00"'), ['after-dst']);
  assert.deepEqual(labels(PARIS, "on = date'2021-03-28'"), ['after-dst']);
  assert.deepEqual(labels(PARIS, 'on >= "2021-10-31"'), ['fall-back-1', 'fall-back-2']);
  assert.deepEqual(labels(PARIS, "at IN [date'2021-10-31T02:00'..date'2021-10-31T03:00'["), [
    'fall-back-1',
    'fall-back-2',
  ]);
});

test('now() sets and moves the wall clock of the request zone', () => {
  const r = rows({
    select:
      'now(year=2000, month=1, day=15, hour=12, minute=0, second=0) as winter, ' +
      'now(year=2000, month=7, day=15, hour=12, minute=0, second=0) as summer, ' +
      'now(year=2021, month=3, day=28, hour=2, minute=30, second=0) as gap, ' +
      'now(year=2021, month=3, day=27, hour=12, minute=0, second=0, days=1) as plus_day',
    timezone: PARIS,
    limit: 1,
  });
  assert.deepEqual(r[0], {
    winter: '2000-01-15T12:00:00+01:00',
    summer: '2000-07-15T12:00:00+02:00',
    gap: '2021-03-28T03:30:00+02:00',
    plus_day: '2021-03-28T12:00:00+02:00',
  });
});

test('refine paths and date facets are read in the request zone', () => {
  const count = (/** @type {string} */ timezone, /** @type {string[]} */ refine) =>
    matchRows(dataset, { refine, timezone }).length;
  assert.equal(count('UTC', ['at:2021']), 5);
  assert.equal(count(PARIS, ['at:2021']), 6);
  assert.equal(count(PARIS, ['at:2021/01/01']), 1);
  assert.equal(count('UTC', ['at:2021/01/01']), 0);
  assert.equal(count(PARIS, ['at:"2021/03/28"']), 2);
  assert.equal(count(PARIS, ['on:2020']), 1);
  assert.equal(count('UTC', ['on:2020']), 1);
  assert.deepEqual(runFacets(dataset, { facet: ['at'], timezone: PARIS }).facets, [
    { name: 'at', facets: [{ name: '2021', value: '2021', count: 6, state: 'displayed' }] },
  ]);
  assert.deepEqual(runFacets(dataset, { facet: ['at'] }).facets, [
    {
      name: 'at',
      facets: [
        { name: '2021', value: '2021', count: 5, state: 'displayed' },
        { name: '2020', value: '2020', count: 1, state: 'displayed' },
      ],
    },
  ]);
});

test('an unknown time zone is refused', () => {
  assert.throws(
    () => runRecords(dataset, { timezone: 'Mars/Olympus_Mons' }),
    (e) => e instanceof ODSQLError && /timezone/.test(e.message),
  );
});
