// Geo: in_bbox (lat first), within_distance with units, distance() in select and order_by,
// intersects / within / disjoint with WKT and GeoJSON literals, polygons with holes, multipolygons,
// geo_shape fields, geo_cluster, and geo errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, matchRows, ODSQLError } from '../../demo/portal/odsql/index.js';

/** @param {number[][]} ring */
const polygon = (...rings) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: {} });
const square = (
  /** @type {number} */ x0,
  /** @type {number} */ y0,
  /** @type {number} */ x1,
  /** @type {number} */ y1,
) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const dataset = {
  fields: [
    { name: 'name', label: 'Name', type: 'text', annotations: {} },
    { name: 'loc', label: 'Location', type: 'geo_point_2d', annotations: {} },
    { name: 'area', label: 'Area', type: 'geo_shape', annotations: {} },
  ],
  rows: [
    { name: 'Notre-Dame', loc: { lon: 2.3499, lat: 48.853 }, area: polygon(square(2.3, 48.8, 2.4, 48.9)) },
    { name: 'Eiffel', loc: { lon: 2.2945, lat: 48.8584 }, area: null },
    {
      name: 'Lyon',
      loc: { lon: 4.8357, lat: 45.764 },
      area: polygon(square(4.7, 45.7, 5.0, 45.9), square(4.8, 45.75, 4.9, 45.8)),
    },
    { name: 'Nowhere', loc: null, area: null },
    {
      name: 'Marseille',
      loc: { lon: 5.3698, lat: 43.2965 },
      area: {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [[square(5.3, 43.2, 5.4, 43.3)], [square(6, 43, 6.1, 43.1)]] },
        properties: {},
      },
    },
    {
      name: 'Line',
      loc: { lon: 2.36, lat: 48.86 },
      area: {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [2, 48],
            [3, 49],
          ],
        },
        properties: {},
      },
    },
  ],
};

/** Independent haversine, metres. */
function haversine(
  /** @type {number} */ lon1,
  /** @type {number} */ lat1,
  /** @type {number} */ lon2,
  /** @type {number} */ lat2,
) {
  const r = 6371008.7714;
  const toRad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * toRad) / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(((lon2 - lon1) * toRad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** @param {...string} where */
const names = (...where) => matchRows(dataset, { where }).map((r) => r.name);
const ND = "geom'POINT(2.3499 48.853)'";

test('in_bbox takes latitude first and any two opposite corners', () => {
  assert.deepEqual(names('in_bbox(loc, 48.9, 2.2, 48.8, 2.4)'), ['Notre-Dame', 'Eiffel', 'Line']);
  assert.deepEqual(names('in_bbox(loc, 48.8, 2.4, 48.9, 2.2)'), ['Notre-Dame', 'Eiffel', 'Line']);
  assert.deepEqual(names('in_bbox(loc, 48.8, 2.3, 48.9, 2.4)'), ['Notre-Dame', 'Line']);
  assert.deepEqual(names('in_bbox(area, 45.5, 4.5, 46, 5.5)'), ['Lyon']);
  assert.deepEqual(names('in_bbox(area, 48.85, 2.5, 48.95, 2.9)'), ['Line']);
  assert.deepEqual(names('in_bbox(area, -10, -10, -20, -20)'), []);
});

test('within_distance uses great-circle distances and units', () => {
  const d = dataset.rows.map((r) => (r.loc ? haversine(2.3499, 48.853, r.loc.lon, r.loc.lat) : Infinity));
  assert.ok(d[1] > 3000 && d[1] < 5000 && d[5] > 1000 && d[5] < 2000, 'fixture distances');
  /** @param {number} m */
  const within = (m) => dataset.rows.filter((_, i) => d[i] <= m).map((r) => r.name);
  assert.deepEqual(names(`within_distance(loc, ${ND}, 5km)`), within(5000));
  assert.deepEqual(names(`within_distance(loc, ${ND}, 2 km)`), within(2000));
  assert.deepEqual(names(`within_distance(loc, ${ND}, 1km)`), ['Notre-Dame']);
  assert.deepEqual(names(`within_distance(loc, ${ND}, 3000m)`), ['Notre-Dame', 'Line']);
  assert.deepEqual(names(`within_distance(loc, ${ND}, 3000)`), ['Notre-Dame', 'Line']);
  assert.deepEqual(names(`within_distance(loc, ${ND}, 0.5mi)`), ['Notre-Dame']);
  assert.deepEqual(names(`within_distance(loc, ${ND}, 500km)`), ['Notre-Dame', 'Eiffel', 'Lyon', 'Line']);
  // A shape is within a distance when its nearest point is; a point inside a polygon is at 0.
  assert.deepEqual(names(`within_distance(area, ${ND}, 1m)`), ['Notre-Dame']);
  assert.deepEqual(names(`within_distance(area, geom'POINT(4.85 45.775)', 10m)`), []);
  assert.deepEqual(names(`within_distance(area, geom'POINT(4.85 45.775)', 3km)`), ['Lyon']);
});

test('distance() in select and order_by, in metres, nulls last', () => {
  const r = runRecords(dataset, { select: `name, distance(loc, ${ND}) as d`, order_by: 'd', limit: -1 }).results;
  assert.deepEqual(
    r.map((x) => x.name),
    ['Notre-Dame', 'Line', 'Eiffel', 'Lyon', 'Marseille', 'Nowhere'],
  );
  for (const x of r) {
    const row = dataset.rows.find((y) => y.name === x.name);
    if (!row?.loc) assert.equal(x.d, null);
    else assert.ok(Math.abs(x.d - haversine(2.3499, 48.853, row.loc.lon, row.loc.lat)) < 1e-6, x.name);
  }
  const far = runRecords(dataset, { select: 'name', order_by: `distance(loc, ${ND}) desc`, limit: 2 }).results;
  assert.deepEqual(far, [{ name: 'Marseille' }, { name: 'Lyon' }]);
});

test('intersects, within and disjoint with WKT and GeoJSON literals', () => {
  const paris = "geom'POLYGON((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.9, 2.3 48.8))'";
  assert.deepEqual(names(`intersects(loc, ${paris})`), ['Notre-Dame', 'Line']);
  const geojson = `geom'${JSON.stringify({ type: 'Polygon', coordinates: [square(2.3, 48.8, 2.4, 48.9)] })}'`;
  assert.deepEqual(names(`intersects(loc, ${geojson})`), ['Notre-Dame', 'Line']);
  const feature = `geom'${JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(2.3, 48.8, 2.4, 48.9)] } })}'`;
  assert.deepEqual(names(`intersects(loc, ${feature})`), ['Notre-Dame', 'Line']);
  assert.deepEqual(
    names(
      "intersects(loc, geom'MULTIPOLYGON(((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.9, 2.3 48.8)), ((4 45, 5 45, 5 46, 4 46, 4 45)))')",
    ),
    ['Notre-Dame', 'Lyon', 'Line'],
  );
  // Polygon with a hole; multipolygon; a line crossing a polygon.
  assert.deepEqual(names("intersects(area, geom'POINT(4.85 45.85)')"), ['Lyon']);
  assert.deepEqual(names("intersects(area, geom'POINT(4.85 45.775)')"), []);
  assert.deepEqual(names("intersects(area, geom'POINT(6.05 43.05)')"), ['Marseille']);
  assert.deepEqual(names("intersects(area, geom'LINESTRING(2.25 48.85, 2.45 48.85)')"), ['Notre-Dame']);
  assert.deepEqual(names("intersects(area, geom'POINT(2.5 48.5)')"), ['Line']);
  assert.deepEqual(names(`within(loc, ${paris})`), ['Notre-Dame', 'Line']);
  assert.deepEqual(names("within(area, geom'POLYGON((-5 41, 10 41, 10 52, -5 52, -5 41))')"), [
    'Notre-Dame',
    'Lyon',
    'Marseille',
    'Line',
  ]);
  assert.deepEqual(names("within(area, geom'POLYGON((2.2 48.7, 2.5 48.7, 2.5 49, 2.2 49, 2.2 48.7))')"), [
    'Notre-Dame',
  ]);
  assert.deepEqual(names(`disjoint(loc, ${paris})`), ['Eiffel', 'Lyon', 'Marseille']);
});

test('geo_cluster groups points by map cell and returns the centroid of each cluster', () => {
  const one = runRecords(dataset, { select: 'count(*) as n', group_by: 'geo_cluster(loc, 0, 256) as c' }).results;
  const pts = dataset.rows.filter((r) => r.loc).map((r) => /** @type {{lon: number, lat: number}} */ (r.loc));
  assert.equal(one.length, 2);
  assert.equal(one[0].n, 5);
  assert.ok(Math.abs(one[0].c.cluster_centroid.lat - pts.reduce((s, p) => s + p.lat, 0) / 5) < 1e-9);
  assert.ok(Math.abs(one[0].c.cluster_centroid.lon - pts.reduce((s, p) => s + p.lon, 0) / 5) < 1e-9);
  assert.deepEqual(one[1], { c: null, n: 1 });

  // Independent cell computation: Web-Mercator world pixels at zoom 10, cells of 64 pixels.
  /** @param {{lon: number, lat: number}} p */
  const cell = (p) => {
    const size = 256 * 2 ** 10;
    const sin = Math.sin((p.lat * Math.PI) / 180);
    return `${Math.floor((((p.lon + 180) / 360) * size) / 64)}:${Math.floor(((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size) / 64)}`;
  };
  /** @type {Map<string, {lon: number, lat: number}[]>} */
  const byCell = new Map();
  for (const p of pts) byCell.set(cell(p), [...(byCell.get(cell(p)) ?? []), p]);
  const expected = [...byCell.values()]
    .map((ps) => ({
      n: ps.length,
      lat: ps.reduce((s, p) => s + p.lat, 0) / ps.length,
      lon: ps.reduce((s, p) => s + p.lon, 0) / ps.length,
    }))
    .sort((a, b) => a.lat - b.lat);
  const clusters = runRecords(dataset, {
    select: 'count(*) as n',
    group_by: 'GEO_CLUSTER(loc, 10)',
    where: ['loc is not null'],
  }).results;
  const got = clusters
    .map((c) => ({
      n: c.n,
      lat: c['GEO_CLUSTER(loc, 10)'].cluster_centroid.lat,
      lon: c['GEO_CLUSTER(loc, 10)'].cluster_centroid.lon,
    }))
    .sort((a, b) => a.lat - b.lat);
  assert.equal(got.length, expected.length);
  got.forEach((g, k) => {
    assert.equal(g.n, expected[k].n);
    assert.ok(Math.abs(g.lat - expected[k].lat) < 1e-9 && Math.abs(g.lon - expected[k].lon) < 1e-9);
  });
  assert.equal(
    clusters.reduce((s, c) => s + c.n, 0),
    5,
  );
  const env = clusters[0]['GEO_CLUSTER(loc, 10)'].cluster_envelope;
  assert.equal(env.type, 'Polygon');
});

test('geo errors', () => {
  /** @param {Record<string, any>} params @param {RegExp} re */
  const bad = (params, re) =>
    assert.throws(
      () => runRecords(dataset, params),
      (e) => e instanceof ODSQLError && re.test(e.message),
      JSON.stringify(params),
    );
  bad({ where: ['in_bbox(name, 1, 2, 3, 4)'] }, /geo_point_2d or geo_shape/);
  bad({ where: ['in_bbox(loc, 1, 2, 3)'] }, /Wrong number of arguments for in_bbox\(\)/);
  bad({ where: ["within_distance(loc, geom'POLYGON((0 0, 1 0, 1 1, 0 0))', 1km)"] }, /single point/);
  bad({ where: ["within_distance(loc, geom'POINT(1 2)', 1 parsec)"] }, /Unexpected "parsec"/);
  bad({ where: ["within_distance(loc, geom'POINT(1 2)', 1 s)"] }, /distance unit/);
  bad({ where: ["intersects(loc, geom'POINT(1)')"] }, /Invalid WKT/);
  bad({ where: ['intersects(loc, geom\'{"type": "Blob"}\')'] }, /Invalid geometry/);
  bad({ where: ['intersects(loc, "x")'] }, /geometry/);
  bad({ group_by: 'loc', select: 'count(*)' }, /group by a geo_point_2d/);
  bad({ order_by: 'area' }, /geo/);
  bad({ select: 'distance(loc, loc)' }, /point/);
  bad({ select: 'count(*)', group_by: 'geo_cluster(loc, 40)' }, /zoom/);
});
