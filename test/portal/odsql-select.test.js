// The select clause of the local portal's ODSQL engine: fields, aliases, result keys, arithmetic,
// scalar functions, aggregates without group_by, literals, include/exclude, limit/offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, runExport, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'name', label: 'Name', type: 'text', annotations: {} },
    { name: 'dept', label: 'Dept', type: 'text', annotations: { facet: [] } },
    { name: 'pop', label: 'Population', type: 'int', annotations: {} },
    { name: 'area', label: 'Area', type: 'double', annotations: {} },
    { name: 'founded', label: 'Founded', type: 'date', annotations: {} },
    { name: 't', label: 'Updated', type: 'datetime', annotations: {} },
    { name: 'capital', label: 'Capital', type: 'boolean', annotations: {} },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { multivalued: [','] } },
  ],
  rows: [
    {
      name: 'Alpha',
      dept: '75',
      pop: 100,
      area: 2.5,
      founded: '2000-02-29',
      t: '2020-06-15T12:34:56+00:00',
      capital: true,
      tags: ['x', 'y'],
    },
    {
      name: 'Beta',
      dept: '69',
      pop: 50,
      area: 0,
      founded: '1999-12-31',
      t: '2021-01-01T00:00:00+00:00',
      capital: false,
      tags: ['y'],
    },
    { name: 'Gamma', dept: '75', pop: null, area: 4, founded: null, t: null, capital: null, tags: null },
    {
      name: 'Delta',
      dept: '13',
      pop: 250,
      area: null,
      founded: '2010-07-14',
      t: '2019-07-14T22:15:00+00:00',
      capital: false,
      tags: [],
    },
  ],
};

/** @param {Record<string, any>} params */
const rows = (params) => runRecords(dataset, { limit: -1, ...params }).results;

test('no select returns every field of every row, with total_count', () => {
  const r = runRecords(dataset, {});
  assert.equal(r.total_count, 4);
  assert.deepEqual(r.results, dataset.rows);
  assert.deepEqual(runRecords(dataset, { select: '*' }).results, dataset.rows);
});

test('limit and offset: default 10, -1 means all, 0 is a count', () => {
  assert.equal(runRecords(dataset, {}).results.length, 4);
  assert.deepEqual(
    runRecords(dataset, { select: 'name', limit: 2, offset: 1 }).results.map((r) => r.name),
    ['Beta', 'Gamma'],
  );
  const zero = runRecords(dataset, { limit: 0 });
  assert.deepEqual(zero, { total_count: 4, results: [] });
  assert.equal(runRecords(dataset, { offset: 10 }).results.length, 0);
  assert.equal(runExport(dataset, { select: 'name' }).length, 4);
  assert.deepEqual(runExport(dataset, { select: 'name', limit: 1, offset: 3 }), [{ name: 'Delta' }]);
});

test('fields and aliases give the result keys', () => {
  const r = rows({ select: 'name, pop as population' });
  assert.deepEqual(Object.keys(r[0]), ['name', 'population']);
  assert.deepEqual(r[0], { name: 'Alpha', population: 100 });
  assert.deepEqual(r[2], { name: 'Gamma', population: null });
});

test('unaliased expressions are keyed by their text exactly as written', () => {
  const r = rows({ select: 'SUM(pop),count( * ), Max(area)' });
  assert.deepEqual(r, [{ 'SUM(pop)': 400, 'count( * )': 4, 'Max(area)': 4 }]);
  assert.deepEqual(Object.keys(r[0]), ['SUM(pop)', 'count( * )', 'Max(area)']);
  const e = rows({ select: '  pop  +  1 , `name`' });
  assert.deepEqual(e[0], { 'pop  +  1': 101, name: 'Alpha' });
});

test('arithmetic: precedence, parentheses, unary minus, division by zero is null, nulls propagate', () => {
  const r = rows({
    select: 'pop * 2 + 1 as a, (pop + 1) * 2 as b, pop / area as d, -pop as n, 7 / 2 as h, 2 + 3 * 4 - 6 / 3 as k',
  });
  assert.deepEqual(r, [
    { a: 201, b: 202, d: 40, n: -100, h: 3.5, k: 12 },
    { a: 101, b: 102, d: null, n: -50, h: 3.5, k: 12 },
    { a: null, b: null, d: null, n: null, h: 3.5, k: 12 },
    { a: 501, b: 502, d: null, n: -250, h: 3.5, k: 12 },
  ]);
});

test('aggregates without group_by: one row over the matching rows', () => {
  const r = runRecords(dataset, {
    select:
      'count(*) as n, count(pop) as npop, count(distinct dept) as depts, sum(pop) as s, avg(pop) as a, ' +
      'min(pop) as lo, max(pop) as hi, median(pop) as med, percentile(pop, 25) as p25, ' +
      'min(founded) as first, max(t) as last, count(tags) as tagged, count(distinct tags) as ntags',
  });
  assert.equal(r.total_count, 4);
  assert.deepEqual(r.results, [
    {
      n: 4,
      npop: 3,
      depts: 3,
      s: 400,
      a: 400 / 3,
      lo: 50,
      hi: 250,
      med: 100,
      p25: 75,
      first: '1999-12-31',
      last: '2021-01-01T00:00:00+00:00',
      tagged: 2,
      ntags: 2,
    },
  ]);
  const filtered = runRecords(dataset, { select: 'count(*) as n, sum(pop) as s', where: ['dept = "75"'] });
  assert.deepEqual(filtered.results, [{ n: 2, s: 100 }]);
  const none = runRecords(dataset, { select: 'count(*) as n, sum(pop) as s, avg(area) as a', where: ['pop > 1000'] });
  assert.deepEqual(none.results, [{ n: 0, s: null, a: null }]);
});

test('aggregate expressions: arithmetic over aggregates', () => {
  const r = rows({ select: 'sum(pop) / count(pop) as mean, max(pop) - min(pop) as spread, sum(pop * 2) as twice' });
  assert.deepEqual(r, [{ mean: 400 / 3, spread: 200, twice: 800 }]);
});

test('date parts and date_format (fr by default, en on request)', () => {
  const r = rows({
    select:
      'year(founded) as y, month(founded) as m, day(founded) as d, hour(t) as h, minute(t) as mi, second(t) as s, ' +
      "date_format(t, 'yyyy-MM-dd HH:mm:ss') as f1, date_format(founded, 'dd/MM/yy') as f2, " +
      "date_format(founded, 'EEEE d MMMM yyyy') as long, date_format(founded, 'EEE d MMM') as short",
  });
  assert.deepEqual(r[0], {
    y: 2000,
    m: 2,
    d: 29,
    h: 12,
    mi: 34,
    s: 56,
    f1: '2020-06-15 12:34:56',
    f2: '29/02/00',
    long: 'mardi 29 février 2000',
    short: 'mar. 29 févr.',
  });
  assert.deepEqual(r[2], {
    y: null,
    m: null,
    d: null,
    h: null,
    mi: null,
    s: null,
    f1: null,
    f2: null,
    long: null,
    short: null,
  });
  const en = runRecords(dataset, {
    select: "date_format(founded, 'EEEE d MMMM yyyy') as long, date_format(founded, 'EEE, MMM d') as short",
    lang: 'en',
    limit: 1,
  });
  assert.deepEqual(en.results, [{ long: 'Tuesday 29 February 2000', short: 'Tue, Feb 29' }]);
  const quoted = rows({ select: 'date_format(t, "HH\'h\'mm") as hm', limit: 1 });
  assert.deepEqual(quoted[0], { hm: '12h34' });
});

test('text functions, ifnull and literals', () => {
  const r = rows({
    select:
      'length(name) as len, lower(name) as lo, upper(name) as up, ifnull(pop, 0) as p, ifnull(area, -1) as a, ' +
      '1 as one, "x" as s, true as b, null as z, 2.5 as dec',
  });
  assert.deepEqual(r[2], { len: 5, lo: 'gamma', up: 'GAMMA', p: 0, a: 4, one: 1, s: 'x', b: true, z: null, dec: 2.5 });
  assert.deepEqual(r[3], {
    len: 5,
    lo: 'delta',
    up: 'DELTA',
    p: 250,
    a: -1,
    one: 1,
    s: 'x',
    b: true,
    z: null,
    dec: 2.5,
  });
});

test('value encodings: date stays YYYY-MM-DD, multivalued stays an array', () => {
  const r = rows({ select: 'founded, t, tags' });
  assert.deepEqual(r[0], { founded: '2000-02-29', t: '2020-06-15T12:34:56+00:00', tags: ['x', 'y'] });
  assert.deepEqual(r[2], { founded: null, t: null, tags: null });
});

test('select * with extra expressions, include() and exclude()', () => {
  const r = rows({ select: '*, pop * 10 as p10' });
  assert.deepEqual(r[1], { ...dataset.rows[1], p10: 500 });
  assert.deepEqual(rows({ select: 'include(na*)' })[0], { name: 'Alpha' });
  const ex = rows({ select: 'exclude(t), exclude(tags)' })[0];
  assert.deepEqual(Object.keys(ex), ['name', 'dept', 'pop', 'area', 'founded', 'capital']);
});

test('now(): singular names set, plural names add', () => {
  const r = rows({
    select:
      'now(year=2000, month=1, day=15, hour=12, minute=0, second=0) as a, ' +
      'now(year=2000, month=3, day=31, hour=0, minute=0, second=0, months=-1) as b, ' +
      'now(year=2000, month=1, day=1, hour=0, minute=0, second=0, days=-1, hours=6) as c',
    limit: 1,
  });
  assert.deepEqual(r[0], {
    a: '2000-01-15T12:00:00+00:00',
    b: '2000-02-29T00:00:00+00:00',
    c: '1999-12-31T06:00:00+00:00',
  });
  const before = Date.now();
  const [{ y }] = rows({ select: 'year(now()) as y', limit: 1 });
  assert.ok([new Date(before).getUTCFullYear(), new Date().getUTCFullYear()].includes(y));
  assert.equal(runRecords(dataset, { where: ['t < now()'] }).total_count, 3);
  assert.equal(runRecords(dataset, { where: ['t > now(days=-1)'] }).total_count, 0);
});

test('select errors', () => {
  /** @param {string} select @param {RegExp} re */
  const bad = (select, re, extra = {}) =>
    assert.throws(
      () => runRecords(dataset, { select, ...extra }),
      (e) =>
        e instanceof ODSQLError &&
        re.test(e.message) &&
        e.message.endsWith('Clause(s) containing the error(s): select.'),
      select,
    );
  bad('nope', /Unknown field: nope/);
  bad('name, sum(pop)', /name/);
  bad('*, count(*)', /\*/);
  bad('year(name)', /year\(\)/);
  bad('name + 1', /needs numbers/);
  bad('sum(name)', /sum\(\)/);
  bad('year()', /Wrong number of arguments for year\(\)/);
  bad('lower(name, name)', /Wrong number of arguments for lower\(\)/);
  bad('count(distinct *)', /distinct/i);
  bad('sum(count(*))', /nested/i);
  bad('pop as a, area as a', /Duplicate alias: a/);
  bad("date_format(t, 'yyyy-qq')", /pattern/);
  bad('percentile(pop, 150)', /percentile/);
  bad('now(weeks=1.5)', /integer/);
  bad('search("x")', /condition/);
  bad('random()', /order_by/);
  bad('range(pop, 10)', /group_by/);
});
