// @ts-check
/**
 * Geographic clauses, clusters and time zones over real HTTP, against answers computed from the
 * source files.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { usePortal, API } from './portal-client.js';
import { rawCsv } from './raw.js';

const portal = usePortal();

/** @returns {{ properties: { time: number, mag: number }, geometry: { coordinates: number[] } }[]} */
function rawEarthquakes() {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('vega-datasets').replace(/build\/.*$/, '');
  return JSON.parse(readFileSync(`${dir}data/earthquakes.json`, 'utf8')).features;
}

describe('geography', () => {
  it('clusters every zip code once with geo_cluster', async () => {
    const zips = rawCsv('zipcodes.csv').filter((z) => z.latitude !== '' && z.longitude !== '');
    const { status, body } = await portal.records('us-zipcodes', {
      select: 'c, count(*) as n',
      group_by: 'geo_cluster(geo_point_2d, 3) as c',
      limit: '20000',
    });
    assert.equal(status, 200, JSON.stringify(body));
    const total = body.results.reduce((/** @type {number} */ s, /** @type {{ n: number }} */ r) => s + r.n, 0);
    assert.equal(total, zips.length);
    assert.ok(body.results.length < 2000, 'clusters group the points');
    const first = body.results[0].c.cluster_centroid;
    assert.equal(typeof first.lat, 'number');
    assert.equal(typeof first.lon, 'number');
  });

  it('keeps the points inside a polygon with intersects()', async () => {
    const airports = rawCsv('airports.csv').map((a) => ({ lat: Number(a.latitude), lon: Number(a.longitude) }));
    const expected = airports.filter((a) => a.lon > -80 && a.lon < -70 && a.lat > 40 && a.lat < 45).length;
    const polygon = "geom'POLYGON((-80 40, -70 40, -70 45, -80 45, -80 40))'";
    const { body } = await portal.records('us-airports', { where: `intersects(geo_point_2d, ${polygon})`, limit: '0' });
    assert.equal(body.total_count, expected);
    assert.ok(expected > 50);
  });
});

describe('time zones', () => {
  it('writes datetimes in the requested time zone, same instant', async () => {
    const quakes = rawEarthquakes();
    const { body } = await portal.records('earthquakes', { select: 'time', limit: '1', timezone: 'Europe/Paris' });
    const text = body.results[0].time;
    assert.match(text, /\+0[12]:00$/);
    assert.equal(Date.parse(text), quakes[0]?.properties.time);
    const utc = await portal.records('earthquakes', { select: 'time', limit: '1' });
    assert.match(utc.body.results[0].time, /\+00:00$/);
  });

  it('groups by local day: the same events, counted per Paris day', async () => {
    const quakes = rawEarthquakes();
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const q of quakes) {
      const key = day.format(new Date(q.properties.time));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const { body } = await portal.records('earthquakes', {
      select: 'd, count(*) as n',
      group_by: "date_format(time, 'yyyy-MM-dd') as d",
      timezone: 'Europe/Paris',
      limit: '100',
    });
    assert.deepEqual(
      body.results.map((/** @type {{ d: string, n: number }} */ r) => [r.d, r.n]),
      [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});

describe('aggregates', () => {
  it('computes median and percentile of magnitudes', async () => {
    const mags = rawEarthquakes()
      .map((q) => q.properties.mag)
      .filter((m) => typeof m === 'number')
      .sort((a, b) => a - b);
    const { status, body } = await portal.records('earthquakes', {
      select: 'median(mag) as m, percentile(mag, 90) as p90, min(mag) as lo',
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.results[0].lo, mags[0]);
    // Between the neighbouring order statistics, whatever the interpolation.
    const at = (/** @type {number} */ q) => [
      mags[Math.floor(q * (mags.length - 1))],
      mags[Math.ceil(q * (mags.length - 1))],
    ];
    const [m1, m2] = at(0.5);
    assert.ok(body.results[0].m >= /** @type {number} */ (m1) && body.results[0].m <= /** @type {number} */ (m2));
    const [p1, p2] = at(0.9);
    assert.ok(
      body.results[0].p90 >= /** @type {number} */ (p1) - 1e-9 &&
        body.results[0].p90 <= /** @type {number} */ (p2) + 1e-9,
    );
  });

  it('answers the API root', async () => {
    const { status, body } = await portal.get('/api/explore/v2.1/');
    assert.equal(status, 200);
    assert.ok(body.links.some((/** @type {{ rel: string }} */ l) => l.rel === 'datasets'));
    assert.equal((await portal.get(`${API}/communes-france/records/0`)).body.code, '01001');
  });
});
