/**
 * What the reliability tests share: every Vitrine element as a webmaster writes it (one "subject" per
 * element, each reading a small dataset of the local portal with a `where` that makes its query unique
 * to the test), what "shows its data" means for each, a walk through every shadow root, and collectors
 * for console warnings and uncaught errors.
 */
import { createHttpClient } from '../../../src/data/http.js';
import { datasetPage, isSettled } from '../helpers.js';

export const WEATHER = datasetPage('seattle-weather');
export const HOSTILE = datasetPage('hostile-strings');

/** An element that reads data, as a test drives it. */
export interface Subject {
  /** The element under test. */
  tag: string;
  /** The markup of a block holding the element (and its `vitrine-source` when it needs one). */
  markup(tag: string): string;
  /** Whether the element shows its data (not a loading, empty or error state). */
  shows(el: HTMLElement): boolean;
}

/** A `where` that no other test uses: the portal's fault hook matches requests that contain `x<tag>`. */
const where = (field: string, tag: string) => `${field} != 'x${tag}'`;

const root = (el: HTMLElement) => el.shadowRoot!;
const noError = (el: HTMLElement) => isSettled(el) && !root(el).querySelector('[part~="error"]');

/** The elements that fetch data of their own, each on a small dataset. */
export const SUBJECTS: Subject[] = [
  {
    tag: 'vitrine-figure',
    markup: (t) => `<vitrine-figure src="${WEATHER}" value="count(*)" label="Days" where="${where('weather', t)}">
      </vitrine-figure>`,
    shows: (el) => noError(el) && (root(el).querySelector('[part~="value"]')?.textContent ?? '').trim() === '1,461',
  },
  {
    tag: 'vitrine-chart',
    markup: (t) => `<vitrine-chart src="${WEATHER}" x="weather" title="Days by weather" where="${where('weather', t)}">
      </vitrine-chart>`,
    shows: (el) => noError(el) && root(el).querySelector('.vega svg, .vega canvas') !== null,
  },
  {
    tag: 'vitrine-table',
    markup: (t) => `<vitrine-table src="${WEATHER}" columns="date,weather" where="${where('weather', t)}">
      </vitrine-table>`,
    shows: (el) => noError(el) && root(el).querySelectorAll('tbody tr').length === 10,
  },
  {
    tag: 'vitrine-map',
    markup: (t) => `<vitrine-map src="${HOSTILE}" where="${where('note', t)}" popup="label"></vitrine-map>`,
    shows: (el) =>
      noError(el) &&
      (el as HTMLElement & { engine?: { getSource(id: string): unknown } }).engine !== undefined &&
      !root(el).querySelector('[part~="empty"]'),
  },
  {
    tag: 'vitrine-filter',
    markup: (t) => `<vitrine-source id="s${t}" src="${WEATHER}" where="${where('weather', t)}"></vitrine-source>
      <vitrine-filter source="s${t}" field="weather"></vitrine-filter>`,
    shows: (el) => noError(el) && root(el).querySelectorAll('[part~="list"] > li').length === 5,
  },
];

/** Mounts a block of markup in a `lang="en"` container and returns the element called `tag` in it. */
export function mount(markup: string, tag: string, group = 'reliability-fixture'): HTMLElement {
  const block = document.createElement('div');
  block.lang = 'en';
  block.className = group;
  block.innerHTML = markup;
  document.body.append(block);
  const el = block.querySelector<HTMLElement>(tag);
  if (!el) throw new Error(`no <${tag}> in the markup`);
  return el;
}

/** Removes every block that {@link mount} added (to `group`). */
export function unmountAll(group = 'reliability-fixture'): void {
  for (const block of document.querySelectorAll(`.${group}`)) block.remove();
}

/**
 * A new page-wide HTTP client (the one every element uses, through its `Symbol.for` key): an empty cache,
 * so each test meets the portal afresh, and a short backoff (50 ms doubling, at most 200 ms) so retries
 * do not slow the tests down. Everything else is the real client over real HTTP.
 */
export function freshHttpClient(): void {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('vitrine.http-client')] = createHttpClient({
    retryDelay: 50,
    maxRetryDelay: 200,
  });
}

/** Every shadow root under `node`, recursively (open roots: what Vitrine uses). */
export function shadowRoots(node: Node = document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (n: Node) => {
    if (n instanceof Element && n.shadowRoot) {
      found.push(n.shadowRoot);
      visit(n.shadowRoot);
    }
    for (const child of n.childNodes) visit(child);
  };
  visit(node);
  return found;
}

/** What a hostile value must never become in any shadow root: a script, a handler, a script or data link. */
export function activeContent(roots: ShadowRoot[]): string[] {
  const found: string[] = [];
  for (const r of roots) {
    for (const el of r.querySelectorAll('*')) {
      const name = `<${el.localName}> in <${(r.host as Element).localName}>`;
      if (el.localName === 'script') found.push(`${name}: a script element`);
      if (el.localName === 'iframe' || el.localName === 'object' || el.localName === 'embed')
        found.push(`${name}: an embedded document`);
      for (const attr of el.attributes) {
        const value = attr.value.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
        if (attr.name.startsWith('on')) found.push(`${name}: ${attr.name}="${attr.value}"`);
        if (
          ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(attr.name) &&
          /^(?:javascript|vbscript|data):/.test(value)
        )
          found.push(`${name}: ${attr.name}="${attr.value.slice(0, 60)}"`);
        if (attr.name === 'style' && /javascript:|expression\(|url\(/i.test(attr.value))
          found.push(`${name}: style="${attr.value.slice(0, 60)}"`);
      }
    }
  }
  return found;
}

/** Collects `console.warn` calls (without printing them) and errors that reach the window. */
export class PageWatch {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  private original: typeof console.warn | undefined;
  private readonly onError = (e: ErrorEvent) => this.errors.push(`error: ${e.message}`);
  private readonly onRejection = (e: PromiseRejectionEvent) =>
    this.errors.push(`unhandledrejection: ${String(e.reason)}`);

  start(): void {
    this.warnings.length = 0;
    this.errors.length = 0;
    this.original = console.warn;
    console.warn = (...args: unknown[]) => this.warnings.push(args.map(String).join(' '));
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  stop(): void {
    if (this.original) console.warn = this.original;
    this.original = undefined;
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
  }
}
