import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import {
  type FieldSchema,
  compileCondition,
  compileExplore,
  parseAggregateResponse,
  parseClustersResponse,
  parseExploreError,
  parseFacetsResponse,
  parseGeoJsonResponse,
  parseJsonExportResponse,
  parseRecordsResponse,
} from './explore.js';
import { parseFilter } from './filter.js';
import type { Query } from './query.js';
import { detectSource } from './source-url.js';
import { cacheKey } from './url.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const ref = detectSource('https://data.example.fr/explore/dataset/communes-france/');
const FIELDS: FieldSchema[] = [
  { name: 'code', type: 'text' },
  { name: 'nom', type: 'text' },
  { name: 'departement', type: 'text' },
  { name: 'population', type: 'int' },
  { name: 'surface', type: 'double' },
  { name: 'date', type: 'date' },
  { name: 'maj', type: 'datetime' },
  { name: 'actif', type: 'boolean' },
  { name: 'geo', type: 'geo_point_2d' },
];
const types = new Map(FIELDS.map((f) => [f.name, f]));

/** The decoded parameters of a compiled URL, as [name, value] pairs. */
function params(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()];
}
function path(url: string): string {
  return new URL(url).pathname;
}

describe('compileCondition', () => {
  const cases: [string, string][] = [
    ['departement = 01', 'departement = "01"'],
    ['departement = 01 | 2A', 'departement IN ("01", "2A")'],
    ['departement != 75', '(departement IS NULL OR NOT (departement = "75"))'],
    ['population >= 1000', 'population >= 1000'],
    ['population = 1000', 'population = 1000'],
    ['population = 1000 | 2000', 'population IN (1000, 2000)'],
    ['surface < 2,5', 'surface < 2.5'],
    ['population = 1000..5000', '(population >= 1000 AND population <= 5000)'],
    ['date = 2024', "(`date` >= date'2024' AND `date` < date'2025')"],
    ['date = 2024-12', "(`date` >= date'2024-12' AND `date` < date'2025-01')"],
    ['date = 2024-02-29', "(`date` >= date'2024-02-29' AND `date` < date'2024-03-01')"],
    [
      'date = 2024 | 2026',
      "((`date` >= date'2024' AND `date` < date'2025') OR (`date` >= date'2026' AND `date` < date'2027'))",
    ],
    ['date <= 2024-03', "`date` < date'2024-04'"],
    ['date > 2024', "`date` >= date'2025'"],
    ['date < 2024', "`date` < date'2024'"],
    ['date >= 2024-03-05', "`date` >= date'2024-03-05'"],
    ['maj >= 2024-03-05T10:00', "maj >= date'2024-03-05T10:00'"],
    ['maj <= 2024-03-05T10:00', "maj <= date'2024-03-05T10:00'"],
    ['date = 2024-01..2024-06', "(`date` >= date'2024-01' AND `date` < date'2024-07')"],
    ['actif = true', 'actif = true'],
    ['actif = FALSE', 'actif = false'],
    ['nom is empty', 'nom IS NULL'],
    ['nom is not empty', 'nom IS NOT NULL'],
    ['nom ~ saint', 'search(nom, "saint")'],
    ['nom ~ saint | sainte', '(search(nom, "saint") OR search(nom, "sainte"))'],
    ['nom ^= Saint', 'startswith(nom, "Saint")'],
  ];
  for (const [filter, expected] of cases) {
    it(`${filter} → ${expected}`, () => {
      const [condition] = parseFilter(filter);
      assert.ok(condition !== undefined);
      assert.equal(compileCondition(condition, types), expected);
    });
  }

  const injections = ['") OR ("', '" OR 1=1 OR "', 'a\\', 'a\\"b', 'line\nbreak', "') OR ('", 'Saint-Étienne 😀'];
  for (const value of injections) {
    it(`keeps ${JSON.stringify(value)} inside one string literal`, () => {
      const sql = compileCondition({ field: 'nom', op: 'in', values: [value] }, types);
      assert.ok(sql.startsWith('nom = "') && sql.endsWith('"'));
      const body = sql.slice('nom = "'.length, -1);
      // Every double quote inside is escaped, so the literal cannot end early.
      assert.ok(!/(^|[^\\])(\\\\)*"/.test(body), sql);
      assert.ok(!body.includes('\n'));
    });
  }

  it('refuses values that do not fit the field type, naming the attribute', () => {
    const check = (filter: string, reason: string) =>
      assert.throws(
        () => compileCondition(parseFilter(filter)[0]!, types, 'where-ish'),
        (e: unknown) =>
          e instanceof VitrineDataError &&
          e.kind === 'bad-attribute' &&
          e.details.attribute === 'where-ish' &&
          e.details.reason?.key === reason,
      );
    check('population = beaucoup', 'reason.expected-number');
    check('population = ") OR ("', 'reason.expected-number');
    check("date = 2024') OR ('", 'reason.expected-date');
    check('actif = oui', 'reason.expected-boolean');
  });

  it('types nothing without a schema: text stays text, numbers stay numbers', () => {
    assert.equal(compileCondition({ field: 'x', op: 'in', values: ['01'] }), 'x = "01"');
    assert.equal(compileCondition({ field: 'x', op: 'ge', value: 1000 }), 'x >= 1000');
    assert.equal(compileCondition({ field: 'and', op: 'null' }), '`and` IS NULL');
  });
});

describe('compileExplore', () => {
  const compile = (q: Query, r = ref) => compileExplore(r, q, { fields: FIELDS });
  const base = 'https://data.example.fr/api/explore/v2.1/catalog/datasets/communes-france';

  it('a key figure: one aggregate, no group', () => {
    const { url, plan } = compile({
      kind: 'aggregate',
      measures: [{ op: 'sum', field: 'population' }],
      filter: parseFilter('departement = 01'),
    });
    assert.equal(url, `${base}/records?select=sum%28population%29+as+vitrine_m0&where=departement+%3D+%2201%22`);
    assert.deepEqual(plan, {
      kind: 'aggregate',
      groups: [],
      measures: [{ alias: 'vitrine_m0', expression: 'sum(population)', key: 'sum(population)' }],
    });
  });

  it('a bar chart: group, two measures, sort by a measure, limit', () => {
    const { url } = compile({
      kind: 'aggregate',
      measures: [{ op: 'count' }, { op: 'sum', field: 'population' }],
      groupBy: [{ field: 'departement' }],
      sort: [{ by: 'sum(population)', desc: true }],
      limit: 10,
    });
    assert.equal(path(url), '/api/explore/v2.1/catalog/datasets/communes-france/records');
    assert.deepEqual(params(url), [
      ['group_by', 'departement as vitrine_g0'],
      ['limit', '10'],
      ['order_by', 'vitrine_m1 desc'],
      ['select', 'count(*) as vitrine_m0, sum(population) as vitrine_m1'],
    ]);
  });

  it('a time series: time unit expressions, chronological order by default', () => {
    const expressions = {
      year: 'year(`date`)',
      quarter: 'range(`date`, 1 q)',
      month: 'date_format(`date`, "yyyy-MM")',
      week: 'date_format(`date`, "xxxx-\'W\'ww")',
      day: 'date_format(`date`, "yyyy-MM-dd")',
      hour: 'date_format(`date`, "yyyy-MM-dd HH")',
    } as const;
    for (const [unit, expression] of Object.entries(expressions)) {
      const { url } = compile({
        kind: 'aggregate',
        measures: [{ op: 'avg', field: 'surface' }],
        groupBy: [{ field: 'date', timeUnit: unit as keyof typeof expressions }],
      });
      assert.deepEqual(params(url), [
        ['group_by', `${expression} as vitrine_g0`],
        ['limit', '5000'],
        ['order_by', 'vitrine_g0 asc'],
        ['select', 'avg(surface) as vitrine_m0'],
      ]);
    }
  });

  it('count distinct, median, count of a field', () => {
    const { url } = compile({
      kind: 'aggregate',
      measures: [
        { op: 'count_distinct', field: 'departement' },
        { op: 'median', field: 'population' },
        { op: 'count', field: 'population' },
      ],
    });
    assert.deepEqual(params(url), [
      [
        'select',
        'count(distinct departement) as vitrine_m0, median(population) as vitrine_m1, count(population) as vitrine_m2',
      ],
    ]);
  });

  it('a table page: fields, order, limit/offset, full-text search', () => {
    const { url } = compile({
      kind: 'records',
      fields: ['code', 'nom', 'date'],
      sort: [{ by: 'population', desc: true }, { by: 'nom' }],
      limit: 20,
      offset: 40,
      search: 'lyon',
    });
    assert.deepEqual(params(url), [
      ['limit', '20'],
      ['offset', '40'],
      ['order_by', 'population desc, nom asc'],
      ['select', 'code, nom, `date`'],
      ['where', 'search("lyon")'],
    ]);
  });

  it('respects the portal limits', () => {
    const bad = (q: Query, attribute: string, reason: string) =>
      assert.throws(
        () => compile(q),
        (e: unknown) =>
          e instanceof VitrineDataError && e.details.attribute === attribute && e.details.reason?.key === reason,
      );
    assert.doesNotThrow(() => compile({ kind: 'records', limit: 100, offset: 9900 }));
    bad({ kind: 'records', limit: 101 }, 'limit', 'reason.limit');
    bad({ kind: 'records', limit: 50, offset: 9951 }, 'offset', 'reason.offset');
    bad({ kind: 'records', limit: -1 }, 'limit', 'reason.limit');
    bad(
      { kind: 'aggregate', measures: [{ op: 'count' }], groupBy: [{ field: 'nom' }], limit: 20001 },
      'limit',
      'reason.limit',
    );
    bad(
      { kind: 'aggregate', measures: [{ op: 'count' }], groupBy: [{ field: 'nom' }], sort: [{ by: 'sum(x)' }] },
      'sort',
      'reason.sort-key',
    );
  });

  it('facets, exports and clusters', () => {
    const facets = compile({
      kind: 'facets',
      facets: ['departement', 'date'],
      filter: parseFilter('population >= 1000'),
    });
    assert.equal(path(facets.url), '/api/explore/v2.1/catalog/datasets/communes-france/facets');
    assert.deepEqual(params(facets.url), [
      ['facet', 'date'],
      ['facet', 'departement'],
      ['where', 'population >= 1000'],
    ]);
    const geojson = compile({ kind: 'export', format: 'geojson', fields: ['nom', 'geo'] });
    assert.equal(geojson.url, `${base}/exports/geojson?select=nom%2C+geo`);
    const clusters = compile({
      kind: 'clusters',
      geoField: 'geo',
      zoom: 6,
      measures: [{ op: 'sum', field: 'population' }],
    });
    assert.deepEqual(params(clusters.url), [
      ['group_by', 'geo_cluster(geo, 6) as vitrine_cluster'],
      ['limit', '20000'],
      ['select', 'count(*) as vitrine_count, sum(population) as vitrine_m0'],
    ]);
  });

  it('carries the address filters as refine/exclude/where, each value quoted', () => {
    const withFilters = detectSource(
      'https://data.example.fr/explore/dataset/communes-france/table/?refine.region=84&exclude.departement=01&q=saint&refine.nom=a%22b',
    );
    const { url } = compile(
      { kind: 'records', where: ['population > 10 OR population IS NULL'], timezone: 'Europe/Paris' },
      withFilters,
    );
    assert.deepEqual(params(url), [
      ['exclude', 'departement:"01"'],
      ['limit', '10'],
      ['refine', 'nom:"a\\"b"'],
      ['refine', 'region:"84"'],
      ['timezone', 'Europe/Paris'],
      ['where', 'population > 10 OR population IS NULL'],
      ['where', 'search("saint")'],
    ]);
  });

  it('gives identical queries identical URLs, whatever the order of filters', () => {
    const a = compile({ kind: 'records', filter: parseFilter('a = 1; b = 2') });
    const b = compile({ kind: 'records', filter: parseFilter('b = 2; a = 1') });
    assert.equal(a.url, b.url);
  });
});

describe('cacheKey', () => {
  it('sorts parameters by name then value and drops the fragment', () => {
    assert.equal(cacheKey('https://x.fr/a?b=2&a=1#frag'), 'https://x.fr/a?a=1&b=2');
    assert.equal(cacheKey('https://x.fr/a?where=b&where=a&limit=1'), 'https://x.fr/a?limit=1&where=a&where=b');
    assert.equal(cacheKey('https://x.fr/a?q=a%20b'), cacheKey('https://x.fr/a?q=a+b'));
    assert.equal(cacheKey('https://x.fr/a'), 'https://x.fr/a');
    assert.equal(cacheKey('not a url'), 'not a url');
  });
});

describe('replayed answers', () => {
  it('records (v2.1 flat)', () => {
    const result = parseRecordsResponse(fixture('records.json'));
    assert.equal(result.total, 1484);
    assert.equal(result.rows.length, 1);
    assert.deepEqual(result.rows[0]?.coordonnees_geo, { lon: 2.3963020229163, lat: 48.778192750803 });
    assert.equal(result.rows[0]?.name, "Rouget de L'isle - Watteau");
  });

  it('records (v2.0 and v1 shapes, tolerated)', () => {
    assert.deepEqual(parseRecordsResponse({ total_count: 1, records: [{ record: { id: 'x', fields: { a: 1 } } }] }), {
      rows: [{ a: 1 }],
      total: 1,
    });
    assert.deepEqual(parseRecordsResponse({ nhits: 2, records: [{ recordid: 'x', fields: { a: 2 } }] }), {
      rows: [{ a: 2 }],
      total: 2,
    });
  });

  it('group_by keyed by alias and by expression text', () => {
    const plan = {
      kind: 'aggregate' as const,
      groups: [{ alias: 'vitrine_g0', expression: 'nom_arrondissement_communes', key: 'commune' }],
      measures: [
        { alias: 'nb_stations', expression: 'count(*)', key: 'count(*)' },
        { alias: 'vitrine_m1', expression: 'sum(capacity)', key: 'sum(capacity)' },
      ],
      limit: 2,
    };
    const result = parseAggregateResponse(fixture('group-by.json'), plan);
    assert.deepEqual(result, {
      rows: [
        { commune: 'Paris', 'count(*)': 986, 'sum(capacity)': 31867 },
        { commune: 'Boulogne-Billancourt', 'count(*)': 29, 'sum(capacity)': 877 },
      ],
      truncated: true,
    });
  });

  it('group_by with the null group', () => {
    const plan = {
      kind: 'aggregate' as const,
      groups: [{ alias: 'nom_arrondissement_communes', expression: 'nom_arrondissement_communes', key: 'c' }],
      measures: [{ alias: 'nb_stations', expression: 'count(*)', key: 'n' }],
      limit: 10,
    };
    assert.deepEqual(parseAggregateResponse(fixture('group-by-null.json'), plan), {
      rows: [
        { c: 'Paris', n: 986 },
        { c: null, n: 3 },
      ],
      truncated: false,
    });
  });

  it('ranges and an upper-case expression key', () => {
    const plan = {
      kind: 'aggregate' as const,
      groups: [{ alias: 'x', expression: 'range(capacity,15)', key: 'capacity' }],
      measures: [{ alias: 'y', expression: 'count(*)', key: 'n' }],
    };
    assert.deepEqual(parseAggregateResponse(fixture('ranges.json'), plan).rows, [
      { capacity: '[0, 14]', n: 43 },
      { capacity: '[15, 29]', n: 612 },
    ]);
  });

  it('time buckets into period keys (years as numbers, formats, date ranges)', () => {
    const plan = (unit: 'year' | 'quarter' | 'month' | 'week' | 'hour') => ({
      kind: 'aggregate' as const,
      groups: [{ alias: 'g', expression: 'x', key: 'period', timeUnit: unit }],
      measures: [{ alias: 'm', expression: 'count(*)', key: 'n' }],
    });
    const rows = (unit: Parameters<typeof plan>[0], values: unknown[]) =>
      parseAggregateResponse({ results: values.map((g) => ({ g, m: '1' })) }, plan(unit)).rows.map((r) => r.period);
    assert.deepEqual(rows('year', [2012, '2013']), ['2012', '2013']);
    assert.deepEqual(
      rows('quarter', ['[2012-01-01T00:00:00+00:00, 2012-04-01T00:00:00+00:00[', '[2012-04-01, 2012-07-01[']),
      ['2012-Q1', '2012-Q2'],
    );
    assert.deepEqual(rows('month', ['2012-01']), ['2012-01']);
    assert.deepEqual(rows('week', ['2012-W01']), ['2012-01-02']);
    assert.deepEqual(rows('hour', ['2012-01-01 13']), ['2012-01-01T13:00']);
    assert.deepEqual(rows('month', [null]), [null]);
  });

  it('aggregate without group_by (and a missing row means zero)', () => {
    const plan = {
      kind: 'aggregate' as const,
      groups: [],
      measures: [{ alias: 'n', expression: 'count(*)', key: 'count(*)' }],
    };
    assert.deepEqual(parseAggregateResponse(fixture('aggregate.json'), plan), {
      rows: [{ 'count(*)': 5287 }],
      total: 5287,
      truncated: false,
    });
    assert.deepEqual(parseAggregateResponse({ results: [] }, plan).rows, [{ 'count(*)': 0 }]);
  });

  it('geo clusters', () => {
    const plan = { kind: 'clusters' as const, cluster: 'vitrine_cluster', count: 'vitrine_count', measures: [] };
    assert.deepEqual(parseClustersResponse(fixture('geo-cluster.json'), plan).rows, [
      { lat: 48.87, lon: 2.36, count: 613, values: {} },
    ]);
  });

  it('facets, with nested date values', () => {
    assert.deepEqual(parseFacetsResponse(fixture('facets.json')), {
      facets: [
        {
          field: 'cou_name_en',
          values: [{ value: 'Afghanistan', name: 'Afghanistan', count: 313, state: 'displayed' }],
        },
        {
          field: 'modified',
          values: [
            {
              value: '2020',
              name: '2020',
              count: 8,
              state: 'refined',
              children: [{ value: '2020/11', name: '11', count: 2, state: 'displayed' }],
            },
          ],
        },
      ],
    });
  });

  it('exports', () => {
    assert.equal(parseGeoJsonResponse({ type: 'FeatureCollection', features: [] }).features.length, 0);
    assert.deepEqual(parseJsonExportResponse([{ a: 1 }, 'junk']), [{ a: 1 }]);
  });

  it('refuses answers of the wrong shape as malformed', () => {
    const malformed = (e: unknown) =>
      e instanceof VitrineDataError && e.kind === 'malformed' && e.details.reason?.key === 'reason.shape';
    assert.throws(() => parseRecordsResponse('<html>'), malformed);
    assert.throws(() => parseRecordsResponse({ total_count: 3 }), malformed);
    assert.throws(() => parseFacetsResponse({ links: [] }), malformed);
    assert.throws(() => parseGeoJsonResponse([]), malformed);
    assert.throws(() => parseJsonExportResponse({}), malformed);
    assert.throws(() => parseAggregateResponse(null, { kind: 'aggregate', groups: [], measures: [] }), malformed);
  });
});

describe('parseExploreError', () => {
  it('400 ODSQL, error_code/message style', () => {
    const info = parseExploreError(400, fixture('error-400-odsql.json'));
    assert.equal(info.kind, 'bad-query');
    assert.equal(info.details.portalCode, 'ODSQLError');
    assert.equal(
      info.details.portalMessage,
      'ODSQL query is malformed: invalid_function() Clause(s) containing the error(s): select.',
    );
    assert.equal(
      parseExploreError(400, fixture('error-400-unknown-field.json')).details.portalMessage,
      'ODSQL query is malformed: Unknown field: anzahl',
    );
  });
  it('400 parameter errors', () => {
    for (const name of ['error-400-limit.json', 'error-400-offset.json']) {
      const info = parseExploreError(400, fixture(name));
      assert.equal(info.kind, 'bad-query');
      assert.equal(info.details.portalCode, 'InvalidRESTParameterError');
      assert.match(info.details.portalMessage ?? '', /^Invalid value for /);
    }
  });
  it('429, errorcode/error style, domain and anonymous', () => {
    const now = Date.parse('2021-01-25T23:00:00Z');
    const domain = parseExploreError(429, fixture('error-429-domain.json'), now);
    assert.equal(domain.kind, 'rate-limited');
    assert.equal(domain.details.portalCode, '10002');
    assert.equal(
      domain.details.portalMessage,
      'Too many requests on the domain. Please contact the domain administrator.',
    );
    assert.equal(domain.details.resetTime, '2021-01-26T00:00:00.000Z');
    assert.equal(domain.details.retryAfter, 3600);
    const anonymous = parseExploreError(429, fixture('error-429-anonymous.json'), now);
    assert.equal(anonymous.details.portalCode, '10005');
    assert.equal(anonymous.kind, 'rate-limited');
  });
  it('401, 403, 404, 5xx and bodies that are not JSON', () => {
    assert.equal(parseExploreError(401, { error_code: 'Unauthorized', message: 'x' }).kind, 'unauthorized');
    assert.equal(parseExploreError(403, null).kind, 'unauthorized');
    const notFound = parseExploreError(404, { error_code: 'NotFound', message: 'Unknown dataset: nope' });
    assert.equal(notFound.kind, 'not-found');
    assert.equal(notFound.details.portalMessage, 'Unknown dataset: nope');
    assert.equal(parseExploreError(500, 'Internal Server Error').details.portalMessage, 'Internal Server Error');
    assert.equal(parseExploreError(502, '<html>bad gateway</html>').details.portalMessage, undefined);
    assert.equal(parseExploreError(503, undefined).kind, 'unavailable');
  });
});
