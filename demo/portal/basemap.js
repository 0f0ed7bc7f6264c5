// @ts-check
/**
 * The local portal's offline basemap: a MapLibre style at `/basemap/style.json` and its GeoJSON sources
 * at `/basemap/<layer>.geojson`, built from boundary files an npm package ships (nothing from the
 * network, no tiles, no fonts):
 * - land, coastlines and country borders at 1:110 million: vega-datasets 3.2.1 `data/world-110m.json`
 *   (TopoJSON World Atlas, ISC licence, from Natural Earth, public domain);
 * - US state borders at 1:10 million: vega-datasets 3.2.1 `data/us-10m.json` (TopoJSON US Atlas, ISC
 *   licence, from the US Census Bureau's cartographic boundaries).
 * TopoJSON is decoded with topojson-client; the GeoJSON is built on first use and kept in memory.
 *
 * `<vitrine-map basemap="http://localhost:8710/basemap/style.json">` draws the data on top of it.
 * @module
 */
import * as topojson from 'topojson-client';
import { PACKAGES, readPackageJson } from './datasets/util.js';

const ATTRIBUTION = {
  world:
    '<a href="https://www.naturalearthdata.com/">Natural Earth</a> via <a href="https://github.com/topojson/world-atlas">World Atlas</a>',
  us: '<a href="https://www.census.gov/geographies/mapping-files.html">US Census Bureau</a> via <a href="https://github.com/topojson/us-atlas">US Atlas</a>',
};

/** @typedef {{ land: object, coastline: object, borders: object, states: object }} BasemapData */

/** @type {Promise<BasemapData> | undefined} */
let dataPromise;

/** The basemap's GeoJSON layers (decoded once). */
export function basemapData() {
  dataPromise ??= (async () => {
    const [world, us] = await Promise.all([
      readPackageJson(PACKAGES.vega.name, 'data/world-110m.json'),
      readPackageJson(PACKAGES.vega.name, 'data/us-10m.json'),
    ]);
    const countries = world.objects.countries;
    return {
      land: asCollection(/** @type {any} */ (topojson.feature(world, world.objects.land)).geometry),
      // Shared arcs are borders; arcs used once are coasts.
      coastline: asCollection(topojson.mesh(world, countries, (a, b) => a === b)),
      borders: asCollection(topojson.mesh(world, countries, (a, b) => a !== b)),
      states: asCollection(topojson.mesh(us, us.objects.states, (a, b) => a !== b)),
    };
  })();
  return dataPromise;
}

/** @param {object} geometry */
function asCollection(geometry) {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
}

/**
 * The MapLibre style, with sources addressed on `origin` (the portal as the browser reaches it).
 * Only fill, line and background layers: no glyphs or sprites are needed.
 * @param {string} origin e.g. `http://localhost:8710`
 */
export function basemapStyle(origin) {
  const source = (/** @type {string} */ name, /** @type {string} */ attribution) => ({
    type: 'geojson',
    data: `${origin}/basemap/${name}.geojson`,
    attribution,
  });
  return {
    version: 8,
    name: 'Vitrine offline basemap',
    sources: {
      land: source('land', ATTRIBUTION.world),
      coastline: source('coastline', ATTRIBUTION.world),
      borders: source('borders', ATTRIBUTION.world),
      states: source('states', ATTRIBUTION.us),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#dce9f2' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f6f5f1' } },
      { id: 'coastline', type: 'line', source: 'coastline', paint: { 'line-color': '#a9c1d3', 'line-width': 0.8 } },
      {
        id: 'states',
        type: 'line',
        source: 'states',
        minzoom: 2.5,
        paint: { 'line-color': '#c9c9c9', 'line-width': 0.6 },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': '#a6a6a6', 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2] },
      },
    ],
  };
}

const LAYERS = new Set(['land', 'coastline', 'borders', 'states']);

/**
 * The answer to a `/basemap/…` request, or undefined for another path.
 * @param {string} path the request's path, e.g. `/basemap/style.json`
 * @param {string} origin the portal's origin as the browser reaches it
 * @returns {Promise<{ status: number, type: string, body: string } | undefined>}
 */
export async function basemapAnswer(path, origin) {
  if (!path.startsWith('/basemap/')) return undefined;
  const name = path.slice('/basemap/'.length);
  if (name === 'style.json') {
    return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(basemapStyle(origin)) };
  }
  const layer = name.replace(/\.geojson$/, '');
  if (name.endsWith('.geojson') && LAYERS.has(layer)) {
    const data = await basemapData();
    return {
      status: 200,
      type: 'application/geo+json; charset=utf-8',
      // Four decimals (about 10 m) are more than these scales hold.
      body: JSON.stringify(data[/** @type {keyof BasemapData} */ (layer)], (_key, value) =>
        typeof value === 'number' ? Math.round(value * 1e4) / 1e4 : value,
      ),
    };
  }
  return {
    status: 404,
    type: 'application/json; charset=utf-8',
    body: JSON.stringify({ error_code: 'NotFound', message: `Unknown basemap file: ${name}` }),
  };
}
