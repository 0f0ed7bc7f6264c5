import { expect, fixture, html } from '@open-wc/testing';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import './define.js';
import '../source/define.js';
import type { VitrineMap } from './map.js';
import type { VitrineFeatureClickEvent } from '../../events/map-events.js';
import { PORTAL } from '../../../test/env.js';
import {
  clearFaults,
  clearPortalLog,
  datasetPage,
  injectFault,
  isSettled,
  partText,
  portalLog,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const API = (id: string) => `${PORTAL}/api/explore/v2.1/catalog/datasets/${id}`;
const BASEMAP = `${PORTAL}/basemap/style.json`;

/** The number of records matching `where`, asked of the portal directly (not through the element). */
async function count(id: string, where?: string): Promise<number> {
  const url = new URL(`${API(id)}/records`);
  url.searchParams.set('limit', '0');
  if (where) url.searchParams.set('where', where);
  return (await (await fetch(url)).json()).total_count;
}

/** Renders a map and waits until its data is drawn. */
async function drawn(template: ReturnType<typeof html>): Promise<VitrineMap> {
  const el = await fixture<VitrineMap>(template);
  await settled(el, 30000);
  await idle(el);
  return el;
}

/** Waits until the map has nothing left to load or draw. */
async function idle(el: VitrineMap): Promise<void> {
  await waitFor(() => isSettled(el) && el.engine?.loaded() && !el.engine.isMoving(), 20000, 'the map to be idle');
}

/** Rendered features of some layers, each once (the world repeats at low zoom). */
function rendered(el: VitrineMap, layers: string[], key: (f: MapGeoJSONFeature) => unknown): MapGeoJSONFeature[] {
  const seen = new Map<unknown, MapGeoJSONFeature>();
  for (const f of el.engine!.queryRenderedFeatures({ layers })) if (!seen.has(key(f))) seen.set(key(f), f);
  return [...seen.values()];
}

const hex = (c: { r: number; g: number; b: number }) =>
  `#${[c.r, c.g, c.b]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** The legend entry (a class) that holds `value`, as the map's `step` expression reads classes. */
function legendClassOf(el: VitrineMap, value: number): HTMLElement {
  const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="legend"] li[data-from]')];
  const found = items.filter((li) => value >= Number(li.dataset.from));
  return found[found.length - 1]!;
}

const shadow = (el: VitrineMap) => el.shadowRoot!;
const openTable = async (el: VitrineMap) => {
  shadow(el).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
  await el.updateComplete;
};
const rowButtons = (el: VitrineMap) => [
  ...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="table"] .row-button'),
];
const popup = (el: VitrineMap) => shadow(el).querySelector<HTMLElement>('.maplibregl-popup');

/** A pointer event on the map's canvas at a geographic position. */
function pointer(el: VitrineMap, type: string, lngLat: [number, number]): void {
  const map = el.engine!;
  const point = map.project(lngLat);
  const rect = map.getCanvas().getBoundingClientRect();
  const init = {
    bubbles: true,
    cancelable: true,
    clientX: rect.left + point.x,
    clientY: rect.top + point.y,
    button: 0,
  };
  map.getCanvas().dispatchEvent(new MouseEvent(type, init));
}

describe('vitrine-map', () => {
  afterEach(clearFaults);

  describe('points', () => {
    it('draws every earthquake, coloured and sized by magnitude, fitted to the data', async () => {
      const el = await drawn(
        html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} color="mag" size="mag"></vitrine-map>`,
      );
      // The map fills its box (maplibre's CSS, adopted after ours, must not shrink it).
      const box = shadow(el).querySelector('.box')!.getBoundingClientRect();
      const canvas = el.engine!.getCanvas().getBoundingClientRect();
      expect(canvas.height).to.be.closeTo(box.height, 1);
      expect(canvas.width).to.be.closeTo(box.width, 1);
      const total = await count('earthquakes');
      const points = rendered(el, ['vitrine-points'], (f) => f.properties.vitrine_index);
      expect(points.length).to.equal(total);
      // Each point has the colour of its class in the legend.
      for (const f of points.slice(0, 50)) {
        const mag = f.properties.mag as number;
        expect(hex(f.layer.paint!['circle-color' as never]), `mag ${mag}`).to.equal(
          legendClassOf(el, mag).dataset.color,
        );
      }
      expect(partText(el, 'legend')).to.contain('Magnitude');
      expect(partText(el, 'legend')).to.contain('Size: Magnitude');
      expect(partText(el, 'summary')).to.contain(`Points shown: ${total.toLocaleString('en')}.`);
      await expect(el).to.be.accessible();
    });
  });

  describe('clusters', () => {
    it('draws the 42,049 zip codes as clusters whose counts add up to the points in view', async () => {
      const el = await drawn(
        html`<vitrine-map lang="en" mode="clusters" src=${datasetPage('us-zipcodes')}></vitrine-map>`,
      );
      const total = await count('us-zipcodes');
      expect(total).to.equal(42049);
      const clusters = rendered(el, ['vitrine-clusters'], (f) => f.properties.cluster_id);
      const singles = rendered(el, ['vitrine-points'], (f) => f.properties.vitrine_index);
      expect(clusters.length).to.be.within(2, 1000);
      const sum = clusters.reduce((n, f) => n + (f.properties.point_count as number), 0) + singles.length;
      expect(sum).to.equal(total);
      expect(partText(el, 'summary')).to.contain('Points: 42,049, grouped by proximity');
      // Cluster counts are drawn as text with no glyph server (maplibre draws the digits itself).
      expect(el.engine!.queryRenderedFeatures({ layers: ['vitrine-cluster-count'] }).length).to.be.greaterThan(0);
    });

    it('counts the points of a filter', async () => {
      const el = await drawn(
        html`<vitrine-map mode="clusters" src=${datasetPage('us-zipcodes')} filter="state = CA"></vitrine-map>`,
      );
      const clusters = rendered(el, ['vitrine-clusters'], (f) => f.properties.cluster_id);
      const singles = rendered(el, ['vitrine-points'], (f) => f.properties.vitrine_index);
      const sum = clusters.reduce((n, f) => n + (f.properties.point_count as number), 0) + singles.length;
      expect(sum).to.equal(await count('us-zipcodes', 'state = "CA"'));
    });

    it('asks the portal for clusters above max-points, again at each zoom level', async () => {
      await clearPortalLog();
      const el = await drawn(
        html`<vitrine-map lang="en" mode="clusters" max-points="1000" src=${datasetPage('us-zipcodes')}></vitrine-map>`,
      );
      expect(partText(el, 'summary')).to.contain('grouped by the portal at each zoom level');
      // The whole world in view: the portal's clusters hold every point.
      const shown = rendered(el, ['vitrine-clusters', 'vitrine-points'], (f) => f.id);
      const sum = shown.reduce((n, f) => n + (f.properties.point_count as number), 0);
      expect(sum).to.equal(42049);
      const exports = (await portalLog()).filter((e) => e.path.endsWith('/exports/geojson'));
      expect(exports, 'no point export above max-points').to.have.length(0);
      await clearPortalLog();
      el.engine!.jumpTo({ center: [-74, 40.7], zoom: 8 });
      const asked = await waitFor(
        async () => (await portalLog()).find((e) => decodeURIComponent(e.search).includes('in_bbox')),
        10000,
        'a cluster request for the view',
      );
      const params = new URLSearchParams(asked!.search);
      expect(params.get('group_by')).to.equal('geo_cluster(geo_point_2d, 9) as vitrine_cluster');
      await idle(el);
      expect(
        el.engine!.queryRenderedFeatures({ layers: ['vitrine-clusters', 'vitrine-points'] }).length,
      ).to.be.greaterThan(0);
      // The clusters of the view's window hold exactly the points the portal counts in it.
      const bbox = params.getAll('where').find((w) => w.startsWith('in_bbox'))!;
      const held = new Map(el.engine!.querySourceFeatures('vitrine-data').map((f) => [f.id, f]));
      const inWindow = [...held.values()].reduce((n, f) => n + (f.properties.point_count as number), 0);
      expect(inWindow).to.equal(await count('us-zipcodes', bbox));
    });
  });

  describe('heatmap', () => {
    it('draws a heatmap of the earthquakes with a density legend', async () => {
      const el = await drawn(
        html`<vitrine-map lang="en" mode="heatmap" src=${datasetPage('earthquakes')}></vitrine-map>`,
      );
      expect(el.engine!.getLayer('vitrine-heatmap')?.type).to.equal('heatmap');
      expect(partText(el, 'legend')).to.contain('Density of points');
      expect(partText(el, 'summary')).to.contain('Density of the points (1,707)');
      await expect(el).to.be.accessible();
    });
  });

  describe('choropleth', () => {
    it('colours a known county as its class in the legend, and missing values apart', async () => {
      const el = await drawn(
        html`<vitrine-map
          lang="en"
          src=${datasetPage('us-counties-unemployment')}
          key="id"
          value="avg(rate)"
          percent
        ></vitrine-map>`,
      );
      // Los Angeles County, read from the portal directly.
      const rate = (await (await fetch(`${API('us-counties-unemployment')}/records?where=id%3D%2206037%22`)).json())
        .results[0].rate as number;
      const [la] = el.engine!.queryRenderedFeatures({
        layers: ['vitrine-fill'],
        filter: ['==', ['get', 'id'], '06037'],
      });
      expect(la!.properties.vitrine_value).to.equal(rate);
      const item = legendClassOf(el, rate);
      expect(hex(la!.layer.paint!['fill-color' as never])).to.equal(item.dataset.color);
      expect(item.textContent).to.contain('%');
      // The Virgin Islands have no rate: drawn in the colour of "No data".
      const [vi] = el.engine!.querySourceFeatures('vitrine-data', { filter: ['==', ['get', 'id'], '78010'] });
      expect(vi!.properties.vitrine_value ?? null).to.equal(null);
      const noData = [...shadow(el).querySelectorAll<HTMLElement>('[part~="legend"] li')].find((li) =>
        li.textContent!.includes('No data'),
      );
      expect(noData!.dataset.color).to.equal('#d0d0d0');
      expect(partText(el, 'summary')).to.match(
        /Average Unemployment rate by FIPS code over 3,185 areas\. Highest: .+\(30\.1%\)/,
      );
      await expect(el).to.be.accessible();
    });

    it('joins the aggregate to a GeoJSON file of areas (boundaries and join)', async () => {
      const boundaries = `${API('us-counties-unemployment')}/exports/geojson?select=id,geo_shape`;
      const el = await drawn(
        html`<vitrine-map
          src=${datasetPage('us-counties-unemployment')}
          boundaries=${boundaries}
          join="id:id"
          value="avg(rate)"
          scale="equal"
          classes="4"
        ></vitrine-map>`,
      );
      const [la] = el.engine!.queryRenderedFeatures({
        layers: ['vitrine-fill'],
        filter: ['==', ['get', 'id'], '06037'],
      });
      const value = la!.properties.vitrine_value as number;
      expect(hex(la!.layer.paint!['fill-color' as never])).to.equal(legendClassOf(el, value).dataset.color);
      expect(shadow(el).querySelectorAll('[part~="legend"] li[data-from]')).to.have.length(4);
    });

    it('puts the largest London borough in the top class', async () => {
      const el = await drawn(
        html`<vitrine-map
          lang="en"
          src=${datasetPage('london-boroughs')}
          key="name"
          value="sum(area_km2)"
        ></vitrine-map>`,
      );
      const areas = rendered(el, ['vitrine-fill'], (f) => f.properties.name);
      expect(areas).to.have.length(33);
      const largest = areas.reduce((a, b) =>
        (a.properties.vitrine_value as number) > (b.properties.vitrine_value as number) ? a : b,
      );
      expect(largest.properties.name).to.equal('Bromley');
      const classes = [...shadow(el).querySelectorAll<HTMLElement>('[part~="legend"] li[data-from]')];
      expect(hex(largest.layer.paint!['fill-color' as never])).to.equal(classes[classes.length - 1]!.dataset.color);
      expect(partText(el, 'summary')).to.contain('Highest: Bromley');
    });

    it('says which attribute to fix when no area matches', async () => {
      const boundaries = `${API('london-boroughs')}/exports/geojson?select=name,geo_shape`;
      const el = await fixture<VitrineMap>(
        html`<vitrine-map
          lang="en"
          src=${datasetPage('us-counties-unemployment')}
          boundaries=${boundaries}
          join="name:id"
        ></vitrine-map>`,
      );
      await settled(el, 30000);
      expect(partText(el, 'error')).to.contain('join');
      expect(el.engine).to.equal(undefined);
    });
  });

  describe('shapes', () => {
    it('draws the tube lines as lines, in the colours given per line', async () => {
      const el = await drawn(
        html`<vitrine-map
          lang="en"
          src=${datasetPage('london-tube-lines')}
          color="line"
          colors="Central:#e32017, Victoria:#0098d4"
        ></vitrine-map>`,
      );
      const lines = rendered(el, ['vitrine-line'], (f) => f.properties.line);
      expect(lines).to.have.length(12);
      const central = lines.find((f) => f.properties.line === 'Central')!;
      expect(hex(central.layer.paint!['line-color' as never])).to.equal('#e32017');
      expect(partText(el, 'legend')).to.contain('Central');
      expect(partText(el, 'summary')).to.contain('Shapes shown: 12.');
    });

    it('draws the London boroughs as areas, on a plain background with no request but the data', async () => {
      performance.clearResourceTimings();
      const el = await drawn(html`<vitrine-map src=${datasetPage('london-boroughs')}></vitrine-map>`);
      expect(rendered(el, ['vitrine-fill'], (f) => f.properties.name)).to.have.length(33);
      const sources = Object.keys(el.engine!.getStyle().sources);
      expect(sources).to.deep.equal(['vitrine-data']);
      const portal = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin !== location.origin && !u.pathname.startsWith('/__')); // not the test hooks
      for (const url of portal) expect(url.origin).to.equal(new URL(PORTAL).origin);
      expect(portal.filter((u) => !u.pathname.startsWith('/api/')).map((u) => u.href)).to.deep.equal([]);
    });
  });

  describe('popups and the table', () => {
    it('shows markup from the data as text, never as elements, and links only to http(s)', async () => {
      const el = await drawn(
        html`<vitrine-map lang="en" src=${datasetPage('hostile-strings')} popup="label,url,note"></vitrine-map>`,
      );
      await openTable(el);
      const labels: string[] = [];
      for (;;) {
        for (const button of rowButtons(el)) {
          button.click();
          const box = await waitFor(() => popup(el), 3000, 'a popup');
          const content = box!.querySelector('.vitrine-popup')!;
          // Nothing from the data became an element: only our dl/dt/dd/p and http(s) links.
          const tags = new Set([...content.querySelectorAll('*')].map((n) => n.localName));
          for (const tag of tags) expect(['dl', 'dt', 'dd', 'a', 'p']).to.include(tag);
          for (const a of content.querySelectorAll('a')) expect(a.href).to.match(/^https?:\/\//);
          expect(content.querySelector('dt')!.textContent).to.equal('Label <b>not bold</b>');
          labels.push(content.querySelectorAll('dd')[0]!.textContent!);
          const url = content.querySelectorAll('dd')[1]!;
          if (/^\s*javascript:|^data:|^vbscript:|^\/\//i.test(url.textContent!))
            expect(url.querySelector('a')).to.equal(null);
        }
        const next = shadow(el).querySelector<HTMLButtonElement>('[part~="pager"] button:last-of-type')!;
        if (next.getAttribute('aria-disabled') === 'true') break;
        next.click();
        await el.updateComplete;
      }
      expect(labels).to.include('<script>window.__vitrinePwned=1</script>');
      expect(labels).to.include('<img src=x onerror="window.__vitrinePwned=1">');
      expect(labels).to.include('"><b>bold</b>');
      expect(labels).to.include('&lt;script&gt;window.__vitrinePwned=1&lt;/script&gt;');
      expect(labels).to.have.length(22);
      expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
      expect(shadow(el).querySelector('[part~="table"] script, [part~="table"] img, [part~="table"] b')).to.equal(null);
    });

    it('opens a popup on click, highlights on hover, and fires vitrine-feature-click', async () => {
      const el = await drawn(
        html`<vitrine-map lang="en" src=${datasetPage('hostile-strings')} popup="label,value"></vitrine-map>`,
      );
      const paris = (await (await fetch(`${API('hostile-strings')}/records?where=label%3D%22Paris%22`)).json())
        .results[0];
      const at: [number, number] = [paris.geo_point_2d.lon, paris.geo_point_2d.lat];
      el.engine!.jumpTo({ center: at, zoom: 16 });
      await idle(el);
      pointer(el, 'mousemove', at);
      const [hovered] = el.engine!.queryRenderedFeatures(el.engine!.project(at), { layers: ['vitrine-points'] });
      expect(el.engine!.getFeatureState({ source: 'vitrine-data', id: hovered!.id! }).hover).to.equal(true);
      await idle(el);
      const [bold] = el.engine!.queryRenderedFeatures(el.engine!.project(at), { layers: ['vitrine-points'] });
      expect(bold!.layer.paint!['circle-stroke-width' as never]).to.equal(3);
      let event: VitrineFeatureClickEvent | undefined;
      el.addEventListener('vitrine-feature-click', (e) => (event = e));
      pointer(el, 'mousedown', at);
      pointer(el, 'mouseup', at);
      pointer(el, 'click', at);
      await waitFor(() => event, 3000, 'vitrine-feature-click');
      expect(event!.properties.label).to.equal('Paris');
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect(popup(el)!.textContent).to.contain('Paris');
    });

    it('works with the keyboard: the table opens popups, Escape goes back, pages move', async () => {
      const el = await drawn(
        html`<vitrine-map
          lang="en"
          mode="points"
          src=${datasetPage('earthquakes')}
          popup="place,mag,time"
        ></vitrine-map>`,
      );
      const toggle = shadow(el).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      await openTable(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(partText(el, 'pager')).to.contain('Rows 1 to 10 of 1,707');
      const [first] = rowButtons(el);
      first!.focus();
      first!.click();
      await waitFor(() => popup(el), 3000, 'a popup');
      // Focus moved into the popup; Escape closes it and focus comes back to the row.
      const active = shadow(el).activeElement as HTMLElement;
      expect(popup(el)!.contains(active)).to.equal(true);
      active.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await waitFor(() => !popup(el), 3000, 'the popup to close');
      expect(shadow(el).activeElement).to.equal(first);
      shadow(el).querySelector<HTMLButtonElement>('[part~="pager"] button:last-of-type')!.click();
      await el.updateComplete;
      expect(partText(el, 'pager')).to.contain('Rows 11 to 20 of 1,707');
      // The canvas takes the keyboard: arrows pan, + zooms.
      const canvas = el.engine!.getCanvas();
      expect(canvas.getAttribute('tabindex')).to.equal('0');
      const zoom = el.engine!.getZoom();
      canvas.focus();
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+', keyCode: 187, bubbles: true }));
      await waitFor(() => el.engine!.getZoom() > zoom, 3000, 'a keyboard zoom');
      await expect(el).to.be.accessible();
    });

    it('lists only what is in view', async () => {
      const el = await drawn(html`<vitrine-map lang="en" src=${datasetPage('london-boroughs')}></vitrine-map>`);
      await openTable(el);
      expect(partText(el, 'pager')).to.contain('of 33');
      el.engine!.jumpTo({ center: [0.05, 51.37], zoom: 12 });
      await waitFor(() => !partText(el, 'pager')?.includes('of 33'), 5000, 'the table to follow the view');
      expect(partText(el, 'table')).to.contain('Bromley');
    });
  });

  describe('usability', () => {
    it('never captures the page scroll', async () => {
      const el = await drawn(html`<vitrine-map src=${datasetPage('london-boroughs')}></vitrine-map>`);
      const map = el.engine!;
      expect(map.cooperativeGestures.isEnabled()).to.equal(true);
      const zoom = map.getZoom();
      const rect = map.getCanvas().getBoundingClientRect();
      const wheel = new WheelEvent('wheel', {
        deltaY: -300,
        clientX: rect.left + 50,
        clientY: rect.top + 50,
        bubbles: true,
        cancelable: true,
      });
      map.getCanvas().dispatchEvent(wheel);
      await new Promise((r) => setTimeout(r, 300));
      expect(wheel.defaultPrevented).to.equal(false);
      expect(map.getZoom()).to.equal(zoom);
    });

    it('has zoom buttons, full screen, a scale and the attribution, in the page language', async () => {
      const el = await drawn(html`<vitrine-map lang="fr" src=${datasetPage('london-boroughs')}></vitrine-map>`);
      const root = shadow(el);
      expect(root.querySelector('.maplibregl-ctrl-zoom-in')!.getAttribute('aria-label')).to.equal('Zoomer');
      expect(root.querySelector('.maplibregl-ctrl-zoom-out')!.getAttribute('aria-label')).to.equal('Dézoomer');
      expect(root.querySelector('.maplibregl-ctrl-fullscreen')!.getAttribute('aria-label')).to.equal(
        'Afficher la carte en plein écran',
      );
      expect(root.querySelector('.maplibregl-ctrl-scale')).to.not.equal(null);
      expect(root.querySelector('.maplibregl-ctrl-attrib')!.textContent).to.contain('London boroughs');
      expect(partText(el, 'table-toggle')).to.equal('Afficher les données sous forme de tableau');
      expect(partText(el, 'summary')).to.contain('Formes affichées\u00a0: 33.');
    });

    it('draws on the offline basemap of the local portal, with nothing from elsewhere', async () => {
      performance.clearResourceTimings();
      const el = await drawn(
        html`<vitrine-map src=${datasetPage('london-boroughs')} basemap=${BASEMAP}></vitrine-map>`,
      );
      const ids = el.engine!.getStyle().layers.map((l) => l.id);
      expect(ids.slice(0, 3)).to.deep.equal(['water', 'land', 'coastline']);
      expect(ids.indexOf('vitrine-fill')).to.be.greaterThan(ids.indexOf('borders'));
      const origins = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
      for (const origin of origins) expect([location.origin, new URL(PORTAL).origin]).to.include(origin);
      expect(shadow(el).querySelector('.maplibregl-ctrl-attrib')!.textContent).to.contain('Natural Earth');
    });

    it('follows a new basemap and a new language, keeping the data', async () => {
      const el = await drawn(html`<vitrine-map lang="en" src=${datasetPage('london-tube-lines')}></vitrine-map>`);
      const first = el.engine!;
      el.setAttribute('basemap', BASEMAP);
      el.setAttribute('lang', 'fr');
      await waitFor(
        () => el.engine && el.engine !== first && el.engine.getLayer('land'),
        10000,
        'a map with the basemap',
      );
      await idle(el);
      expect(rendered(el, ['vitrine-line'], (f) => f.properties.line)).to.have.length(12);
      expect(shadow(el).querySelector('.maplibregl-ctrl-zoom-in')!.getAttribute('aria-label')).to.equal('Zoomer');
    });

    it('draws on a plain background when the basemap cannot be loaded, and says so', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
      try {
        const el = await drawn(
          html`<vitrine-map
            src=${datasetPage('london-boroughs')}
            basemap=${`${PORTAL}/basemap/nope.json`}
          ></vitrine-map>`,
        );
        expect(rendered(el, ['vitrine-fill'], (f) => f.properties.name)).to.have.length(33);
        expect(warnings.some((w) => w.includes('basemap'))).to.equal(true);
      } finally {
        console.warn = original;
      }
    });
  });

  describe('states', () => {
    it('keeps its height from loading to data (no layout shift), busy while loading', async () => {
      const tag = unique();
      await injectFault({ path: `x${tag}`, delayMs: 800 });
      const el = await fixture<VitrineMap>(
        html`<vitrine-map
          title="Boroughs"
          src=${datasetPage('london-boroughs')}
          where=${`name != 'x${tag}'`}
        ></vitrine-map>`,
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      const height = el.getBoundingClientRect().height;
      expect(height).to.be.closeTo(28 * 16, 1);
      await settled(el, 30000);
      expect(shadow(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(el.getBoundingClientRect().height).to.be.closeTo(height, 0.5);
      // Named by its title, described by its summary.
      const base = shadow(el).querySelector('[part~="base"]')!;
      expect(shadow(el).getElementById(base.getAttribute('aria-labelledby')!)!.textContent).to.equal('Boroughs');
      expect(el.engine!.getCanvas().getAttribute('aria-label')).to.equal('Boroughs');
      expect(shadow(el).getElementById(el.engine!.getCanvas().getAttribute('aria-describedby')!)).to.equal(
        shadow(el).querySelector('[part~="summary"]'),
      );
    });

    it('takes its height from the height attribute, and its name from label', async () => {
      const el = await drawn(
        html`<vitrine-map height="300px" label="Tube" src=${datasetPage('london-tube-lines')}></vitrine-map>`,
      );
      expect(el.getBoundingClientRect().height).to.be.closeTo(300, 1);
      expect(shadow(el).querySelector('[part~="base"]')!.getAttribute('aria-label')).to.equal('Tube');
      expect(el.engine!.getCanvas().getAttribute('aria-label')).to.equal('Tube');
    });

    it('keeps the table and the summary when the map cannot be drawn (no WebGL)', async () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const el = await fixture<VitrineMap>(
          html`<vitrine-map lang="en" src=${datasetPage('london-boroughs')}></vitrine-map>`,
        );
        await settled(el, 30000);
        expect(partText(el, 'error')).to.contain('The map could not be drawn');
        expect(el.engine).to.equal(undefined);
        await openTable(el);
        expect(partText(el, 'pager')).to.contain('of 33');
        expect(partText(el, 'summary')).to.contain('Shapes shown: 33.');
        await expect(el).to.be.accessible();
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
        console.warn = warn;
      }
    });

    it('says when there is no data', async () => {
      const el = await fixture<VitrineMap>(
        html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} filter=${'mag > 100'}></vitrine-map>`,
      );
      await settled(el, 30000);
      expect(partText(el, 'empty')).to.equal('No data');
      expect(el.engine).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('names an unknown field and the attribute, and warns in the console', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await fixture<VitrineMap>(
          html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} popup="place,magnitud"></vitrine-map>`,
        );
        await settled(el, 30000);
        expect(partText(el, 'error')).to.contain('Unknown field "magnitud" in the popup attribute: did you mean "mag"');
        expect(String(warnings[0]?.[0])).to.contain('<vitrine-map popup="place,magnitud">');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = original;
      }
    });

    it('rejects a bad mode, a colour that is not one, and a choropleth without areas', async () => {
      const mode = await fixture<VitrineMap>(
        html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} mode="dots"></vitrine-map>`,
      );
      await settled(mode);
      expect(partText(mode, 'error')).to.contain('clusters');
      const colors = await fixture<VitrineMap>(
        html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} colors="#fff, blurple"></vitrine-map>`,
      );
      await settled(colors);
      expect(partText(colors, 'error')).to.contain('"blurple" is not a colour');
      const areas = await fixture<VitrineMap>(
        html`<vitrine-map lang="en" src=${datasetPage('earthquakes')} key="net"></vitrine-map>`,
      );
      await settled(areas, 30000);
      expect(partText(areas, 'error')).to.contain('boundaries');
    });

    it('offers a retry when the portal cannot be reached', async () => {
      const el = await fixture<VitrineMap>(
        html`<vitrine-map lang="en" src="http://127.0.0.1:9/explore/dataset/x/"></vitrine-map>`,
      );
      await settled(el, 30000);
      expect(partText(el, 'error')).to.contain('could not be reached');
      expect(shadow(el).querySelector('[part~="retry"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('lifecycle', () => {
    it('releases the map when removed, and draws again when put back', async () => {
      const el = await drawn(html`<vitrine-map src=${datasetPage('london-tube-lines')}></vitrine-map>`);
      const map = el.engine!;
      const gl = map.painter.context.gl;
      let removed = 0;
      const remove = map.remove.bind(map);
      map.remove = () => {
        removed += 1;
        remove();
      };
      const parent = el.parentElement!;
      el.remove();
      expect(removed).to.equal(1);
      expect(el.engine).to.equal(undefined);
      expect(shadow(el).querySelector('canvas')).to.equal(null);
      expect(gl.isContextLost()).to.equal(true);
      parent.append(el);
      await waitFor(() => el.engine, 5000, 'a new map');
      await idle(el);
      expect(el.engine).to.not.equal(map);
      expect(rendered(el, ['vitrine-line'], (f) => f.properties.line)).to.have.length(12);
    });

    it('follows a vitrine-source and its filters, fitting the new data', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="zips" src=${datasetPage('us-zipcodes')} filter="state = RI"></vitrine-source>
          <vitrine-map source="zips" mode="clusters"></vitrine-map>
        </div>`,
      );
      const el = page.querySelector<VitrineMap>('vitrine-map')!;
      await settled(el, 30000);
      await idle(el);
      const ri = await count('us-zipcodes', 'state = "RI"');
      expect(partText(el, 'summary')).to.contain(`Points: ${ri},`);
      const before = el.engine!.getCenter();
      const hi = await count('us-zipcodes', 'state = "HI"');
      page.querySelector('vitrine-source')!.setAttribute('filter', 'state = HI');
      await waitFor(() => partText(el, 'summary')?.includes(`Points: ${hi},`), 15000, 'the Hawaii points');
      await idle(el);
      expect(el.engine!.getCenter().lng).to.be.lessThan(-150);
      expect(before.lng).to.be.greaterThan(-75);
    });
  });
});
