// Facets, refine and exclude: default facet list, counts and sorting (count, alphanum), multivalued
// facets, disjunctive facets, exclusions, hierarchical date facets along the refined path, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFacets, runRecords, matchRows, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'city', label: 'City', type: 'text', annotations: { facet: [] } },
    { name: 'kind', label: 'Kind', type: 'text', annotations: { facet: [], disjunctive: [] } },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { facet: [], multivalued: [','] } },
    { name: 'letter', label: 'Letter', type: 'text', annotations: { facet: [], facetsort: ['alphanum'] } },
    { name: 'd', label: 'D', type: 'date', annotations: { facet: [] } },
    { name: 'n', label: 'N', type: 'int', annotations: {} },
    { name: 'score', label: 'Score', type: 'int', annotations: { facet: [] } },
  ],
  rows: [
    { city: 'Paris', kind: 'bar', tags: ['a', 'b'], letter: 'b10', d: '2020-05-17', n: 1, score: 1 },
    { city: 'Paris', kind: 'cafe', tags: ['a'], letter: 'b2', d: '2020-05-02', n: 2, score: 2 },
    { city: 'Lyon', kind: 'bar', tags: ['b', 'c'], letter: 'a', d: '2020-11-30', n: 3, score: 1 },
    { city: 'Lyon', kind: 'shop', tags: null, letter: 'B1', d: '2021-01-01', n: 4, score: null },
    { city: 'Le Mans', kind: 'cafe', tags: ['a'], letter: null, d: null, n: 5, score: 3 },
    { city: null, kind: 'bar', tags: ['c'], letter: 'b2', d: '2019-12-31', n: 6, score: 1 },
  ],
};

/** @param {string} name @param {number} count @param {'displayed'|'refined'|'excluded'} [state] */
const v = (name, count, state = 'displayed', value = name) => ({ name, value, count, state });

/** @param {Record<string, any>} params @param {string} facet */
function facet(params, facet) {
  const r = runFacets(dataset, params);
  assert.deepEqual(r.links, []);
  const found = r.facets.find((f) => f.name === facet);
  assert.ok(found, `facet ${facet}`);
  return found.facets;
}

test('every facet-annotated field by default, in field order', () => {
  assert.deepEqual(
    runFacets(dataset, {}).facets.map((f) => f.name),
    ['city', 'kind', 'tags', 'letter', 'd', 'score'],
  );
  assert.deepEqual(
    runFacets(dataset, { facet: [] }).facets.map((f) => f.name),
    ['city', 'kind', 'tags', 'letter', 'd', 'score'],
  );
  assert.deepEqual(
    runFacets(dataset, { facet: ['kind'] }).facets.map((f) => f.name),
    ['kind'],
  );
});

test('counts sorted by count then name; multivalued elements counted once per row; alphanum sort', () => {
  assert.deepEqual(facet({}, 'city'), [v('Lyon', 2), v('Paris', 2), v('Le Mans', 1)]);
  assert.deepEqual(facet({}, 'kind'), [v('bar', 3), v('cafe', 2), v('shop', 1)]);
  assert.deepEqual(facet({}, 'tags'), [v('a', 3), v('b', 2), v('c', 2)]);
  assert.deepEqual(facet({}, 'letter'), [v('a', 1), v('B1', 1), v('b2', 2), v('b10', 1)]);
  assert.deepEqual(facet({}, 'score'), [v('1', 3), v('2', 1), v('3', 1)]);
  assert.deepEqual(facet({}, 'd'), [v('2020', 3), v('2019', 1), v('2021', 1)]);
  assert.deepEqual(facet({ facet: ['n'], where: ['n > 4'] }, 'n'), [v('5', 1), v('6', 1)]);
});

test('where and refine restrict the counts', () => {
  assert.deepEqual(facet({ where: ['n > 3'] }, 'city'), [v('Le Mans', 1), v('Lyon', 1)]);
  assert.deepEqual(facet({ refine: ['city:Paris'] }, 'city'), [v('Paris', 2, 'refined')]);
  assert.deepEqual(facet({ refine: ['city:Paris'] }, 'kind'), [v('bar', 1), v('cafe', 1)]);
  assert.deepEqual(facet({ refine: ['city:Paris'] }, 'tags'), [v('a', 2), v('b', 1)]);
  assert.deepEqual(facet({ refine: ['city:"Le Mans"'] }, 'kind'), [v('cafe', 1)]);
  assert.deepEqual(facet({ refine: ['city:Le Mans'] }, 'kind'), [v('cafe', 1)]);
});

test('a disjunctive facet ORs its refines and keeps counting its other values', () => {
  assert.deepEqual(facet({ refine: ['kind:bar'] }, 'kind'), [v('bar', 3, 'refined'), v('cafe', 2), v('shop', 1)]);
  assert.deepEqual(facet({ refine: ['kind:bar'] }, 'city'), [v('Lyon', 1), v('Paris', 1)]);
  const both = { refine: ['kind:bar', 'kind:cafe'] };
  assert.deepEqual(facet(both, 'kind'), [v('bar', 3, 'refined'), v('cafe', 2, 'refined'), v('shop', 1)]);
  assert.deepEqual(facet(both, 'city'), [v('Paris', 2), v('Le Mans', 1), v('Lyon', 1)]);
  assert.equal(runRecords(dataset, { ...both, limit: 0 }).total_count, 5);
});

test('refines on a non-disjunctive field are ANDed; on different fields too', () => {
  assert.equal(matchRows(dataset, { refine: ['city:Paris', 'city:Lyon'] }).length, 0);
  assert.deepEqual(
    matchRows(dataset, { refine: ['tags:a', 'tags:b'] }).map((r) => r.n),
    [1],
  );
  assert.deepEqual(
    matchRows(dataset, { refine: ['city:Paris', 'kind:cafe'] }).map((r) => r.n),
    [2],
  );
  assert.deepEqual(
    matchRows(dataset, { refine: ['score:1'] }).map((r) => r.n),
    [1, 3, 6],
  );
});

test('exclude removes matches; excluded values stay listed with state excluded', () => {
  assert.deepEqual(
    matchRows(dataset, { exclude: ['city:Paris'] }).map((r) => r.n),
    [3, 4, 5, 6],
  );
  assert.deepEqual(facet({ exclude: ['city:Paris'] }, 'city'), [
    v('Lyon', 2),
    v('Paris', 2, 'excluded'),
    v('Le Mans', 1),
  ]);
  assert.deepEqual(facet({ exclude: ['city:Paris'] }, 'kind'), [v('bar', 2), v('cafe', 1), v('shop', 1)]);
  assert.deepEqual(
    matchRows(dataset, { exclude: ['kind:bar', 'kind:shop'] }).map((r) => r.n),
    [2, 5],
  );
  assert.deepEqual(
    matchRows(dataset, { refine: ['kind:bar'], exclude: ['tags:c'] }).map((r) => r.n),
    [1],
  );
});

test('date facets nest years, months and days along the refined path', () => {
  assert.deepEqual(facet({ refine: ['d:2020'] }, 'd'), [
    { ...v('2020', 3, 'refined'), facets: [v('05', 2, 'displayed', '2020/05'), v('11', 1, 'displayed', '2020/11')] },
  ]);
  assert.deepEqual(facet({ refine: ['d:2020/05'] }, 'd'), [
    {
      ...v('2020', 2, 'refined'),
      facets: [
        {
          ...v('05', 2, 'refined', '2020/05'),
          facets: [v('02', 1, 'displayed', '2020/05/02'), v('17', 1, 'displayed', '2020/05/17')],
        },
      ],
    },
  ]);
  assert.deepEqual(facet({ refine: ['d:"2020/05/17"'] }, 'd'), [
    {
      ...v('2020', 1, 'refined'),
      facets: [{ ...v('05', 1, 'refined', '2020/05'), facets: [v('17', 1, 'refined', '2020/05/17')] }],
    },
  ]);
  assert.equal(matchRows(dataset, { refine: ['d:2020/05/17'] }).length, 1);
  assert.equal(matchRows(dataset, { refine: ['d:2020-05'] }).length, 2);
  assert.deepEqual(
    matchRows(dataset, { exclude: ['d:2020'] }).map((r) => r.n),
    [4, 5, 6],
  );
  assert.deepEqual(facet({ exclude: ['d:2020'] }, 'd'), [v('2020', 3, 'excluded'), v('2019', 1), v('2021', 1)]);
});

test('facet, refine and exclude errors', () => {
  /** @param {() => unknown} fn @param {RegExp} re */
  const bad = (fn, re) => assert.throws(fn, (e) => e instanceof ODSQLError && re.test(e.message));
  bad(() => runFacets(dataset, { facet: ['unknown'] }), /Unknown field: unknown/);
  bad(() => runFacets(dataset, { refine: ['unknown:x'] }), /Unknown field: unknown/);
  bad(() => runRecords(dataset, { refine: ['n:1'] }), /n is not a facet/);
  bad(() => matchRows(dataset, { refine: ['d:20x'] }), /date field d/);
  bad(() => matchRows(dataset, { refine: ['city'] }), /field:value/);
  bad(() => matchRows(dataset, { exclude: ['score:abc'] }), /numeric field score/);
  bad(() => runFacets(dataset, { where: ['city ='] }), /Clause\(s\) containing the error\(s\): where\./);
});
