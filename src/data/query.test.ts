import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import { parseFilter } from './filter.js';
import {
  type Filter,
  type Measure,
  fieldUses,
  formatMeasure,
  groupKey,
  measureKey,
  othersQuery,
  parseGroupBy,
  parseLimit,
  parseMeasure,
  parseMeasures,
  parseSort,
  previousPeriodFilter,
} from './query.js';

const badAttribute = (attribute: string, reason?: string) => (error: unknown) => {
  assert.ok(error instanceof VitrineDataError, String(error));
  assert.equal(error.kind, 'bad-attribute');
  assert.equal(error.details.attribute, attribute);
  if (reason !== undefined) assert.equal(error.details.reason?.key, reason);
  assert.ok((error.details.example ?? '') !== '');
  return true;
};

describe('parseMeasure', () => {
  const cases: [string, Measure][] = [
    ['count(*)', { op: 'count' }],
    ['COUNT( * )', { op: 'count' }],
    ['count()', { op: 'count' }],
    ['count', { op: 'count' }],
    ['count(code)', { op: 'count', field: 'code' }],
    ['count(distinct code)', { op: 'count_distinct', field: 'code' }],
    ['count_distinct(code)', { op: 'count_distinct', field: 'code' }],
    ['sum(population)', { op: 'sum', field: 'population' }],
    ['  Sum ( population ) ', { op: 'sum', field: 'population' }],
    ['avg(x)', { op: 'avg', field: 'x' }],
    ['average(x)', { op: 'avg', field: 'x' }],
    ['min(temp_min)', { op: 'min', field: 'temp_min' }],
    ['max(temp_max)', { op: 'max', field: 'temp_max' }],
    ['median(wind)', { op: 'median', field: 'wind' }],
    ['sum(population) as total', { op: 'sum', field: 'population', as: 'total' }],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(parseMeasure(text), expected));

  const errors: [string, string][] = [
    ['', 'reason.measure-syntax'],
    ['sum(', 'reason.measure-syntax'],
    ['sum(population) + 1', 'reason.measure-syntax'],
    ['sum(") OR (")', 'reason.measure-syntax'],
    ['total(population)', 'reason.measure-op'],
    ['sum(*)', 'reason.measure-needs-field'],
    ['sum', 'reason.measure-needs-field'],
    ['avg()', 'reason.measure-needs-field'],
    ['max(distinct x)', 'reason.measure-syntax'],
  ];
  for (const [text, reason] of errors) {
    it(`${JSON.stringify(text)} → ${reason}`, () =>
      assert.throws(() => parseMeasure(text, 'value'), badAttribute('value', reason)));
  }
  it('reads lists', () => {
    assert.deepEqual(parseMeasures('sum(a), avg(b)', 'y'), [
      { op: 'sum', field: 'a' },
      { op: 'avg', field: 'b' },
    ]);
    assert.throws(() => parseMeasures('sum(a),', 'y'), badAttribute('y', 'reason.measure-syntax'));
  });
  it('keys measures by their canonical text or alias', () => {
    assert.equal(formatMeasure({ op: 'count' }), 'count(*)');
    assert.equal(measureKey({ op: 'count_distinct', field: 'code' }), 'count_distinct(code)');
    assert.equal(measureKey({ op: 'sum', field: 'a', as: 'total' }), 'total');
  });
  it('tells the message an example', () => {
    try {
      parseMeasure('total(population)', 'value');
    } catch (error) {
      assert.ok(error instanceof VitrineDataError);
      assert.equal(
        error.message,
        'The value attribute "total(population)" is not understood: "total" is not an aggregate (use count, sum, avg, min, max, median or count_distinct). Example: sum(population)',
      );
    }
  });
});

describe('parseGroupBy, parseSort, parseLimit', () => {
  it('reads groupings', () => {
    assert.deepEqual(parseGroupBy('departement'), { field: 'departement' });
    assert.deepEqual(parseGroupBy('month(date)'), { field: 'date', timeUnit: 'month' });
    assert.deepEqual(parseGroupBy('date', 'x', 'Quarter'), { field: 'date', timeUnit: 'quarter' });
    assert.equal(groupKey({ field: 'date', timeUnit: 'month' }), 'month(date)');
    assert.equal(groupKey({ field: 'departement' }), 'departement');
    assert.throws(() => parseGroupBy('fortnight(date)', 'x'), badAttribute('x', 'reason.time-unit'));
    assert.throws(() => parseGroupBy('a b', 'x'), badAttribute('x', 'reason.field-name'));
  });
  it('reads sorts', () => {
    assert.deepEqual(parseSort('-population'), [{ by: 'population', desc: true }]);
    assert.deepEqual(parseSort('nom asc, population desc'), [{ by: 'nom' }, { by: 'population', desc: true }]);
    assert.deepEqual(parseSort('-sum(population)'), [{ by: 'sum(population)', desc: true }]);
    assert.deepEqual(parseSort('+nom'), [{ by: 'nom' }]);
    assert.throws(() => parseSort('nom; drop', 'sort'), badAttribute('sort', 'reason.sort-key'));
  });
  it('reads limits', () => {
    assert.equal(parseLimit('10'), 10);
    assert.equal(parseLimit(' 0 '), 0);
    assert.throws(() => parseLimit('101', 'limit', 0, 100), badAttribute('limit', 'reason.limit'));
    assert.throws(() => parseLimit('2.5'), badAttribute('limit', 'reason.limit'));
    assert.throws(() => parseLimit(''), badAttribute('limit', 'reason.limit'));
    assert.throws(() => parseLimit('-1'), badAttribute('limit', 'reason.limit'));
  });
});

describe('othersQuery', () => {
  const query = {
    measures: [{ op: 'sum', field: 'population' }] as Measure[],
    groupBy: [{ field: 'departement' }],
    sort: [{ by: 'sum(population)', desc: true }],
    limit: 2,
    others: true,
    filter: parseFilter('region = 84'),
  };
  it('excludes the shown groups, keeps the filters, drops grouping, sort and limit', () => {
    const rest = othersQuery(query, [
      { departement: '69', 'sum(population)': 1 },
      { departement: '38', 'sum(population)': 1 },
    ]);
    assert.deepEqual(rest, {
      measures: query.measures,
      filter: [
        { field: 'region', op: 'in', values: ['84'] },
        { field: 'departement', op: 'not-in', values: ['69', '38'] },
      ],
    });
  });
  it('excludes the null group when it is shown', () => {
    const rest = othersQuery(query, [{ departement: '69' }, { departement: null }]);
    assert.deepEqual(rest?.filter?.slice(1), [
      { field: 'departement', op: 'not-in', values: ['69'] },
      { field: 'departement', op: 'not-null' },
    ]);
  });
  it('is null when every group is shown, without others, or for periods', () => {
    assert.equal(othersQuery(query, [{ departement: '69' }]), null);
    assert.equal(othersQuery({ ...query, others: false }, [{}, {}]), null);
    assert.equal(othersQuery({ ...query, groupBy: [{ field: 'date', timeUnit: 'month' }] }, [{}, {}]), null);
    assert.equal(othersQuery({ ...query, groupBy: [{ field: 'a' }, { field: 'b' }] }, [{}, {}]), null);
  });
});

describe('fieldUses', () => {
  it('lists every field with its role, not computed sort keys', () => {
    assert.deepEqual(
      fieldUses({
        kind: 'aggregate',
        measures: [{ op: 'sum', field: 'population' }, { op: 'count' }],
        groupBy: [{ field: 'date', timeUnit: 'year' }],
        sort: [{ by: 'sum(population)' }, { by: 'year(date)' }, { by: 'nom' }],
        filter: parseFilter('region = 84'),
      }),
      [
        { field: 'region', role: 'filter' },
        { field: 'population', role: 'measure', op: 'sum' },
        { field: 'date', role: 'group', timeUnit: 'year' },
        { field: 'nom', role: 'sort' },
      ],
    );
    assert.deepEqual(fieldUses({ kind: 'clusters', geoField: 'geo', zoom: 5 }), [{ field: 'geo', role: 'geo' }]);
    assert.deepEqual(fieldUses({ kind: 'facets', facets: ['region'] }), [{ field: 'region', role: 'facet' }]);
    assert.deepEqual(fieldUses({ kind: 'records', fields: ['nom'], sort: [{ by: 'code' }] }), [
      { field: 'nom', role: 'select' },
      { field: 'code', role: 'sort' },
    ]);
  });
});

describe('previousPeriodFilter', () => {
  const cases: [string, 'year' | 'period', string | null][] = [
    ['date = 2024', 'period', 'date = 2023'],
    ['date = 2024-03', 'period', 'date = 2024-02'],
    ['date = 2024-01', 'period', 'date = 2023-12'],
    ['date = 2024-03-01', 'period', 'date = 2024-02-29'],
    ['date = 2024-03', 'year', 'date = 2023-03'],
    ['date = 2024-02-29', 'year', 'date = 2023-02-28'],
    ['date = 2024-01..2024-06', 'period', 'date = 2023-07..2023-12'],
    ['date = 2024..2025', 'period', 'date = 2022..2023'],
    ['date >= 2024-01-01; date < 2024-04-01', 'period', 'date >= 2023-10-01; date < 2024-01-01'],
    ['date >= 2024-03-10; date <= 2024-03-16', 'period', 'date >= 2024-03-03; date <= 2024-03-09'],
    ['date >= 2024-03-10; date <= 2024-03-16', 'year', 'date >= 2023-03-10; date <= 2023-03-16'],
    ['region = 84; date = 2024', 'period', 'region = 84; date = 2023'],
    ['date >= 2024', 'period', null],
    ['region = 84', 'period', null],
    ['date = 2024 | 2023', 'period', null],
    ['date = hier', 'period', null],
  ];
  for (const [text, shift, expected] of cases) {
    it(`${text} (${shift}) → ${expected}`, () => {
      const moved = previousPeriodFilter(parseFilter(text), 'date', shift);
      assert.deepEqual(moved, expected === null ? null : parseFilter(expected));
    });
  }
  it('leaves the input untouched', () => {
    const filter: Filter = parseFilter('date = 2024');
    previousPeriodFilter(filter, 'date');
    assert.deepEqual(filter, parseFilter('date = 2024'));
  });
});
