// @ts-check
/**
 * The records endpoint over real HTTP, against answers computed from the source package files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePortal } from './portal-client.js';
import { rawCommunes, rawCsv, countBy, haversine } from './raw.js';

const portal = usePortal();
const communes = rawCommunes();
const pop = (/** @type {{ population?: number }} */ c) => c.population ?? 0;

describe('records: acceptance figures', () => {
  it('groups communes by département with exact counts and sums, most populous first', async () => {
    const { status, body } = await portal.records('communes-france', {
      select: 'departement,count(*) as n,sum(population) as pop',
      group_by: 'departement',
      order_by: 'pop desc',
      limit: '3',
    });
    assert.equal(status, 200);
    const sums = new Map();
    for (const c of communes) {
      const s = sums.get(c.departement) ?? { n: 0, pop: 0 };
      s.n += 1;
      s.pop += pop(c);
      sums.set(c.departement, s);
    }
    const expected = [...sums.entries()]
      .sort((a, b) => b[1].pop - a[1].pop)
      .slice(0, 3)
      .map(([departement, s]) => ({ departement, n: s.n, pop: s.pop }));
    assert.deepEqual(body, { results: expected });
    assert.equal(expected[0]?.departement, '59');
    assert.equal(expected[0]?.pop, 2615635);
  });

  it('sums the population of France and of département 01', async () => {
    const total = communes.reduce((s, c) => s + pop(c), 0);
    assert.equal(total, 68952941);
    const all = await portal.records('communes-france', { select: 'sum(population)' });
    assert.equal(all.body.results[0]['sum(population)'], total);
    const ain = await portal.records('communes-france', {
      select: 'sum(population) as total',
      where: "departement = '01'",
    });
    assert.equal(ain.body.results[0].total, 679344);
  });

  it('gives total_count and no rows for limit=0, and 10 rows by default', async () => {
    const zero = await portal.records('communes-france', { limit: '0' });
    assert.deepEqual(zero.body, { total_count: communes.length, results: [] });
    assert.equal(communes.length, 34969);
    const first = await portal.records('communes-france');
    assert.equal(first.body.total_count, 34969);
    assert.equal(first.body.results.length, 10);
    assert.deepEqual(
      Object.keys(first.body.results[0]),
      ['code', 'nom', 'departement', 'region', 'population', 'codes_postaux'].concat(
        Object.keys(first.body.results[0]).slice(6),
      ),
    );
    assert.equal(first.body.results[0].code, communes[0]?.code);
    assert.deepEqual(first.body.results[0].codes_postaux, communes[0]?.codesPostaux);
  });
});

describe('records: where', () => {
  it('gives AND precedence over OR', async () => {
    const where = "departement = '01' OR departement = '02' AND population > 1000";
    const expected = communes.filter(
      (c) => c.departement === '01' || (c.departement === '02' && pop(c) > 1000 && c.population != null),
    ).length;
    const { body } = await portal.records('communes-france', { where, limit: '0' });
    assert.equal(body.total_count, expected);
    const explicit = await portal.records('communes-france', {
      where: `departement = '01' OR (departement = '02' AND population > 1000)`,
      limit: '0',
    });
    assert.equal(explicit.body.total_count, expected);
  });

  it('handles parentheses, NOT, IN lists and ranges', async () => {
    const check = async (/** @type {string} */ where, /** @type {(c: any) => boolean} */ predicate) => {
      const { status, body } = await portal.records('communes-france', { where, limit: '0' });
      assert.equal(status, 200, `${where}: ${JSON.stringify(body)}`);
      assert.equal(body.total_count, communes.filter(predicate).length, where);
    };
    await check(
      "(departement = '01' OR departement = '02') AND population > 1000",
      (c) => (c.departement === '01' || c.departement === '02') && c.population > 1000,
    );
    await check("NOT departement = '01'", (c) => c.departement !== '01');
    await check("departement != '01'", (c) => c.departement !== '01');
    await check("departement IN ('01', '2A', '974')", (c) => ['01', '2A', '974'].includes(c.departement));
    await check('population IN [1000..2000]', (c) => c.population >= 1000 && c.population <= 2000);
    await check('population IN ]1000..2000[', (c) => c.population > 1000 && c.population < 2000);
    await check('population is null', (c) => c.population == null);
    await check('population is not null', (c) => c.population != null);
    await check('population >= 100000', (c) => c.population >= 100000);
    await check('"75001" IN codes_postaux', (c) => (c.codesPostaux ?? []).includes('75001'));
    await check('startswith(nom, "Saint-")', (c) => c.nom.startsWith('Saint-'));
  });

  it('keeps a quoted value a value, whatever it contains', async () => {
    const { status, body } = await portal.records('communes-france', {
      where: 'nom = "x\\") OR (\\"1\\"=\\"1"',
      limit: '0',
    });
    assert.equal(status, 200);
    assert.equal(body.total_count, 0);
    const apostrophe = await portal.records('communes-france', {
      where: `nom = "L'Abergement-Clémenciat"`,
      select: 'code',
    });
    assert.deepEqual(apostrophe.body.results, [{ code: '01001' }]);
  });

  it('searches full text with search() and a bare string', async () => {
    const bare = await portal.records('communes-france', { where: '"Abergement"', limit: '0' });
    const fn = await portal.records('communes-france', { where: 'search(nom, "abergement")', limit: '0' });
    // search() matches word prefixes, ignoring case and accents: "Labergement" is not a match.
    const words = (/** @type {string} */ s) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
    const expected = communes.filter((c) => words(c.nom).some((w) => w.startsWith('abergement'))).length;
    assert.ok(expected >= 2);
    assert.equal(fn.body.total_count, expected);
    assert.ok(bare.body.total_count >= expected);
  });

  it('filters points by bounding box and by distance', async () => {
    const airports = rawCsv('airports.csv').map((a) => ({
      iata: a.iata,
      lat: Number(a.latitude),
      lon: Number(a.longitude),
    }));
    const inBox = airports.filter((a) => a.lat >= 40 && a.lat <= 42 && a.lon >= -75 && a.lon <= -72).length;
    const box = await portal.records('us-airports', { where: 'in_bbox(geo_point_2d, 42, -75, 40, -72)', limit: '0' });
    assert.equal(box.body.total_count, inBox);
    const near = airports.filter((a) => haversine(-73.7781, 40.6413, a.lon, a.lat) <= 50000).length;
    const dist = await portal.records('us-airports', {
      where: "within_distance(geo_point_2d, geom'POINT(-73.7781 40.6413)', 50km)",
      limit: '0',
    });
    assert.equal(dist.body.total_count, near);
    assert.ok(near > 5);
  });
});

describe('records: select, group_by, order_by', () => {
  it('keys unaliased expressions by their text as written', async () => {
    const { body } = await portal.records('communes-france', {
      select: 'count(*),SUM(population),max(population)',
      where: "departement = '01'",
    });
    const ain = communes.filter((c) => c.departement === '01');
    assert.deepEqual(body.results, [
      { 'count(*)': ain.length, 'SUM(population)': 679344, 'max(population)': Math.max(...ain.map(pop)) },
    ]);
  });

  it('computes count(distinct), avg, min, arithmetic', async () => {
    const { body } = await portal.records('communes-france', {
      select:
        'count(distinct departement) as d, count(population) as withpop, min(population) as lo, sum(population) / 1000 as k',
    });
    const withPop = communes.filter((c) => c.population != null);
    assert.equal(body.results[0].d, new Set(communes.map((c) => c.departement)).size);
    assert.equal(body.results[0].withpop, withPop.length);
    assert.equal(body.results[0].lo, Math.min(...withPop.map(pop)));
    assert.equal(body.results[0].k, 68952941 / 1000);
  });

  it('groups by year of a date and counts days per weather type', async () => {
    const weather = rawCsv('seattle-weather.csv');
    const { body } = await portal.records('seattle-weather', {
      select: 'y, count(*) as n',
      group_by: 'year(date) as y',
      limit: '100',
    });
    const expected = [...countBy(weather, (w) => w.date.slice(0, 4)).entries()].map(([y, n]) => ({ y: Number(y), n }));
    assert.deepEqual(body.results, expected);
    const types = await portal.records('seattle-weather', {
      select: 'weather, count(*) as n',
      group_by: 'weather',
      order_by: 'n desc',
      limit: '100',
    });
    const counts = [...countBy(weather, (w) => w.weather).entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([weather, n]) => ({ weather, n }));
    assert.deepEqual(types.body.results, counts);
  });

  it('groups by month with date_format', async () => {
    const weather = rawCsv('seattle-weather.csv');
    const { body } = await portal.records('seattle-weather', {
      select: 'm, max(temp_max) as hot',
      group_by: "date_format(date, 'yyyy-MM') as m",
      limit: '1000',
    });
    assert.equal(body.results.length, new Set(weather.map((w) => w.date.slice(0, 7))).size);
    const may2012 = Math.max(...weather.filter((w) => w.date.startsWith('2012-05')).map((w) => Number(w.temp_max)));
    assert.deepEqual(
      body.results.find((/** @type {{ m: string }} */ r) => r.m === '2012-05'),
      { m: '2012-05', hot: may2012 },
    );
  });

  it('puts nulls last and sorts on aggregates', async () => {
    const asc = await portal.records('communes-france', {
      select: 'code, population',
      order_by: 'population asc',
      limit: '1',
    });
    assert.equal(asc.body.results[0].population, Math.min(...communes.filter((c) => c.population != null).map(pop)));
    const desc = await portal.records('communes-france', {
      select: 'code, population',
      order_by: 'population desc',
      limit: '1',
    });
    assert.equal(desc.body.results[0].population, Math.max(...communes.map(pop)));
  });

  it('returns a null group', async () => {
    const { body } = await portal.records('communes-france', {
      select: 'population, count(*) as n',
      group_by: 'population',
      where: 'population is null',
    });
    assert.deepEqual(body.results, [{ population: null, n: communes.filter((c) => c.population == null).length }]);
  });

  it('builds static and equal-width ranges', async () => {
    const { body } = await portal.records('communes-france', {
      select: 'r, count(*) as n',
      group_by: 'range(population, *, 1000, 10000, *) as r',
      where: 'population is not null',
    });
    const withPop = communes.filter((c) => c.population != null).map(pop);
    assert.deepEqual(body.results, [
      { r: '[*, 999]', n: withPop.filter((p) => p < 1000).length },
      { r: '[1000, 9999]', n: withPop.filter((p) => p >= 1000 && p < 10000).length },
      { r: '[10000, *]', n: withPop.filter((p) => p >= 10000).length },
    ]);
  });

  it('aggregates the 200,000 flights by distance band', async () => {
    const { status, body } = await portal.records('flights', {
      select: 'band, count(*) as n, avg(delay) as delay',
      group_by: 'range(distance, 500) as band',
      limit: '100',
    });
    assert.equal(status, 200, JSON.stringify(body));
    const total = body.results.reduce((/** @type {number} */ s, /** @type {{ n: number }} */ r) => s + r.n, 0);
    assert.equal(total, 200000);
    assert.equal(body.results[0].band, '[0, 499]');
  });
});

describe('records: refine and exclude', () => {
  it('refines and excludes on facets, ORing a disjunctive facet', async () => {
    const one = await portal.records('communes-france', { refine: 'departement:01', limit: '0' });
    assert.equal(one.body.total_count, communes.filter((c) => c.departement === '01').length);
    const two = await portal.records('communes-france', { refine: ['departement:01', 'departement:02'], limit: '0' });
    assert.equal(two.body.total_count, communes.filter((c) => c.departement === '01' || c.departement === '02').length);
    const ex = await portal.records('communes-france', { exclude: 'region:84', limit: '0' });
    assert.equal(ex.body.total_count, communes.filter((c) => c.region !== '84').length);
  });

  it('refines a date by year, month and day paths', async () => {
    const weather = rawCsv('seattle-weather.csv');
    for (const path of ['2013', '2013/05', '2013/05/17']) {
      const { body } = await portal.records('seattle-weather', { refine: `date:"${path}"`, limit: '0' });
      assert.equal(body.total_count, weather.filter((w) => w.date.startsWith(path.replaceAll('/', '-'))).length, path);
    }
  });
});
