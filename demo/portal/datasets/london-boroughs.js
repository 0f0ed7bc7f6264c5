// @ts-check
/**
 * `london-boroughs`: the 33 London boroughs (including the City of London), their boundaries and
 * centroids, from vega-datasets; the area is computed here from the simplified boundary.
 */
import { field, lazyRows, PACKAGES, point, readPackageJson, shape, SORTABLE, topoFeature } from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

/** Radius of the sphere used for areas (WGS 84 semi-major axis, as turf and Opendatasoft do), in m. */
const EARTH_RADIUS = 6378137;
const RAD = Math.PI / 180;

/**
 * Signed area of a ring of [lon, lat] positions on the sphere, in m² (Chamberlain & Duquette, 2007).
 * @param {number[][]} ring
 */
function ringArea(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lon1 = 0, lat1 = 0] = /** @type {number[]} */ (ring[i]);
    const [lon2 = 0, lat2 = 0] = /** @type {number[]} */ (ring[i + 1]);
    sum += (lon2 - lon1) * RAD * (2 + Math.sin(lat1 * RAD) + Math.sin(lat2 * RAD));
  }
  return (sum * EARTH_RADIUS * EARTH_RADIUS) / 2;
}

/**
 * Area of a Polygon or MultiPolygon in km²: outer rings minus holes.
 * @param {{ type: string, coordinates: any }} geometry
 */
export function areaKm2(geometry) {
  /** @param {number[][][]} rings */
  const polygon = (rings) => rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.reduce((/** @type {number} */ sum, /** @type {number[][][]} */ p) => sum + polygon(p), 0) / 1e6;
}

async function build() {
  const [topology, centroids] = await Promise.all([
    readPackageJson(PKG.name, 'data/londonBoroughs.json'),
    /** @type {Promise<{ name: string, cx: number, cy: number }[]>} */ (
      readPackageJson(PKG.name, 'data/londonCentroids.json')
    ),
  ]);
  const centres = new Map(centroids.map((c) => [c.name, point(c.cx, c.cy)]));
  return topology.objects.boroughs.geometries.map((/** @type {any} */ g) => {
    const geometry = topoFeature(topology, g).geometry;
    return {
      name: String(g.id),
      geo_shape: shape(geometry),
      centre: centres.get(g.id) ?? null,
      area_km2: Math.round(areaKm2(geometry) * 100) / 100,
    };
  });
}

/** @type {DatasetDef} */
export default {
  id: 'london-boroughs',
  metas: {
    title: 'London boroughs',
    description:
      'Boundaries of the 32 London boroughs and the City of London (London Datastore "Statistical GIS Boundary Files", London_Borough_Excluding_MHW, reprojected to WGS 84 and simplified by vega-datasets), with their centroids (d3.geoCentroid, computed by vega-datasets) and an area computed by Vitrine from the simplified boundary. Contains National Statistics data © Crown copyright and database right (2015). Contains Ordnance Survey data © Crown copyright and database right (2015).',
    license: 'Open Government Licence v3.0',
    license_url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    source:
      'London Datastore (Greater London Authority), via vega-datasets 3.2.1, data/londonBoroughs.json and data/londonCentroids.json',
    publisher: 'Greater London Authority (London Datastore)',
    modified: PKG.published,
    language: 'en',
    keyword: ['London', 'boroughs', 'boundaries'],
    theme: ['Boundaries'],
  },
  fields: [
    field('name', 'Borough', 'text', SORTABLE()),
    field('geo_shape', 'Boundary', 'geo_shape', {}, 'Simplified boundary, excluding the Thames below mean high water.'),
    field(
      'centre',
      'Centroid',
      'geo_point_2d',
      {},
      'Spherical centroid of the boundary, as computed by vega-datasets (d3.geoCentroid).',
    ),
    field(
      'area_km2',
      'Area (computed, km²)',
      'double',
      SORTABLE(),
      'Computed by Vitrine from the simplified boundary on a sphere of radius 6,378,137 m, rounded to 0.01 km²; not an official figure.',
    ),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(build),
};
