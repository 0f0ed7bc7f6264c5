import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import { parseFilter } from './filter.js';
import {
  type DatasetMetadata,
  editDistance,
  parseDatasetMetadata,
  suggestField,
  validateFields,
  validateQuery,
} from './metadata.js';

const body: unknown = JSON.parse(readFileSync(new URL('./fixtures/dataset.json', import.meta.url), 'utf8'));

describe('parseDatasetMetadata', () => {
  it('reads the recorded dataset object', () => {
    const meta = parseDatasetMetadata(body);
    assert.equal(meta.datasetId, 'geonames-all-cities-with-a-population-1000');
    assert.equal(meta.recordsCount, 137611);
    assert.equal(meta.license, 'CC BY 4.0');
    assert.equal(meta.modified, '2021-06-23T07:50:20+00:00');
    assert.equal(meta.timezone, undefined);
    assert.deepEqual(meta.features, ['geo', 'analyze', 'timeserie']);
    assert.deepEqual(meta.fields, [
      // Text is sortable when annotated so; numbers and dates always; geometry never.
      { name: 'name', label: 'Name', type: 'text', multivalued: false, facet: false, sortable: true },
      { name: 'cou_name_en', label: 'Country name EN', type: 'text', multivalued: false, facet: true },
      { name: 'alternate_names', label: 'Alternate Names', type: 'text', multivalued: true, facet: false },
      { name: 'population', label: 'Population', type: 'int', multivalued: false, facet: false, sortable: true },
      { name: 'coordinates', label: 'Coordinates', type: 'geo_point_2d', multivalued: false, facet: false },
    ]);
  });
  it('reads unit and decimals annotations, v2.0 wrapping and list annotations', () => {
    const meta = parseDatasetMetadata({
      dataset: {
        dataset_id: 'x',
        fields: [
          { name: 'montant', type: 'double', annotations: { unit: ['€'], decimals: ['2'] } },
          { name: 'cat', type: 'text', annotations: [{ name: 'facet', args: [] }] },
          { name: 'code', type: 'text', annotations: [{ name: 'sortable' }] },
          { name: 'day', type: 'date' },
        ],
      },
    });
    assert.deepEqual(meta.fields, [
      {
        name: 'montant',
        label: 'montant',
        type: 'double',
        multivalued: false,
        facet: false,
        sortable: true,
        unit: '€',
        decimals: 2,
      },
      { name: 'cat', label: 'cat', type: 'text', multivalued: false, facet: true },
      { name: 'code', label: 'code', type: 'text', multivalued: false, facet: false, sortable: true },
      { name: 'day', label: 'day', type: 'date', multivalued: false, facet: false, sortable: true },
    ]);
  });
  it('refuses other shapes as malformed', () => {
    for (const bad of [null, [], { dataset_id: 'x' }, '<html>']) {
      assert.throws(
        () => parseDatasetMetadata(bad),
        (e: unknown) => e instanceof VitrineDataError && e.kind === 'malformed',
      );
    }
  });
});

const meta: DatasetMetadata = {
  datasetId: 'communes-france',
  features: [],
  fields: [
    { name: 'code', label: 'Code INSEE', type: 'text', multivalued: false, facet: false },
    { name: 'nom', label: 'Nom', type: 'text', multivalued: false, facet: false },
    { name: 'departement', label: 'Département', type: 'text', multivalued: false, facet: true },
    { name: 'population', label: 'Population', type: 'int', multivalued: false, facet: false },
    { name: 'date', label: 'Date', type: 'date', multivalued: false, facet: false },
    { name: 'geo', label: 'Position', type: 'geo_point_2d', multivalued: false, facet: false },
  ],
};

describe('suggestField', () => {
  const cases: [string, string | undefined][] = [
    ['popluation', 'population'],
    ['Population', 'population'],
    ['POPULATION', 'population'],
    ['populaton', 'population'],
    ['Code INSEE', 'code'],
    ['département', 'departement'],
    ['departemnt', 'departement'],
    ['nmo', 'nom'],
    ['dep', 'departement'],
    ['pop', 'population'],
    ['geu', 'geo'],
    ['xyz', undefined],
    ['co', undefined],
    ['zzzzzz', undefined],
    ['', undefined],
  ];
  for (const [name, expected] of cases)
    it(`${name} → ${String(expected)}`, () => assert.equal(suggestField(name, meta.fields), expected));
  it('measures edits with adjacent swaps', () => {
    assert.equal(editDistance('popluation', 'population'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('validateQuery', () => {
  it('accepts fields that exist and fit', () => {
    assert.doesNotThrow(() =>
      validateQuery(meta, {
        kind: 'aggregate',
        measures: [
          { op: 'sum', field: 'population' },
          { op: 'max', field: 'date' },
          { op: 'count_distinct', field: 'nom' },
        ],
        groupBy: [{ field: 'date', timeUnit: 'month' }],
        filter: parseFilter('departement = 01'),
      }),
    );
    assert.doesNotThrow(() => validateQuery(meta, { kind: 'clusters', geoField: 'geo', zoom: 3 }));
  });

  it('names the unknown field, the attribute, the dataset fields and a suggestion', () => {
    assert.throws(
      () => validateQuery(meta, { kind: 'aggregate', measures: [{ op: 'sum', field: 'popluation' }] }),
      (error: unknown) => {
        assert.ok(error instanceof VitrineDataError);
        assert.equal(error.kind, 'unknown-field');
        assert.equal(
          error.message,
          'Unknown field "popluation" in the value attribute: did you mean "population"? Fields of communes-france are: code, nom, departement, population, date, geo.',
        );
        return true;
      },
    );
  });

  it('uses the attribute names it is given', () => {
    assert.throws(
      () =>
        validateQuery(
          meta,
          { kind: 'aggregate', measures: [{ op: 'count' }], groupBy: [{ field: 'dept' }] },
          { group: 'x' },
        ),
      (e: unknown) => e instanceof VitrineDataError && e.details.attribute === 'x' && e.details.field === 'dept',
    );
    assert.throws(
      () => validateQuery(meta, { kind: 'records', filter: parseFilter('xyz = 01') }, { filter: 'filter' }),
      (e: unknown) =>
        e instanceof VitrineDataError && e.details.attribute === 'filter' && e.details.suggestion === undefined,
    );
    assert.throws(
      () => validateQuery(meta, { kind: 'records', sort: [{ by: 'pop' }] }, { sort: 'sort' }),
      (e: unknown) => e instanceof VitrineDataError && e.kind === 'unknown-field' && e.details.attribute === 'sort',
    );
  });

  it('checks that each field fits its role', () => {
    const reason = (key: string) => (e: unknown) =>
      e instanceof VitrineDataError && e.kind === 'bad-attribute' && e.details.reason?.key === key;
    assert.throws(
      () => validateQuery(meta, { kind: 'aggregate', measures: [{ op: 'sum', field: 'nom' }] }),
      reason('reason.measure-numeric'),
    );
    assert.throws(
      () => validateQuery(meta, { kind: 'aggregate', measures: [{ op: 'avg', field: 'date' }] }),
      reason('reason.measure-numeric'),
    );
    assert.throws(
      () => validateQuery(meta, { kind: 'aggregate', measures: [{ op: 'max', field: 'nom' }] }),
      reason('reason.measure-orderable'),
    );
    assert.throws(
      () =>
        validateQuery(meta, {
          kind: 'aggregate',
          measures: [{ op: 'count' }],
          groupBy: [{ field: 'nom', timeUnit: 'year' }],
        }),
      reason('reason.date-field'),
    );
    assert.throws(
      () => validateQuery(meta, { kind: 'clusters', geoField: 'nom', zoom: 3 }),
      reason('reason.geo-field'),
    );
    try {
      validateFields(meta, [{ field: 'nom', role: 'measure', op: 'sum' }]);
    } catch (error) {
      assert.ok(error instanceof VitrineDataError);
      assert.equal(
        error.message,
        'The value attribute "sum(nom)" is not understood: sum needs a numeric field, and "nom" is of type text. Example: sum(population)',
      );
    }
  });
});
