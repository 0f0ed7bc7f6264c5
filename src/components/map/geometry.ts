/**
 * Small GeoJSON helpers of `vitrine-map`: bounding boxes, a point to anchor a popup, what is in the
 * current view, and the window of portal clusters. Pure: no Lit, no DOM, no engine.
 * @module
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** `[west, south, east, north]` in degrees. */
export type BBox = [number, number, number, number];

function eachPosition(geometry: Geometry | null | undefined, visit: (p: Position) => void): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) line.forEach(visit);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
      return;
    case 'GeometryCollection':
      for (const g of geometry.geometries) eachPosition(g, visit);
  }
}

/** The bounding box of a geometry, or undefined when it has no position. */
export function bboxOf(geometry: Geometry | null | undefined): BBox | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  eachPosition(geometry, (p) => {
    const [x = NaN, y = NaN] = p;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  });
  return w === Infinity ? undefined : [w, s, e, n];
}

/**
 * The bounding box of every feature, to fit the map to the data. When the data straddles the
 * antimeridian (Alaska and Guam, Fiji), the narrower of the two boxes is taken: its east may exceed 180.
 */
export function collectionBounds(collection: FeatureCollection): BBox | undefined {
  let box: BBox | undefined;
  let shiftedW = Infinity;
  let shiftedE = -Infinity;
  for (const feature of collection.features) {
    const b = bboxOf(feature.geometry);
    if (!b) continue;
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    // The same boxes with western longitudes moved east by 360°.
    for (const x of [b[0], b[2]]) {
      const shifted = x < 0 ? x + 360 : x;
      shiftedW = Math.min(shiftedW, shifted);
      shiftedE = Math.max(shiftedE, shifted);
    }
  }
  if (!box) return undefined;
  if (box[2] - box[0] > 180 && shiftedE - shiftedW < box[2] - box[0]) return [shiftedW, box[1], shiftedE, box[3]];
  return box;
}

/**
 * Where to open a feature's popup: a point's position; the middle vertex of a line (of its longest
 * part); the middle of the bounding box of an area (of its largest part).
 */
export function anchorOf(feature: Pick<Feature, 'geometry'>): [number, number] | undefined {
  const g = feature.geometry;
  const valid = (p: Position | undefined): [number, number] | undefined => {
    const [x = NaN, y = NaN] = p ?? [];
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
  };
  if (!g) return undefined;
  if (g.type === 'Point') return valid(g.coordinates);
  const longest = <T extends unknown[]>(parts: T[], size: (part: T) => number) =>
    parts.reduce<T | undefined>((best, part) => (!best || size(part) > size(best) ? part : best), undefined);
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const line = g.type === 'LineString' ? g.coordinates : longest(g.coordinates, (l) => l.length);
    return line ? valid(line[Math.floor(line.length / 2)]) : undefined;
  }
  const part: Geometry =
    g.type === 'MultiPolygon'
      ? { type: 'Polygon', coordinates: longest(g.coordinates, (p) => p[0]?.length ?? 0) ?? [] }
      : g;
  const b = bboxOf(part);
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : undefined;
}

/** Whether a box meets the view (`west` may be below −180 or `east` above 180 on a wrapped map). */
export function inView(box: BBox | undefined, view: BBox): boolean {
  if (!box) return false;
  if (box[3] < view[1] || box[1] > view[3]) return false;
  if (view[2] - view[0] >= 360) return true;
  for (const shift of [-360, 0, 360]) {
    if (box[2] + shift >= view[0] && box[0] + shift <= view[2]) return true;
  }
  return false;
}

const MAX_LAT = 85.0511;

/**
 * The area of portal clusters to ask for at a portal zoom level: the view grown by one cell and
 * snapped to the cells of `geo_cluster(geo, zoom)` (64-pixel cells of a 256-pixel world at that
 * zoom), so every cell is whole. Undefined when the view covers the whole world (no condition).
 */
export function clusterWindow(view: BBox, zoom: number, cell = 64): BBox | undefined {
  if (view[2] - view[0] >= 360 || view[0] < -180 || view[2] > 180) return undefined;
  const world = 256 * 2 ** zoom;
  const x = (lon: number) => ((lon + 180) / 360) * world;
  const y = (lat: number) => {
    const r = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world;
  };
  const lon = (px: number) => (px / world) * 360 - 180;
  const lat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI;
  const x0 = Math.max(0, (Math.floor(x(view[0]) / cell) - 1) * cell);
  const x1 = Math.min(world, (Math.ceil(x(view[2]) / cell) + 1) * cell);
  const y0 = Math.max(0, (Math.floor(y(view[3]) / cell) - 1) * cell);
  const y1 = Math.min(world, (Math.ceil(y(view[1]) / cell) + 1) * cell);
  if (x0 <= 0 && x1 >= world && y0 <= 0 && y1 >= world) return undefined;
  return [lon(x0), y1 >= world ? -90 : lat(y1), lon(x1), y0 <= 0 ? 90 : lat(y0)];
}
