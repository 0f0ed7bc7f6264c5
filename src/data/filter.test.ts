import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import { formatFilter, parseFilter } from './filter.js';
import type { Filter } from './query.js';

describe('parseFilter', () => {
  const cases: [string, Filter][] = [
    ['departement = 01', [{ field: 'departement', op: 'in', values: ['01'] }]],
    ['departement=01|02', [{ field: 'departement', op: 'in', values: ['01', '02'] }]],
    [
      'departement = 01 | 02; population >= 1000',
      [
        { field: 'departement', op: 'in', values: ['01', '02'] },
        { field: 'population', op: 'ge', value: 1000 },
      ],
    ],
    ['departement != 75 | 92', [{ field: 'departement', op: 'not-in', values: ['75', '92'] }]],
    ['population > 1000', [{ field: 'population', op: 'gt', value: 1000 }]],
    ['population < 2,5', [{ field: 'population', op: 'lt', value: 2.5 }]],
    ['population <= -3.5', [{ field: 'population', op: 'le', value: -3.5 }]],
    ['population = 1000..5000', [{ field: 'population', op: 'between', min: 1000, max: 5000 }]],
    ['population = 1000..', [{ field: 'population', op: 'ge', value: 1000 }]],
    ['population = ..5000', [{ field: 'population', op: 'le', value: 5000 }]],
    ['date = 2024-01..2024-06', [{ field: 'date', op: 'between', min: '2024-01', max: '2024-06' }]],
    ['date >= 2024-03-01', [{ field: 'date', op: 'ge', value: '2024-03-01' }]],
    ['date < 2024', [{ field: 'date', op: 'lt', value: 2024 }]],
    ['date = 2024', [{ field: 'date', op: 'in', values: ['2024'] }]],
    ['nom ~ saint', [{ field: 'nom', op: 'search', values: ['saint'] }]],
    ['nom ^= Saint | Sainte', [{ field: 'nom', op: 'starts-with', values: ['Saint', 'Sainte'] }]],
    ['population is empty', [{ field: 'population', op: 'null' }]],
    ['population IS NOT EMPTY', [{ field: 'population', op: 'not-null' }]],
    ["nom = L'Isle-Adam", [{ field: 'nom', op: 'in', values: ["L'Isle-Adam"] }]],
    ["nom = 'Saint-Denis; Nord'", [{ field: 'nom', op: 'in', values: ['Saint-Denis; Nord'] }]],
    ['nom = "a|b" | \'c\'', [{ field: 'nom', op: 'in', values: ['a|b', 'c'] }]],
    ["nom = 'L\\'Isle'", [{ field: 'nom', op: 'in', values: ["L'Isle"] }]],
    ['nom = "say \\"hi\\" \\\\ bye"', [{ field: 'nom', op: 'in', values: ['say "hi" \\ bye'] }]],
    ['nom = "1..2"', [{ field: 'nom', op: 'in', values: ['1..2'] }]],
    ['nom = ") OR ("', [{ field: 'nom', op: 'in', values: [') OR ('] }]],
    ['`nom commune` = Paris', [{ field: 'nom commune', op: 'in', values: ['Paris'] }]],
    [
      'a = 1\nb = 2',
      [
        { field: 'a', op: 'in', values: ['1'] },
        { field: 'b', op: 'in', values: ['2'] },
      ],
    ],
    ['  ;; a = 1 ;  ', [{ field: 'a', op: 'in', values: ['1'] }]],
    ['nom = Saint-Étienne 😀', [{ field: 'nom', op: 'in', values: ['Saint-Étienne 😀'] }]],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(parseFilter(text), expected));
  }
  it('accepts null and undefined as no filter', () => {
    assert.deepEqual(parseFilter(null), []);
    assert.deepEqual(parseFilter(undefined), []);
  });
});

describe('parseFilter errors', () => {
  const cases: [string, string][] = [
    ['= 01', 'reason.filter-field'],
    ['departement 01', 'reason.filter-operator'],
    ['departement ==', 'reason.filter-value'],
    ['departement =', 'reason.filter-value'],
    ['departement = 01 |', 'reason.filter-value'],
    ['nom = "Paris', 'reason.filter-quote'],
    ['nom = "Paris" Nord', 'reason.filter-trailing'],
    ['population > beaucoup', 'reason.expected-number-or-date'],
    ['population > 1 | 2', 'reason.filter-trailing'],
    ['population = ..', 'reason.filter-range'],
    ['population = 1..2..3', 'reason.filter-range'],
    ['population = abc..def', 'reason.expected-number-or-date'],
    ['population is empty please', 'reason.filter-operator'],
  ];
  for (const [text, reason] of cases) {
    it(`${JSON.stringify(text)} → ${reason}`, () => {
      assert.throws(
        () => parseFilter(text, 'filter'),
        (error: unknown) => {
          assert.ok(error instanceof VitrineDataError);
          assert.equal(error.kind, 'bad-attribute');
          assert.equal(error.details.attribute, 'filter');
          assert.equal(error.details.reason?.key, reason);
          assert.match(
            error.message,
            /^The filter attribute ".*" is not understood: .*\. Example: departement = 01 \| 02; population >= 1000$/s,
          );
          return true;
        },
      );
    });
  }
  it('says exactly what is wrong, in both languages', () => {
    try {
      parseFilter('departement 01', 'filter');
    } catch (error) {
      assert.ok(error instanceof VitrineDataError);
      assert.equal(
        error.message,
        'The filter attribute "departement 01" is not understood: an operator (=, !=, <, <=, >, >=, ~, ^=, is empty) is expected after "departement". Example: departement = 01 | 02; population >= 1000',
      );
      assert.equal(
        error.localizedMessage('fr'),
        'L’attribut filter «\u00a0departement 01\u00a0» n’est pas compris\u00a0: un opérateur (=, !=, <, <=, >, >=, ~, ^=, is empty) est attendu après «\u00a0departement\u00a0». Exemple\u00a0: departement = 01 | 02; population >= 1000',
      );
      return;
    }
    assert.fail('should throw');
  });
});

describe('formatFilter', () => {
  const filters: Filter[] = [
    parseFilter('departement = 01 | 02; population >= 1000'),
    parseFilter('nom = \'Saint-Denis; Nord\' | "a|b" | \' padded \' | "1..2" | "\\"q\\""'),
    parseFilter('population = 10..20; date <= 2024-03; nom ~ saint; nom ^= A; x is empty; y is not empty; z != 1'),
    [{ field: 'nom', op: 'in', values: ['") OR ("', 'back\\slash', "'quoted'"] }],
    [{ field: 'nom commune', op: 'in', values: ['x'] }],
  ];
  for (const filter of filters) {
    it(`round-trips ${JSON.stringify(filter)}`, () => {
      assert.deepEqual(parseFilter(formatFilter(filter)), filter);
    });
  }
  it('writes the plain syntax', () => {
    assert.equal(
      formatFilter(parseFilter('departement=01|02;population>=1000')),
      'departement = 01 | 02; population >= 1000',
    );
  });
});
