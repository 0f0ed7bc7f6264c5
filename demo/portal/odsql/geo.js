// @ts-check
/**
 * Geometry for ODSQL: WKT and GeoJSON literals, haversine distances, and planar (lon/lat)
 * intersects / within tests between points, lines and polygons (with holes).
 *
 * @module
 */

/** Mean Earth radius in metres (the one Elasticsearch uses for arc distances). */
export const EARTH_RADIUS = 6371008.7714;

/** Metres per distance unit. */
export const DISTANCE_UNITS = /** @type {Record<string, number>} */ ({
  m: 1,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
  km: 1000,
  kilometer: 1000,
  kilometers: 1000,
  kilometre: 1000,
  kilometres: 1000,
  mi: 1609.344,
  mile: 1609.344,
  miles: 1609.344,
  yd: 0.9144,
  yard: 0.9144,
  yards: 0.9144,
  ft: 0.3048,
  foot: 0.3048,
  feet: 0.3048,
  cm: 0.01,
  mm: 0.001,
  nmi: 1852,
});

/**
 * @typedef {number[]} Pos [lon, lat]
 * @typedef {{ type: string, coordinates?: any, geometries?: Geometry[] }} Geometry GeoJSON geometry
 * @typedef {{
 *   bbox: [number, number, number, number],
 *   points: Pos[],
 *   lines: Pos[][],
 *   polys: Pos[][][],
 * }} Prepared
 *   `lines` holds line strings and every polygon ring (for edge tests); `polys` the polygons.
 */

/**
 * Great-circle distance in metres.
 * @param {number} lon1 @param {number} lat1 @param {number} lon2 @param {number} lat2
 */
export function haversine(lon1, lat1, lon2, lat2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
}

// ---------------------------------------------------------------------------------------------
// Literals

/**
 * Parses a `geom'…'` literal: WKT (`POINT(2.35 48.85)`, `POLYGON((…))`, MULTI…, GEOMETRYCOLLECTION)
 * or GeoJSON (a geometry or a Feature). Coordinates are lon first.
 * @param {string} text
 * @returns {Geometry} throws an Error with a readable message when the text is not a geometry
 */
export function parseGeometry(text) {
  const t = text.trim();
  if (t.startsWith('{')) {
    let json;
    try {
      json = JSON.parse(t);
    } catch {
      throw new Error(`Invalid GeoJSON geometry: ${text}`);
    }
    if (json && json.type === 'Feature') json = json.geometry;
    else if (json && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
      json = { type: 'GeometryCollection', geometries: json.features.map((/** @type {any} */ f) => f && f.geometry) };
    }
    validateGeometry(json, text);
    return json;
  }
  return new WktParser(t).parse();
}

/**
 * @param {any} g
 * @param {string} text
 */
function validateGeometry(g, text) {
  const fail = () => {
    throw new Error(`Invalid geometry: ${text}`);
  };
  if (!g || typeof g !== 'object') fail();
  /** @param {any} p */
  const pos = (p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  /** @param {any} a */
  const line = (a) => Array.isArray(a) && a.every(pos);
  /** @param {any} a */
  const poly = (a) => Array.isArray(a) && a.length > 0 && a.every((r) => line(r) && r.length >= 4);
  switch (g.type) {
    case 'Point':
      if (!pos(g.coordinates)) fail();
      break;
    case 'MultiPoint':
      if (!line(g.coordinates)) fail();
      break;
    case 'LineString':
      if (!line(g.coordinates) || g.coordinates.length < 2) fail();
      break;
    case 'MultiLineString':
      if (!Array.isArray(g.coordinates) || !g.coordinates.every(line)) fail();
      break;
    case 'Polygon':
      if (!poly(g.coordinates)) fail();
      break;
    case 'MultiPolygon':
      if (!Array.isArray(g.coordinates) || !g.coordinates.every(poly)) fail();
      break;
    case 'GeometryCollection':
      if (!Array.isArray(g.geometries)) fail();
      for (const sub of g.geometries) validateGeometry(sub, text);
      break;
    default:
      fail();
  }
}

class WktParser {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.toks = text.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),]|\S/g) ?? [];
    this.p = 0;
  }

  /** @returns {never} */
  fail() {
    throw new Error(`Invalid WKT geometry: ${this.text}`);
  }

  peek() {
    return this.toks[this.p];
  }

  /** @param {string} [expected] */
  next(expected) {
    const t = this.toks[this.p++];
    if (t === undefined || (expected !== undefined && t !== expected)) this.fail();
    return t;
  }

  parse() {
    const g = this.geometry();
    if (this.p !== this.toks.length) this.fail();
    return g;
  }

  /** @returns {Geometry} */
  geometry() {
    const word = this.next().toUpperCase();
    // Optional dimension tags: Z, M, ZM.
    if (/^(Z|M|ZM)$/i.test(this.peek() ?? '')) this.p++;
    switch (word) {
      case 'POINT': {
        this.next('(');
        const c = this.coord();
        this.next(')');
        return { type: 'Point', coordinates: c };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: this.coordList(2) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: this.rings() };
      case 'MULTIPOINT': {
        this.next('(');
        const pts = [];
        for (;;) {
          if (this.peek() === '(') {
            this.next('(');
            pts.push(this.coord());
            this.next(')');
          } else pts.push(this.coord());
          if (this.peek() === ',') {
            this.next();
            continue;
          }
          break;
        }
        this.next(')');
        return { type: 'MultiPoint', coordinates: pts };
      }
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: this.list(() => this.coordList(2)) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: this.list(() => this.rings()) };
      case 'GEOMETRYCOLLECTION':
        return { type: 'GeometryCollection', geometries: this.list(() => this.geometry()) };
      default:
        return this.fail();
    }
  }

  /**
   * @template T
   * @param {() => T} item
   * @returns {T[]}
   */
  list(item) {
    this.next('(');
    const out = [item()];
    while (this.peek() === ',') {
      this.next();
      out.push(item());
    }
    this.next(')');
    return out;
  }

  rings() {
    const rings = this.list(() => this.coordList(4));
    for (const r of rings) {
      const a = r[0];
      const b = r[r.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) this.fail();
    }
    return rings;
  }

  /** @param {number} min */
  coordList(min) {
    const l = this.list(() => this.coord());
    if (l.length < min) this.fail();
    return l;
  }

  coord() {
    const x = Number(this.next());
    const y = Number(this.next());
    if (!Number.isFinite(x) || !Number.isFinite(y)) this.fail();
    // Ignore Z/M values.
    while (this.peek() !== undefined && /^[-+.\d]/.test(this.peek())) this.p++;
    return [x, y];
  }
}

// ---------------------------------------------------------------------------------------------
// Prepared geometries

/**
 * Flattens a GeoJSON geometry for the tests below.
 * @param {Geometry} g
 * @returns {Prepared | null} null for an empty or invalid geometry
 */
export function prepare(g) {
  /** @type {Prepared} */
  const out = { bbox: [Infinity, Infinity, -Infinity, -Infinity], points: [], lines: [], polys: [] };
  add(g, out);
  if (out.bbox[0] === Infinity) return null;
  return out;
}

/**
 * @param {any} g
 * @param {Prepared} out
 */
function add(g, out) {
  if (!g || typeof g !== 'object') return;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      if (isPos(c)) out.points.push(c);
      break;
    case 'MultiPoint':
      if (Array.isArray(c)) for (const p of c) if (isPos(p)) out.points.push(p);
      break;
    case 'LineString':
      if (Array.isArray(c)) out.lines.push(c.filter(isPos));
      break;
    case 'MultiLineString':
      if (Array.isArray(c)) for (const l of c) if (Array.isArray(l)) out.lines.push(l.filter(isPos));
      break;
    case 'Polygon':
      if (Array.isArray(c)) addPolygon(c, out);
      break;
    case 'MultiPolygon':
      if (Array.isArray(c)) for (const p of c) if (Array.isArray(p)) addPolygon(p, out);
      break;
    case 'GeometryCollection':
      if (Array.isArray(g.geometries)) for (const sub of g.geometries) add(sub, out);
      break;
    case 'Feature':
      add(g.geometry, out);
      break;
  }
  const b = out.bbox;
  for (const p of out.points) extend(b, p);
  for (const l of out.lines) for (const p of l) extend(b, p);
}

/**
 * @param {any[]} rings
 * @param {Prepared} out
 */
function addPolygon(rings, out) {
  const clean = rings.filter(Array.isArray).map((r) => r.filter(isPos));
  if (!clean.length || clean[0].length < 3) return;
  out.polys.push(clean);
  for (const r of clean) out.lines.push(r);
}

/** @param {any} p */
function isPos(p) {
  return (
    Array.isArray(p) &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

/** @param {number[]} b @param {Pos} p */
function extend(b, p) {
  if (p[0] < b[0]) b[0] = p[0];
  if (p[1] < b[1]) b[1] = p[1];
  if (p[0] > b[2]) b[2] = p[0];
  if (p[1] > b[3]) b[3] = p[1];
}

/** A prepared point. @param {number} lon @param {number} lat @returns {Prepared} */
export function preparePoint(lon, lat) {
  return { bbox: [lon, lat, lon, lat], points: [[lon, lat]], lines: [], polys: [] };
}

/** A prepared rectangle. @returns {Prepared} */
export function prepareBox(
  /** @type {number} */ minLon,
  /** @type {number} */ minLat,
  /** @type {number} */ maxLon,
  /** @type {number} */ maxLat,
) {
  const ring = [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
  return { bbox: [minLon, minLat, maxLon, maxLat], points: [], lines: [ring], polys: [[ring]] };
}

/** @param {Prepared} a @param {Prepared} b */
function bboxOverlap(a, b) {
  return a.bbox[0] <= b.bbox[2] && b.bbox[0] <= a.bbox[2] && a.bbox[1] <= b.bbox[3] && b.bbox[1] <= a.bbox[3];
}

const EPS = 1e-12;

/** @param {Pos} a @param {Pos} b @param {Pos} c */
function orient(a, b, c) {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(v) < EPS ? 0 : v > 0 ? 1 : -1;
}

/** p on segment ab (inclusive). @param {Pos} p @param {Pos} a @param {Pos} b */
function onSegment(p, a, b) {
  return (
    orient(a, b, p) === 0 &&
    Math.min(a[0], b[0]) - EPS <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) + EPS &&
    Math.min(a[1], b[1]) - EPS <= p[1] &&
    p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/** Segments ab and cd share a point. @param {Pos} a @param {Pos} b @param {Pos} c @param {Pos} d */
function segmentsIntersect(a, b, c, d) {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(c, a, b)) ||
    (o2 === 0 && onSegment(d, a, b)) ||
    (o3 === 0 && onSegment(a, c, d)) ||
    (o4 === 0 && onSegment(b, c, d))
  );
}

/** Segments ab and cd cross at a point interior to both. @param {Pos} a @param {Pos} b @param {Pos} c @param {Pos} d */
function segmentsCross(a, b, c, d) {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Ray casting, boundary excluded. @param {Pos} p @param {Pos[]} ring */
function inRing(p, ring) {
  let inside = false;
  const x = p[0];
  const y = p[1];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0],
      yi = ring[i][1],
      xj = ring[j][0],
      yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** @param {Pos} p @param {Pos[]} ring */
function onRing(p, ring) {
  for (let i = 1; i < ring.length; i++) if (onSegment(p, ring[i - 1], ring[i])) return true;
  return false;
}

/**
 * -1 outside, 0 on the boundary, 1 inside.
 * @param {Pos} p @param {Pos[][]} poly
 */
function pointInPolygon(p, poly) {
  for (const ring of poly) if (onRing(p, ring)) return 0;
  if (!inRing(p, poly[0])) return -1;
  for (let h = 1; h < poly.length; h++) if (inRing(p, poly[h])) return -1;
  return 1;
}

/**
 * The point lies in or on the geometry.
 * @param {Pos} p @param {Prepared} g
 */
function pointTouches(p, g) {
  const b = g.bbox;
  if (p[0] < b[0] - EPS || p[0] > b[2] + EPS || p[1] < b[1] - EPS || p[1] > b[3] + EPS) return false;
  for (const poly of g.polys) if (pointInPolygon(p, poly) >= 0) return true;
  for (const line of g.lines) {
    for (let i = 1; i < line.length; i++) if (onSegment(p, line[i - 1], line[i])) return true;
  }
  for (const q of g.points) if (Math.abs(q[0] - p[0]) < EPS && Math.abs(q[1] - p[1]) < EPS) return true;
  return false;
}

/** @param {Prepared} g @param {(p: Pos) => boolean} fn */
function someVertex(g, fn) {
  for (const p of g.points) if (fn(p)) return true;
  for (const l of g.lines) for (const p of l) if (fn(p)) return true;
  return false;
}

/** @param {Prepared} g @param {(p: Pos) => boolean} fn */
function everyVertex(g, fn) {
  return !someVertex(g, (p) => !fn(p));
}

/**
 * The two geometries share at least one point.
 * @param {Prepared} a @param {Prepared} b
 */
export function intersects(a, b) {
  if (!bboxOverlap(a, b)) return false;
  if (someVertex(a, (p) => pointTouches(p, b))) return true;
  if (someVertex(b, (p) => pointTouches(p, a))) return true;
  for (const la of a.lines) {
    for (let i = 1; i < la.length; i++) {
      for (const lb of b.lines) {
        for (let j = 1; j < lb.length; j++) if (segmentsIntersect(la[i - 1], la[i], lb[j - 1], lb[j])) return true;
      }
    }
  }
  return false;
}

/**
 * `a` lies inside `b` (boundary included).
 * @param {Prepared} a @param {Prepared} b
 */
export function within(a, b) {
  if (
    a.bbox[0] < b.bbox[0] - EPS ||
    a.bbox[1] < b.bbox[1] - EPS ||
    a.bbox[2] > b.bbox[2] + EPS ||
    a.bbox[3] > b.bbox[3] + EPS
  )
    return false;
  if (!everyVertex(a, (p) => pointTouches(p, b))) return false;
  // No edge of `a` may cross an edge of `b`, and no hole of `b` may lie inside `a`.
  for (const la of a.lines) {
    for (let i = 1; i < la.length; i++) {
      for (const lb of b.lines) {
        for (let j = 1; j < lb.length; j++) if (segmentsCross(la[i - 1], la[i], lb[j - 1], lb[j])) return false;
      }
    }
  }
  for (const poly of b.polys) {
    for (let h = 1; h < poly.length; h++) {
      for (const pa of a.polys) if (poly[h].some((p) => pointInPolygon(p, pa) > 0)) return false;
    }
  }
  return true;
}

/**
 * Shortest distance in metres from a point to a geometry (0 when the point is in or on it).
 * Segments are measured in a local equirectangular projection around the point.
 * @param {Prepared} g @param {number} lon @param {number} lat
 */
export function distanceTo(g, lon, lat) {
  const p = [lon, lat];
  for (const poly of g.polys) if (pointInPolygon(p, poly) >= 0) return 0;
  let best = Infinity;
  for (const q of g.points) best = Math.min(best, haversine(lon, lat, q[0], q[1]));
  const rad = Math.PI / 180;
  const kx = Math.cos(lat * rad) * rad * EARTH_RADIUS;
  const ky = rad * EARTH_RADIUS;
  for (const line of g.lines) {
    if (line.length === 1) best = Math.min(best, haversine(lon, lat, line[0][0], line[0][1]));
    for (let i = 1; i < line.length; i++) {
      const ax = (line[i - 1][0] - lon) * kx,
        ay = (line[i - 1][1] - lat) * ky;
      const bx = (line[i][0] - lon) * kx,
        by = (line[i][1] - lat) * ky;
      const dx = bx - ax,
        dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      // Measure the closest point with haversine for accuracy.
      const cx = line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t;
      const cy = line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t;
      best = Math.min(best, haversine(lon, lat, cx, cy));
    }
  }
  return best;
}

/**
 * A representative point: the mean of the vertices (outer rings only for polygons).
 * @param {Prepared} g
 * @returns {Pos}
 */
export function centroid(g) {
  let x = 0,
    y = 0,
    n = 0;
  /** @param {Pos[]} pts @param {boolean} closed */
  const addAll = (pts, closed) => {
    const end = closed && pts.length > 1 ? pts.length - 1 : pts.length;
    for (let i = 0; i < end; i++) {
      x += pts[i][0];
      y += pts[i][1];
      n++;
    }
  };
  if (g.polys.length) for (const poly of g.polys) addAll(poly[0], true);
  else {
    addAll(g.points, false);
    for (const l of g.lines) addAll(l, false);
  }
  return n ? [x / n, y / n] : [NaN, NaN];
}

/**
 * Web-Mercator world pixel coordinates at a zoom level (256-pixel tiles).
 * @param {number} lon @param {number} lat @param {number} zoom
 * @returns {[number, number]}
 */
export function worldPixel(lon, lat, zoom) {
  const size = 256 * 2 ** zoom;
  const clampedLat = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const sin = Math.sin((clampedLat * Math.PI) / 180);
  const x = ((lon + 180) / 360) * size;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size;
  return [x, y];
}
