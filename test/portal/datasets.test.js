// @ts-check
/**
 * The local portal's datasets (demo/portal/datasets): each loads, has the documented number of rows,
 * and every row holds exactly the declared fields with values in the Explore v2.1 encoding of the
 * declared type. Figures are recomputed here from the raw package files, independently of the
 * converters. Load times are logged, not asserted.
 *
 * Run: node --test test/portal/datasets.test.js
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasets, getDataset } from '../../demo/portal/datasets/index.js';

const require = createRequire(import.meta.url);
const DECOUPAGE_DIR = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
// vega-datasets' `exports` hides its package.json: its entry point is build/index.js.
const VEGA_DIR = join(dirname(require.resolve('vega-datasets')), '..');

/** @param {string} file */
const vegaText = (file) => readFileSync(join(VEGA_DIR, 'data', file), 'utf8');
/** @param {string} file */
const vegaJson = (file) => JSON.parse(vegaText(file));

/** @typedef {import('../../demo/portal/datasets/index.js').Field} Field */
/** @typedef {import('../../demo/portal/datasets/index.js').DatasetDef} DatasetDef */
/** @typedef {Record<string, any>} Row */

// ------------------------------------------------------------------------------------------------
// Value checkers, one per field type (null, the missing value, is checked apart).

/** @param {unknown} v */
const isPlainObject = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** @param {unknown} p */
function isPosition(p) {
  return (
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90
  );
}
/** @param {unknown} line */
const isLine = (line) => Array.isArray(line) && line.length >= 2 && line.every(isPosition);
/** @param {unknown} ring */
function isRing(ring) {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1];
}
/** @param {unknown} polygon */
const isPolygon = (polygon) => Array.isArray(polygon) && polygon.length >= 1 && polygon.every(isRing);

/** @param {any} g */
function isGeometry(g) {
  if (!isPlainObject(g)) return false;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return isPosition(c);
    case 'MultiPoint':
      return Array.isArray(c) && c.every(isPosition);
    case 'LineString':
      return isLine(c);
    case 'MultiLineString':
      return Array.isArray(c) && c.length >= 1 && c.every(isLine);
    case 'Polygon':
      return isPolygon(c);
    case 'MultiPolygon':
      return Array.isArray(c) && c.length >= 1 && c.every(isPolygon);
    case 'GeometryCollection':
      return Array.isArray(g.geometries) && g.geometries.every(isGeometry);
    default:
      return false;
  }
}

/** @type {Record<Field['type'], (value: any, field: Field) => boolean>} */
const CHECKERS = {
  text: (v, f) =>
    f.annotations.multivalued
      ? Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string')
      : typeof v === 'string',
  int: (v) => Number.isSafeInteger(v),
  double: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
  datetime: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00:00$/.test(v) &&
    new Date(v).toISOString().slice(0, 19) === v.slice(0, 19),
  geo_point_2d: (v) => isPlainObject(v) && Object.keys(v).join() === 'lon,lat' && isPosition([v.lon, v.lat]),
  geo_shape: (v) =>
    isPlainObject(v) &&
    Object.keys(v).join() === 'type,geometry,properties' &&
    v.type === 'Feature' &&
    isPlainObject(v.properties) &&
    Object.keys(v.properties).length === 0 &&
    isGeometry(v.geometry),
  file: (v) => isPlainObject(v) && typeof v.url === 'string',
  json_blob: (v) => JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v),
};

const FIELD_TYPES = Object.keys(CHECKERS);
const ANNOTATIONS = [
  'facet',
  'facetsort',
  'disjunctive',
  'hierarchical',
  'multivalued',
  'sortable',
  'id',
  'unit',
  'decimals',
];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

/**
 * Asserts that every row has exactly the declared fields, in order, with values of the declared
 * encoding, and that `required` fields are never null. Reports the first offending row.
 * @param {DatasetDef} def
 * @param {Row[]} rows
 * @param {string[]} required
 */
function assertRows(def, rows, required) {
  const names = def.fields.map((f) => f.name);
  const keys = names.join('\u0000');
  for (const name of required) assert.ok(names.includes(name), `${def.id}: required field ${name} is not declared`);
  const mustHave = new Set(required);
  rows.forEach((row, i) => {
    assert.ok(isPlainObject(row), `${def.id} row ${i} is not a plain object`);
    assert.equal(
      Object.keys(row).join('\u0000'),
      keys,
      `${def.id} row ${i}: keys ${Object.keys(row)} ≠ fields ${names}`,
    );
    for (const f of def.fields) {
      const v = row[f.name];
      if (v === null) {
        assert.ok(!mustHave.has(f.name), `${def.id} row ${i}: ${f.name} is null`);
        continue;
      }
      assert.ok(
        CHECKERS[f.type](v, f),
        `${def.id} row ${i}: ${f.name} (${f.type}) has a bad value ${JSON.stringify(v)?.slice(0, 200)}`,
      );
    }
  });
}

/**
 * @param {Row[]} rows
 * @param {string} name
 */
function assertUnique(rows, name) {
  const seen = new Set();
  for (const row of rows) {
    assert.ok(!seen.has(row[name]), `duplicate ${name}: ${row[name]}`);
    seen.add(row[name]);
  }
}

/**
 * Loads a dataset, logs the time, checks the caching and the rows.
 * @param {string} id
 * @param {{ count: number, required: string[], unique?: string[] }} expected
 * @returns {Promise<Row[]>}
 */
async function loadChecked(id, expected) {
  const def = getDataset(id);
  assert.ok(def, `no dataset ${id}`);
  const start = performance.now();
  const promise = def.load();
  const rows = /** @type {Row[]} */ (await promise);
  console.log(`load ${id}: ${rows.length} rows in ${(performance.now() - start).toFixed(0)} ms`);
  assert.equal(def.load(), promise, `${id}: load() must return the cached Promise`);
  assert.ok(Array.isArray(rows));
  assert.equal(rows.length, expected.count, `${id}: row count`);
  assert.ok(Object.isFrozen(rows) && (rows.length === 0 || Object.isFrozen(rows[0])), `${id}: rows are frozen`);
  assertRows(def, rows, expected.required);
  for (const name of expected.unique ?? []) assertUnique(rows, name);
  return rows;
}

/**
 * @param {Row[]} rows
 * @param {string} name
 */
const sum = (rows, name) => rows.reduce((s, r) => s + (r[name] ?? 0), 0);

// ------------------------------------------------------------------------------------------------

test('the registry: ids, metadata, fields and features', () => {
  assert.deepEqual(
    [...datasets.keys()],
    [
      'communes-france',
      'seattle-weather',
      'us-counties-unemployment',
      'london-boroughs',
      'london-tube-lines',
      'us-zipcodes',
      'earthquakes',
      'us-airports',
      'flights',
      'hostile-strings',
    ],
  );
  assert.equal(getDataset('nope'), undefined);
  for (const [id, def] of datasets) {
    assert.equal(def.id, id);
    assert.equal(getDataset(id), def);
    const m = def.metas;
    for (const key of ['title', 'description', 'license', 'license_url', 'source', 'publisher', 'language']) {
      assert.equal(typeof m[/** @type {keyof typeof m} */ (key)], 'string', `${id}: metas.${key}`);
      assert.ok(String(m[/** @type {keyof typeof m} */ (key)]).length > 0, `${id}: metas.${key} is empty`);
    }
    assert.match(m.modified, ISO_UTC, `${id}: metas.modified is a fixed ISO datetime`);
    assert.match(m.license_url, /^https:\/\//);
    assert.ok(Array.isArray(m.keyword) && m.keyword.every((k) => typeof k === 'string'));
    assert.ok(Array.isArray(m.theme) && m.theme.every((k) => typeof k === 'string'));

    const names = def.fields.map((f) => f.name);
    assert.equal(new Set(names).size, names.length, `${id}: field names are unique`);
    for (const f of def.fields) {
      assert.deepEqual(
        Object.keys(f),
        ['name', 'label', 'type', 'description', 'annotations'],
        `${id}.${f.name}: field keys`,
      );
      assert.match(f.name, /^[a-z][a-z0-9_]*$/, `${id}: field name ${f.name}`);
      assert.ok(FIELD_TYPES.includes(f.type), `${id}.${f.name}: type ${f.type}`);
      assert.ok(typeof f.label === 'string' && f.label.length > 0);
      assert.ok(f.description === null || typeof f.description === 'string');
      for (const [name, args] of Object.entries(f.annotations)) {
        assert.ok(ANNOTATIONS.includes(name), `${id}.${f.name}: annotation ${name}`);
        assert.ok(Array.isArray(args) && args.every((a) => typeof a === 'string'), `${id}.${f.name}: ${name} args`);
      }
      if (f.annotations.multivalued) assert.equal(f.type, 'text');
      if (f.annotations.facet)
        assert.ok(['text', 'date', 'datetime'].includes(f.type), `${id}.${f.name}: facet on ${f.type}`);
    }
    const types = new Set(def.fields.map((f) => f.type));
    assert.equal(
      def.features.includes('geo'),
      types.has('geo_point_2d') || types.has('geo_shape'),
      `${id}: geo feature`,
    );
    assert.equal(
      def.features.includes('timeserie'),
      types.has('date') || types.has('datetime'),
      `${id}: timeserie feature`,
    );
    assert.ok(def.features.includes('analyze'));
    assert.ok(Object.isFrozen(def) && Object.isFrozen(def.fields) && Object.isFrozen(def.metas));
  }
});

test('the installed source packages are the pinned versions the README describes', () => {
  assert.equal(JSON.parse(readFileSync(join(DECOUPAGE_DIR, 'package.json'), 'utf8')).version, '6.0.0');
  assert.equal(JSON.parse(readFileSync(join(VEGA_DIR, 'package.json'), 'utf8')).version, '3.2.1');
});

test('communes-france: 34,969 current communes; population figures agree with the raw file', async () => {
  const rows = await loadChecked('communes-france', {
    count: 34969,
    required: ['code', 'nom', 'departement', 'region', 'nom_departement', 'nom_region', 'zone'],
    unique: ['code'],
  });

  // Independently, from the raw file.
  /** @type {{ type: string, code: string, departement: string, population?: number, codesPostaux?: string[] }[]} */
  const raw = JSON.parse(readFileSync(join(DECOUPAGE_DIR, 'data/communes.json'), 'utf8'));
  const current = raw.filter((c) => c.type === 'commune-actuelle');
  assert.equal(current.length, 34969);
  const total = current.reduce((s, c) => s + (c.population ?? 0), 0);
  const ain = current.filter((c) => c.departement === '01').reduce((s, c) => s + (c.population ?? 0), 0);
  /** @type {Map<string, { count: number, population: number }>} */
  const byDep = new Map();
  for (const c of current) {
    const d = byDep.get(c.departement) ?? { count: 0, population: 0 };
    d.count += 1;
    d.population += c.population ?? 0;
    byDep.set(c.departement, d);
  }
  const top3 = [...byDep].sort((a, b) => b[1].population - a[1].population).slice(0, 3);
  console.log('communes-france, from the raw file: total', total, "· '01'", ain, '· top 3', JSON.stringify(top3));

  // The figures the brief expects, confirmed against the raw file.
  assert.equal(total, 68952941);
  assert.equal(ain, 679344);
  assert.deepEqual(top3, [
    ['59', { count: 647, population: 2615635 }],
    ['75', { count: 1, population: 2103778 }],
    ['13', { count: 119, population: 2087658 }],
  ]);

  // The dataset agrees.
  assert.equal(sum(rows, 'population'), total);
  assert.equal(
    sum(
      rows.filter((r) => r.departement === '01'),
      'population',
    ),
    ain,
  );
  for (const [dep, { count, population }] of top3) {
    const mine = rows.filter((r) => r.departement === dep);
    assert.equal(mine.length, count, `département ${dep}: communes`);
    assert.equal(sum(mine, 'population'), population, `département ${dep}: population`);
  }
  assert.equal(byDep.size, new Set(rows.map((r) => r.departement)).size);

  // Missing values stay missing, not zero.
  const noPopulation = rows.filter((r) => r.population === null).map((r) => r.code);
  assert.deepEqual(
    noPopulation,
    current.filter((c) => c.population === undefined).map((c) => c.code),
  );
  assert.equal(noPopulation.length, 6);
  assert.equal(
    rows.filter((r) => r.codes_postaux === null).length,
    current.filter((c) => !c.codesPostaux?.length).length,
  );
  const paris = rows.find((r) => r.code === '75056');
  assert.equal(paris?.nom, 'Paris');
  assert.equal(paris?.codes_postaux.length, 21);
  assert.equal(paris?.nom_region, 'Île-de-France');
  assert.ok(
    rows.some((r) => r.code === '2A004'),
    'Corsican codes are kept as text',
  );
});

test('seattle-weather: 1,461 consecutive days', async () => {
  const rows = await loadChecked('seattle-weather', {
    count: 1461,
    required: ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'],
    unique: ['date'],
  });
  const lines = vegaText('seattle-weather.csv').trim().split('\n');
  assert.equal(rows.length, lines.length - 1);
  assert.equal(rows[0]?.date, '2012-01-01');
  assert.equal(rows.at(-1)?.date, '2015-12-31');
  for (let i = 1; i < rows.length; i++) {
    const next = new Date(Date.parse(`${rows[i - 1]?.date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
    assert.equal(rows[i]?.date, next, `day after ${rows[i - 1]?.date}`);
  }
  const rawPrecipitation = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[1]), 0);
  assert.ok(Math.abs(sum(rows, 'precipitation') - rawPrecipitation) < 1e-6);
  assert.deepEqual([...new Set(rows.map((r) => r.weather))].sort(), ['drizzle', 'fog', 'rain', 'snow', 'sun']);
});

test('us-counties-unemployment: one row per county, rates joined by FIPS code', async () => {
  const rows = await loadChecked('us-counties-unemployment', {
    count: 3222,
    required: ['id', 'state', 'state_fips'],
    unique: ['id'],
  });
  for (const r of rows) {
    assert.match(r.id, /^\d{5}$/);
    assert.equal(r.state_fips, r.id.slice(0, 2));
  }
  // Independently: the distinct county ids of the topology (state + 000 are water areas, not counties).
  const topology = vegaJson('us-10m.json');
  const ids = new Set(topology.objects.counties.geometries.map((/** @type {{id: number}} */ g) => g.id));
  assert.equal(ids.size, 3231);
  const counties = [...ids].filter((id) => id % 1000 !== 0);
  assert.deepEqual(
    rows.map((r) => Number(r.id)),
    counties.sort((a, b) => a - b),
  );

  const rates = vegaText('unemployment.tsv')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  assert.equal(rates.length, 3218);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const [id, rate] of rates) assert.equal(byId.get(Number(id))?.rate, Number(rate), `rate of ${id}`);
  assert.equal(rows.filter((r) => r.rate !== null).length, 3218);
  assert.deepEqual(
    rows.filter((r) => r.rate === null).map((r) => r.id),
    ['15005', '78010', '78020', '78030'],
  );
  assert.equal(new Set(rows.map((r) => r.state)).size, 53); // 50 states, DC, Puerto Rico, U.S. Virgin Islands
  assert.equal(byId.get(6037)?.state, 'California');
  assert.equal(byId.get(1001)?.id, '01001');
  assert.equal(rows.filter((r) => r.geo_shape === null).length, 34);
  assert.equal(byId.get(2201)?.geo_shape?.geometry.type, 'MultiPolygon', 'split pieces are merged');
});

test('london-boroughs: 33 boroughs with centroid and computed area', async () => {
  const rows = await loadChecked('london-boroughs', {
    count: 33,
    required: ['name', 'geo_shape', 'centre', 'area_km2'],
    unique: ['name'],
  });
  const centroids = vegaJson('londonCentroids.json');
  for (const c of centroids) {
    const row = rows.find((r) => r.name === c.name);
    assert.deepEqual(row?.centre, { lon: c.cx, lat: c.cy });
  }
  // Greater London covers about 1,572 km²; the boundary is simplified, the figure approximate.
  const total = sum(rows, 'area_km2');
  assert.ok(total > 1540 && total < 1600, `total area ${total}`);
  const city = rows.find((r) => r.name === 'City of London');
  assert.ok(city && city.area_km2 > 2.5 && city.area_km2 < 3.5, `City of London ${city?.area_km2}`);
});

test('london-tube-lines: one row per line, all source segments kept', async () => {
  const rows = await loadChecked('london-tube-lines', {
    count: 12,
    required: ['line', 'geo_shape', 'segments'],
    unique: ['line'],
  });
  const geometries = vegaJson('londonTubeLines.json').objects.line.geometries;
  assert.equal(sum(rows, 'segments'), geometries.length);
  for (const r of rows) {
    const g = r.geo_shape.geometry;
    assert.equal(g.type === 'LineString' ? 1 : g.coordinates.length, r.segments);
  }
  assert.ok(rows.some((r) => r.line === 'Victoria'));
});

test('us-zipcodes: every zip code of the source, as text', async () => {
  const rows = await loadChecked('us-zipcodes', {
    count: 42049,
    required: ['zip_code', 'city', 'county', 'state', 'geo_point_2d'],
    unique: ['zip_code'],
  });
  assert.equal(rows.length, vegaText('zipcodes.csv').trim().split('\n').length - 1);
  for (const r of rows) assert.match(r.zip_code, /^\d{5}$/);
  assert.deepEqual(rows[0], {
    zip_code: '00501',
    city: 'Holtsville',
    county: 'Suffolk',
    state: 'NY',
    geo_point_2d: { lon: -72.637078, lat: 40.922326 },
  });
});

test('earthquakes: every event of the feed, depth and time converted', async () => {
  const rows = await loadChecked('earthquakes', {
    count: 1707,
    required: ['id', 'place', 'mag', 'depth', 'time', 'geo_point_2d', 'event_type', 'status', 'tsunami', 'sig', 'url'],
    unique: ['id'],
  });
  const features = vegaJson('earthquakes.json').features;
  assert.equal(features.length, rows.length);
  features.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
    const r = /** @type {Row} */ (rows[i]);
    assert.equal(r.id, f.id);
    assert.equal(Date.parse(r.time), f.properties.time);
    assert.equal(r.depth, f.geometry.coordinates[2]);
    assert.deepEqual(r.geo_point_2d, { lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] });
  });
  assert.equal(rows[0]?.time, '2018-02-07T01:26:13.840+00:00');
});

test('us-airports: every airport, "NA" read as missing', async () => {
  const rows = await loadChecked('us-airports', {
    count: 3376,
    required: ['iata', 'name', 'country', 'geo_point_2d'],
    unique: ['iata'],
  });
  assert.equal(rows.filter((r) => r.state === null).length, 12);
  assert.equal(rows.filter((r) => r.city === null).length, 12);
  // Quoted names with commas and doubled quotes survive the CSV parser.
  assert.equal(rows.find((r) => r.iata === 'DBN')?.name, 'W. H. "Bud" Barron');
  assert.equal(rows.find((r) => r.iata === '35A')?.name, 'Union County, Troy Shelton');
});

test('flights: 200,000 rows, sums equal to the raw file', async () => {
  const rows = await loadChecked('flights', { count: 200000, required: ['delay', 'distance', 'time'] });
  /** @type {{ delay: number, distance: number, time: number }[]} */
  const raw = vegaJson('flights-200k.json');
  assert.equal(
    sum(rows, 'delay'),
    raw.reduce((s, r) => s + r.delay, 0),
  );
  assert.equal(
    sum(rows, 'distance'),
    raw.reduce((s, r) => s + r.distance, 0),
  );
  for (const r of rows) assert.ok(r.time >= 0 && r.time < 24);
});

test('hostile-strings: the payloads are kept byte for byte', async () => {
  const rows = await loadChecked('hostile-strings', { count: 23, required: ['note'] });
  const labels = rows.map((r) => r.label);
  for (const payload of [
    '<script>window.__vitrinePwned=1</script>',
    '<img src=x onerror="window.__vitrinePwned=1">',
    '<svg onload="window.__vitrinePwned=1">',
    'javascript:window.__vitrinePwned=1',
    '"><b>bold</b>',
    '${window.__vitrinePwned=1}',
    "{{constructor.constructor('window.__vitrinePwned=1')()}}",
    "') OR ('1'='1",
    '__proto__',
  ]) {
    assert.ok(labels.includes(payload), `missing payload ${payload}`);
  }
  assert.ok(labels.some((l) => l?.startsWith('data:text/html,<script>')));
  assert.ok(labels.some((l) => l?.startsWith('red;background:url(javascript:')));
  assert.ok(
    labels.some((l) => l?.includes('\u202E')),
    'right-to-left override',
  );
  assert.ok(
    labels.some((l) => l?.length === 10000),
    '10,000 characters',
  );
  assert.ok(
    labels.some((l) => /\u200B|\u200C|\u200D|\uFEFF/.test(l ?? '')),
    'zero-width characters',
  );
  assert.ok(
    labels.some((l) => /\p{Extended_Pictographic}/u.test(l ?? '') && /\p{M}/u.test(l ?? '')),
    'emoji and combining marks',
  );
  assert.ok(
    labels.some((l) => l?.includes('"') && l.includes('\\')),
    'quote and backslash',
  );
  assert.ok(
    labels.some((l) => l?.includes('\n') && l.includes('\t')),
    'newline and tab',
  );
  assert.ok(labels.includes(null), 'a missing label');
  assert.ok(rows.some((r) => r.url?.startsWith('javascript:')));
  for (const r of rows) {
    if (r.geo_point_2d) {
      assert.ok(
        Math.abs(r.geo_point_2d.lon - 2.35) < 0.2 && Math.abs(r.geo_point_2d.lat - 48.86) < 0.1,
        'around Paris',
      );
    }
  }
});
