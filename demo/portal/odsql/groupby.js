// @ts-check
/**
 * group_by items: plain fields, scalar expressions, range() buckets and geo_cluster() cells.
 *
 * Each item gives a key per row (undefined: the row belongs to no group), the JSON output of a key,
 * a sort value (group results default to ascending keys) and the internal value that select and
 * order_by expressions see when they refer to the group key.
 *
 * @module
 */
import { canonical } from './parser.js';
import { compileExpr, containsAggregate, fail, outputOf, resolveField, rowEnv } from './compile.js';
import {
  MS_DAY,
  addDuration,
  bucketStart,
  durationUnit,
  formatDateTime,
  formatLocalDate,
  parseDateText,
} from './time.js';
import { centroid, worldPixel } from './geo.js';

/**
 * @typedef {import('./parser.js').Node} Node
 * @typedef {import('./parser.js').Item} Item
 * @typedef {import('./context.js').Ctx} Ctx
 * @typedef {import('./compile.js').Env} Env
 * @typedef {{ keys: any[], idx: number[], pos: number }} Group
 * @typedef {{
 *   name: string,
 *   canon: string,
 *   type: string,
 *   key: (i: number) => any,
 *   explode: boolean,
 *   out: (key: any, g: Group) => any,
 *   sort: (key: any, g: Group) => any,
 *   internal: (key: any, g: Group) => any,
 * }} GroupItem
 */

const GEO = new Set(['geo_point_2d', 'geo_shape']);
/** @param {any} v */
const identity = (v) => v;

/**
 * @param {Ctx} ctx
 * @param {Item} item
 * @returns {GroupItem}
 */
export function compileGroupItem(ctx, item) {
  const env = rowEnv(ctx, 'group_by');
  const node = item.expr;
  const name = item.alias ?? (node.k === 'field' ? node.name : item.text);
  const canon = canonical(node);
  if (containsAggregate(node)) fail(env, `Aggregate functions are not allowed in group_by: ${item.text}`);
  if (node.k === 'call' && node.name === 'range') return { name, canon, ...rangeItem(node, env) };
  if (node.k === 'call' && node.name === 'geo_cluster') return { name, canon, ...clusterItem(node, env) };
  if (node.k === 'call' && node.name === 'equi')
    fail(env, `${node.raw}() is not supported by the local portal: use range(field, width)`);
  if (node.k === 'field') return { name, canon, ...fieldItem(node, env) };
  const e = compileExpr(node, env);
  if (GEO.has(e.type) || e.type === 'geom' || e.type === 'file' || e.type === 'json_blob')
    fail(env, `Cannot group by a ${e.type} value: ${item.text}`);
  const out = outputOf(e.type, ctx.zone);
  return {
    name,
    canon,
    type: e.type,
    key: e.fn,
    explode: !!e.multi,
    out: (k) => out(k),
    sort: identity,
    internal: identity,
  };
}

/**
 * @param {Extract<Node, { k: 'field' }>} node
 * @param {Env} env
 * @returns {Omit<GroupItem, 'name' | 'canon'>}
 */
function fieldItem(node, env) {
  const ctx = env.ctx;
  const f = resolveField(node, env);
  const fname = f.name;
  const rows = ctx.rows;
  const zone = ctx.zone;
  switch (f.type) {
    case 'geo_point_2d':
    case 'geo_shape':
    case 'file':
    case 'json_blob':
      return fail(env, `Cannot group by a ${f.type} field: ${fname}`);
    case 'date': {
      const col = ctx.dayCol(fname);
      return {
        type: 'date',
        key: (i) => col[i],
        explode: false,
        out: (d) => (d === null ? null : formatLocalDate(d * MS_DAY)),
        sort: identity,
        internal: (d) => (d === null ? null : zone.fromLocal(d * MS_DAY)),
      };
    }
    case 'datetime': {
      const col = ctx.datetimeCol(fname);
      return {
        type: 'datetime',
        key: (i) => col[i],
        explode: false,
        out: (ms) => (ms === null ? null : formatDateTime(ms, zone)),
        sort: identity,
        internal: identity,
      };
    }
    default:
      return {
        type: f.type,
        key: (i) => {
          const v = rows[i][fname];
          return v === undefined ? null : v;
        },
        explode: f.type === 'text' && ctx.isMulti(f),
        out: identity,
        sort: identity,
        internal: identity,
      };
  }
}

/** A number as a label: integers plainly, decimals without float noise. @param {number} n */
function num(n) {
  return String(Number.isInteger(n) ? n : Number(n.toPrecision(12)));
}

/**
 * `range(f, *, 10, 50, *)`, `range(f, 5)`, `range(d, 1 day)`, `range(d, *, date'2020', *)`.
 * Integer fields get closed labels `[lo, hi]` (hi = next bound − 1); decimals and dates half-open
 * labels `[lo, hi[`. Rows outside every bucket belong to no group; null values to the null group.
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env
 * @returns {Omit<GroupItem, 'name' | 'canon'>}
 */
function rangeItem(node, env) {
  const ctx = env.ctx;
  const zone = ctx.zone;
  if (node.args.length < 2)
    fail(env, `Wrong number of arguments for ${node.raw}(): at least 2 expected, ${node.args.length} found`);
  const a = compileExpr(node.args[0], env);
  const numeric = a.type === 'int' || a.type === 'double';
  const temporal = a.type === 'date' || a.type === 'datetime';
  if ((!numeric && !temporal) || a.multi) fail(env, `${node.raw}() needs a number, date or datetime, not ${a.type}`);
  const f = a.fn;
  /** @type {(ms: number) => string} */
  const fmtTime = a.type === 'date' ? (ms) => formatLocalDate(zone.toLocal(ms)) : (ms) => formatDateTime(ms, zone);
  const rest = node.args.slice(1);

  // Equal-width buckets.
  if (rest.length === 1 && (rest[0].k === 'num' || rest[0].k === 'qty')) {
    const w = rest[0];
    if (w.k === 'num') {
      if (!numeric) fail(env, `${node.raw}() on a date needs a duration such as 1 day or 1 month`);
      const width = w.v;
      if (!(width > 0)) fail(env, `${node.raw}() needs a positive width`);
      const closed = a.type === 'int' && Number.isInteger(width);
      /** @param {number|null} k */
      const label = (k) => {
        if (k === null) return null;
        const lo = Number((k * width).toPrecision(15));
        return closed
          ? `[${num(lo)}, ${num(lo + width - 1)}]`
          : `[${num(lo)}, ${num(Number(((k + 1) * width).toPrecision(15)))}[`;
      };
      return {
        type: 'text',
        key: (i) => {
          const v = f(i);
          return v === null ? null : Math.floor(v / width);
        },
        explode: false,
        out: label,
        sort: identity,
        internal: label,
      };
    }
    if (!temporal) fail(env, `${node.raw}() with a duration needs a date or datetime, not ${a.type}`);
    const unit = durationUnit(w.unit);
    if (!unit) fail(env, `Unknown duration unit "${w.unit}" in ${node.raw}(): use ms, s, m, h, d, w, M, q or y`);
    const n = w.n;
    if (!(Number.isInteger(n) && n > 0)) fail(env, `${node.raw}() needs a positive whole number of ${w.unit}`);
    /** @param {number|null} start */
    const label = (start) =>
      start === null ? null : `[${fmtTime(start)}, ${fmtTime(addDuration(start, n, unit, zone))}[`;
    return {
      type: 'text',
      key: (i) => {
        const v = f(i);
        return v === null ? null : bucketStart(v, n, unit, zone);
      },
      explode: false,
      out: label,
      sort: identity,
      internal: label,
    };
  }

  // Static bounds; `*` only first or last.
  /** @type {(number|null)[]} */
  const bounds = rest.map((b, k) => {
    if (b.k === 'star') {
      if (k !== 0 && k !== rest.length - 1) fail(env, `${node.raw}(): "*" can only be the first or the last bound`);
      return null;
    }
    if (temporal && (b.k === 'date' || b.k === 'str')) {
      const ms = parseDateText(b.k === 'date' ? b.text : b.v, zone);
      if (ms === null) fail(env, `Invalid date in ${node.raw}(): ${b.k === 'date' ? b.text : b.v}`);
      return ms;
    }
    if (numeric && b.k === 'num') return b.v;
    return fail(env, `${node.raw}(): invalid bound ${canonical(b)}`);
  });
  if (bounds.length < 2 || bounds.every((b) => b === null)) fail(env, `${node.raw}() needs at least two bounds`);
  for (let k = 1; k < bounds.length; k++) {
    const p = bounds[k - 1];
    const q = bounds[k];
    if (p !== null && q !== null && !(q > p)) fail(env, `${node.raw}(): bounds must be increasing`);
  }
  const closed = a.type === 'int' && bounds.every((b) => b === null || Number.isInteger(b));
  /** @param {number|null} b */
  const show = (b) => (b === null ? '*' : temporal ? fmtTime(b) : num(b));
  /** @type {string[]} */
  const labels = [];
  for (let k = 1; k < bounds.length; k++) {
    const lo = bounds[k - 1];
    const hi = bounds[k];
    if (hi === null) labels.push(`[${show(lo)}, *]`);
    else if (closed) labels.push(`[${show(lo)}, ${num(/** @type {number} */ (hi) - 1)}]`);
    else labels.push(`[${show(lo)}, ${show(hi)}[`);
  }
  const lows = bounds.slice(0, -1).map((b) => (b === null ? -Infinity : b));
  const highs = bounds.slice(1).map((b) => (b === null ? Infinity : b));
  const count = lows.length;
  return {
    type: 'text',
    key: (i) => {
      const v = f(i);
      if (v === null) return null;
      for (let k = 0; k < count; k++) if (v >= lows[k] && v < highs[k]) return k;
      return undefined;
    },
    explode: false,
    out: (k) => (k === null ? null : labels[k]),
    sort: identity,
    internal: (k) => (k === null ? null : labels[k]),
  };
}

/**
 * `geo_cluster(geo, zoom[, radius])`: points grouped by Web-Mercator cells of `radius` pixels
 * (default 64, i.e. a 256-pixel tile split 4 × 4) at `zoom`; the key is
 * `{cluster_centroid: {lat, lon}, cluster_envelope: GeoJSON Polygon}` of the member points.
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env
 * @returns {Omit<GroupItem, 'name' | 'canon'>}
 */
function clusterItem(node, env) {
  const ctx = env.ctx;
  if (node.args.length < 2 || node.args.length > 3) {
    fail(env, `Wrong number of arguments for ${node.raw}(): 2 to 3 expected, ${node.args.length} found`);
  }
  const g = node.args[0];
  if (g.k !== 'field') return fail(env, `${node.raw}() needs a geo field as its first argument`);
  const f = resolveField(g, env);
  if (!GEO.has(f.type)) fail(env, `${node.raw}() needs a geo_point_2d or geo_shape field, not ${f.type} (${f.name})`);
  const z = node.args[1];
  if (z.k !== 'num' || !Number.isInteger(z.v) || z.v < 0 || z.v > 25)
    fail(env, `${node.raw}() needs a zoom level from 0 to 25`);
  const zoom = /** @type {number} */ (z.k === 'num' ? z.v : 0);
  let radius = 64;
  if (node.args.length === 3) {
    const r = node.args[2];
    if (r.k !== 'num' || !(r.v > 0)) fail(env, `${node.raw}() needs a positive radius in pixels`);
    radius = r.k === 'num' ? r.v : radius;
  }
  const name = f.name;
  const rows = ctx.rows;
  /** @type {(i: number) => number[] | null} */
  let point;
  if (f.type === 'geo_point_2d') {
    point = (i) => {
      const v = rows[i][name];
      return v && typeof v.lon === 'number' && typeof v.lat === 'number' ? [v.lon, v.lat] : null;
    };
  } else {
    const col = ctx.geoCol(name);
    point = (i) => {
      const p = col[i];
      if (!p) return null;
      const c = centroid(p);
      return Number.isFinite(c[0]) ? c : null;
    };
  }
  const cells = Math.ceil((256 * 2 ** zoom) / radius);
  /** @type {WeakMap<Group, any>} */
  const memo = new WeakMap();
  /** @param {Group} grp */
  const summary = (grp) => {
    let s = memo.get(grp);
    if (s) return s;
    let lon = 0,
      lat = 0,
      n = 0;
    let minLon = Infinity,
      minLat = Infinity,
      maxLon = -Infinity,
      maxLat = -Infinity;
    for (const i of grp.idx) {
      const p = point(i);
      if (!p) continue;
      lon += p[0];
      lat += p[1];
      n++;
      if (p[0] < minLon) minLon = p[0];
      if (p[0] > maxLon) maxLon = p[0];
      if (p[1] < minLat) minLat = p[1];
      if (p[1] > maxLat) maxLat = p[1];
    }
    s = {
      cluster_centroid: { lat: lat / n, lon: lon / n },
      cluster_envelope: {
        type: 'Polygon',
        coordinates: [
          [
            [minLon, minLat],
            [maxLon, minLat],
            [maxLon, maxLat],
            [minLon, maxLat],
            [minLon, minLat],
          ],
        ],
      },
    };
    memo.set(grp, s);
    return s;
  };
  return {
    type: 'json',
    key: (i) => {
      const p = point(i);
      if (!p) return null;
      const [px, py] = worldPixel(p[0], p[1], zoom);
      const cx = Math.min(cells - 1, Math.max(0, Math.floor(px / radius)));
      const cy = Math.min(cells - 1, Math.max(0, Math.floor(py / radius)));
      return cy * cells + cx;
    },
    explode: false,
    out: (k, grp) => (k === null ? null : summary(grp)),
    sort: identity,
    internal: (k, grp) => (k === null ? null : summary(grp)),
  };
}
