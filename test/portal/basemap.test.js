// @ts-check
/**
 * The offline basemap of the local portal (demo/portal/basemap.js): a MapLibre style whose sources the
 * portal serves itself, built from vega-datasets' world and US boundaries.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePortal } from './portal-client.js';

const portal = usePortal();

describe('offline basemap', () => {
  it('serves a MapLibre style whose every source is on the portal, with no glyphs, sprites or tiles needed', async () => {
    const { status, body, headers } = await portal.get('/basemap/style.json');
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(body.version, 8);
    assert.equal(body.glyphs, undefined);
    assert.equal(body.sprite, undefined);
    assert.ok(
      body.layers.every((/** @type {{ type: string }} */ l) => ['background', 'fill', 'line'].includes(l.type)),
    );
    for (const [name, source] of Object.entries(body.sources)) {
      const s = /** @type {{ type: string, data: string, attribution: string }} */ (source);
      assert.equal(s.type, 'geojson', name);
      assert.ok(s.data.startsWith(`${portal.url}/basemap/`), s.data);
      assert.match(s.attribution, /Natural Earth|US Census/);
      const data = await portal.get(new URL(s.data).pathname);
      assert.equal(data.status, 200, s.data);
      assert.equal(data.body.type, 'FeatureCollection');
      assert.ok(data.body.features.length > 0);
    }
  });

  it('has the land of every continent and the borders of the US states', async () => {
    const land = (await portal.get('/basemap/land.geojson')).body;
    const polygons = land.features.flatMap((/** @type {any} */ f) =>
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates],
    );
    assert.ok(polygons.length > 100);
    const states = (await portal.get('/basemap/states.geojson')).body.features[0].geometry;
    assert.equal(states.type, 'MultiLineString');
    assert.ok(states.coordinates.length > 50);
  });

  it('answers 404 for an unknown basemap file', async () => {
    const { status, body } = await portal.get('/basemap/nope.geojson');
    assert.equal(status, 404);
    assert.equal(body.error_code, 'NotFound');
  });
});
