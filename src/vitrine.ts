/**
 * The script-tag entry of Vitrine: `<script type="module" src=".../vitrine.js"></script>`.
 *
 * It is small on purpose. It watches the page for `vitrine-*` elements and loads each element's code
 * (a separate chunk) the first time one is used: at once for elements that only hold state
 * (`vitrine-source`), and when one comes near the viewport for the others. The heavy engines (vega,
 * maplibre) are loaded only for the elements that need them, together with those elements' code. Until
 * its code arrives an element keeps the height it will need, so nothing on the page moves.
 *
 * Loading this script twice, or after the elements are in the page, is harmless. Elements created
 * inside other components' shadow roots are not seen: import `vitrine/components/<name>/define.js`
 * there, or call `Vitrine.load(root)`.
 * @module
 */

type Loader = () => Promise<unknown>;

/**
 * Each element's code, whether it waits until the element is near the viewport, and the engine it
 * always needs: the engine starts downloading with the element's code rather than once that code runs,
 * a round trip sooner (the element imports the same module, so it is fetched once).
 */
const ELEMENTS: Record<string, { load: Loader; lazy: boolean; minHeight?: string; engine?: Loader }> = {
  'vitrine-source': { load: () => import('./components/source/define.js'), lazy: false },
  'vitrine-table': { load: () => import('./components/table/define.js'), lazy: true, minHeight: '35.5rem' },
  'vitrine-figure': {
    load: () => import('./components/figure/define.js'),
    lazy: true,
    minHeight: 'var(--vitrine-figure-min-height, 6rem)',
  },
  'vitrine-chart': {
    load: () => import('./components/chart/define.js'),
    engine: () => import('./components/chart/engine.js'),
    lazy: true,
    minHeight: 'var(--vitrine-chart-min-height, 24rem)',
  },
  'vitrine-map': {
    load: () => import('./components/map/define.js'),
    engine: () => import('./components/map/engine.js'),
    lazy: true,
    minHeight: 'var(--vitrine-map-height, 28rem)',
  },
  'vitrine-filter': { load: () => import('./components/filter/define.js'), lazy: true, minHeight: '8rem' },
  'vitrine-search': { load: () => import('./components/search/define.js'), lazy: true, minHeight: '4.5rem' },
  'vitrine-filters': { load: () => import('./components/filters/define.js'), lazy: true, minHeight: '2.5rem' },
};

/**
 * Asks for `files` (the chunks an element's code imports, relative to this script) with
 * `<link rel="modulepreload">`, then runs `load`: the CDN build wraps each element's `import()` in it
 * (rollup.config.js), so the element's code and the shared code it needs download together rather than
 * one after the other. A preload that cannot be made never stops the load.
 * @internal
 */
export function preloadThen(files: readonly string[], load: () => Promise<unknown>): Promise<unknown> {
  try {
    for (const file of files) {
      const href = new URL(file, import.meta.url).href;
      if (document.head.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) continue;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
  } catch {
    // No head, or an odd base URL: the import below finds the files by itself.
  }
  return load();
}

/** How far outside the viewport an element starts loading. */
const NEAR = '400px 0px';

const loading = new Map<string, Promise<unknown>>();
let intersections: IntersectionObserver | undefined;

function loadTag(tag: string): Promise<unknown> {
  const entry = ELEMENTS[tag];
  if (!entry || customElements.get(tag)) return Promise.resolve();
  let promise = loading.get(tag);
  if (!promise) {
    promise = entry.load().catch((error: unknown) => {
      loading.delete(tag);
      console.warn(`[vitrine] could not load the code of <${tag}>: ${String(error)}`);
    });
    loading.set(tag, promise);
    // A failure here is the element's to report, when its own import of the engine fails.
    entry.engine?.().catch(() => undefined);
  }
  return promise;
}

function watchNear(element: Element): void {
  intersections ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const tag = entry.target.localName;
        intersections?.unobserve(entry.target);
        void loadTag(tag);
      }
    },
    { rootMargin: NEAR },
  );
  intersections.observe(element);
}

/** Finds the Vitrine elements under `root` that are not defined yet and schedules their code. */
function discover(root: ParentNode): void {
  for (const [tag, entry] of Object.entries(ELEMENTS)) {
    if (customElements.get(tag)) continue;
    const found = root.querySelectorAll(tag);
    if (found.length === 0 && !(root instanceof Element && root.localName === tag)) continue;
    if (!entry.lazy) void loadTag(tag);
    else for (const element of found) watchNear(element);
    if (entry.lazy && root instanceof Element && root.localName === tag) watchNear(root);
  }
}

/** Height kept by elements whose code has not arrived yet. */
function reserveSpace(): void {
  const rules = Object.entries(ELEMENTS)
    .filter(([, entry]) => entry.minHeight)
    .map(([tag, entry]) => `${tag}:not(:defined){display:block;min-height:${entry.minHeight}}`)
    .join('\n');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

interface VitrineGlobal {
  version: string;
  /** Loads the code of every Vitrine element under `root` (a document, an element or a shadow root) now. */
  load(root?: ParentNode): Promise<void>;
}

const KEY = Symbol.for('vitrine.autoloader');
const globals = globalThis as typeof globalThis & { [KEY]?: VitrineGlobal; Vitrine?: VitrineGlobal };

if (!globals[KEY] && typeof document !== 'undefined') {
  const api: VitrineGlobal = {
    version: '0.1.0',
    async load(root: ParentNode = document) {
      const tags = Object.keys(ELEMENTS).filter(
        (tag) => root.querySelector(tag) || (root instanceof Element && root.localName === tag),
      );
      await Promise.all(tags.map(loadTag));
    },
  };
  globals[KEY] = api;
  globals.Vitrine ??= api;
  reserveSpace();
  const start = () => {
    discover(document);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) discover(node);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

export {};
