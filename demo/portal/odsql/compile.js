// @ts-check
/**
 * Compiles ODSQL expressions into closures, once per query.
 *
 * A compiled expression is `{ type, fn }`: `fn(x)` reads row number `x` (row environment) or group
 * `x` (group environment, see query.js). Internal values: text → string (multivalued → array),
 * int/double → number, boolean → boolean, date and datetime → instant in ms (a date is local
 * midnight in the request zone), geo → the stored value, null for missing. Constants are folded.
 *
 * @module
 */
import { malformed } from './errors.js';
import { canonical } from './parser.js';
import {
  compileDateFormat,
  computeNow,
  formatDateTime,
  formatLocalDate,
  parseDateText,
  MS_DAY,
  localYear,
  localMonth,
  localDay,
  localHour,
  localMinute,
  localSecond,
  localMillisecond,
} from './time.js';
import {
  DISTANCE_UNITS,
  distanceTo,
  haversine,
  intersects,
  parseGeometry,
  prepare,
  prepareBox,
  within,
} from './geo.js';
import { patternWords, wordMatcher, words } from './text.js';

/**
 * @typedef {import('./parser.js').Node} Node
 * @typedef {import('./context.js').Ctx} Ctx
 * @typedef {{ type: string, fn: (x: any) => any, multi?: boolean, konst?: boolean, value?: any, field?: string }} Expr
 * @typedef {{
 *   ctx: Ctx, clause: string, kind: 'row' | 'group',
 *   allowRandom?: boolean,
 *   intercept?: (node: Node) => Expr | undefined,
 *   aggregate?: (node: Extract<Node, { k: 'call' }>, env: Env) => Expr,
 * }} Env
 * @typedef {(x: any) => boolean} Pred
 */

/** Aggregate function names. */
export const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max', 'median', 'percentile', 'envelope', 'bbox']);
/** Functions that are conditions (where only). */
export const PREDICATES = new Set([
  'search',
  'suggest',
  'startswith',
  'in_bbox',
  'within_distance',
  'intersects',
  'within',
  'disjoint',
]);
/** Functions that only make sense in group_by. */
export const GROUP_ONLY = new Set(['range', 'geo_cluster', 'equi']);

const NUMERIC = new Set(['int', 'double']);
const TEMPORAL = new Set(['date', 'datetime']);
const GEO = new Set(['geo_point_2d', 'geo_shape']);

/** @type {Pred} */
const TRUE = () => true;
/** @type {Pred} */
const FALSE = () => false;

/**
 * @param {Env} env
 * @param {string} detail
 * @returns {never}
 */
export function fail(env, detail) {
  throw malformed(detail, env.clause);
}

/**
 * @param {Ctx} ctx
 * @param {string} clause
 * @param {Partial<Env>} [extra]
 * @returns {Env}
 */
export function rowEnv(ctx, clause, extra = {}) {
  return { ctx, clause, kind: 'row', ...extra };
}

/**
 * @param {string} type
 * @param {any} value
 * @returns {Expr}
 */
function konst(type, value) {
  return { type, fn: () => value, konst: true, value };
}

/** Does the expression contain an aggregate function? @param {Node} n @returns {boolean} */
export function containsAggregate(n) {
  switch (n.k) {
    case 'call':
      return AGGREGATES.has(n.name) || n.args.some(containsAggregate);
    case 'neg':
    case 'not':
    case 'isnull':
      return containsAggregate(n.e1);
    case 'bin':
    case 'cmp':
    case 'and':
    case 'or':
      return containsAggregate(n.l) || containsAggregate(n.r);
    case 'inlist':
      return containsAggregate(n.e1) || n.list.some(containsAggregate);
    case 'inrange':
      return containsAggregate(n.e1);
    case 'infield':
      return containsAggregate(n.e1);
    case 'like':
      return containsAggregate(n.e1);
    default:
      return false;
  }
}

/**
 * Converts an internal value of a type to its JSON output.
 * @param {string} type
 * @param {import('./time.js').Zone} zone
 * @returns {(v: any) => any}
 */
export function outputOf(type, zone) {
  switch (type) {
    case 'datetime':
      return (v) => (v === null || v === undefined ? null : formatDateTime(v, zone));
    case 'date':
      return (v) => (v === null || v === undefined ? null : formatLocalDate(zone.toLocal(v)));
    case 'geom':
      return (v) => (v === null || v === undefined ? null : v.geometry);
    default:
      return (v) => (v === undefined ? null : v);
  }
}

// ---------------------------------------------------------------------------------------------
// Expressions

/**
 * @param {Node} node
 * @param {Env} env
 * @returns {Expr}
 */
export function compileExpr(node, env) {
  if (env.intercept) {
    const hit = env.intercept(node);
    if (hit) return hit;
  }
  switch (node.k) {
    case 'num':
      return konst(Number.isInteger(node.v) ? 'int' : 'double', node.v);
    case 'str':
      return konst('text', node.v);
    case 'bool':
      return konst('boolean', node.v);
    case 'null':
      return konst('null', null);
    case 'date': {
      const ms = parseDateText(node.text, env.ctx.zone);
      if (ms === null) fail(env, `Invalid date literal: date'${node.text}'`);
      return konst('datetime', ms);
    }
    case 'geom':
      return konst('geom', geomLiteral(node.text, env));
    case 'qty':
      return fail(env, `Unexpected quantity "${node.n} ${node.unit}"`);
    case 'star':
      return fail(env, 'Unexpected "*"');
    case 'field':
      return fieldExpr(node, env);
    case 'neg':
    case 'bin':
      return arithmetic(node, env);
    case 'call':
      return callExpr(node, env);
    default:
      return fail(env, `A condition cannot be used as a value: ${canonical(node)}`);
  }
}

/**
 * @param {string} text
 * @param {Env} env
 * @returns {{ geometry: import('./geo.js').Geometry, prepared: import('./geo.js').Prepared }}
 */
function geomLiteral(text, env) {
  let geometry;
  try {
    geometry = parseGeometry(text);
  } catch (e) {
    return fail(env, /** @type {Error} */ (e).message);
  }
  const prepared = prepare(geometry);
  if (!prepared) fail(env, `Empty geometry: ${text}`);
  return { geometry, prepared };
}

/**
 * The dataset field a field node names; fails on unknown fields and unquoted reserved words.
 * @param {Node} node
 * @param {Env} env
 * @returns {import('./context.js').Field}
 */
export function resolveField(node, env) {
  if (node.k !== 'field') return fail(env, `A field name is expected, not ${canonical(node)}`);
  if (node.reserved) {
    fail(
      env,
      `"${node.name}" is a reserved word: quote it with back-quotes (\`${node.name}\`) to use it as a field name`,
    );
  }
  const f = env.ctx.fields.get(node.name);
  if (!f) return fail(env, `Unknown field: ${node.name}`);
  return f;
}

/**
 * @param {Extract<Node, { k: 'field' }>} node
 * @param {Env} env
 * @returns {Expr}
 */
function fieldExpr(node, env) {
  const ctx = env.ctx;
  const f = resolveField(node, env);
  if (env.kind === 'group') {
    fail(env, `Field "${node.name}" must be used in an aggregation function or appear in group_by`);
  }
  const name = f.name;
  const rows = ctx.rows;
  switch (f.type) {
    case 'date': {
      const col = ctx.dateCol(name);
      return { type: 'date', fn: (i) => col[i], field: name };
    }
    case 'datetime': {
      const col = ctx.datetimeCol(name);
      return { type: 'datetime', fn: (i) => col[i], field: name };
    }
    default: {
      const multi = f.type === 'text' && ctx.isMulti(f);
      return {
        type: f.type,
        fn: (i) => {
          const v = rows[i][name];
          return v === undefined ? null : v;
        },
        multi,
        field: name,
      };
    }
  }
}

/**
 * @param {Expr} e
 * @param {Env} env
 * @param {string} what
 */
function requireNumeric(e, env, what) {
  if (!(NUMERIC.has(e.type) || e.type === 'null') || e.multi) fail(env, `${what} needs numbers, not ${e.type}`);
}

/**
 * @param {Extract<Node, { k: 'neg' | 'bin' }>} node
 * @param {Env} env
 * @returns {Expr}
 */
function arithmetic(node, env) {
  if (node.k === 'neg') {
    const a = compileExpr(node.e1, env);
    requireNumeric(a, env, 'Unary minus');
    if (a.konst) return konst(a.type, a.value === null ? null : -a.value);
    const f = a.fn;
    return {
      type: a.type,
      fn: (x) => {
        const v = f(x);
        return v === null ? null : -v;
      },
    };
  }
  const a = compileExpr(node.l, env);
  const b = compileExpr(node.r, env);
  requireNumeric(a, env, `Operator "${node.op}"`);
  requireNumeric(b, env, `Operator "${node.op}"`);
  const op = node.op;
  const type = op === '/' ? 'double' : a.type === 'int' && b.type === 'int' ? 'int' : 'double';
  /** @param {number|null} u @param {number|null} v */
  const calc = (u, v) => {
    if (u === null || v === null) return null;
    switch (op) {
      case '+':
        return u + v;
      case '-':
        return u - v;
      case '*':
        return u * v;
      default:
        return v === 0 ? null : u / v;
    }
  };
  if (a.konst && b.konst) return konst(type, calc(a.value, b.value));
  const fa = a.fn;
  const fb = b.fn;
  switch (op) {
    case '+':
      return {
        type,
        fn: (x) => {
          const u = fa(x),
            v = fb(x);
          return u === null || v === null ? null : u + v;
        },
      };
    case '-':
      return {
        type,
        fn: (x) => {
          const u = fa(x),
            v = fb(x);
          return u === null || v === null ? null : u - v;
        },
      };
    case '*':
      return {
        type,
        fn: (x) => {
          const u = fa(x),
            v = fb(x);
          return u === null || v === null ? null : u * v;
        },
      };
    default:
      return {
        type,
        fn: (x) => {
          const u = fa(x),
            v = fb(x);
          return u === null || v === null || v === 0 ? null : u / v;
        },
      };
  }
}

/**
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env
 * @param {number} min
 * @param {number} max
 */
function arity(node, env, min, max = min) {
  const n = node.args.length;
  if (n < min || n > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(env, `Wrong number of arguments for ${node.raw}(): ${expected} expected, ${n} found`);
  }
  if (node.distinct && node.name !== 'count') fail(env, `DISTINCT is only allowed in count()`);
}

/**
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env
 * @returns {Expr}
 */
function callExpr(node, env) {
  const name = node.name;
  if (AGGREGATES.has(name)) {
    if (env.aggregate) return env.aggregate(node, env);
    return fail(env, `Aggregate functions are not allowed in ${env.clause}: ${node.raw}()`);
  }
  const scalar = SCALARS[name];
  if (scalar) {
    if (node.distinct) fail(env, `DISTINCT is only allowed in count()`);
    return scalar(node, env);
  }
  if (PREDICATES.has(name)) return fail(env, `${node.raw}() is a condition: it can only be used in where`);
  if (GROUP_ONLY.has(name)) return fail(env, `${node.raw}() can only be used in group_by`);
  if (name === 'include' || name === 'exclude') return fail(env, `${node.raw}() can only be used in select`);
  return fail(env, `Unknown function: ${node.raw}()`);
}

/**
 * @param {(local: number) => number} get
 * @returns {(node: Extract<Node, { k: 'call' }>, env: Env) => Expr}
 */
function datePart(get) {
  return (node, env) => {
    arity(node, env, 1);
    const a = compileExpr(node.args[0], env);
    if (!TEMPORAL.has(a.type) && a.type !== 'null') fail(env, `${node.raw}() needs a date or datetime, not ${a.type}`);
    const zone = env.ctx.zone;
    if (a.konst) return konst('int', a.value === null ? null : get(zone.toLocal(a.value)));
    const f = a.fn;
    if (zone.isUTC)
      return {
        type: 'int',
        fn: (x) => {
          const v = f(x);
          return v === null ? null : get(v);
        },
      };
    return {
      type: 'int',
      fn: (x) => {
        const v = f(x);
        return v === null ? null : get(zone.toLocal(v));
      },
    };
  };
}

/**
 * @param {(s: string) => any} op
 * @param {string} outType
 * @returns {(node: Extract<Node, { k: 'call' }>, env: Env) => Expr}
 */
function textFn(op, outType) {
  return (node, env) => {
    arity(node, env, 1);
    const a = compileExpr(node.args[0], env);
    if (a.type !== 'text' && a.type !== 'null') fail(env, `${node.raw}() needs text, not ${a.type}`);
    if (a.konst) return konst(outType, a.value === null ? null : op(a.value));
    const f = a.fn;
    if (a.multi) {
      return {
        type: outType,
        multi: true,
        fn: (x) => {
          const v = f(x);
          return v === null ? null : Array.isArray(v) ? v.map(op) : op(v);
        },
      };
    }
    return {
      type: outType,
      fn: (x) => {
        const v = f(x);
        return v === null ? null : op(v);
      },
    };
  };
}

/** @type {Record<string, (node: Extract<Node, { k: 'call' }>, env: Env) => Expr>} */
const SCALARS = {
  year: datePart(localYear),
  month: datePart(localMonth),
  day: datePart(localDay),
  hour: datePart(localHour),
  minute: datePart(localMinute),
  second: datePart(localSecond),
  millisecond: datePart(localMillisecond),
  quarter: datePart((local) => Math.floor((localMonth(local) - 1) / 3) + 1),
  length: textFn((s) => [...s].length, 'int'),
  lower: textFn((s) => s.toLowerCase(), 'text'),
  upper: textFn((s) => s.toUpperCase(), 'text'),

  date_format(node, env) {
    arity(node, env, 2);
    const a = compileExpr(node.args[0], env);
    if (!TEMPORAL.has(a.type) && a.type !== 'null') fail(env, `${node.raw}() needs a date or datetime, not ${a.type}`);
    const p = node.args[1];
    if (p.k !== 'str') fail(env, `${node.raw}() needs a pattern string as its second argument`);
    const compiled = compileDateFormat(p.v, env.ctx.lang);
    if (typeof compiled === 'string') return fail(env, compiled);
    const zone = env.ctx.zone;
    const { format, daily } = compiled;
    /** @param {number} ms */
    const fmt = (ms) => {
      const off = zone.offsetAt(ms);
      return format(ms + off, off);
    };
    if (a.konst) return konst('text', a.value === null ? null : fmt(a.value));
    const f = a.fn;
    if (daily) {
      /** @type {Map<number, string>} */
      const memo = new Map();
      return {
        type: 'text',
        fn: (x) => {
          const v = f(x);
          if (v === null) return null;
          const off = zone.offsetAt(v);
          const day = Math.floor((v + off) / MS_DAY);
          let s = memo.get(day);
          if (s === undefined) {
            s = format(v + off, off);
            memo.set(day, s);
          }
          return s;
        },
      };
    }
    return {
      type: 'text',
      fn: (x) => {
        const v = f(x);
        return v === null ? null : fmt(v);
      },
    };
  },

  now(node, env) {
    if (node.args.length) fail(env, `now() only takes named arguments, e.g. now(days=-7)`);
    const ms = computeNow(env.ctx.nowMs, node.named ?? [], env.ctx.zone);
    if (typeof ms === 'string') return fail(env, ms);
    return konst('datetime', ms);
  },

  ifnull(node, env) {
    arity(node, env, 2);
    const a = compileExpr(node.args[0], env);
    const b = compileExpr(node.args[1], env);
    if (a.type === 'null') return b;
    const cat = (/** @type {string} */ t) => (NUMERIC.has(t) ? 'num' : TEMPORAL.has(t) ? 'time' : t);
    if (b.type !== 'null' && cat(a.type) !== cat(b.type))
      fail(env, `${node.raw}() needs two values of the same type, not ${a.type} and ${b.type}`);
    const type =
      a.type === b.type || b.type === 'null'
        ? a.type
        : NUMERIC.has(a.type)
          ? 'double'
          : a.type === 'date'
            ? 'datetime'
            : a.type;
    if (a.konst && a.value !== null) return a;
    const fa = a.fn;
    const fb = b.fn;
    return {
      type,
      multi: a.multi || b.multi,
      fn: (x) => {
        const v = fa(x);
        return v === null || (Array.isArray(v) && v.length === 0) ? fb(x) : v;
      },
    };
  },

  distance(node, env) {
    arity(node, env, 2);
    if (env.kind !== 'row') fail(env, `${node.raw}() cannot be used with group_by`);
    let [g, p] = node.args;
    if (g.k === 'geom' && p.k === 'field') [g, p] = [p, g];
    const point = geoPointArg(p, node, env);
    const geo = geoFieldArg(g, node, env);
    const test = pointDistance(geo, point, env);
    return { type: 'double', fn: test };
  },

  random(node, env) {
    if (!env.allowRandom) fail(env, `${node.raw}() can only be used in order_by`);
    arity(node, env, 0, 1);
    let seed = 0;
    if (node.args.length) {
      const s = node.args[0];
      if (s.k !== 'num') fail(env, `${node.raw}() takes a number as seed`);
      seed = s.v;
    }
    const s0 = Math.floor(seed * 2654435761) >>> 0;
    return {
      type: 'double',
      fn: (x) => {
        let h = (s0 ^ Math.imul(typeof x === 'number' ? x : x.pos, 0x9e3779b1)) >>> 0;
        h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
        h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
        h ^= h >>> 16;
        return (h >>> 0) / 4294967296;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Geo helpers

/**
 * A geo field argument (must be a plain geo_point_2d or geo_shape field).
 * @param {Node} n
 * @param {Extract<Node, { k: 'call' }>} call
 * @param {Env} env
 * @returns {{ name: string, type: string }}
 */
function geoFieldArg(n, call, env) {
  if (n.k !== 'field') return fail(env, `${call.raw}() needs a geo field as its first argument`);
  const f = resolveField(n, env);
  if (!GEO.has(f.type))
    return fail(env, `${call.raw}() needs a geo_point_2d or geo_shape field, not ${f.type} (${f.name})`);
  return { name: f.name, type: f.type };
}

/**
 * A `geom'POINT(lon lat)'` argument.
 * @param {Node} n
 * @param {Extract<Node, { k: 'call' }>} call
 * @param {Env} env
 * @returns {[number, number]}
 */
function geoPointArg(n, call, env) {
  if (n.k !== 'geom') return fail(env, `${call.raw}() needs a point such as geom'POINT(2.35 48.85)'`);
  const { prepared } = geomLiteral(n.text, env);
  if (prepared.points.length !== 1 || prepared.lines.length)
    return fail(env, `${call.raw}() needs a single point, not ${n.text}`);
  const p = prepared.points[0];
  return [p[0], p[1]];
}

/**
 * Distance in metres from each row's geometry to a point (null when the row has no geometry).
 * @param {{ name: string, type: string }} geo
 * @param {[number, number]} point
 * @param {Env} env
 * @returns {(i: number) => number | null}
 */
function pointDistance(geo, point, env) {
  const [lon, lat] = point;
  const rows = env.ctx.rows;
  const name = geo.name;
  if (geo.type === 'geo_point_2d') {
    return (i) => {
      const v = rows[i][name];
      return v && typeof v.lon === 'number' && typeof v.lat === 'number' ? haversine(v.lon, v.lat, lon, lat) : null;
    };
  }
  const col = env.ctx.geoCol(name);
  return (i) => {
    const g = col[i];
    return g ? distanceTo(g, lon, lat) : null;
  };
}

// ---------------------------------------------------------------------------------------------
// Conditions

/** @type {Record<string, string>} */
const FLIP = { '=': '=', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** @param {string} t */
function category(t) {
  if (NUMERIC.has(t)) return 'num';
  if (TEMPORAL.has(t)) return 'time';
  if (t === 'text' || t === 'boolean' || t === 'null') return t;
  return 'other';
}

/**
 * Converts a constant to the domain of a compared expression.
 * @param {Expr} a the non-constant side
 * @param {Expr} b a constant
 * @param {Env} env
 * @returns {{ dom: string, value: any }}
 */
function coerceConst(a, b, env) {
  const ca = category(a.type);
  const cb = category(b.type);
  const v = b.value;
  if (ca === 'other') fail(env, `Cannot compare a ${a.type} value`);
  if (ca === cb) return { dom: ca, value: v };
  if (ca === 'time' && cb === 'text') {
    const ms = parseDateText(v, env.ctx.zone);
    if (ms === null) fail(env, `Invalid date: ${JSON.stringify(v)}`);
    return { dom: 'time', value: ms };
  }
  if (ca === 'num' && cb === 'text') {
    const n = v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(n)) fail(env, `Cannot compare a number with ${JSON.stringify(v)}`);
    return { dom: 'num', value: n };
  }
  if (ca === 'text' && cb === 'num') return { dom: 'text', value: String(v) };
  if (ca === 'boolean' && cb === 'text' && (v === 'true' || v === 'false'))
    return { dom: 'boolean', value: v === 'true' };
  if (ca === 'null') return { dom: cb, value: v };
  return fail(env, `Cannot compare ${a.type} with ${b.type}`);
}

/**
 * @param {string} op
 * @returns {(u: any, v: any) => boolean}
 */
function comparator(op) {
  switch (op) {
    case '=':
      return (u, v) => u === v;
    case '!=':
      return (u, v) => u !== v;
    case '<':
      return (u, v) => u < v;
    case '>':
      return (u, v) => u > v;
    case '<=':
      return (u, v) => u <= v;
    default:
      return (u, v) => u >= v;
  }
}

/**
 * A comparison of an expression with a constant. Multivalued: `=`, `<`… hold when an element
 * does; `!=` holds when no element equals. Null never compares.
 * @param {Expr} a
 * @param {string} op
 * @param {any} v
 * @returns {Pred}
 */
function compareWithConst(a, op, v) {
  const f = a.fn;
  const t = comparator(op);
  if (a.multi) {
    if (op === '!=') {
      return (x) => {
        const arr = f(x);
        if (arr === null) return false;
        if (!Array.isArray(arr)) return arr !== v;
        if (arr.length === 0) return false;
        for (let k = 0; k < arr.length; k++) if (arr[k] === v) return false;
        return true;
      };
    }
    return (x) => {
      const arr = f(x);
      if (arr === null) return false;
      if (!Array.isArray(arr)) return t(arr, v);
      for (let k = 0; k < arr.length; k++) if (t(arr[k], v)) return true;
      return false;
    };
  }
  switch (op) {
    case '=':
      return (x) => f(x) === v;
    case '!=':
      return (x) => {
        const u = f(x);
        return u !== null && u !== v;
      };
    case '<':
      return (x) => {
        const u = f(x);
        return u !== null && u < v;
      };
    case '>':
      return (x) => {
        const u = f(x);
        return u !== null && u > v;
      };
    case '<=':
      return (x) => {
        const u = f(x);
        return u !== null && u <= v;
      };
    default:
      return (x) => {
        const u = f(x);
        return u !== null && u >= v;
      };
  }
}

/**
 * @param {Extract<Node, { k: 'cmp' }>} node
 * @param {Env} env
 * @returns {Pred}
 */
function compileCompare(node, env) {
  let a = compileExpr(node.l, env);
  let b = compileExpr(node.r, env);
  let op = node.op;
  if ((a.konst && a.value === null) || (b.konst && b.value === null)) {
    return FALSE;
  }
  if (a.konst && !b.konst) {
    [a, b] = [b, a];
    op = /** @type {typeof op} */ (FLIP[op]);
  }
  if (b.konst) {
    if (a.konst) {
      const { value } = coerceConst(a, b, env);
      return comparator(op)(a.value, value) ? TRUE : FALSE;
    }
    const { dom, value } = coerceConst(a, b, env);
    if (dom === 'boolean' && op !== '=' && op !== '!=') fail(env, `Booleans can only be compared with = or !=`);
    return compareWithConst(a, op, value);
  }
  const ca = category(a.type);
  const cb = category(b.type);
  if (ca === 'other' || cb === 'other' || (ca !== cb && ca !== 'null' && cb !== 'null'))
    fail(env, `Cannot compare ${a.type} with ${b.type}`);
  const fa = a.fn;
  const fb = b.fn;
  const t = comparator(op);
  if (a.multi || b.multi) {
    return (x) => {
      const u = fa(x);
      const w = fb(x);
      if (u === null || w === null) return false;
      const us = Array.isArray(u) ? u : [u];
      const ws = Array.isArray(w) ? w : [w];
      for (const p of us) for (const q of ws) if (t(p, q)) return true;
      return false;
    };
  }
  return (x) => {
    const u = fa(x);
    const w = fb(x);
    return u !== null && w !== null && t(u, w);
  };
}

/**
 * Compiles a where condition.
 * @param {Node} node
 * @param {Env} env
 * @returns {Pred}
 */
export function compilePred(node, env) {
  switch (node.k) {
    case 'and': {
      const a = compilePred(node.l, env);
      const b = compilePred(node.r, env);
      if (a === FALSE || b === FALSE) return FALSE;
      if (a === TRUE) return b;
      if (b === TRUE) return a;
      return (x) => a(x) && b(x);
    }
    case 'or': {
      const a = compilePred(node.l, env);
      const b = compilePred(node.r, env);
      if (a === TRUE || b === TRUE) return TRUE;
      if (a === FALSE) return b;
      if (b === FALSE) return a;
      return (x) => a(x) || b(x);
    }
    case 'not': {
      const a = compilePred(node.e1, env);
      if (a === TRUE) return FALSE;
      if (a === FALSE) return TRUE;
      return (x) => !a(x);
    }
    case 'cmp':
      return compileCompare(node, env);
    case 'inlist':
      return compileInList(node, env);
    case 'inrange':
      return compileInRange(node, env);
    case 'infield': {
      const fieldNode = node.field;
      return compileCompare({ k: 'cmp', op: '=', l: fieldNode, r: node.e1, s: node.s, e: node.e }, env);
    }
    case 'isnull': {
      const a = compileExpr(node.e1, env);
      const f = a.fn;
      /** @type {Pred} */
      const isNull = (x) => {
        const v = f(x);
        return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
      };
      return node.neg ? (x) => !isNull(x) : isNull;
    }
    case 'like':
      return compileLike(node, env);
    case 'str':
      return fullText(env, null, node.v, 'search()');
    case 'bool':
      return node.v ? TRUE : FALSE;
    case 'null':
      return FALSE;
    case 'call':
      if (PREDICATES.has(node.name)) return compilePredicateCall(node, env);
    // falls through
    default: {
      const e = compileExpr(node, env);
      if (e.type !== 'boolean') {
        if (node.k === 'field')
          fail(env, `Field "${node.name}" is not boolean and cannot be used alone as a condition`);
        fail(env, `A condition is expected, not ${canonical(node)}`);
      }
      if (e.konst) return e.value === true ? TRUE : FALSE;
      const f = e.fn;
      return (x) => f(x) === true;
    }
  }
}

/**
 * @param {Extract<Node, { k: 'inlist' }>} node
 * @param {Env} env
 * @returns {Pred}
 */
function compileInList(node, env) {
  const a = compileExpr(node.e1, env);
  const values = node.list.map((n) => {
    const c = compileExpr(n, env);
    if (!c.konst) fail(env, `IN (…) only takes constant values`);
    return c;
  });
  const kept = values.filter((c) => c.value !== null);
  if (a.konst) {
    if (a.value === null) return FALSE;
    return kept.some((c) => {
      const { value } = coerceConst(c, a, env);
      return value === c.value;
    })
      ? TRUE
      : FALSE;
  }
  const set = new Set(kept.map((c) => coerceConst(a, c, env).value));
  const f = a.fn;
  if (a.multi) {
    return (x) => {
      const v = f(x);
      if (v === null) return false;
      if (!Array.isArray(v)) return set.has(v);
      for (let k = 0; k < v.length; k++) if (set.has(v[k])) return true;
      return false;
    };
  }
  return (x) => {
    const v = f(x);
    return v !== null && set.has(v);
  };
}

/**
 * @param {Extract<Node, { k: 'inrange' }>} node
 * @param {Env} env
 * @returns {Pred}
 */
function compileInRange(node, env) {
  const a = compileExpr(node.e1, env);
  const lo = compileExpr(node.lo, env);
  const hi = compileExpr(node.hi, env);
  if (!lo.konst || !hi.konst) fail(env, `A range [a..b] only takes constant bounds`);
  if (lo.value === null || hi.value === null) return FALSE;
  if (a.konst) fail(env, `A range test needs a field or an expression of a field`);
  const l = coerceConst(a, lo, env);
  const h = coerceConst(a, hi, env);
  if (l.dom !== 'num' && l.dom !== 'time' && l.dom !== 'text')
    fail(env, `Cannot test a ${a.type} value against a range`);
  const lv = l.value;
  const hv = h.value;
  const loInc = node.loInc;
  const hiInc = node.hiInc;
  /** @param {any} v */
  const test = (v) => (loInc ? v >= lv : v > lv) && (hiInc ? v <= hv : v < hv);
  const f = a.fn;
  if (a.multi) {
    return (x) => {
      const v = f(x);
      if (v === null) return false;
      if (!Array.isArray(v)) return test(v);
      for (let k = 0; k < v.length; k++) if (test(v[k])) return true;
      return false;
    };
  }
  return (x) => {
    const v = f(x);
    return v !== null && test(v);
  };
}

/**
 * `f like "word"`: the words of the pattern (with `*` wildcards) appear in a row of `f`, in order
 * and next to each other, case and accents ignored.
 * @param {Extract<Node, { k: 'like' }>} node
 * @param {Env} env
 * @returns {Pred}
 */
function compileLike(node, env) {
  if (node.pattern.k !== 'str') fail(env, `LIKE needs a string pattern`);
  const pattern = patternWords(node.pattern.v);
  const a = compileExpr(node.e1, env);
  if (a.type !== 'text') fail(env, `LIKE needs a text field, not ${a.type}`);
  if (!pattern.length) return TRUE;
  const matchers = pattern.map(wordMatcher);
  /** @param {string[]} ws */
  const matchWords = (ws) => {
    const n = matchers.length;
    for (let s = 0; s + n <= ws.length; s++) {
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (!matchers[k](ws[s + k])) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  };
  if (a.field && !a.konst) {
    const col = env.ctx.wordsCol(a.field);
    return (i) => {
      const vals = col[i];
      if (!vals) return false;
      for (let k = 0; k < vals.length; k++) if (matchWords(vals[k])) return true;
      return false;
    };
  }
  const f = a.fn;
  return (x) => {
    const v = f(x);
    if (v === null) return false;
    if (Array.isArray(v)) return v.some((s) => matchWords(words(s)));
    return matchWords(words(v));
  };
}

/**
 * The text fields named by `search(f1, f2, "text")`-like arguments, or every text field.
 * @param {Node[]} fieldNodes
 * @param {Extract<Node, { k: 'call' }> | null} call
 * @param {Env} env
 * @returns {string[]}
 */
function textFields(fieldNodes, call, env) {
  const ctx = env.ctx;
  if (!fieldNodes.length) return ctx.fieldList.filter((f) => f.type === 'text').map((f) => f.name);
  return fieldNodes.map((n) => {
    const fname = call ? call.raw : 'search';
    if (n.k !== 'field') return fail(env, `${fname}() takes field names followed by a text`);
    const f = resolveField(n, env);
    if (f.type !== 'text') return fail(env, `${fname}() only searches text fields, not ${f.type} (${f.name})`);
    return f.name;
  });
}

/**
 * Full-text search: every word of `text` must start a word of one of the fields (case and
 * accents ignored).
 * @param {Env} env
 * @param {string[] | null} fieldNames null for every text field
 * @param {string} text
 * @param {string} what
 * @returns {Pred}
 */
function fullText(env, fieldNames, text, what) {
  if (env.kind !== 'row') fail(env, `${what} cannot be used here`);
  const names = fieldNames ?? textFields([], null, env);
  const query = words(text);
  if (!query.length) return TRUE;
  if (!names.length) return FALSE;
  const cols = names.map((n) => env.ctx.wordsCol(n));
  return (i) => {
    for (let q = 0; q < query.length; q++) {
      const w = query[q];
      let found = false;
      outer: for (let c = 0; c < cols.length; c++) {
        const vals = cols[c][i];
        if (!vals) continue;
        for (let k = 0; k < vals.length; k++) {
          const ws = vals[k];
          for (let j = 0; j < ws.length; j++) {
            if (ws[j].startsWith(w)) {
              found = true;
              break outer;
            }
          }
        }
      }
      if (!found) return false;
    }
    return true;
  };
}

/**
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env
 * @returns {Pred}
 */
function compilePredicateCall(node, env) {
  const ctx = env.ctx;
  const rows = ctx.rows;
  switch (node.name) {
    case 'search':
    case 'suggest': {
      arity(node, env, 1, Infinity);
      const last = node.args[node.args.length - 1];
      if (last.k !== 'str') fail(env, `${node.raw}() needs a text as its last argument`);
      const names = textFields(node.args.slice(0, -1), node, env);
      return fullText(env, names, last.v, `${node.raw}()`);
    }
    case 'startswith': {
      arity(node, env, 1, Infinity);
      const last = node.args[node.args.length - 1];
      if (last.k !== 'str') fail(env, `${node.raw}() needs a text as its last argument`);
      const names = textFields(node.args.slice(0, -1), node, env);
      const prefix = last.v;
      return (i) => {
        const row = rows[i];
        for (const n of names) {
          const v = row[n];
          if (typeof v === 'string') {
            if (v.startsWith(prefix)) return true;
          } else if (Array.isArray(v)) {
            for (const e of v) if (typeof e === 'string' && e.startsWith(prefix)) return true;
          }
        }
        return false;
      };
    }
    case 'in_bbox': {
      arity(node, env, 5);
      const geo = geoFieldArg(node.args[0], node, env);
      const nums = node.args.slice(1).map((n) => {
        const c = compileExpr(n, env);
        if (!c.konst || !NUMERIC.has(c.type))
          fail(env, `${node.raw}() takes a geo field and four numbers: lat1, lon1, lat2, lon2`);
        return /** @type {number} */ (c.value);
      });
      const [lat1, lon1, lat2, lon2] = nums;
      const minLat = Math.min(lat1, lat2),
        maxLat = Math.max(lat1, lat2);
      const minLon = Math.min(lon1, lon2),
        maxLon = Math.max(lon1, lon2);
      if (geo.type === 'geo_point_2d') {
        const name = geo.name;
        return (i) => {
          const v = rows[i][name];
          return !!v && v.lat >= minLat && v.lat <= maxLat && v.lon >= minLon && v.lon <= maxLon;
        };
      }
      const box = prepareBox(minLon, minLat, maxLon, maxLat);
      const col = ctx.geoCol(geo.name);
      return (i) => {
        const g = col[i];
        return !!g && intersects(g, box);
      };
    }
    case 'within_distance': {
      arity(node, env, 3);
      const geo = geoFieldArg(node.args[0], node, env);
      const point = geoPointArg(node.args[1], node, env);
      const dn = node.args[2];
      let metres;
      if (dn.k === 'qty') {
        const unit = DISTANCE_UNITS[dn.unit] ?? DISTANCE_UNITS[dn.unit.toLowerCase()];
        if (unit === undefined) fail(env, `Unknown distance unit "${dn.unit}" in ${node.raw}()`);
        metres = dn.n * unit;
      } else if (dn.k === 'num') {
        metres = dn.v;
      } else {
        return fail(env, `${node.raw}() needs a distance such as 1km or 500m as its third argument`);
      }
      if (!(metres >= 0)) fail(env, `${node.raw}() needs a positive distance`);
      const dist = pointDistance(geo, point, env);
      return (i) => {
        const d = dist(i);
        return d !== null && d <= metres;
      };
    }
    case 'intersects':
    case 'within':
    case 'disjoint': {
      arity(node, env, 2);
      let [g, s] = node.args;
      if (g.k === 'geom' && s.k === 'field' && node.name !== 'within') [g, s] = [s, g];
      const geo = geoFieldArg(g, node, env);
      if (s.k !== 'geom') fail(env, `${node.raw}() needs a geometry such as geom'POLYGON((…))' as its second argument`);
      const { prepared } = geomLiteral(s.text, env);
      const col = ctx.geoCol(geo.name);
      if (node.name === 'intersects')
        return (i) => {
          const v = col[i];
          return !!v && intersects(v, prepared);
        };
      if (node.name === 'disjoint')
        return (i) => {
          const v = col[i];
          return !!v && !intersects(v, prepared);
        };
      return (i) => {
        const v = col[i];
        return !!v && within(v, prepared);
      };
    }
  }
  return fail(env, `Unknown function: ${node.raw}()`);
}

// ---------------------------------------------------------------------------------------------
// Aggregates

/**
 * Compiles an aggregate into a function of a group `{ idx: number[] }`.
 * @param {Extract<Node, { k: 'call' }>} node
 * @param {Env} env the group environment (its clause is used for errors)
 * @returns {Expr}
 */
export function compileAggregate(node, env) {
  const re = rowEnv(env.ctx, env.clause, {
    aggregate: (inner) => fail(env, `Aggregate functions cannot be nested: ${inner.raw}() inside ${node.raw}()`),
  });
  const name = node.name;
  if (node.distinct && name !== 'count') fail(env, `DISTINCT is only allowed in count()`);
  switch (name) {
    case 'count': {
      arity(node, env, 1);
      const arg = node.args[0];
      if (arg.k === 'star') {
        if (node.distinct) fail(env, `count(distinct *) is not allowed`);
        return { type: 'int', fn: (g) => g.idx.length };
      }
      const a = compileExpr(arg, re);
      if (a.konst) return { type: 'int', fn: (g) => (a.value === null ? 0 : g.idx.length) };
      const f = a.fn;
      if (node.distinct) {
        return {
          type: 'int',
          fn: (g) => {
            const seen = new Set();
            const idx = g.idx;
            for (let k = 0; k < idx.length; k++) {
              const v = f(idx[k]);
              if (v === null || v === undefined) continue;
              if (Array.isArray(v))
                for (const e of v) seen.add(typeof e === 'object' && e !== null ? JSON.stringify(e) : e);
              else seen.add(typeof v === 'object' ? JSON.stringify(v) : v);
            }
            return seen.size;
          },
        };
      }
      return {
        type: 'int',
        fn: (g) => {
          let n = 0;
          const idx = g.idx;
          for (let k = 0; k < idx.length; k++) {
            const v = f(idx[k]);
            if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) n++;
          }
          return n;
        },
      };
    }
    case 'sum':
    case 'avg':
    case 'median':
    case 'percentile':
    case 'min':
    case 'max': {
      if (name === 'percentile') arity(node, env, 2);
      else arity(node, env, 1);
      const a = compileExpr(node.args[0], re);
      const temporalOk = name === 'min' || name === 'max';
      if (a.multi || !(NUMERIC.has(a.type) || a.type === 'null' || (temporalOk && TEMPORAL.has(a.type)))) {
        fail(env, `${node.raw}() needs ${temporalOk ? 'numbers or dates' : 'numbers'}, not ${a.type}`);
      }
      const f = a.fn;
      if (name === 'sum') {
        return {
          type: a.type === 'int' ? 'int' : 'double',
          fn: (g) => {
            let s = 0,
              n = 0;
            const idx = g.idx;
            for (let k = 0; k < idx.length; k++) {
              const v = f(idx[k]);
              if (v !== null) {
                s += v;
                n++;
              }
            }
            return n ? s : null;
          },
        };
      }
      if (name === 'avg') {
        return {
          type: 'double',
          fn: (g) => {
            let s = 0,
              n = 0;
            const idx = g.idx;
            for (let k = 0; k < idx.length; k++) {
              const v = f(idx[k]);
              if (v !== null) {
                s += v;
                n++;
              }
            }
            return n ? s / n : null;
          },
        };
      }
      if (name === 'min' || name === 'max') {
        const isMax = name === 'max';
        return {
          type: a.type === 'null' ? 'double' : a.type,
          fn: (g) => {
            let best = null;
            const idx = g.idx;
            for (let k = 0; k < idx.length; k++) {
              const v = f(idx[k]);
              if (v !== null && (best === null || (isMax ? v > best : v < best))) best = v;
            }
            return best;
          },
        };
      }
      let p = 50;
      if (name === 'percentile') {
        const pn = compileExpr(node.args[1], re);
        if (!pn.konst || !NUMERIC.has(pn.type) || !(pn.value >= 0 && pn.value <= 100)) {
          fail(env, `${node.raw}() needs a percentile between 0 and 100 as its second argument`);
        }
        p = pn.value;
      }
      return {
        type: 'double',
        fn: (g) => {
          /** @type {number[]} */
          const vals = [];
          const idx = g.idx;
          for (let k = 0; k < idx.length; k++) {
            const v = f(idx[k]);
            if (v !== null) vals.push(v);
          }
          if (!vals.length) return null;
          vals.sort((x, y) => x - y);
          // Linear interpolation between the closest ranks, computed in hundredths to avoid float noise.
          const scaled = p * (vals.length - 1);
          const lo = Math.floor(scaled / 100);
          const frac = (scaled - lo * 100) / 100;
          if (frac === 0 || lo + 1 >= vals.length || vals[lo] === vals[lo + 1]) return vals[lo];
          return vals[lo] + (vals[lo + 1] - vals[lo]) * frac;
        },
      };
    }
    default:
      return fail(env, `${node.raw}() is not supported by the local portal`);
  }
}

export { TRUE, FALSE };
