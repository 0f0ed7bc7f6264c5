// @ts-check
/**
 * ODSQL parser: one function per clause (select, where, group_by, order_by), each returning an AST.
 *
 * Precedence, lowest first: OR, AND, NOT, predicates (comparisons, IN, IS [NOT] NULL, LIKE),
 * + and -, * and /, unary minus, primaries. Keywords are case-insensitive; back-quoted names are
 * never keywords.
 *
 * @module
 */
import { malformed } from './errors.js';
import { tokenize } from './lexer.js';

/**
 * @typedef {import('./lexer.js').Token} Token
 *
 * @typedef {{ s: number, e: number }} Span
 * @typedef {Span & (
 *   { k: 'num', v: number } |
 *   { k: 'str', v: string } |
 *   { k: 'bool', v: boolean } |
 *   { k: 'null' } |
 *   { k: 'date', text: string } |
 *   { k: 'geom', text: string } |
 *   { k: 'qty', n: number, unit: string } |
 *   { k: 'star' } |
 *   { k: 'field', name: string, quoted: boolean, reserved?: boolean } |
 *   { k: 'call', name: string, raw: string, args: Node[], distinct?: boolean, named?: { name: string, value: number }[], patterns?: string[] } |
 *   { k: 'neg', e1: Node } |
 *   { k: 'bin', op: '+'|'-'|'*'|'/', l: Node, r: Node } |
 *   { k: 'cmp', op: '='|'!='|'<'|'>'|'<='|'>=', l: Node, r: Node } |
 *   { k: 'and' | 'or', l: Node, r: Node } |
 *   { k: 'not', e1: Node } |
 *   { k: 'inlist', e1: Node, list: Node[] } |
 *   { k: 'inrange', e1: Node, lo: Node, hi: Node, loInc: boolean, hiInc: boolean } |
 *   { k: 'infield', e1: Node, field: Node } |
 *   { k: 'isnull', e1: Node, neg: boolean } |
 *   { k: 'like', e1: Node, pattern: Node }
 * )} Node
 *
 * @typedef {{ expr: Node, text: string, alias?: string }} Item  A select or group_by item.
 * @typedef {{ star: true, text: string }} StarItem
 * @typedef {{ expr: Node, text: string, desc: boolean }} OrderItem
 */

/** Words that the grammar uses and that cannot name a field unless back-quoted. */
const SYNTAX_WORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'like',
  'as',
  'asc',
  'desc',
  'distinct',
  'true',
  'false',
  'null',
]);

/** The ODSQL reserved words: a field with one of these names must be back-quoted. */
export const RESERVED = new Set(
  (
    'and as asc avg by count date_format day dayofweek desc distinct equi false group hour ifnull or ' +
    'limit lower max millisecond min minute month not null quarter range search second select sum top true upper where year'
  ).split(' '),
);

const CMP_OPS = new Set(['=', '!=', '<', '>', '<=', '>=']);

class Parser {
  /**
   * @param {string} src
   * @param {string} clause
   */
  constructor(src, clause) {
    this.src = src;
    this.clause = clause;
    this.toks = tokenize(src, clause);
    this.p = 0;
    this.lastEnd = 0;
  }

  /** @param {number} [ahead] */
  peek(ahead = 0) {
    return this.toks[Math.min(this.p + ahead, this.toks.length - 1)];
  }

  next() {
    const t = this.toks[this.p];
    if (t.t !== 'eof') this.p++;
    this.lastEnd = t.e;
    return t;
  }

  /** @param {string} v */
  isOp(v, ahead = 0) {
    const t = this.peek(ahead);
    return t.t === 'op' && t.v === v;
  }

  /** @param {string} word lower-case keyword */
  isKw(word, ahead = 0) {
    const t = this.peek(ahead);
    return t.t === 'id' && !t.q && t.v.toLowerCase() === word;
  }

  /** @param {string} v */
  expectOp(v) {
    if (!this.isOp(v)) this.unexpected(`"${v}" expected`);
    return this.next();
  }

  /**
   * @param {string} [hint]
   * @returns {never}
   */
  unexpected(hint) {
    const t = this.peek();
    const what =
      t.t === 'eof'
        ? 'Unexpected end of expression'
        : `Unexpected "${this.src.slice(t.s, t.e)}" at position ${t.s + 1}`;
    throw malformed(hint ? `${what}: ${hint}` : what, this.clause);
  }

  /**
   * @param {string} detail
   * @returns {never}
   */
  fail(detail) {
    throw malformed(detail, this.clause);
  }

  /**
   * Items separated by commas, up to the end of the clause.
   * @template T
   * @param {() => T} item
   * @returns {T[]}
   */
  list(item) {
    const items = [item()];
    while (this.isOp(',')) {
      this.next();
      items.push(item());
    }
    this.expectEnd();
    return items;
  }

  expectEnd() {
    if (this.peek().t !== 'eof') this.unexpected();
  }

  /** @returns {Node} */
  parseOr() {
    let l = this.parseAnd();
    while (this.isKw('or')) {
      this.next();
      const r = this.parseAnd();
      l = { k: 'or', l, r, s: l.s, e: r.e };
    }
    return l;
  }

  /** @returns {Node} */
  parseAnd() {
    let l = this.parseNot();
    while (this.isKw('and')) {
      this.next();
      const r = this.parseNot();
      l = { k: 'and', l, r, s: l.s, e: r.e };
    }
    return l;
  }

  /** @returns {Node} */
  parseNot() {
    if (this.isKw('not')) {
      const s = this.next().s;
      const e1 = this.parseNot();
      return { k: 'not', e1, s, e: e1.e };
    }
    return this.parsePredicate();
  }

  /** @returns {Node} */
  parsePredicate() {
    const l = this.parseAdditive();
    const t = this.peek();
    if (t.t === 'op' && CMP_OPS.has(t.v)) {
      this.next();
      const r = this.parseAdditive();
      const node = /** @type {Node} */ ({ k: 'cmp', op: t.v, l, r, s: l.s, e: r.e });
      const after = this.peek();
      if (after.t === 'op' && CMP_OPS.has(after.v)) this.unexpected('comparisons cannot be chained');
      return node;
    }
    if (this.isKw('in')) {
      this.next();
      if (this.isOp('(')) {
        this.next();
        /** @type {Node[]} */
        const list = [];
        if (this.isOp(')')) this.unexpected('IN needs at least one value');
        for (;;) {
          list.push(this.parseAdditive());
          if (this.isOp(',')) {
            this.next();
            continue;
          }
          break;
        }
        const e = this.expectOp(')').e;
        return { k: 'inlist', e1: l, list, s: l.s, e };
      }
      if (this.isOp('[') || this.isOp(']')) {
        const loInc = this.next().v === '[';
        const lo = this.parseAdditive();
        this.expectOp('..');
        const hi = this.parseAdditive();
        if (!this.isOp('[') && !this.isOp(']')) this.unexpected('"]" or "[" expected to close the range');
        const close = this.next();
        return { k: 'inrange', e1: l, lo, hi, loInc, hiInc: close.v === ']', s: l.s, e: close.e };
      }
      const field = this.parsePrimary();
      if (field.k !== 'field')
        this.fail(`IN expects a list "(…)", a range "[…]" or a field at position ${field.s + 1}`);
      return { k: 'infield', e1: l, field, s: l.s, e: field.e };
    }
    if (this.isKw('is')) {
      this.next();
      let neg = false;
      if (this.isKw('not')) {
        this.next();
        neg = true;
      }
      if (!this.isKw('null')) this.unexpected('NULL expected after IS');
      const e = this.next().e;
      return { k: 'isnull', e1: l, neg, s: l.s, e };
    }
    if (this.isKw('like')) {
      this.next();
      const pattern = this.parseAdditive();
      return { k: 'like', e1: l, pattern, s: l.s, e: pattern.e };
    }
    return l;
  }

  /** @returns {Node} */
  parseAdditive() {
    let l = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      const r = this.parseMultiplicative();
      l = { k: 'bin', op, l, r, s: l.s, e: r.e };
    }
    return l;
  }

  /** @returns {Node} */
  parseMultiplicative() {
    let l = this.parseUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next().v;
      const r = this.parseUnary();
      l = { k: 'bin', op, l, r, s: l.s, e: r.e };
    }
    return l;
  }

  /** @returns {Node} */
  parseUnary() {
    if (this.isOp('-')) {
      const s = this.next().s;
      const e1 = this.parseUnary();
      if (e1.k === 'num') return { k: 'num', v: -e1.v, s, e: e1.e };
      if (e1.k === 'qty') return { k: 'qty', n: -e1.n, unit: e1.unit, s, e: e1.e };
      return { k: 'neg', e1, s, e: e1.e };
    }
    if (this.isOp('+')) {
      this.next();
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  /** @returns {Node} */
  parsePrimary() {
    const t = this.peek();
    switch (t.t) {
      case 'num': {
        this.next();
        const u = this.peek();
        // `1 km`, `1km`, `1 day`, `2 M`: a quantity with a unit.
        if (u.t === 'id' && !u.q && !this.isOp('(', 1) && isUnitWord(u.v)) {
          this.next();
          return { k: 'qty', n: t.v, unit: u.v, s: t.s, e: u.e };
        }
        return { k: 'num', v: t.v, s: t.s, e: t.e };
      }
      case 'str':
        this.next();
        return { k: 'str', v: t.v, s: t.s, e: t.e };
      case 'date':
        this.next();
        return { k: 'date', text: t.v, s: t.s, e: t.e };
      case 'geom':
        this.next();
        return { k: 'geom', text: t.v, s: t.s, e: t.e };
      case 'op':
        if (t.v === '(') {
          this.next();
          const inner = this.parseOr();
          const close = this.expectOp(')');
          return { ...inner, s: t.s, e: close.e };
        }
        return this.unexpected();
      case 'id': {
        const lower = t.v.toLowerCase();
        if (!t.q && this.isOp('(', 1)) return this.parseCall();
        if (!t.q) {
          if (lower === 'true' || lower === 'false') {
            this.next();
            return { k: 'bool', v: lower === 'true', s: t.s, e: t.e };
          }
          if (lower === 'null') {
            this.next();
            return { k: 'null', s: t.s, e: t.e };
          }
          if (SYNTAX_WORDS.has(lower)) return this.unexpected();
        }
        this.next();
        // A reserved word may name an alias; as a field name it must be back-quoted (checked when compiling).
        return { k: 'field', name: t.v, quoted: !!t.q, reserved: !t.q && RESERVED.has(lower), s: t.s, e: t.e };
      }
      default:
        return this.unexpected();
    }
  }

  /** @returns {Node} */
  parseCall() {
    const nameTok = this.next();
    const raw = nameTok.v;
    const name = raw.toLowerCase();
    this.expectOp('(');
    /** @type {Node[]} */
    const args = [];
    /** @type {Extract<Node, {k:'call'}>} */
    const node = { k: 'call', name, raw, args, s: nameTok.s, e: nameTok.e };
    if (name === 'now') {
      node.named = [];
      while (!this.isOp(')')) {
        const id = this.peek();
        if (id.t !== 'id') this.unexpected('now() takes arguments like days=-7');
        this.next();
        this.expectOp('=');
        let sign = 1;
        if (this.isOp('-') || this.isOp('+')) sign = this.next().v === '-' ? -1 : 1;
        const num = this.peek();
        if (num.t !== 'num') this.unexpected('a number is expected');
        this.next();
        node.named.push({ name: id.v, value: sign * num.v });
        if (this.isOp(',')) this.next();
        else break;
      }
    } else if (name === 'include' || name === 'exclude') {
      const start = this.peek().s;
      while (!this.isOp(')') && this.peek().t !== 'eof') this.next();
      const body = this.src.slice(start, this.peek().s);
      node.patterns = body.split(',').map((p) => p.trim());
      if (node.patterns.some((p) => !/^[A-Za-z0-9_*]+$/.test(p))) this.fail(`Invalid pattern in ${raw}(): ${body}`);
    } else if (!this.isOp(')')) {
      for (;;) {
        if (name === 'count' && this.isKw('distinct') && args.length === 0 && !node.distinct) {
          this.next();
          node.distinct = true;
        }
        if (this.isOp('*') && (this.isOp(')', 1) || this.isOp(',', 1))) {
          const star = this.next();
          args.push({ k: 'star', s: star.s, e: star.e });
        } else {
          args.push(this.parseOr());
        }
        if (this.isOp(',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    node.e = this.expectOp(')').e;
    return node;
  }

  /** @returns {string} */
  parseAlias() {
    const t = this.peek();
    if (t.t !== 'id') this.unexpected('an alias is expected after AS');
    if (!t.q && SYNTAX_WORDS.has(t.v.toLowerCase())) this.unexpected('an alias is expected after AS');
    this.next();
    return t.v;
  }

  /**
   * Parses `expr [AS alias]`; the item's text is the expression exactly as written.
   * @returns {Item}
   */
  parseAliasedItem() {
    const s = this.peek().s;
    const expr = this.parseOr();
    const text = this.src.slice(s, this.lastEnd);
    /** @type {Item} */
    const item = { expr, text };
    if (this.isKw('as')) {
      this.next();
      item.alias = this.parseAlias();
    }
    return item;
  }
}

/**
 * @param {string} unit
 */
function isUnitWord(unit) {
  return /^(m|km|mi|yd|ft|cm|mm|nmi|ms|s|h|d|w|M|q|y|millis|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|meters?|metres?|kilometers?|kilometres?|miles?|yards?|feet|foot)$/i.test(
    unit,
  );
}

/**
 * `select`: `*`, expressions with optional aliases, include()/exclude().
 * @param {string} src
 * @returns {(Item|StarItem)[]}
 */
export function parseSelect(src) {
  const p = new Parser(src, 'select');
  return p.list(() => {
    if (p.isOp('*') && (p.isOp(',', 1) || p.peek(1).t === 'eof')) {
      p.next();
      return /** @type {StarItem} */ ({ star: true, text: '*' });
    }
    return p.parseAliasedItem();
  });
}

/**
 * `where`: one boolean expression.
 * @param {string} src
 * @returns {Node}
 */
export function parseWhere(src) {
  const p = new Parser(src, 'where');
  const node = p.parseOr();
  p.expectEnd();
  return node;
}

/**
 * `group_by`: expressions with optional aliases.
 * @param {string} src
 * @returns {Item[]}
 */
export function parseGroupBy(src) {
  const p = new Parser(src, 'group_by');
  return p.list(() => p.parseAliasedItem());
}

/**
 * `order_by`: expressions with optional ASC/DESC.
 * @param {string} src
 * @returns {OrderItem[]}
 */
export function parseOrderBy(src) {
  const p = new Parser(src, 'order_by');
  return p.list(() => {
    const s = p.peek().s;
    const expr = p.parseOr();
    const text = src.slice(s, p.lastEnd);
    let desc = false;
    if (p.isKw('asc')) p.next();
    else if (p.isKw('desc')) {
      p.next();
      desc = true;
    }
    return /** @type {OrderItem} */ ({ expr, text, desc });
  });
}

/**
 * A canonical text of an expression, to recognise the same expression written twice
 * (`YEAR(d)` and `year( d )`). Function names and keywords are lower-cased; field names are kept.
 * @param {Node} n
 * @returns {string}
 */
export function canonical(n) {
  switch (n.k) {
    case 'num':
      return String(n.v);
    case 'str':
      return JSON.stringify(n.v);
    case 'bool':
      return String(n.v);
    case 'null':
      return 'null';
    case 'date':
      return `date${JSON.stringify(n.text)}`;
    case 'geom':
      return `geom${JSON.stringify(n.text)}`;
    case 'qty':
      return `${n.n} ${n.unit}`;
    case 'star':
      return '*';
    case 'field':
      return `\`${n.name}\``;
    case 'call': {
      const named = n.named ? n.named.map((a) => `${a.name.toLowerCase()}=${a.value}`) : [];
      const patterns = n.patterns ?? [];
      return `${n.name}(${n.distinct ? 'distinct ' : ''}${[...n.args.map(canonical), ...named, ...patterns].join(',')})`;
    }
    case 'neg':
      return `(-${canonical(n.e1)})`;
    case 'bin':
    case 'cmp':
      return `(${canonical(n.l)}${n.op}${canonical(n.r)})`;
    case 'and':
    case 'or':
      return `(${canonical(n.l)} ${n.k} ${canonical(n.r)})`;
    case 'not':
      return `(not ${canonical(n.e1)})`;
    case 'inlist':
      return `(${canonical(n.e1)} in (${n.list.map(canonical).join(',')}))`;
    case 'inrange':
      return `(${canonical(n.e1)} in ${n.loInc ? '[' : ']'}${canonical(n.lo)}..${canonical(n.hi)}${n.hiInc ? ']' : '['})`;
    case 'infield':
      return `(${canonical(n.e1)} in ${canonical(n.field)})`;
    case 'isnull':
      return `(${canonical(n.e1)} is ${n.neg ? 'not ' : ''}null)`;
    case 'like':
      return `(${canonical(n.e1)} like ${canonical(n.pattern)})`;
  }
}
