/**
 * End to end against the local portal, over real HTTP: detection → query → adapter → client →
 * result → formatted number, as a `vitrine-figure` or `vitrine-chart` will do it.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { formatNumber } from '../format/number.js';
import { type Dataset, openDataset } from './dataset.js';
import { VitrineDataError } from './errors.js';
import { parseFilter } from './filter.js';
import { type HttpClient, createHttpClient } from './http.js';
import { parseGroupBy, parseMeasure, parseSort, previousPeriodFilter } from './query.js';

interface Portal {
  url: string;
  close(): Promise<void>;
}
interface LogEntry {
  path: string;
  search: string;
  status: number;
}

const PORTAL_MODULE = new URL('../../demo/portal/server.js', import.meta.url).href;
const NNBSP = '\u202f';
const NBSP = '\u00a0';
let portal: Portal;
let http: HttpClient;

async function portalLog(): Promise<LogEntry[]> {
  return (await (await fetch(`${portal.url}/__log`)).json()) as LogEntry[];
}

before(async () => {
  const module = (await import(PORTAL_MODULE)) as { startPortal(_options?: object): Promise<Portal> };
  portal = await module.startPortal({ port: 0, quiet: true });
});
after(async () => {
  await portal?.close();
});
beforeEach(async () => {
  http = createHttpClient({ retryDelay: 5 });
  await fetch(`${portal.url}/__faults`, { method: 'DELETE' });
  await fetch(`${portal.url}/__log`, { method: 'DELETE' });
});

const communes = (suffix = '') =>
  openDataset(`${portal.url}/explore/dataset/communes-france/${suffix}`, { client: http });
const seattle = () => openDataset(`${portal.url}/explore/dataset/seattle-weather/`, { client: http });

async function figure(dataset: Dataset, value: string, filter = ''): Promise<number | null> {
  const { rows } = await dataset.aggregate({ measures: [parseMeasure(value)], filter: parseFilter(filter) });
  const result = rows[0]?.[value.replace(/\s+/g, '')];
  assert.ok(typeof result === 'number' || result === null, `a number for ${value}`);
  return result;
}

describe('key figures, end to end', () => {
  it('sum(population) of communes-france is 68,952,941', async () => {
    const total = await figure(communes(), 'sum(population)');
    assert.equal(total, 68_952_941);
    assert.equal(formatNumber(total, { locale: 'fr' }), `68${NNBSP}952${NNBSP}941`);
    assert.equal(formatNumber(total, { locale: 'fr', compact: true, unit: 'habitants' }), `69${NBSP}M${NBSP}habitants`);
    assert.equal(formatNumber(total, { locale: 'en', compact: true }), '69M');
  });

  it('with departement = 01 it is 679,344 (neutral filter, or a refine in the address)', async () => {
    assert.equal(await figure(communes(), 'sum(population)', 'departement = 01'), 679_344);
    assert.equal(await figure(communes('table/?refine.departement=01'), 'sum(population)'), 679_344);
    assert.equal(
      await figure(
        openDataset(
          `${portal.url}/api/explore/v2.1/catalog/datasets/communes-france/records?where=departement%3D%2201%22`,
          { client: http },
        ),
        'sum(population)',
      ),
      679_344,
    );
    assert.equal(formatNumber(679_344, { locale: 'fr' }), `679${NNBSP}344`);
  });

  it('count(*) is 34,969; other aggregates agree with each other', async () => {
    const dataset = communes();
    assert.equal(await figure(dataset, 'count(*)'), 34_969);
    const { rows } = await dataset.aggregate({
      measures: [
        'count(population)',
        'avg(population)',
        'min(population)',
        'max(population)',
        'count_distinct(departement)',
      ].map((m) => parseMeasure(m)),
    });
    const row = rows[0]!;
    const counted = row['count(population)'] as number;
    assert.ok(counted > 34_000 && counted <= 34_969);
    assert.ok(Math.abs((row['avg(population)'] as number) - 68_952_941 / counted) < 1e-6);
    assert.equal(row['min(population)'], 0);
    assert.ok((row['max(population)'] as number) > 2_000_000);
    assert.ok((row['count_distinct(departement)'] as number) >= 101);
  });

  it('one request for metadata, one per distinct figure, none for a repeated one', async () => {
    const dataset = communes();
    await Promise.all([
      figure(dataset, 'sum(population)'),
      figure(dataset, 'sum(population)'),
      figure(communes(), 'count(*)'),
    ]);
    await figure(dataset, 'sum(population)');
    const api = (await portalLog()).filter((e) => e.path.startsWith('/api/'));
    assert.equal(api.filter((e) => e.path.endsWith('/communes-france')).length, 1);
    assert.equal(api.filter((e) => e.path.endsWith('/records')).length, 2);
  });

  it('compares with the previous period of a date field', async () => {
    const dataset = seattle();
    const filter = parseFilter('date = 2015');
    const current = await dataset.aggregate({ measures: [parseMeasure('sum(precipitation)')], filter });
    const before = previousPeriodFilter(filter, 'date', 'period');
    assert.ok(before !== null);
    const previous = await dataset.aggregate({ measures: [parseMeasure('sum(precipitation)')], filter: before });
    const all2014 = await dataset.aggregate({
      measures: [parseMeasure('count(*)')],
      filter: parseFilter('date = 2014-01-01..2014-12-31'),
    });
    assert.equal(all2014.rows[0]?.['count(*)'], 365);
    assert.ok(typeof current.rows[0]?.['sum(precipitation)'] === 'number');
    assert.notEqual(current.rows[0]?.['sum(precipitation)'], previous.rows[0]?.['sum(precipitation)']);
  });
});

describe('charts: grouped queries', () => {
  it('top departements by population with an "others" bucket that completes the total', async () => {
    const result = await communes().aggregate({
      measures: [parseMeasure('sum(population)'), parseMeasure('count(*)')],
      groupBy: [parseGroupBy('departement')],
      sort: parseSort('-sum(population)'),
      limit: 5,
      others: true,
    });
    assert.equal(result.rows.length, 5);
    assert.equal(result.rows[0]?.departement, '59');
    const values = result.rows.map((r) => r['sum(population)'] as number);
    assert.deepEqual(
      values,
      [...values].sort((a, b) => b - a),
    );
    const shown = values.reduce((a, b) => a + b, 0);
    assert.equal(shown + (result.others?.['sum(population)'] as number), 68_952_941);
    const counted = result.rows.reduce((a, r) => a + (r['count(*)'] as number), 0);
    assert.equal(counted + (result.others?.['count(*)'] as number), 34_969);
  });

  it('no "others" when every group is shown', async () => {
    const result = await communes().aggregate({
      measures: [parseMeasure('count(*)')],
      groupBy: [parseGroupBy('zone')],
      limit: 10,
      others: true,
    });
    assert.equal(result.others, undefined);
    assert.equal(result.truncated, false);
    assert.equal(
      result.rows.reduce((a, r) => a + (r['count(*)'] as number), 0),
      34_969,
    );
  });

  it('time series by every time unit, in time order, adding up to the total', async () => {
    const expected = { year: 4, quarter: 16, month: 48, week: 210, day: 1461 } as const;
    for (const [unit, count] of Object.entries(expected)) {
      const { rows } = await seattle().aggregate({
        measures: [parseMeasure('count(*)'), parseMeasure('avg(temp_max)')],
        groupBy: [parseGroupBy(`${unit}(date)`)],
      });
      assert.equal(rows.length, count, unit);
      const keys = rows.map((r) => r[`${unit}(date)`] as string);
      assert.deepEqual(keys, [...keys].sort(), `${unit} in order`);
      assert.equal(
        rows.reduce((a, r) => a + (r['count(*)'] as number), 0),
        1461,
        unit,
      );
      const first = keys[0];
      const expectedFirst = {
        year: '2012',
        quarter: '2012-Q1',
        month: '2012-01',
        week: '2011-12-26',
        day: '2012-01-01',
      }[unit as keyof typeof expected];
      assert.equal(first, expectedFirst, unit);
    }
  });

  it('hours of a date field all fall at midnight', async () => {
    const { rows } = await seattle().aggregate({
      measures: [parseMeasure('count(*)')],
      groupBy: [parseGroupBy('hour(date)')],
      limit: 3,
    });
    assert.deepEqual(
      rows.map((r) => r['hour(date)']),
      ['2012-01-01T00:00', '2012-01-02T00:00', '2012-01-03T00:00'],
    );
  });

  it('groups by two fields', async () => {
    const { rows } = await seattle().aggregate({
      measures: [parseMeasure('count(*)')],
      groupBy: [parseGroupBy('year(date)'), parseGroupBy('weather')],
    });
    assert.ok(rows.length > 4);
    assert.equal(
      rows.reduce((a, r) => a + (r['count(*)'] as number), 0),
      1461,
    );
    assert.ok(rows.every((r) => typeof r.weather === 'string' && /^\d{4}$/.test(String(r['year(date)']))));
  });
});

describe('tables, filters, maps', () => {
  it('a page of records: fields, order, limit/offset, total, full-text search', async () => {
    const page = await communes().records({
      fields: ['code', 'nom', 'population'],
      sort: parseSort('-population'),
      limit: 3,
    });
    assert.equal(page.total, 34_969);
    assert.deepEqual(
      page.rows.map((r) => r.nom),
      ['Paris', 'Marseille', 'Lyon'],
    );
    assert.deepEqual(Object.keys(page.rows[0] ?? {}).sort(), ['code', 'nom', 'population']);
    const next = await communes().records({ fields: ['nom'], sort: parseSort('-population'), limit: 2, offset: 2 });
    assert.deepEqual(
      next.rows.map((r) => r.nom),
      ['Lyon', 'Toulouse'],
    );
    const search = await communes().records({ fields: ['nom'], search: 'Villeurbanne', limit: 5 });
    assert.ok(search.rows.some((r) => r.nom === 'Villeurbanne'));
  });

  it('facets with counts, filtered like the data', async () => {
    const { facets } = await communes().facets({ facets: ['region'], filter: parseFilter('departement = 01 | 69') });
    assert.equal(facets[0]?.field, 'region');
    assert.deepEqual(
      facets[0]?.values.map((v) => [v.value, v.count]),
      [['84', 391 + (await figure(communes(), 'count(*)', 'departement = 69'))!]],
    );
  });

  it('a GeoJSON layer and map clusters', async () => {
    const airports = openDataset(`${portal.url}/explore/dataset/us-airports/`, { client: http });
    const layer = await airports.geojson({ fields: ['name', 'geo_point_2d'], limit: 5 });
    assert.equal(layer.type, 'FeatureCollection');
    assert.equal(layer.features.length, 5);
    const { rows } = await airports.clusters({ geoField: 'geo_point_2d', zoom: 2 });
    assert.ok(rows.length > 1);
    const total = await figure(airports, 'count(*)');
    assert.equal(
      rows.reduce((a, r) => a + r.count, 0),
      total,
    );
    assert.ok(rows.every((r) => Math.abs(r.lat) <= 90 && Math.abs(r.lon) <= 180));
  });

  it('a CSV export address of exactly what a table shows', async () => {
    const url = await communes().exportUrl({
      format: 'csv',
      fields: ['code', 'nom'],
      filter: parseFilter('departement = 01'),
      limit: 3,
    });
    const csv = await http.getText(url);
    assert.equal(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/).length,
      4,
    );
  });
});

describe('escaping, against the portal’s own parser', () => {
  it('every hostile label finds exactly its own rows', async () => {
    const dataset = openDataset(`${portal.url}/explore/dataset/hostile-strings/`, { client: http });
    const all = await dataset.exportJson({ fields: ['label'] });
    const labels = all.map((r) => r.label).filter((l): l is string => typeof l === 'string');
    assert.ok(labels.length >= 10);
    for (const label of new Set(labels)) {
      const expected = labels.filter((l) => l === label).length;
      const { rows } = await dataset.aggregate({
        measures: [parseMeasure('count(*)')],
        filter: [{ field: 'label', op: 'in', values: [label] }],
      });
      assert.equal(rows[0]?.['count(*)'], expected, JSON.stringify(label).slice(0, 80));
    }
  });

  it('injection strings stay values: no match, never a wider query', async () => {
    for (const value of ['") OR ("', '" OR 1=1 OR "', "') OR ('", 'a\\', 'x"\nOR\n"y', 'Saint-Étienne\\" OR "1"="1']) {
      assert.equal(await figure(communes(), 'count(*)', ''), 34_969);
      const { rows } = await communes().aggregate({
        measures: [parseMeasure('count(*)')],
        filter: [{ field: 'nom', op: 'in', values: [value] }],
      });
      assert.equal(rows[0]?.['count(*)'], 0, value);
      // Full text searches the words of the value; its quotes never widen the query to everything.
      const page = await communes().records({ search: value, limit: 1 });
      assert.ok((page.total ?? 0) < 34_969, `${value}: ${String(page.total)}`);
    }
  });

  it('an apostrophe and accents match exactly', async () => {
    const { rows } = await communes().aggregate({
      measures: [parseMeasure('count(*)')],
      filter: parseFilter("nom = L'Abergement-Clémenciat"),
    });
    assert.equal(rows[0]?.['count(*)'], 1);
  });
});

describe('mistakes and failures, with a message a webmaster can act on', () => {
  it('an unknown field is caught before any data query', async () => {
    await assert.rejects(communes().aggregate({ measures: [parseMeasure('sum(popluation)')] }), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'unknown-field');
      assert.match(
        e.message,
        /^Unknown field "popluation" in the value attribute: did you mean "population"\? Fields of communes-france are: code, nom, departement, region, population, /,
      );
      return true;
    });
    const api = (await portalLog()).filter((e) => e.path.startsWith('/api/'));
    assert.deepEqual(
      api.map((e) => e.path),
      ['/api/explore/v2.1/catalog/datasets/communes-france'],
    );
  });

  it('a filter value that does not fit the field type is a bad attribute', async () => {
    await assert.rejects(
      communes().aggregate({
        measures: [parseMeasure('count(*)')],
        filter: parseFilter('population >= 1000; population = beaucoup'),
      }),
      (e: unknown) => e instanceof VitrineDataError && e.kind === 'bad-attribute' && e.details.attribute === 'filter',
    );
  });

  it('an unknown dataset → not-found naming the dataset and the src attribute', async () => {
    const dataset = openDataset(`${portal.url}/explore/dataset/communes-franse/`, { client: http });
    await assert.rejects(dataset.aggregate({ measures: [parseMeasure('count(*)')] }), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'not-found');
      assert.equal(
        e.message,
        'The portal does not know dataset "communes-franse": check the src attribute (the dataset identifier is what follows /explore/dataset/ in the address of its page).',
      );
      return true;
    });
  });

  it('a where the portal rejects → bad-query with its message, blaming the where attribute', async () => {
    await assert.rejects(
      communes().aggregate({ measures: [parseMeasure('count(*)')], where: ['population >>> 3'] }),
      (e: unknown) => {
        assert.ok(e instanceof VitrineDataError);
        assert.equal(e.kind, 'bad-query');
        assert.equal(e.details.attribute, 'where');
        assert.ok((e.details.portalMessage ?? '').length > 0);
        assert.match(
          e.localizedMessage('fr'),
          /^Le portail a refusé la requête\u00a0: «\u00a0.+\u00a0». Vérifiez l’attribut where\.$/s,
        );
        return true;
      },
    );
  });

  it('a where in the src address the portal rejects → blames src', async () => {
    const dataset = openDataset(
      `${portal.url}/api/explore/v2.1/catalog/datasets/communes-france/records?where=nope%20%3D%201`,
      { client: http },
    );
    await assert.rejects(
      dataset.aggregate({ measures: [parseMeasure('count(*)')] }),
      (e: unknown) => e instanceof VitrineDataError && e.kind === 'bad-query' && e.details.attribute === 'src',
    );
  });

  it('a portal that answers HTML → malformed, blaming src', async () => {
    await fetch(`${portal.url}/__faults`, { method: 'POST', body: JSON.stringify({ path: '/records', body: 'html' }) });
    await assert.rejects(communes().aggregate({ measures: [parseMeasure('count(*)')] }), (e: unknown) => {
      assert.ok(e instanceof VitrineDataError);
      assert.equal(e.kind, 'malformed');
      assert.equal(e.details.attribute, 'src');
      assert.match(e.message, /could not be read as data \(an HTML page was received instead\)/);
      return true;
    });
  });
});
