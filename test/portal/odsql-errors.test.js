// Error messages in the portal's wording, strictness on malformed queries, reserved words, and a
// deterministic fuzz run: any input either answers or throws ODSQLError, never anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, runFacets, runExport, matchRows, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'name', label: 'Name', type: 'text', annotations: { facet: [] } },
    { name: 'pop', label: 'Pop', type: 'int', annotations: {} },
    { name: 'year', label: 'Year', type: 'int', annotations: {} },
    { name: '2019_total', label: '2019', type: 'int', annotations: {} },
    { name: 'when', label: 'When', type: 'datetime', annotations: { facet: [] } },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { multivalued: [','] } },
    { name: 'geo', label: 'Geo', type: 'geo_point_2d', annotations: {} },
  ],
  rows: [
    {
      name: 'a',
      pop: 1,
      year: 2019,
      '2019_total': 10,
      when: '2020-01-01T00:00:00+00:00',
      tags: ['x'],
      geo: { lon: 1, lat: 1 },
    },
    { name: 'b', pop: 2, year: 2020, '2019_total': null, when: null, tags: null, geo: null },
  ],
};

/** @param {() => unknown} fn */
function message(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ODSQLError, `expected an ODSQLError, got ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'ODSQLError');
    return e.message;
  }
  assert.fail('expected an error');
}

test('unknown fields: the exact message of the portal, with the clause', () => {
  assert.equal(
    message(() => runRecords(dataset, { select: 'anzahl' })),
    'ODSQL query is malformed: Unknown field: anzahl Clause(s) containing the error(s): select.',
  );
  assert.equal(
    message(() => runRecords(dataset, { where: ['anzahl > 1'] })),
    'ODSQL query is malformed: Unknown field: anzahl Clause(s) containing the error(s): where.',
  );
  assert.equal(
    message(() => runRecords(dataset, { select: 'count(*)', group_by: 'anzahl' })),
    'ODSQL query is malformed: Unknown field: anzahl Clause(s) containing the error(s): group_by.',
  );
  assert.equal(
    message(() => runRecords(dataset, { order_by: 'anzahl desc' })),
    'ODSQL query is malformed: Unknown field: anzahl Clause(s) containing the error(s): order_by.',
  );
  assert.match(
    message(() => runRecords(dataset, { select: 'sum(Pop)' })),
    /Unknown field: Pop /,
  );
});

test('unknown functions name the function', () => {
  const m = message(() => runRecords(dataset, { select: 'invalid_function()' }));
  assert.match(
    m,
    /^ODSQL query is malformed: .*invalid_function\(\).* Clause\(s\) containing the error\(s\): select\.$/,
  );
  assert.match(
    message(() => runRecords(dataset, { where: ['foo(pop) > 1'] })),
    /foo\(\)/,
  );
});

test('malformed queries are refused, never half-read', () => {
  /** @type {[Record<string, any>, string][]} */
  const cases = [
    [{ select: 'name name' }, 'select'],
    [{ select: 'sum(pop' }, 'select'],
    [{ select: 'sum(pop))' }, 'select'],
    [{ select: 'name,' }, 'select'],
    [{ select: ',name' }, 'select'],
    [{ select: 'name as' }, 'select'],
    [{ select: 'pop +' }, 'select'],
    [{ select: 'count()' }, 'select'],
    [{ select: 'count(pop, pop)' }, 'select'],
    [{ select: 'upper()' }, 'select'],
    [{ select: 'ifnull(pop)' }, 'select'],
    [{ select: 'date_format(when)' }, 'select'],
    [{ select: 'date_format(when, 1)' }, 'select'],
    [{ select: '"unterminated' }, 'select'],
    [{ select: 'pop @ 2' }, 'select'],
    [{ select: '`unterminated' }, 'select'],
    [{ select: 'now(days)' }, 'select'],
    [{ select: 'now(eons=1)' }, 'select'],
    [{ select: 'distinct pop' }, 'select'],
    [{ where: ['pop > 1 pop'] }, 'where'],
    [{ where: ['(pop > 1'] }, 'where'],
    [{ where: ['pop > 1)'] }, 'where'],
    [{ where: ['pop IN ()'] }, 'where'],
    [{ where: ['pop IN [1..]'] }, 'where'],
    [{ where: ['pop IN [1..2'] }, 'where'],
    [{ where: ['pop is'] }, 'where'],
    [{ where: ['pop is not 3'] }, 'where'],
    [{ where: ['and pop > 1'] }, 'where'],
    [{ where: ['pop > 1 or'] }, 'where'],
    [{ where: ['not'] }, 'where'],
    [{ where: ["when > date'yesterday'"] }, 'where'],
    [{ where: ["geo = geom'POINT(1 1)'"] }, 'where'],
    [{ where: ['in_bbox(geo, 1, 2, 3, "x")'] }, 'where'],
    [{ where: ['tags like'] }, 'where'],
    [{ where: ['startswith(pop, "1")'] }, 'where'],
    [{ select: 'count(*)', group_by: 'name name' }, 'group_by'],
    [{ select: 'count(*)', group_by: 'range(pop, *, *)' }, 'group_by'],
    [{ select: 'count(*)', group_by: 'range(pop, 0)' }, 'group_by'],
    [{ select: 'count(*)', group_by: 'range(when, 1.5 day)' }, 'group_by'],
    [{ select: 'count(*)', group_by: 'equi(pop, 10)' }, 'group_by'],
    [{ order_by: 'pop desc desc' }, 'order_by'],
    [{ order_by: 'random("x")' }, 'order_by'],
    [{ order_by: 'pop asc,' }, 'order_by'],
  ];
  for (const [params, clause] of cases) {
    const m = message(() => runRecords(dataset, params));
    assert.ok(m.startsWith('ODSQL query is malformed: '), m);
    assert.ok(m.endsWith(` Clause(s) containing the error(s): ${clause}.`), `${JSON.stringify(params)} → ${m}`);
  }
});

test('reserved words and digit-only names need back-quotes; names may start with digits', () => {
  assert.match(
    message(() => runRecords(dataset, { select: 'year' })),
    /"year" is a reserved word/,
  );
  assert.match(
    message(() => runRecords(dataset, { where: ['year > 1'] })),
    /"year" is a reserved word.*where\.$/,
  );
  // A reserved word is fine as an alias, and an alias may be referenced.
  assert.deepEqual(
    runRecords(dataset, { select: 'count(*) as count', group_by: '`year` as y', order_by: 'count desc, y desc' })
      .results,
    [
      { y: 2020, count: 1 },
      { y: 2019, count: 1 },
    ],
  );
  assert.deepEqual(runRecords(dataset, { select: '`year`, 2019_total, `2019_total` as t' }).results, [
    { year: 2019, '2019_total': 10, t: 10 },
    { year: 2020, '2019_total': null, t: null },
  ]);
  assert.deepEqual(
    matchRows(dataset, { where: ['`year` = 2020'] }).map((r) => r.name),
    ['b'],
  );
  assert.deepEqual(runRecords(dataset, { select: 'YEAR(when) as y', limit: 1 }).results, [{ y: 2020 }]);
  assert.deepEqual(runRecords(dataset, { select: 'CoUnT(*) AS n', where: ['pop > 1 AnD NOT pop > 5'] }).results, [
    { n: 1 },
  ]);
});

test('every endpoint refuses bad input with ODSQLError', () => {
  assert.match(
    message(() => runExport(dataset, { select: 'nope' })),
    /Unknown field: nope/,
  );
  assert.match(
    message(() => runFacets(dataset, { facet: ['geo'] })),
    /geo_point_2d/,
  );
  assert.match(
    message(() => matchRows(dataset, { where: ['nope'] })),
    /Unknown field: nope/,
  );
  assert.match(
    message(() => matchRows(dataset, { refine: ['geo:1'] })),
    /not a facet/,
  );
});

test('fuzz: any query either answers or throws ODSQLError', () => {
  const vocab = [
    'name',
    'pop',
    '`year`',
    'when',
    'tags',
    'geo',
    'nope',
    '(',
    ')',
    ',',
    '*',
    '+',
    '-',
    '/',
    '=',
    '!=',
    '<',
    '>=',
    'and',
    'or',
    'not',
    'in',
    'is',
    'null',
    'like',
    'as',
    'desc',
    '"a"',
    "'b'",
    '1',
    '2.5',
    '-3',
    'true',
    "date'2020'",
    "date'2020-13'",
    "geom'POINT(1 1)'",
    '[',
    ']',
    '..',
    'count',
    'sum',
    'avg',
    'year',
    'range',
    'search',
    'in_bbox',
    'within_distance',
    'now',
    'date_format',
    '1km',
    'distinct',
    'ifnull',
    'lower',
    '"x\\")"',
  ];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const phrase = () =>
    Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
  let answered = 0;
  for (let k = 0; k < 1500; k++) {
    const params = {
      select: rnd() < 0.5 ? phrase() : undefined,
      where: [phrase()],
      group_by: rnd() < 0.3 ? phrase() : undefined,
      order_by: rnd() < 0.3 ? phrase() : undefined,
    };
    try {
      runRecords(dataset, params);
      answered++;
    } catch (e) {
      assert.ok(e instanceof ODSQLError, `${JSON.stringify(params)} threw ${e && /** @type {Error} */ (e).stack}`);
    }
  }
  assert.ok(answered > 0);
});
