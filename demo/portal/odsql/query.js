// @ts-check
/**
 * Query plans: parse every clause, compile them against the dataset, then run over the rows.
 *
 * @module
 */
import { Ctx } from './context.js';
import { canonical, parseGroupBy, parseOrderBy, parseSelect, parseWhere } from './parser.js';
import {
  TRUE,
  compileAggregate,
  compileExpr,
  compilePred,
  containsAggregate,
  fail,
  outputOf,
  resolveField,
  rowEnv,
} from './compile.js';
import { compileGroupItem } from './groupby.js';
import { compileFilters, filtersPredicate, toList } from './refine.js';
import { formatDateTime, parseStoredDatetime } from './time.js';

/**
 * @typedef {import('./context.js').Dataset} Dataset
 * @typedef {import('./context.js').Params} Params
 * @typedef {import('./context.js').Field} Field
 * @typedef {import('./parser.js').Node} Node
 * @typedef {import('./parser.js').Item} Item
 * @typedef {import('./parser.js').StarItem} StarItem
 * @typedef {import('./compile.js').Env} Env
 * @typedef {import('./compile.js').Expr} Expr
 * @typedef {import('./groupby.js').Group} Group
 * @typedef {import('./groupby.js').GroupItem} GroupItem
 * @typedef {(i: number) => boolean} Pred
 * @typedef {{ fn: (x: any) => any, desc: boolean }} SortKey
 * @typedef {{ key: string, get: (x: any) => any }} Output
 * @typedef {{
 *   ctx: Ctx,
 *   pred: Pred,
 *   grouped: boolean,
 *   hasGroupBy: boolean,
 *   groupItems: GroupItem[],
 *   outputs: Output[],
 *   order: SortKey[],
 * }} Plan
 */

const GEO = new Set(['geo_point_2d', 'geo_shape', 'geom']);

/**
 * The where, refine and exclude parameters as one row predicate.
 * @param {Ctx} ctx
 * @param {Params} params
 * @param {Node[]} [whereNodes] already parsed where clauses
 * @returns {Pred}
 */
export function compileMatch(ctx, params, whereNodes) {
  const nodes = whereNodes ?? parseWheres(params);
  /** @type {Pred[]} */
  const parts = [];
  for (const node of nodes) {
    const p = compilePred(node, rowEnv(ctx, 'where'));
    if (p !== TRUE) parts.push(p);
  }
  const filters = filtersPredicate(compileFilters(ctx, params));
  if (filters) parts.push(filters);
  return and(parts);
}

/** @param {Params} params */
export function parseWheres(params) {
  return toList(params.where)
    .filter((w) => typeof w === 'string' && w.trim() !== '')
    .map(parseWhere);
}

/**
 * @param {Pred[]} parts
 * @returns {Pred}
 */
export function and(parts) {
  if (!parts.length) return TRUE;
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) {
    const [a, b] = parts;
    return (i) => a(i) && b(i);
  }
  return (i) => {
    for (let k = 0; k < parts.length; k++) if (!parts[k](i)) return false;
    return true;
  };
}

/**
 * Row numbers matching a predicate, in dataset order.
 * @param {Ctx} ctx
 * @param {Pred} pred
 * @returns {number[]}
 */
export function matchIndices(ctx, pred) {
  const n = ctx.rows.length;
  const out = [];
  if (pred === TRUE) {
    for (let i = 0; i < n; i++) out.push(i);
  } else {
    for (let i = 0; i < n; i++) if (pred(i)) out.push(i);
  }
  return out;
}

/**
 * Parses and compiles a records/exports query.
 * @param {Dataset} dataset
 * @param {Params} params
 * @returns {Plan}
 */
export function buildPlan(dataset, params) {
  const ctx = new Ctx(dataset, params);
  const selectGiven = typeof params.select === 'string' && params.select.trim() !== '';
  // Parse every clause first: syntax errors are reported before anything else.
  const selItems = parseSelect(selectGiven ? /** @type {string} */ (params.select) : '*');
  const whereNodes = parseWheres(params);
  const groupSrc = typeof params.group_by === 'string' ? params.group_by.trim() : '';
  const groupParsed = groupSrc ? parseGroupBy(groupSrc) : [];
  const orderSrc = typeof params.order_by === 'string' ? params.order_by.trim() : '';
  const orderParsed = orderSrc ? parseOrderBy(orderSrc) : [];

  const pred = compileMatch(ctx, params, whereNodes);

  /** @type {Map<string, Item>} */
  const selAliases = new Map();
  for (const it of selItems) {
    if ('star' in it || it.alias === undefined) continue;
    if (selAliases.has(it.alias)) fail(rowEnv(ctx, 'select'), `Duplicate alias: ${it.alias}`);
    selAliases.set(it.alias, it);
  }
  /** @type {Map<string, number>} */
  const groupAliases = new Map();
  groupParsed.forEach((it, j) => {
    if (it.alias === undefined) return;
    if (groupAliases.has(it.alias)) fail(rowEnv(ctx, 'group_by'), `Duplicate alias: ${it.alias}`);
    if (selAliases.has(it.alias))
      fail(rowEnv(ctx, 'group_by'), `Alias "${it.alias}" is declared in both select and group_by`);
    groupAliases.set(it.alias, j);
  });

  const hasGroupBy = groupParsed.length > 0;
  const grouped = hasGroupBy || selItems.some((it) => !('star' in it) && containsAggregate(it.expr));
  if (!grouped) return rowPlan(ctx, pred, selItems, selAliases, orderParsed);
  // Without a select, a group_by query returns its group keys only.
  return groupPlan(
    ctx,
    pred,
    selectGiven ? selItems : [],
    selAliases,
    groupParsed,
    groupAliases,
    orderParsed,
    hasGroupBy,
  );
}

/**
 * Plain records: one result per matching row.
 * @param {Ctx} ctx
 * @param {Pred} pred
 * @param {(Item|StarItem)[]} selItems
 * @param {Map<string, Item>} selAliases
 * @param {import('./parser.js').OrderItem[]} orderParsed
 * @returns {Plan}
 */
function rowPlan(ctx, pred, selItems, selAliases, orderParsed) {
  const selEnv = rowEnv(ctx, 'select');
  /** @type {Output[]} */
  const outputs = [];
  const patternItems = selItems.filter((it) => 'star' in it || isPatternCall(it.expr));
  let fieldsDone = false;
  for (const it of selItems) {
    if ('star' in it || isPatternCall(it.expr)) {
      if (!('star' in it) && it.alias !== undefined) fail(selEnv, `${canonical(it.expr)} cannot have an alias`);
      if (fieldsDone) continue;
      fieldsDone = true;
      for (const f of patternFields(ctx, patternItems)) outputs.push({ key: f.name, get: rawFieldOutput(ctx, f) });
      continue;
    }
    const node = it.expr;
    if (node.k === 'field') {
      const f = resolveField(node, selEnv);
      outputs.push({ key: it.alias ?? f.name, get: rawFieldOutput(ctx, f) });
      continue;
    }
    const e = compileExpr(node, selEnv);
    const conv = outputOf(e.type, ctx.zone);
    const fn = e.fn;
    outputs.push({ key: it.alias ?? it.text, get: (i) => conv(fn(i)) });
  }

  const orderEnv = rowEnv(ctx, 'order_by', { allowRandom: true });
  /** @type {SortKey[]} */
  const order = orderParsed.map((o) => {
    let node = o.expr;
    if (node.k === 'field' && selAliases.has(node.name)) node = /** @type {Item} */ (selAliases.get(node.name)).expr;
    const e = compileExpr(node, orderEnv);
    if (GEO.has(e.type)) fail(orderEnv, `Cannot sort on a geo value: ${o.text}`);
    return { fn: e.fn, desc: o.desc };
  });
  return { ctx, pred, grouped: false, hasGroupBy: false, groupItems: [], outputs, order };
}

/** @param {Node} n */
function isPatternCall(n) {
  return n.k === 'call' && (n.name === 'include' || n.name === 'exclude');
}

/**
 * Fields chosen by `*`, include(…) and exclude(…), in dataset order.
 * @param {Ctx} ctx
 * @param {(Item|StarItem)[]} items
 * @returns {Field[]}
 */
function patternFields(ctx, items) {
  const star = items.some((it) => 'star' in it);
  /** @type {RegExp[]} */
  const includes = [];
  /** @type {RegExp[]} */
  const excludes = [];
  for (const it of items) {
    if ('star' in it || it.expr.k !== 'call') continue;
    const res = (it.expr.patterns ?? []).map(
      (p) =>
        new RegExp(
          '^' +
            p
              .split('*')
              .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('.*') +
            '$',
        ),
    );
    (it.expr.name === 'include' ? includes : excludes).push(...res);
  }
  return ctx.fieldList.filter((f) => {
    const chosen = star || !includes.length || includes.some((re) => re.test(f.name));
    return chosen && !excludes.some((re) => re.test(f.name));
  });
}

/**
 * The output of a stored field: datetimes re-expressed in the request zone, the rest as stored.
 * @param {Ctx} ctx
 * @param {Field} f
 * @returns {(i: number) => any}
 */
function rawFieldOutput(ctx, f) {
  const name = f.name;
  const rows = ctx.rows;
  if (f.type === 'datetime') {
    const zone = ctx.zone;
    return (i) => {
      const v = rows[i][name];
      if (v === null || v === undefined) return null;
      const ms = parseStoredDatetime(v);
      return ms === null ? v : formatDateTime(ms, zone);
    };
  }
  return (i) => {
    const v = rows[i][name];
    return v === undefined ? null : v;
  };
}

/**
 * Aggregations: one result per group (one group over all rows without group_by).
 * @param {Ctx} ctx
 * @param {Pred} pred
 * @param {(Item|StarItem)[]} selItems
 * @param {Map<string, Item>} selAliases
 * @param {Item[]} groupParsed
 * @param {Map<string, number>} groupAliases
 * @param {import('./parser.js').OrderItem[]} orderParsed
 * @param {boolean} hasGroupBy
 * @returns {Plan}
 */
function groupPlan(ctx, pred, selItems, selAliases, groupParsed, groupAliases, orderParsed, hasGroupBy) {
  const groupItems = groupParsed.map((it) => compileGroupItem(ctx, it));

  /** @param {Node} node @returns {number} */
  const matchGroup = (node) => {
    if (node.k === 'field' && groupAliases.has(node.name)) return /** @type {number} */ (groupAliases.get(node.name));
    const c = canonical(node);
    return groupItems.findIndex((g) => g.canon === c);
  };
  /**
   * @param {string} clause
   * @param {Partial<Env>} [extra]
   * @returns {Env}
   */
  const groupEnv = (clause, extra = {}) => ({
    ctx,
    clause,
    kind: 'group',
    aggregate: compileAggregate,
    intercept: (node) => {
      const j = matchGroup(node);
      if (j < 0) return undefined;
      const gi = groupItems[j];
      return { type: gi.type, fn: (g) => gi.internal(g.keys[j], g) };
    },
    ...extra,
  });

  /** @type {Output[]} */
  const outputs = groupItems.map((gi, j) => ({ key: gi.name, get: (/** @type {Group} */ g) => gi.out(g.keys[j], g) }));
  const selEnv = groupEnv('select');
  for (const it of selItems) {
    if ('star' in it)
      fail(selEnv, hasGroupBy ? '"*" cannot be used with group_by' : '"*" cannot be used with aggregate functions');
    if (isPatternCall(it.expr))
      fail(
        selEnv,
        `${it.expr.k === 'call' ? it.expr.raw : ''}() cannot be used with ${hasGroupBy ? 'group_by' : 'aggregate functions'}`,
      );
    const key = it.alias ?? (it.expr.k === 'field' ? it.expr.name : it.text);
    const j = matchGroup(it.expr);
    if (j >= 0) {
      const gi = groupItems[j];
      outputs.push({ key, get: (g) => gi.out(g.keys[j], g) });
      continue;
    }
    const e = compileExpr(it.expr, selEnv);
    const conv = outputOf(e.type, ctx.zone);
    const fn = e.fn;
    outputs.push({ key, get: (g) => conv(fn(g)) });
  }

  const orderEnv = groupEnv('order_by', { allowRandom: true });
  /** @type {SortKey[]} */
  const order = [];
  let sawPlain = false;
  for (const o of orderParsed) {
    let node = o.expr;
    let j = matchGroup(node);
    if (j < 0 && node.k === 'field' && selAliases.has(node.name)) {
      node = /** @type {Item} */ (selAliases.get(node.name)).expr;
      j = matchGroup(node);
    }
    let isAggregate = false;
    if (j >= 0) {
      const gi = groupItems[j];
      const jj = j;
      order.push({ fn: (g) => gi.sort(g.keys[jj], g), desc: o.desc });
    } else {
      const e = compileExpr(node, orderEnv);
      if (GEO.has(e.type) || e.type === 'json') fail(orderEnv, `Cannot sort on a geo value: ${o.text}`);
      isAggregate = containsAggregate(node);
      order.push({ fn: e.fn, desc: o.desc });
    }
    if (isAggregate && sawPlain) fail(orderEnv, `Sorts on aggregations must come before the other sorts: ${o.text}`);
    if (!isAggregate) sawPlain = true;
  }
  return { ctx, pred, grouped: true, hasGroupBy, groupItems, outputs, order };
}

/**
 * Builds the groups of the matching rows.
 * @param {GroupItem[]} items
 * @param {number[]} idx
 * @returns {Group[]}
 */
function buildGroups(items, idx) {
  if (!items.length) return [{ keys: [], idx, pos: 0 }];
  /** @type {Group[]} */
  const groups = [];
  if (items.length === 1 && !items[0].explode) {
    const keyFn = items[0].key;
    /** @type {Map<any, Group>} */
    const map = new Map();
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const key = keyFn(i);
      if (key === undefined) continue;
      let g = map.get(key);
      if (!g) {
        g = { keys: [key], idx: [], pos: groups.length };
        map.set(key, g);
        groups.push(g);
      }
      g.idx.push(i);
    }
    return groups;
  }
  /** @type {Map<string, Group>} */
  const map = new Map();
  const n = items.length;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    /** @type {any[][]} */
    const perItem = [];
    let skip = false;
    for (let j = 0; j < n; j++) {
      const key = items[j].key(i);
      if (key === undefined) {
        skip = true;
        break;
      }
      if (items[j].explode && Array.isArray(key)) perItem.push(key.length ? [...new Set(key)] : [null]);
      else perItem.push([key]);
    }
    if (skip) continue;
    for (const combo of cartesian(perItem)) {
      const id = combo.map(encodeKey).join('\u0001');
      let g = map.get(id);
      if (!g) {
        g = { keys: combo, idx: [], pos: groups.length };
        map.set(id, g);
        groups.push(g);
      }
      g.idx.push(i);
    }
  }
  return groups;
}

/** @param {any} v */
function encodeKey(v) {
  if (v === null || v === undefined) return 'n';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'd' + v;
    case 'boolean':
      return 'b' + v;
    default:
      return 'o' + JSON.stringify(v);
  }
}

/**
 * @param {any[][]} lists
 * @returns {any[][]}
 */
function cartesian(lists) {
  /** @type {any[][]} */
  let out = [[]];
  for (const list of lists) {
    if (list.length === 1) {
      for (const combo of out) combo.push(list[0]);
      continue;
    }
    /** @type {any[][]} */
    const next = [];
    for (const combo of out) for (const v of list) next.push([...combo, v]);
    out = next;
  }
  return out;
}

/**
 * A sortable form of a value: null for missing, min (asc) or max (desc) of a multivalued value.
 * @param {any} v
 * @param {boolean} desc
 * @returns {any}
 */
function sortable(v, desc) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    let best = null;
    for (const e of v) {
      /** @type {any} */
      const s = sortable(e, desc);
      if (s !== null && (best === null || (desc ? compare(s, best) > 0 : compare(s, best) < 0))) best = s;
    }
    return best;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * @param {any} u
 * @param {any} v
 */
function compare(u, v) {
  if (typeof u !== typeof v) return typeof u < typeof v ? -1 : 1;
  return u < v ? -1 : u > v ? 1 : 0;
}

/**
 * Stable sort of rows or groups; nulls last in both directions. With `need`, only the first `need`
 * items are guaranteed (and returned): a partial sort that keeps the cost near O(n log need).
 * @template T
 * @param {T[]} items
 * @param {SortKey[]} keys
 * @param {number} [need]
 * @returns {T[]}
 */
export function sortItems(items, keys, need = Infinity) {
  if (!keys.length || items.length < 2) return items;
  const n = items.length;
  const cols = keys.map((k) => {
    const col = new Array(n);
    for (let p = 0; p < n; p++) col[p] = sortable(k.fn(items[p]), k.desc);
    return col;
  });
  const descs = keys.map((k) => k.desc);
  /** @param {number} p @param {number} q */
  const cmp = (p, q) => {
    for (let c = 0; c < cols.length; c++) {
      const u = cols[c][p];
      const v = cols[c][q];
      if (u === v) continue;
      if (u === null) return 1;
      if (v === null) return -1;
      const r = compare(u, v);
      if (r !== 0) return descs[c] ? -r : r;
    }
    return p - q;
  };
  if (need < n / 4) {
    /** @type {number[]} */
    let buf = [];
    const cap = 2 * need + 64;
    for (let p = 0; p < n; p++) {
      buf.push(p);
      if (buf.length >= cap) {
        buf.sort(cmp);
        buf.length = need;
      }
    }
    buf.sort(cmp);
    if (buf.length > need) buf.length = need;
    return buf.map((p) => items[p]);
  }
  const positions = new Array(n);
  for (let p = 0; p < n; p++) positions[p] = p;
  positions.sort(cmp);
  return positions.map((p) => items[p]);
}

/**
 * @template T
 * @param {T[]} items
 * @param {number | undefined} offset
 * @param {number | undefined} limit -1 or undefined: no limit
 */
function page(items, offset, limit) {
  const start = Math.max(0, Number(offset) || 0);
  const lim = limit === undefined || limit === null || Number(limit) < 0 ? Infinity : Number(limit);
  if (start === 0 && lim >= items.length) return items;
  return items.slice(start, lim === Infinity ? undefined : start + lim);
}

/**
 * Runs a plan.
 * @param {Plan} plan
 * @param {number | undefined} offset
 * @param {number | undefined} limit -1 / undefined = all
 * @returns {{ total_count?: number, results: Record<string, any>[] }}
 */
export function execute(plan, offset, limit) {
  const idx = matchIndices(plan.ctx, plan.pred);
  const outputs = plan.outputs;
  /** @param {any} x */
  const build = (x) => {
    /** @type {Record<string, any>} */
    const o = {};
    for (let k = 0; k < outputs.length; k++) o[outputs[k].key] = outputs[k].get(x);
    return o;
  };
  const start = Math.max(0, Number(offset) || 0);
  const need = limit === undefined || limit === null || Number(limit) < 0 ? Infinity : start + Number(limit);
  if (!plan.grouped) {
    const sorted = sortItems(idx, plan.order, need);
    return { total_count: idx.length, results: page(sorted, offset, limit).map(build) };
  }
  let groups = buildGroups(plan.groupItems, idx);
  if (plan.hasGroupBy) {
    const keyOrder = plan.groupItems.map((gi, j) => ({
      fn: (/** @type {Group} */ g) => gi.sort(g.keys[j], g),
      desc: false,
    }));
    groups = sortItems(groups, [...plan.order, ...keyOrder], need);
    return { results: page(groups, offset, limit).map(build) };
  }
  return { total_count: idx.length, results: page(groups, offset, limit).map(build) };
}
