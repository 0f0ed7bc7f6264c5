// @ts-check
/**
 * The benchmark pages, written once and rendered twice: as a Vitrine page (HTML only, the CDN
 * script) and as a page built with @opendatasoft/visualizations + @opendatasoft/api-client (an entry
 * module that bench/peer-build.js bundles). Same datasets, same queries, same widgets as far as the
 * peer has them (it has no filter, search or source element).
 * @module
 */

/**
 * @typedef {{ kind: 'figure', dataset: string, label: string, value: string, filter?: [string, string] }
 *   | { kind: 'chart', dataset: string, x: string, y: string, limit: number }
 *   | { kind: 'line', dataset: string, x: string, y: string }
 *   | { kind: 'map', dataset: string }
 *   | { kind: 'table', dataset: string, columns: { key: string, title: string, number?: boolean }[], sort: string, size: number }} Widget
 * @typedef {{ name: string, title: string, widgets: Widget[], viewport?: { width: number, height: number } }} Scenario
 */

const COMMUNES = 'communes-france';

/** @type {Widget[]} */
const FIGURES = [
  { kind: 'figure', dataset: COMMUNES, label: 'Communes', value: 'count(*)' },
  { kind: 'figure', dataset: COMMUNES, label: 'Habitants', value: 'sum(population)' },
  {
    kind: 'figure',
    dataset: COMMUNES,
    label: 'Habitants du Nord',
    value: 'sum(population)',
    filter: ['departement', '59'],
  },
  { kind: 'figure', dataset: COMMUNES, label: 'Population moyenne', value: 'avg(population)' },
];
/** @type {Widget} */
const CHART = { kind: 'chart', dataset: COMMUNES, x: 'departement', y: 'sum(population)', limit: 10 };
/** @type {Widget} */
const MAP = { kind: 'map', dataset: 'us-airports' };
/** @type {Widget} */
const TABLE = {
  kind: 'table',
  dataset: COMMUNES,
  columns: [
    { key: 'nom', title: 'Nom' },
    { key: 'nom_departement', title: 'Département' },
    { key: 'population', title: 'Population', number: true },
  ],
  sort: '-population',
  size: 10,
};

/** The side-by-side pages (bench/size.js, bench/page.js). */
/** @type {Scenario[]} */
export const SCENARIOS = [
  { name: 'figures', title: 'figures only (4 key figures, communes)', widgets: FIGURES },
  { name: 'chart', title: 'one chart (top 10 départements)', widgets: [CHART] },
  { name: 'map', title: 'one map (3,376 airports as points)', widgets: [MAP] },
  {
    name: 'dashboard',
    title: 'dashboard (2 figures, chart, map, table)',
    widgets: [...FIGURES.slice(0, 2), CHART, MAP, TABLE],
    viewport: { width: 1280, height: 1600 },
  },
];

/** 50 widgets: 30 key figures, 10 charts, 10 tables, over communes and flights. */
function fifty() {
  /** @type {Widget[]} */
  const widgets = [];
  const departements = ['01', '06', '13', '29', '31', '33', '35', '44', '59', '62', '67', '69', '75', '76', '93'];
  for (const d of departements) {
    widgets.push({
      kind: 'figure',
      dataset: COMMUNES,
      label: `Communes ${d}`,
      value: 'count(*)',
      filter: ['departement', d],
    });
    widgets.push({
      kind: 'figure',
      dataset: COMMUNES,
      label: `Habitants ${d}`,
      value: 'sum(population)',
      filter: ['departement', d],
    });
  }
  const groups = ['departement', 'region', 'nom_region', 'nom_departement', 'zone'];
  for (const [i, x] of groups.entries()) {
    widgets.push({ kind: 'chart', dataset: COMMUNES, x, y: 'sum(population)', limit: 10 });
    widgets.push({ kind: 'chart', dataset: COMMUNES, x, y: i % 2 ? 'avg(population)' : 'count(*)', limit: 10 });
  }
  for (const [i, sort] of ['-population', 'population', 'nom', '-nom', 'code'].entries()) {
    widgets.push({ ...TABLE, sort, size: 5 });
    widgets.push({ ...TABLE, sort, size: 5 + i });
  }
  return widgets;
}

/** The pages at scale (bench/scale.js). */
/** @type {Scenario[]} */
export const SCALE = [
  { name: 'zipcodes', title: 'map of 42,049 zip codes (points)', widgets: [{ kind: 'map', dataset: 'us-zipcodes' }] },
  {
    name: 'flights',
    title: 'chart over 200,000 flights (avg delay per distance)',
    widgets: [{ kind: 'line', dataset: 'flights', x: 'distance', y: 'avg(delay)' }],
  },
  { name: 'fifty', title: 'a page of 50 widgets', widgets: fifty(), viewport: { width: 1600, height: 4200 } },
];

/** @param {string} s */
const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
/** ODSQL: a text literal. @param {string} s */
const odsqlText = (s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The Vitrine element for a widget.
 * @param {Widget} w @param {string} portal
 */
export function vitrineElement(w, portal) {
  const src = `src="${attr(`${portal}/explore/dataset/${w.dataset}/`)}"`;
  switch (w.kind) {
    case 'figure':
      return `<vitrine-figure ${src} value="${attr(w.value)}" label="${attr(w.label)}"${
        w.filter ? ` filter="${attr(`${w.filter[0]} = ${w.filter[1]}`)}"` : ''
      }></vitrine-figure>`;
    case 'chart':
      return `<vitrine-chart ${src} type="column" x="${w.x}" y="${attr(w.y)}" sort="-y" limit="${w.limit}"></vitrine-chart>`;
    case 'line':
      return `<vitrine-chart ${src} type="line" x="${w.x}" y="${attr(w.y)}" sort="x" limit="20000"></vitrine-chart>`;
    case 'map':
      return `<vitrine-map ${src} mode="points"></vitrine-map>`;
    case 'table':
      return `<vitrine-table ${src} columns="${w.columns.map((c) => c.key).join(',')}" sort="${w.sort}" page-size="${w.size}"></vitrine-table>`;
  }
}

/**
 * The statement of the peer page's entry module that makes a widget in the container `id`.
 * @param {Widget} w @param {string} id
 */
export function peerStatement(w, id) {
  const s = JSON.stringify;
  switch (w.kind) {
    case 'figure':
      return `kpi(${s(id)}, ${s(w.dataset)}, ${s(w.label)}, ${s(w.value)}${
        w.filter ? `, ${s(`${w.filter[0]} = ${odsqlText(w.filter[1])}`)}` : ''
      });`;
    case 'chart':
      return `bars(${s(id)}, ${s(w.dataset)}, ${s(w.x)}, ${s(w.y)}, ${w.limit});`;
    case 'line':
      return `line(${s(id)}, ${s(w.dataset)}, ${s(w.x)}, ${s(w.y)});`;
    case 'map':
      return `points(${s(id)}, ${s(w.dataset)});`;
    case 'table': {
      const order = w.sort.startsWith('-') ? `${w.sort.slice(1)} desc` : w.sort;
      return `table(${s(id)}, ${s(w.dataset)}, ${s(w.columns)}, ${s(order)}, ${w.size});`;
    }
  }
}

/** Which module of bench/peer/ provides each kind, and the functions it exports. */
const PEER_MODULES = {
  figure: ['kpi.js', 'kpi'],
  chart: ['chart.js', 'bars'],
  line: ['chart.js', 'line'],
  map: ['map.js', 'points'],
  table: ['table.js', 'table'],
};

/**
 * The peer page's entry module: imports only the components the page shows.
 * @param {Scenario} scenario @param {string} peerDir absolute path of bench/peer
 */
export function peerEntry(scenario, peerDir) {
  /** @type {Map<string, Set<string>>} */
  const imports = new Map();
  for (const w of scenario.widgets) {
    const [file, fn] = PEER_MODULES[w.kind];
    if (!imports.has(file)) imports.set(file, new Set());
    imports.get(file)?.add(fn);
  }
  return [
    ...[...imports].map(
      ([file, fns]) => `import { ${[...fns].join(', ')} } from ${JSON.stringify(`${peerDir}/${file}`)};`,
    ),
    ...scenario.widgets.map((w, i) => peerStatement(w, `w${i}`)),
  ].join('\n');
}

/** Sizing shared by both pages (served as /bench.css): a grid, maps and charts get a width. */
export const PAGE_CSS = `body{margin:0;font:14px system-ui,sans-serif}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px;padding:12px}
.wide{grid-column:span 2}
.map{height:400px}`;

/** @param {Widget} w */
const wide = (w) => w.kind !== 'figure';

/**
 * The Vitrine page.
 * @param {Scenario} scenario @param {string} portal
 */
export function vitrinePage(scenario, portal) {
  const body = scenario.widgets
    .map((w) => `<div${wide(w) ? ' class="wide"' : ''}>${vitrineElement(w, portal)}</div>`)
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${scenario.name}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/bench.css">
<script type="module" src="/dist/cdn/vitrine.js"></script></head><body><main>
${body}
</main></body></html>`;
}

/**
 * The peer page: containers, the package's stylesheet and the bundled entry.
 * @param {Scenario} scenario @param {string} portal
 */
export function peerPage(scenario, portal) {
  const body = scenario.widgets
    .map(
      (w, i) =>
        `<div${wide(w) ? ' class="wide"' : ''}><div id="w${i}"${w.kind === 'map' ? ' class="map"' : ''}></div></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="fr" data-portal="${attr(portal)}"><head><meta charset="utf-8"><title>${scenario.name}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/bench.css">
<link rel="stylesheet" href="/peer/${scenario.name}/index.css">
<script type="module" src="/peer/${scenario.name}/page.js"></script></head><body><main>
${body}
</main></body></html>`;
}
