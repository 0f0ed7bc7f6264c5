// group_by: fields (text, date, datetime, boolean, multivalued), date functions, date_format,
// range labels (static, equal width, durations, dates), ifnull, lower, null groups, key ordering,
// aggregate expressions, group keys in select, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'region', label: 'Region', type: 'text', annotations: { facet: [] } },
    { name: 'product', label: 'Product', type: 'text', annotations: {} },
    { name: 'qty', label: 'Quantity', type: 'int', annotations: {} },
    { name: 'amount', label: 'Amount', type: 'double', annotations: {} },
    { name: 'sold', label: 'Sold on', type: 'date', annotations: {} },
    { name: 'at', label: 'At', type: 'datetime', annotations: {} },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { multivalued: [','] } },
    { name: 'flag', label: 'Flag', type: 'boolean', annotations: {} },
    { name: 'geo', label: 'Geo', type: 'geo_point_2d', annotations: {} },
  ],
  rows: [
    {
      region: 'North',
      product: 'A',
      qty: 3,
      amount: 10.5,
      sold: '2020-01-15',
      at: '2020-01-15T10:00:00+00:00',
      tags: ['x', 'y'],
      flag: true,
      geo: { lon: 1, lat: 2 },
    },
    {
      region: 'South',
      product: 'B',
      qty: 14,
      amount: 20,
      sold: '2020-02-01',
      at: '2020-02-01T23:30:00+00:00',
      tags: ['x'],
      flag: false,
      geo: null,
    },
    {
      region: 'North',
      product: 'B',
      qty: 15,
      amount: 5.25,
      sold: '2020-02-29',
      at: '2020-02-29T12:00:00+00:00',
      tags: [],
      flag: true,
      geo: null,
    },
    {
      region: null,
      product: 'A',
      qty: 19,
      amount: null,
      sold: '2021-03-01',
      at: '2021-03-01T00:00:00+00:00',
      tags: null,
      flag: null,
      geo: null,
    },
    { region: 'East', product: 'C', qty: 40, amount: 100, sold: null, at: null, tags: ['y'], flag: false, geo: null },
    {
      region: 'North',
      product: 'C',
      qty: null,
      amount: 1,
      sold: '2021-12-31',
      at: '2021-12-31T23:59:59+00:00',
      tags: ['z', 'x', 'x'],
      flag: true,
      geo: null,
    },
  ],
};

/** @param {Record<string, any>} params */
const groups = (params) => {
  const r = runRecords(dataset, { limit: -1, ...params });
  assert.equal('total_count' in r, false, 'no total_count with group_by');
  return r.results;
};

test('group by a text field: keys ascending, null group last, key in every row', () => {
  assert.deepEqual(groups({ select: 'region, count(*) as n, sum(qty)', group_by: 'region' }), [
    { region: 'East', n: 1, 'sum(qty)': 40 },
    { region: 'North', n: 3, 'sum(qty)': 18 },
    { region: 'South', n: 1, 'sum(qty)': 14 },
    { region: null, n: 1, 'sum(qty)': 19 },
  ]);
  // The group key appears even when not selected; without a select, only the keys.
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'region' })[0], { region: 'East', n: 1 });
  assert.deepEqual(groups({ group_by: 'region' }), [
    { region: 'East' },
    { region: 'North' },
    { region: 'South' },
    { region: null },
  ]);
});

test('order_by on an aggregate; ties keep the key order', () => {
  assert.deepEqual(
    groups({ select: 'region, count(*) as n', group_by: 'region', order_by: 'n desc' }).map((r) => r.region),
    ['North', 'East', 'South', null],
  );
  assert.deepEqual(
    groups({ select: 'region', group_by: 'region', order_by: 'count(*) desc, region desc' }).map((r) => r.region),
    ['North', 'South', 'East', null],
  );
});

test('several group keys, aliases', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'region, product' }), [
    { region: 'East', product: 'C', n: 1 },
    { region: 'North', product: 'A', n: 1 },
    { region: 'North', product: 'B', n: 1 },
    { region: 'North', product: 'C', n: 1 },
    { region: 'South', product: 'B', n: 1 },
    { region: null, product: 'A', n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'product as p' }), [
    { p: 'A', n: 2 },
    { p: 'B', n: 2 },
    { p: 'C', n: 2 },
  ]);
  // The select list may name a group_by alias.
  assert.deepEqual(groups({ select: 'p, sum(qty) as q', group_by: 'product as p' }), [
    { p: 'A', q: 22 },
    { p: 'B', q: 29 },
    { p: 'C', q: 40 },
  ]);
});

test('date and datetime fields give ISO keys', () => {
  assert.deepEqual(
    groups({ select: 'count(*) as n', group_by: 'sold' }).map((r) => r.sold),
    ['2020-01-15', '2020-02-01', '2020-02-29', '2021-03-01', '2021-12-31', null],
  );
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'at', limit: 2 }), [
    { at: '2020-01-15T10:00:00+00:00', n: 1 },
    { at: '2020-02-01T23:30:00+00:00', n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'at', limit: 2, offset: 4 }), [
    { at: '2021-12-31T23:59:59+00:00', n: 1 },
    { at: null, n: 1 },
  ]);
});

test('year(), month(), date_format() keys', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'year(sold) as y' }), [
    { y: 2020, n: 3 },
    { y: 2021, n: 2 },
    { y: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'month(sold) as m' }), [
    { m: 1, n: 1 },
    { m: 2, n: 2 },
    { m: 3, n: 1 },
    { m: 12, n: 1 },
    { m: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: "date_format(sold, 'yyyy-MM') as m" }), [
    { m: '2020-01', n: 1 },
    { m: '2020-02', n: 2 },
    { m: '2021-03', n: 1 },
    { m: '2021-12', n: 1 },
    { m: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'year(at)' })[0], { 'year(at)': 2020, n: 3 });
});

test('static ranges: closed labels for integers, half-open for decimals', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(qty, *, 10, 15, 20, *) as r' }), [
    { r: '[*, 9]', n: 1 },
    { r: '[10, 14]', n: 1 },
    { r: '[15, 19]', n: 2 },
    { r: '[20, *]', n: 1 },
    { r: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(amount, *, 10, 50, *) as r' }), [
    { r: '[*, 10[', n: 2 },
    { r: '[10, 50[', n: 2 },
    { r: '[50, *]', n: 1 },
    { r: null, n: 1 },
  ]);
  // Rows outside every bucket belong to no group.
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(qty, 10, 20) as r' }), [
    { r: '[10, 19]', n: 3 },
    { r: null, n: 1 },
  ]);
});

test('equal-width ranges keep the key text as written', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'RANGE(qty,15)' }), [
    { 'RANGE(qty,15)': '[0, 14]', n: 2 },
    { 'RANGE(qty,15)': '[15, 29]', n: 2 },
    { 'RANGE(qty,15)': '[30, 44]', n: 1 },
    { 'RANGE(qty,15)': null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(amount, 10) as r' }), [
    { r: '[0, 10[', n: 2 },
    { r: '[10, 20[', n: 1 },
    { r: '[20, 30[', n: 1 },
    { r: '[100, 110[', n: 1 },
    { r: null, n: 1 },
  ]);
});

test('date ranges by duration and by static dates', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(sold, 1 month) as r' }), [
    { r: '[2020-01-01, 2020-02-01[', n: 1 },
    { r: '[2020-02-01, 2020-03-01[', n: 2 },
    { r: '[2021-03-01, 2021-04-01[', n: 1 },
    { r: '[2021-12-01, 2022-01-01[', n: 1 },
    { r: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(sold, 1 y) as r' }), [
    { r: '[2020-01-01, 2021-01-01[', n: 3 },
    { r: '[2021-01-01, 2022-01-01[', n: 2 },
    { r: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(sold, 1 w) as r', limit: 1 }), [
    { r: '[2020-01-13, 2020-01-20[', n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(sold, 1 q) as r', limit: 1 }), [
    { r: '[2020-01-01, 2020-04-01[', n: 3 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'range(at, 1 day) as r', limit: 2 }), [
    { r: '[2020-01-15T00:00:00+00:00, 2020-01-16T00:00:00+00:00[', n: 1 },
    { r: '[2020-02-01T00:00:00+00:00, 2020-02-02T00:00:00+00:00[', n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: "range(sold, *, date'2020-02', date'2021', *) as r" }), [
    { r: '[*, 2020-02-01[', n: 1 },
    { r: '[2020-02-01, 2021-01-01[', n: 2 },
    { r: '[2021-01-01, *]', n: 2 },
    { r: null, n: 1 },
  ]);
});

test('ifnull(), lower(), booleans and multivalued fields as keys', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'ifnull(region, "none") as r' }), [
    { r: 'East', n: 1 },
    { r: 'North', n: 3 },
    { r: 'South', n: 1 },
    { r: 'none', n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'lower(product) as p' }), [
    { p: 'a', n: 2 },
    { p: 'b', n: 2 },
    { p: 'c', n: 2 },
  ]);
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'flag' }), [
    { flag: false, n: 2 },
    { flag: true, n: 3 },
    { flag: null, n: 1 },
  ]);
  // A row counts once in each of its (distinct) elements; empty and null lists make the null group.
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'tags' }), [
    { tags: 'x', n: 3 },
    { tags: 'y', n: 2 },
    { tags: 'z', n: 1 },
    { tags: null, n: 2 },
  ]);
});

test('where applies before grouping; aggregate expressions; group keys inside select expressions', () => {
  assert.deepEqual(groups({ select: 'count(*) as n', group_by: 'region', where: ['qty > 10'] }), [
    { region: 'East', n: 1 },
    { region: 'North', n: 1 },
    { region: 'South', n: 1 },
    { region: null, n: 1 },
  ]);
  assert.deepEqual(
    groups({ select: 'sum(amount) / count(*) as avg_like, max(amount) - min(amount) as spread', group_by: 'product' }),
    [
      { product: 'A', avg_like: 5.25, spread: 0 },
      { product: 'B', avg_like: 12.625, spread: 14.75 },
      { product: 'C', avg_like: 50.5, spread: 99 },
    ],
  );
  assert.deepEqual(groups({ select: 'year(sold) + 1 as next, count(*) as n', group_by: 'year(sold)' }), [
    { 'year(sold)': 2020, next: 2021, n: 3 },
    { 'year(sold)': 2021, next: 2022, n: 2 },
    { 'year(sold)': null, next: null, n: 1 },
  ]);
  assert.deepEqual(groups({ select: 'YEAR(sold), count(*) as n', group_by: 'year(sold)', limit: 1 }), [
    { 'year(sold)': 2020, 'YEAR(sold)': 2020, n: 3 },
  ]);
});

test('limit defaults to 10 with group_by and offset pages the groups', () => {
  const many = {
    fields: [{ name: 'k', type: 'int', annotations: {} }],
    rows: Array.from({ length: 25 }, (_, i) => ({ k: i % 12 })),
  };
  const r = runRecords(many, { select: 'count(*) as n', group_by: 'k' });
  assert.equal(r.results.length, 10);
  assert.deepEqual(r.results.slice(0, 2), [
    { k: 0, n: 3 },
    { k: 1, n: 2 },
  ]);
  assert.deepEqual(runRecords(many, { select: 'count(*) as n', group_by: 'k', offset: 10 }).results, [
    { k: 10, n: 2 },
    { k: 11, n: 2 },
  ]);
});

test('group_by errors', () => {
  /** @param {Record<string, any>} params @param {RegExp} re @param {string} clause */
  const bad = (params, re, clause) =>
    assert.throws(
      () => runRecords(dataset, params),
      (e) =>
        e instanceof ODSQLError &&
        re.test(e.message) &&
        e.message.endsWith(`Clause(s) containing the error(s): ${clause}.`),
      JSON.stringify(params),
    );
  bad({ select: 'product, count(*)', group_by: 'region' }, /product/, 'select');
  bad({ select: 'count(*)', group_by: 'geo' }, /geo/, 'group_by');
  bad(
    { select: 'count(*) as n', group_by: 'region as n' },
    /Alias "n" is declared in both select and group_by/,
    'group_by',
  );
  bad({ select: 'count(*) as n', group_by: 'count(*)' }, /Aggregate/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(qty)' }, /Wrong number of arguments for range\(\)/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(qty, 10, 5)' }, /increasing/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(qty, 10, *, 20)' }, /first or the last/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(product, 10)' }, /range\(\)/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(sold, 10)' }, /duration/, 'group_by');
  bad({ select: 'count(*) as n', group_by: 'range(sold, 1 parsec)' }, /Unexpected "parsec"/, 'group_by');
  bad({ select: '*', group_by: 'region' }, /\*/, 'select');
  bad({ select: 'count(*)', group_by: 'nope' }, /Unknown field: nope/, 'group_by');
  bad({ select: 'count(*)', group_by: 'region,' }, /end of expression/, 'group_by');
  bad({ select: 'count(*)', group_by: 'region as a, product as a' }, /Duplicate alias: a/, 'group_by');
  bad({ select: 'count(*)', group_by: 'geo_cluster(region, 3)' }, /geo/, 'group_by');
});
