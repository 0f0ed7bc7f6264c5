// @ts-check
/**
 * Errors, limits, CORS, metadata, catalog, facets, exports and caching headers of the local portal.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePortal, API } from './portal-client.js';
import { rawCommunes, rawCsv, countBy } from './raw.js';

const portal = usePortal();
const communes = rawCommunes();

describe('errors and limits', () => {
  it('refuses limit=101 with the documented message', async () => {
    const { status, body } = await portal.records('communes-france', { limit: '101' });
    assert.equal(status, 400);
    assert.deepEqual(body, {
      error_code: 'InvalidRESTParameterError',
      message: 'Invalid value for limit API parameter: 101 was found but -1 <= limit <= 100 is expected.',
    });
  });

  it('refuses offset + limit over 10000, and accepts exactly 10000', async () => {
    const over = await portal.records('communes-france', { limit: '100', offset: '9999' });
    assert.equal(over.status, 400);
    assert.deepEqual(over.body, {
      error_code: 'InvalidRESTParameterError',
      message: 'Invalid value for sum of offset + limit API parameter: 10099 was found but <= 10000 is expected.',
    });
    const edge = await portal.records('communes-france', { limit: '100', offset: '9900', select: 'code' });
    assert.equal(edge.status, 200);
    assert.equal(edge.body.results[0].code, communes[9900]?.code);
  });

  it('names an unknown field in a 400 ODSQLError', async () => {
    for (const [param, value, clause] of [
      ['select', 'sum(popluation)', 'select'],
      ['where', 'popluation > 3', 'where'],
      ['group_by', 'popluation', 'group_by'],
      ['order_by', 'popluation desc', 'order_by'],
    ]) {
      const { status, body } = await portal.records('communes-france', { [param]: value });
      assert.equal(status, 400, param);
      assert.equal(body.error_code, 'ODSQLError');
      assert.match(body.message, /Unknown field: popluation/);
      assert.match(body.message, new RegExp(`Clause\\(s\\) containing the error\\(s\\): ${clause}\\.`));
      assert.deepEqual(Object.keys(body), ['message', 'error_code']);
    }
  });

  it('reports a malformed clause', async () => {
    const { status, body } = await portal.records('communes-france', { select: 'invalid_function(population)' });
    assert.equal(status, 400);
    assert.equal(body.error_code, 'ODSQLError');
    assert.match(body.message, /^ODSQL query is malformed: /);
    const bad = await portal.records('communes-france', { where: "departement = '01' AND (" });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error_code, 'ODSQLError');
  });

  it('answers 404 for an unknown dataset, in JSON', async () => {
    const { status, body } = await portal.records('no-such-dataset');
    assert.equal(status, 404);
    assert.equal(typeof body.message, 'string');
    assert.match(body.message, /no-such-dataset/);
    const meta = await portal.get(`${API}/no-such-dataset`);
    assert.equal(meta.status, 404);
  });

  it('refuses a bad limit, offset and timezone', async () => {
    assert.equal(
      (await portal.records('communes-france', { limit: 'ten' })).body.error_code,
      'InvalidRESTParameterError',
    );
    assert.equal(
      (await portal.records('communes-france', { offset: '-1' })).body.error_code,
      'InvalidRESTParameterError',
    );
    assert.equal(
      (await portal.records('communes-france', { timezone: 'Mars/Olympus' })).body.error_code,
      'InvalidRESTParameterError',
    );
    assert.equal((await portal.records('communes-france', { limit: '-2' })).status, 400);
  });

  it('allows up to 20000 groups with group_by', async () => {
    const { status, body } = await portal.records('communes-france', {
      select: 'code',
      group_by: 'code',
      limit: '20000',
    });
    assert.equal(status, 200);
    assert.equal(body.results.length, 20000);
    assert.equal(body.total_count, undefined);
  });
});

describe('CORS', () => {
  it('answers a preflight and allows any origin', async () => {
    const res = await fetch(new URL(`${API}/communes-france/records`, portal.url), {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://cms.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,if-none-match',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /GET/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const get = await portal.get(`${API}/communes-france/records`, {}, { headers: { Origin: 'http://cms.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const err = await portal.records('communes-france', { limit: '101' });
    assert.equal(err.headers.get('access-control-allow-origin'), '*');
  });
});

describe('metadata and catalog', () => {
  it('describes a dataset with typed, annotated fields', async () => {
    const { status, body } = await portal.get(`${API}/communes-france`);
    assert.equal(status, 200);
    assert.equal(body.dataset_id, 'communes-france');
    assert.equal(body.metas.default.records_count, 34969);
    assert.equal(typeof body.metas.default.title, 'string');
    assert.equal(typeof body.metas.default.license, 'string');
    assert.match(body.metas.default.modified, /^\d{4}-\d{2}-\d{2}/);
    const fields = Object.fromEntries(body.fields.map((/** @type {any} */ f) => [f.name, f]));
    assert.equal(fields.population.type, 'int');
    assert.ok('facet' in fields.departement.annotations);
    assert.ok('multivalued' in fields.codes_postaux.annotations);
    assert.equal(typeof fields.nom.label, 'string');
  });

  it('lists and searches the catalog', async () => {
    const all = await portal.get(API, { limit: '100' });
    assert.equal(all.status, 200);
    assert.ok(all.body.total_count >= 9);
    assert.ok(all.body.results.some((/** @type {any} */ d) => d.dataset_id === 'seattle-weather'));
    const some = await portal.get(API, { where: 'search("weather")' });
    assert.ok(some.body.results.some((/** @type {any} */ d) => d.dataset_id === 'seattle-weather'));
    assert.ok(!some.body.results.some((/** @type {any} */ d) => d.dataset_id === 'communes-france'));
    const paged = await portal.get(API, { limit: '2', offset: '1' });
    assert.equal(paged.body.results.length, 2);
    assert.equal(paged.body.results[0].dataset_id, all.body.results[1].dataset_id);
  });
});

describe('facets', () => {
  it('counts facet values, following refines, with disjunctive facets keeping their other values', async () => {
    const { status, body } = await portal.get(`${API}/communes-france/facets`, {
      facet: 'region',
      refine: 'departement:01',
    });
    assert.equal(status, 200);
    assert.deepEqual(body.links, []);
    const region = body.facets.find((/** @type {any} */ f) => f.name === 'region');
    assert.deepEqual(
      region.facets.map((/** @type {any} */ v) => [v.value, v.count]),
      [['84', communes.filter((c) => c.departement === '01').length]],
    );
    const dept = await portal.get(`${API}/communes-france/facets`, { facet: 'departement', refine: 'departement:01' });
    const values = dept.body.facets[0].facets;
    assert.equal(values.length, new Set(communes.map((c) => c.departement)).size);
    assert.equal(values.find((/** @type {any} */ v) => v.value === '01').state, 'refined');
    assert.equal(
      values.find((/** @type {any} */ v) => v.value === '02').count,
      communes.filter((c) => c.departement === '02').length,
    );
  });

  it('nests date facets along the refined path', async () => {
    const weather = rawCsv('seattle-weather.csv');
    const { body } = await portal.get(`${API}/seattle-weather/facets`, { facet: 'date', refine: 'date:2014' });
    const years = body.facets[0].facets;
    const y2014 = years.find((/** @type {any} */ y) => y.value === '2014');
    assert.equal(y2014.state, 'refined');
    assert.equal(y2014.count, weather.filter((w) => w.date.startsWith('2014')).length);
    const may = y2014.facets.find((/** @type {any} */ m) => m.value === '2014/05');
    assert.equal(may.count, 31);
  });

  it('counts weather types', async () => {
    const weather = rawCsv('seattle-weather.csv');
    const { body } = await portal.get(`${API}/seattle-weather/facets`, { facet: 'weather' });
    const got = Object.fromEntries(body.facets[0].facets.map((/** @type {any} */ v) => [v.value, v.count]));
    assert.deepEqual(got, Object.fromEntries(countBy(weather, (w) => w.weather)));
  });
});

describe('exports', () => {
  it('exports every matching record as a JSON array, past the 10000 window', async () => {
    const { status, body, headers } = await portal.get(`${API}/communes-france/exports/json`, {
      select: 'code,population',
    });
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /json/);
    assert.equal(body.length, 34969);
    assert.deepEqual(body[0], { code: communes[0]?.code, population: communes[0]?.population ?? null });
  });

  it('exports a GeoJSON FeatureCollection with point geometries', async () => {
    const airports = rawCsv('airports.csv');
    const { body } = await portal.get(`${API}/us-airports/exports/geojson`, { where: "state = 'VT'" });
    assert.equal(body.type, 'FeatureCollection');
    const vt = airports.filter((a) => a.state === 'VT');
    assert.equal(body.features.length, vt.length);
    const first = body.features.find((/** @type {any} */ f) => f.properties.iata === vt[0]?.iata);
    assert.deepEqual(first.geometry, {
      type: 'Point',
      coordinates: [Number(vt[0]?.longitude), Number(vt[0]?.latitude)],
    });
  });

  it('exports shapes as GeoJSON geometries', async () => {
    const { body } = await portal.get(`${API}/london-tube-lines/exports/geojson`);
    assert.ok(body.features.length > 5);
    assert.match(body.features[0].geometry.type, /LineString/);
  });

  it('exports CSV with a BOM, semicolons and quoting', async () => {
    const res = await fetch(
      new URL(
        `${API}/communes-france/exports/csv?where=departement%3D%2701%27&select=code,nom,codes_postaux`,
        portal.url,
      ),
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'code;nom;codes_postaux');
    assert.equal(lines.length, 1 + communes.filter((c) => c.departement === '01').length);
    assert.equal(lines[1], `01001;L'Abergement-Clémenciat;01400`);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  });
});

describe('caching headers', () => {
  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const url = new URL(`${API}/communes-france/records?limit=1`, portal.url);
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });
});

describe('pages', () => {
  it('serves a home page and a dataset page at the Explore address', async () => {
    const home = await portal.get('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /communes-france/);
    const page = await portal.get('/explore/dataset/communes-france/table/');
    assert.equal(page.status, 200);
    assert.match(page.text, /34,969/);
  });
});
