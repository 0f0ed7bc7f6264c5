// order_by: fields, directions, nulls last, stability, aliases, expressions, multivalued fields,
// random(), group-level sorts on aggregates, limit/offset after sorting, partial sorts on big tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'id', label: 'Id', type: 'int', annotations: {} },
    { name: 'name', label: 'Name', type: 'text', annotations: {} },
    { name: 'age', label: 'Age', type: 'int', annotations: {} },
    { name: 'score', label: 'Score', type: 'double', annotations: {} },
    { name: 'd', label: 'D', type: 'date', annotations: {} },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { multivalued: [','] } },
    { name: 'loc', label: 'Loc', type: 'geo_point_2d', annotations: {} },
  ],
  rows: [
    { id: 0, name: 'b', age: 30, score: 1.5, d: '2020-01-02', tags: ['m', 'a'], loc: null },
    { id: 1, name: 'a', age: null, score: 2.5, d: null, tags: ['z'], loc: null },
    { id: 2, name: 'c', age: 30, score: null, d: '2019-05-05', tags: null, loc: null },
    { id: 3, name: 'B', age: 25, score: 0.5, d: '2021-07-01', tags: ['k'], loc: null },
    { id: 4, name: 'a', age: 40, score: 2.5, d: '2020-01-02', tags: [], loc: null },
  ],
};

/** @param {Record<string, any>} params */
const ids = (params) => runRecords(dataset, { select: 'id', limit: -1, ...params }).results.map((r) => r.id);

test('without order_by, records keep dataset order', () => {
  assert.deepEqual(ids({}), [0, 1, 2, 3, 4]);
});

test('ascending by default, desc on request, nulls last both ways, ties stable', () => {
  assert.deepEqual(ids({ order_by: 'age' }), [3, 0, 2, 4, 1]);
  assert.deepEqual(ids({ order_by: 'age ASC' }), [3, 0, 2, 4, 1]);
  assert.deepEqual(ids({ order_by: 'age desc' }), [4, 0, 2, 3, 1]);
  assert.deepEqual(ids({ order_by: 'name' }), [3, 1, 4, 0, 2]);
  assert.deepEqual(ids({ order_by: 'name desc, age asc' }), [2, 0, 4, 1, 3]);
  assert.deepEqual(ids({ order_by: 'd desc' }), [3, 0, 4, 2, 1]);
  assert.deepEqual(ids({ order_by: 'd' }), [2, 0, 4, 3, 1]);
  assert.deepEqual(ids({ order_by: 'score desc, id desc' }), [4, 1, 0, 3, 2]);
});

test('expressions and select aliases', () => {
  assert.deepEqual(ids({ order_by: 'score * -1' }), [1, 4, 0, 3, 2]);
  const r = runRecords(dataset, { select: 'id, age * 2 as dbl', order_by: 'dbl desc' }).results;
  assert.deepEqual(r, [
    { id: 4, dbl: 80 },
    { id: 0, dbl: 60 },
    { id: 2, dbl: 60 },
    { id: 3, dbl: 50 },
    { id: 1, dbl: null },
  ]);
  assert.deepEqual(ids({ order_by: 'lower(name), id desc' }), [4, 1, 3, 0, 2]);
});

test('multivalued fields sort on their smallest (asc) or largest (desc) element', () => {
  assert.deepEqual(ids({ order_by: 'tags' }), [0, 3, 1, 2, 4]);
  assert.deepEqual(ids({ order_by: 'tags desc' }), [1, 0, 3, 2, 4]);
});

test('random(seed) is a deterministic shuffle', () => {
  const a = ids({ order_by: 'random(7)' });
  assert.deepEqual(ids({ order_by: 'random(7)' }), a);
  assert.deepEqual([...a].sort(), [0, 1, 2, 3, 4]);
});

test('limit and offset apply after sorting', () => {
  assert.deepEqual(ids({ order_by: 'age', limit: 2, offset: 1 }), [0, 2]);
  const r = runRecords(dataset, { select: 'id', order_by: 'age desc', limit: 1 });
  assert.deepEqual(r, { total_count: 5, results: [{ id: 4 }] });
});

test('group sorts on aggregates, written in full or by alias, even when not selected', () => {
  const r = runRecords(dataset, { select: 'name', group_by: 'name', order_by: 'sum(age) desc' }).results;
  assert.deepEqual(
    r.map((x) => x.name),
    ['a', 'b', 'c', 'B'],
  );
  const n = runRecords(dataset, { select: 'count(*) as n', group_by: 'd', order_by: 'n desc, d desc' }).results;
  assert.deepEqual(n, [
    { d: '2020-01-02', n: 2 },
    { d: '2021-07-01', n: 1 },
    { d: '2019-05-05', n: 1 },
    { d: null, n: 1 },
  ]);
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as n', group_by: 'range(age, 10) as r', order_by: 'r desc' }).results.map(
      (x) => x.r,
    ),
    ['[40, 49]', '[30, 39]', '[20, 29]', null],
  );
});

test('a big table sorted for one page gives the same rows as a full sort', () => {
  const big = {
    fields: [
      { name: 'i', type: 'int', annotations: {} },
      { name: 'v', type: 'int', annotations: {} },
      { name: 'w', type: 'double', annotations: {} },
    ],
    rows: Array.from({ length: 5000 }, (_, i) => ({
      i,
      v: (i * 7919) % 97,
      w: i % 13 === 0 ? null : ((i * 104729) % 1000) / 10,
    })),
  };
  const expected = big.rows
    .map((r, pos) => ({ r, pos }))
    .sort((a, b) => {
      if (a.r.w === null || b.r.w === null)
        return a.r.w === b.r.w ? a.r.v - b.r.v || a.pos - b.pos : a.r.w === null ? 1 : -1;
      return b.r.w - a.r.w || a.r.v - b.r.v || a.pos - b.pos;
    })
    .map(({ r }) => r.i);
  const page = runRecords(big, { select: 'i', order_by: 'w desc, v', limit: 20, offset: 40 }).results.map((r) => r.i);
  assert.deepEqual(page, expected.slice(40, 60));
  const last = runRecords(big, { select: 'i', order_by: 'w desc, v', limit: 10, offset: 4990 }).results.map((r) => r.i);
  assert.deepEqual(last, expected.slice(4990));
});

test('order_by errors', () => {
  /** @param {Record<string, any>} params @param {RegExp} re */
  const bad = (params, re) =>
    assert.throws(
      () => runRecords(dataset, params),
      (e) =>
        e instanceof ODSQLError &&
        re.test(e.message) &&
        e.message.endsWith('Clause(s) containing the error(s): order_by.'),
      JSON.stringify(params),
    );
  bad({ order_by: 'nope' }, /Unknown field: nope/);
  bad({ order_by: 'count(*)' }, /Aggregate functions are not allowed in order_by/);
  bad({ order_by: 'loc' }, /geo/);
  bad({ order_by: 'age sideways' }, /Unexpected "sideways"/);
  bad({ order_by: 'age,' }, /end of expression/);
  bad({ select: 'name', group_by: 'name', order_by: 'name, count(*) desc' }, /must come before/);
  bad({ select: 'count(*)', group_by: 'name', order_by: 'age' }, /age/);
});
