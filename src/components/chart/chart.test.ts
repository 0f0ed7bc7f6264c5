import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineChart } from './chart.js';
import { PORTAL } from '../../../test/env.js';
import {
  clearFaults,
  clearPortalLog,
  datasetPage,
  injectFault,
  partText,
  portalLog,
  sendKeys,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');
const WEATHER = datasetPage('seattle-weather');
const QUAKES = datasetPage('earthquakes');
const HOSTILE = datasetPage('hostile-strings');
const NNBSP = '\u202f';

type View = NonNullable<VitrineChart['view']>;
interface Item {
  datum: Record<string, unknown>;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  defined?: boolean;
  innerRadius?: number;
  size?: number;
  fill?: string;
}
interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
}

/** The items of the data marks of a type (`rect`, `line`, `area`, `arc`, `symbol`) in a view's scenegraph. */
function marks(view: View, type: string): Item[] {
  const found: Item[] = [];
  const visit = (node: SceneNode) => {
    if (node.marktype === type && node.role === 'mark') found.push(...((node.items ?? []) as unknown as Item[]));
    for (const child of node.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root);
  return found;
}

/** Whether the view has a guide (`legend`, `axis`). */
function hasRole(view: View, prefix: string): boolean {
  let found = false;
  const visit = (node: SceneNode) => {
    if (node.role?.startsWith(prefix)) found = true;
    for (const child of node.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root);
  return found;
}

/** Renders a chart and waits until it is drawn (or shows a message). */
async function chart(template: ReturnType<typeof html>): Promise<VitrineChart> {
  const element = await fixture<VitrineChart>(template);
  await settled(element);
  return element;
}

/** The rows the chart handed to the engine. */
const rowsOf = (el: VitrineChart) => el.view!.data('table') as Record<string, unknown>[];

/** The portal's own answer to an aggregate over the weather dataset (to check the chart against). */
async function weatherValue(select: string, where: string): Promise<number> {
  const url = `${PORTAL}/api/explore/v2.1/catalog/datasets/seattle-weather/records?select=${encodeURIComponent(`${select} as v`)}&where=${encodeURIComponent(where)}`;
  const body = (await (await fetch(url)).json()) as { results: { v: number }[] };
  return body.results[0]!.v;
}

describe('vitrine-chart', () => {
  afterEach(clearFaults);

  describe('kinds', () => {
    it('bar: the five most populous départements from one grouped request, no record download', async () => {
      await clearPortalLog();
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          type="bar"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
        ></vitrine-chart>`,
      );
      const bars = marks(el.view!, 'rect');
      expect(bars.map((b) => b.datum.x)).to.deep.equal(['59', '75', '13', '69', '93']);
      expect(bars[0]!.datum.y).to.equal(2615635);
      // Horizontal: the first bar is on top and the longest.
      expect(bars[0]!.y).to.be.below(bars[1]!.y!);
      expect(bars[0]!.width).to.be.above(bars[4]!.width!);
      const log = await portalLog();
      const data = log.filter((e) => e.path.endsWith('/records'));
      expect(data).to.have.length(1);
      expect(decodeURIComponent(data[0]!.search)).to.contain('group_by=departement');
      expect(log.some((e) => e.path.includes('/exports/'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('others: one more bar holding the rest of the total', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          type="bar"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
          others
        ></vitrine-chart>`,
      );
      const bars = marks(el.view!, 'rect');
      expect(bars).to.have.length(6);
      expect(bars[5]!.datum.x).to.equal('Others');
      const top = bars.slice(0, 5).reduce((sum, b) => sum + (b.datum.y as number), 0);
      expect(top + (bars[5]!.datum.y as number)).to.equal(68952941);
      expect(partText(el, 'summary')).to.contain('All others together: 58,526,887.');
    });

    it('column: several aggregates as grouped series', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="column"
          x="year(date)"
          y="avg(temp_max), avg(temp_min)"
        ></vitrine-chart>`,
      );
      const bars = marks(el.view!, 'rect');
      expect(bars).to.have.length(8);
      expect(new Set(bars.map((b) => b.datum.c))).to.deep.equal(
        new Set(['Average Maximum temperature', 'Average Minimum temperature']),
      );
      const max2012 = await weatherValue('avg(temp_max)', "date >= date'2012-01-01' AND date < date'2013-01-01'");
      const bar = bars.find((b) => b.datum.k === '2012' && b.datum.c === 'Average Maximum temperature')!;
      expect(bar.datum.y).to.be.closeTo(max2012, 1e-9);
      // Side by side: the two bars of a year do not overlap.
      const pair = bars.filter((b) => b.datum.k === '2012').sort((a, b) => a.x! - b.x!);
      expect(pair[0]!.x! + pair[0]!.width!).to.be.at.most(pair[1]!.x! + 0.01);
      expect(hasRole(el.view!, 'legend')).to.equal(true);
    });

    it('column: stacked by a color field, and stacked to 100 %', async () => {
      const stacked = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="column"
          x="year(date)"
          color="weather"
          stack="normal"
        ></vitrine-chart>`,
      );
      // Four years × five kinds of weather; a kind absent from a year is an empty (null) bar.
      const bars = marks(stacked.view!, 'rect');
      expect(bars).to.have.length(20);
      expect(bars.filter((b) => b.datum.y === null).every((b) => b.height === 0)).to.equal(true);
      const of2012 = bars.filter((b) => b.datum.k === '2012');
      expect(of2012.reduce((s, b) => s + (b.datum.y as number), 0)).to.equal(366);
      expect(Math.max(...of2012.map((b) => b.datum.y_end as number))).to.equal(366);
      const percent = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="column"
          x="year(date)"
          color="weather"
          stack="percent"
        ></vitrine-chart>`,
      );
      const shares = marks(percent.view!, 'rect').filter((b) => b.datum.k === '2013');
      expect(Math.max(...shares.map((b) => b.datum.y_end as number))).to.be.closeTo(1, 1e-9);
      const sun = shares.find((b) => b.datum.c === 'sun')!;
      expect(sun.datum.p).to.be.closeTo((sun.datum.y as number) / 365, 1e-9);
    });

    it('line: a time series by month, read back from the view', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="line"
          x="date"
          time-unit="month"
          y="avg(temp_max)"
          title="Seattle, monthly highs"
        ></vitrine-chart>`,
      );
      const rows = rowsOf(el);
      expect(rows).to.have.length(48);
      expect(rows[0]!.k).to.equal('2012-01');
      expect(rows[47]!.k).to.equal('2015-12');
      const january = await weatherValue('avg(temp_max)', "date >= date'2012-01-01' AND date < date'2012-02-01'");
      expect(rows[0]!.y).to.be.closeTo(january, 1e-9);
      const points = marks(el.view!, 'line');
      expect(points).to.have.length(48);
      expect(points.every((p) => p.defined !== false)).to.equal(true);
      expect(partText(el, 'summary')).to.match(
        /^Line chart of Average Maximum temperature by Date\. Average Maximum temperature rose from [\d.]+ \(January 2012\) to [\d.]+ \(December 2015\), \+[\d.]+%\. Highest: July 2015 \([\d.]+\); lowest: January 2013 \([\d.]+\)\.$/,
      );
    });

    it('time series: a missing period is a gap, never joined', async () => {
      const where = "(date < date'2012-03-01' OR date >= date'2012-05-01') AND date < date'2012-07-01'";
      const line = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="line"
          x="month(date)"
          y="sum(precipitation)"
          where=${where}
        ></vitrine-chart>`,
      );
      const rows = rowsOf(line);
      expect(rows.map((r) => r.k)).to.deep.equal(['2012-01', '2012-02', '2012-03', '2012-04', '2012-05', '2012-06']);
      expect(rows.map((r) => r.y === null)).to.deep.equal([false, false, true, true, false, false]);
      const points = marks(line.view!, 'line');
      expect(points.map((p) => p.defined)).to.deep.equal([true, true, false, false, true, true]);
      expect(partText(line, 'summary')).to.contain('2 periods have no data.');
      // Its points are drawn (few periods): one image for assistive technologies all the same.
      expect(marks(line.view!, 'symbol')).to.have.length(4);
      await expect(line).to.be.accessible();

      const columns = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="column"
          x="month(date)"
          y="sum(precipitation)"
          where=${where}
        ></vitrine-chart>`,
      );
      // Six bands on the axis; the two missing months are empty places (no height).
      expect(columns.view!.scale('x').domain()).to.deep.equal(rows.map((r) => r.k));
      const bars = marks(columns.view!, 'rect');
      expect(bars.map((b) => b.height! > 0)).to.deep.equal([true, true, false, false, true, true]);
    });

    it('area: stacked by a color field', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src=${WEATHER} type="area" x="year(date)" color="weather"></vitrine-chart>`,
      );
      const areas = marks(el.view!, 'area');
      expect(areas.length).to.equal(20);
      const tops = areas.filter((a) => a.datum.k === '2014').map((a) => a.datum.y_end as number);
      expect(Math.max(...tops)).to.equal(365);
      await expect(el).to.be.accessible();
    });

    it('pie and donut: one slice per value, shares of the total', async () => {
      const pie = await chart(html`<vitrine-chart lang="en" src=${WEATHER} type="pie" x="weather"></vitrine-chart>`);
      const slices = marks(pie.view!, 'arc');
      expect(slices).to.have.length(5);
      expect(slices.reduce((s, a) => s + (a.datum.y as number), 0)).to.equal(1461);
      expect(slices.reduce((s, a) => s + (a.datum.p as number), 0)).to.be.closeTo(1, 1e-9);
      expect(slices.every((a) => !a.innerRadius)).to.equal(true);
      expect(partText(pie, 'summary')).to.match(/Largest share: (rain|sun), \d+(\.\d)?% of the total \(1,461\)\./);

      const donut = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          type="donut"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="3"
          others
        ></vitrine-chart>`,
      );
      const rings = marks(donut.view!, 'arc');
      expect(rings).to.have.length(4);
      expect(rings[0]!.innerRadius).to.be.above(0);
      expect(rings[3]!.datum.x).to.equal('Others');
    });

    it('scatter: aggregates per value of a field, and field × field with a size', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          type="scatter"
          x="avg(temp_min)"
          y="avg(temp_max)"
          color="weather"
        ></vitrine-chart>`,
      );
      const points = marks(el.view!, 'symbol');
      expect(points).to.have.length(5);
      const sun = points.find((p) => p.datum.c === 'sun')!;
      expect(sun.datum.y).to.be.closeTo(await weatherValue('avg(temp_max)', "weather = 'sun'"), 1e-9);

      const quakes = await chart(
        html`<vitrine-chart
          lang="en"
          src=${QUAKES}
          type="scatter"
          x="mag"
          y="depth"
          size="count(*)"
          where=${'mag >= 5'}
        ></vitrine-chart>`,
      );
      const dots = marks(quakes.view!, 'symbol');
      expect(dots.length).to.be.above(3);
      expect(dots.every((d) => (d.datum.x as number) >= 5)).to.equal(true);
      expect(dots.reduce((s, d) => s + (d.datum.s as number), 0)).to.equal(
        (
          await (
            await fetch(`${PORTAL}/api/explore/v2.1/catalog/datasets/earthquakes/records?where=mag>=5&limit=0`)
          ).json()
        ).total_count,
      );
      expect(hasRole(quakes.view!, 'legend')).to.equal(true);
    });

    it('draws on a canvas on request, and without a legend when asked', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          x="year(date)"
          color="weather"
          renderer="canvas"
          no-legend
        ></vitrine-chart>`,
      );
      expect(el.shadowRoot!.querySelector('.vega canvas')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('.vega svg')).to.equal(null);
      expect(hasRole(el.view!, 'legend')).to.equal(false);
      expect(marks(el.view!, 'rect')).to.have.length(20);
    });

    it('merges a Vega-Lite spec over the generated one', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="3"
          spec='{"mark": {"color": "#ff0000", "cornerRadius": 2}}'
        ></vitrine-chart>`,
      );
      const bars = marks(el.view!, 'rect');
      expect(bars).to.have.length(3);
      expect(bars[0]!.fill).to.equal('#ff0000');
    });

    it('keeps trend lines for a spec, and names a transform the chart engine leaves out', async () => {
      // The engine holds the part of vega charts use (vega-subset.ts): regression and loess stay.
      const trend = await chart(
        html`<vitrine-chart
          lang="en"
          src=${QUAKES}
          type="scatter"
          x="mag"
          y="depth"
          where=${'mag >= 5'}
          spec='{"transform": [{"regression": "y", "on": "x"}]}'
        ></vitrine-chart>`,
      );
      expect(partText(trend, 'error')).to.equal(undefined);
      expect(marks(trend.view!, 'symbol').length).to.be.above(1);
      // A nearest-point selection needs voronoi, which is left out: the message says which transform.
      const nearest = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          x="region"
          spec='{"params": [{"name": "p", "select": {"type": "point", "nearest": true}}]}'
        ></vitrine-chart>`,
      );
      expect(partText(nearest, 'error')).to.contain('The spec attribute').and.to.contain('voronoi');
    });
  });

  describe('look', () => {
    it('follows a dark page with the dark palette, and a palette given as a token', async () => {
      const dark = await fixture<HTMLDivElement>(
        html`<div style="color: #f0f0f0; background: #161616">
          <vitrine-chart lang="en" src=${WEATHER} x="year(date)" color="weather" stack="normal"></vitrine-chart>
        </div>`,
      );
      const el = dark.querySelector<VitrineChart>('vitrine-chart')!;
      await settled(el);
      const fills = new Set(marks(el.view!, 'rect').map((b) => b.fill));
      expect([...fills]).to.include('#6ca8ff');
      const tokens = await fixture<HTMLDivElement>(
        html`<div style="--vitrine-chart-palette: #111111, rgb(34, 34, 34)">
          <vitrine-chart lang="en" src=${WEATHER} x="year(date)" y="count(*), avg(wind)"></vitrine-chart>
        </div>`,
      );
      const custom = tokens.querySelector<VitrineChart>('vitrine-chart')!;
      await settled(custom);
      expect(new Set(marks(custom.view!, 'rect').map((b) => b.fill))).to.deep.equal(
        new Set(['#111111', 'rgb(34, 34, 34)']),
      );
    });

    it('loads the engine and draws only when it comes near the viewport', async () => {
      const tag = unique();
      await clearPortalLog();
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <div style="height: 3000px"></div>
          <vitrine-chart lang="en" src=${COMMUNES} x="region" where=${`code != 'n${tag}'`}></vitrine-chart>
        </div>`,
      );
      const el = page.querySelector<VitrineChart>('vitrine-chart')!;
      // The data is asked for at once (a few hundred bytes); the drawing waits.
      await waitFor(async () => (await portalLog()).some((e) => e.search.includes(`n${tag}`)), 5000, 'the data');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(el.view).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      el.scrollIntoView();
      await settled(el);
      expect(el.view).to.not.equal(undefined);
    });
  });

  describe('accessibility', () => {
    it('is named by its title and described by a summary, in English', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          type="bar"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
          title="Most populous départements"
        ></vitrine-chart>`,
      );
      const base = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.getAttribute('role')).to.equal('figure');
      expect(base.getAttribute('aria-label')).to.equal('Most populous départements');
      const drawing = el.shadowRoot!.querySelector('[part~="chart"]')!;
      expect(drawing.getAttribute('role')).to.equal('img');
      expect(drawing.getAttribute('aria-label')).to.equal('Most populous départements');
      expect(el.shadowRoot!.getElementById(drawing.getAttribute('aria-describedby')!)).to.equal(
        el.shadowRoot!.querySelector('[part~="summary"]'),
      );
      expect(partText(el, 'title')).to.equal('Most populous départements');
      expect(partText(el, 'summary')).to.equal(
        'Bar chart of Population by Département. Highest: 59 (2,615,635); lowest: 93 (1,704,316).',
      );
      await expect(el).to.be.accessible();
    });

    it('writes its summary in French, with French numbers', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="fr"
          src=${COMMUNES}
          type="bar"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
        ></vitrine-chart>`,
      );
      const name = el.shadowRoot!.querySelector('[part~="chart"]')!.getAttribute('aria-label');
      expect(name).to.equal('Graphique en barres\u00a0: Population par Département.');
      expect(partText(el, 'summary')).to.contain(
        `Maximum\u00a0: 59 (2${NNBSP}615${NNBSP}635)\u00a0; minimum\u00a0: 93 (1${NNBSP}704${NNBSP}316).`,
      );
      // The page's language changes: the chart follows.
      el.setAttribute('lang', 'en');
      await waitFor(() => partText(el, 'summary')?.startsWith('Highest: 59 (2,615,635)'), 5000, 'English');
      await waitFor(() => el.view, 5000, 'the chart in English');
    });

    it('shows the same data as a table, with the keyboard', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
          others
        ></vitrine-chart>`,
      );
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
      expect(toggle.localName).to.equal('button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.querySelector('table')).to.equal(null);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('Hide the table');
      const table = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!.querySelector('table')!;
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(
        'Column chart of Population by Département.',
      );
      expect(
        [...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')]),
      ).to.deep.equal([
        ['Département', 'col'],
        ['Population', 'col'],
      ]);
      const rows = [...table.querySelectorAll('tbody tr')];
      expect(rows).to.have.length(6);
      expect(rows[0]!.querySelector('th')!.getAttribute('scope')).to.equal('row');
      const cells = (row: Element) => [...row.children].map((c) => c.textContent!.trim());
      expect(cells(rows[0]!)).to.deep.equal(['59', '2,615,635']);
      expect(cells(rows[5]!)).to.deep.equal(['Others', '58,526,887']);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('lets the keyboard reach the toggle and the downloads', async () => {
      const el = await chart(html`<vitrine-chart lang="en" src=${WEATHER} x="year(date)"></vitrine-chart>`);
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="toolbar"] button')];
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Show as table', 'PNG', 'SVG', 'CSV']);
      expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        null,
        'Download the chart as a PNG image',
        'Download the chart as an SVG image',
        'Download the data shown as a CSV file',
      ]);
      buttons[0]!.focus();
      for (const expected of buttons.slice(1)) {
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(expected);
      }
    });

    it('shows its tooltip as text, and keeps hostile values as text everywhere', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src=${HOSTILE} type="bar" x="label" y="sum(value)" limit="30"></vitrine-chart>`,
      );
      const labels = rowsOf(el).map((r) => r.x as string);
      expect(labels.some((l) => l.includes('<img'))).to.equal(true);
      const bar = el.shadowRoot!.querySelector<SVGPathElement>('.vega path[fill]:not(.background)');
      const target =
        [...el.shadowRoot!.querySelectorAll<SVGPathElement>('.vega .mark-rect path')].find((p) =>
          (p as unknown as { __data__?: { datum?: { x?: string } } }).__data__?.datum?.x?.includes('<img'),
        ) ?? bar!;
      const box = target.getBoundingClientRect();
      const at = { bubbles: true, composed: true, clientX: box.x + 2, clientY: box.y + box.height / 2 };
      target.dispatchEvent(new PointerEvent('pointermove', at));
      target.dispatchEvent(new MouseEvent('mousemove', at));
      const tooltip = el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      await waitFor(() => !tooltip.hidden, 3000, 'the tooltip');
      expect(tooltip.textContent).to.contain('<img');
      expect(tooltip.querySelector('img')).to.equal(null);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('table')!.textContent).to.contain('<img');
      expect(el.shadowRoot!.querySelectorAll('img, script, b')).to.have.length(0);
      expect((window as unknown as { __vitrinePwned?: boolean }).__vitrinePwned).to.equal(undefined);
    });
  });

  describe('states', () => {
    it('keeps its height from loading to data (no layout shift), busy while loading', async () => {
      const tag = unique();
      await injectFault({ path: `x${tag}`, delayMs: 800 });
      const el = await fixture<VitrineChart>(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          x="departement"
          title="Population"
          where=${`code != 'x${tag}'`}
        ></vitrine-chart>`,
      );
      await el.updateComplete;
      const base = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      const height = el.getBoundingClientRect().height;
      expect(el.shadowRoot!.querySelector('.frame')!.getBoundingClientRect().height).to.equal(300);
      await settled(el);
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(el.getBoundingClientRect().height).to.be.closeTo(height, 0.5);
    });

    it('says when there is no data', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src=${COMMUNES} x="departement" filter="departement = 999"></vitrine-chart>`,
      );
      expect(partText(el, 'empty')).to.equal('No data');
      expect(el.view).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('names a wrong attribute, suggests a field, and warns in the console', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await chart(html`<vitrine-chart lang="en" src=${COMMUNES} x="departemnt"></vitrine-chart>`);
        expect(partText(el, 'error')).to.contain('Unknown field "departemnt" in the x attribute');
        expect(partText(el, 'error')).to.contain('departement');
        expect(String(warnings[0]?.[0])).to.contain('<vitrine-chart x="departemnt">');
        await expect(el).to.be.accessible();
        const color = await chart(
          html`<vitrine-chart lang="en" src=${COMMUNES} x="departement" color="regoin"></vitrine-chart>`,
        );
        expect(partText(color, 'error')).to.contain('in the color attribute');
      } finally {
        console.warn = original;
      }
    });

    it('rejects a wrong type, stack, limit, others or spec with a clear message', async () => {
      const cases: [string, ReturnType<typeof html>, string][] = [
        [
          'type',
          html`<vitrine-chart lang="en" src=${COMMUNES} x="departement" type="camembert"></vitrine-chart>`,
          '"camembert" is not a chart type',
        ],
        ['x', html`<vitrine-chart lang="en" src=${COMMUNES}></vitrine-chart>`, 'the chart needs a field to group by'],
        [
          'stack',
          html`<vitrine-chart lang="en" src=${COMMUNES} x="region" stack="tall"></vitrine-chart>`,
          'stacking mode',
        ],
        ['others', html`<vitrine-chart lang="en" src=${COMMUNES} x="region" others></vitrine-chart>`, 'a limit'],
        [
          'pie',
          html`<vitrine-chart
            lang="en"
            src=${COMMUNES}
            type="pie"
            x="region"
            y="count(*), sum(population)"
          ></vitrine-chart>`,
          'pie charts show a single value',
        ],
        [
          'spec',
          html`<vitrine-chart lang="en" src=${COMMUNES} x="region" spec="{mark: 'bar'}"></vitrine-chart>`,
          'The spec attribute',
        ],
        [
          'data',
          html`<vitrine-chart
            lang="en"
            src=${COMMUNES}
            x="region"
            spec='{"data": {"url": "https://example.org/x.csv"}}'
          ></vitrine-chart>`,
          'remove "data"',
        ],
        [
          'invalid',
          html`<vitrine-chart lang="en" src=${COMMUNES} x="region" spec='{"mark": {"type": "nope"}}'></vitrine-chart>`,
          'Vega-Lite cannot draw it',
        ],
      ];
      for (const [name, template, text] of cases) {
        const el = await chart(template);
        expect(partText(el, 'error'), name).to.contain(text);
        el.remove(); // the next one in view
      }
      const fr = await chart(html`<vitrine-chart lang="fr" src=${COMMUNES} x="region" spec="[1]"></vitrine-chart>`);
      expect(partText(fr, 'error')).to.contain('un objet JSON est attendu');
    });

    it('recovers when a wrong attribute is corrected', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src=${WEATHER} x="year(date)" currency="euros"></vitrine-chart>`,
      );
      expect(partText(el, 'error')).to.contain('The currency attribute "euros"');
      el.currency = 'EUR';
      await waitFor(() => el.view, 5000, 'the chart');
      expect(partText(el, 'error')).to.equal(undefined);
      el.spec = '{"mark": ';
      await el.updateComplete;
      expect(partText(el, 'error')).to.contain('The spec attribute');
      expect(el.view).to.equal(undefined);
      el.spec = '{"mark": {"cornerRadius": 4}}';
      await waitFor(() => el.view, 5000, 'the chart again');
      expect(marks(el.view!, 'rect')).to.have.length(4);
    });

    it('offers a retry when the portal cannot be reached', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src="http://127.0.0.1:9/explore/dataset/x/" x="a"></vitrine-chart>`,
      );
      expect(partText(el, 'error')).to.contain('could not be reached');
      expect(el.shadowRoot!.querySelector('[part~="retry"]')!.textContent).to.equal('Retry');
      await expect(el).to.be.accessible();
    });
  });

  describe('downloads', () => {
    it('gives the data shown as CSV text', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="fr"
          src=${COMMUNES}
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="2"
          others
        ></vitrine-chart>`,
      );
      expect(el.toCSV()).to.equal('\ufeffDépartement;Population\r\n59;2615635\r\n75;2103778\r\nAutres;64233528\r\n');
      const series = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          x="year(date)"
          y="count(*), avg(wind)"
          filter="date = 2012..2013"
        ></vitrine-chart>`,
      );
      const lines = series.toCSV().slice(1).split('\r\n');
      expect(lines[0]).to.equal('Date;Number of records;Average Wind');
      expect(lines[1]).to.match(/^2012;366;3\.\d+$/);
    });

    it('gives the chart as SVG and PNG, with its title', async () => {
      const el = await chart(
        html`<vitrine-chart
          lang="en"
          src=${WEATHER}
          x="year(date)"
          title=${'Days per year <b>bold</b>'}
        ></vitrine-chart>`,
      );
      const svg = await el.toSVG();
      expect(svg.startsWith('<svg')).to.equal(true);
      expect(svg).to.contain('Days per year &lt;b&gt;bold&lt;/b&gt;');
      expect(svg).to.not.contain('<b>');
      const png = await el.toPNG();
      expect(png.startsWith('data:image/png;base64,')).to.equal(true);
      expect(png.length).to.be.above(1000);
    });

    it('saves a file when a download button is pressed', async () => {
      const el = await chart(
        html`<vitrine-chart lang="en" src=${WEATHER} x="year(date)" title="Days"></vitrine-chart>`,
      );
      const saved: { name: string; href: string }[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ name: this.download, href: this.href });
      };
      try {
        for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="download"]')) button.click();
        await waitFor(() => saved.length === 3, 5000, 'three downloads');
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(saved.map((s) => s.name).sort()).to.deep.equal(['days.csv', 'days.png', 'days.svg']);
      const csv = saved.find((s) => s.name === 'days.csv')!;
      expect(csv.href.startsWith('blob:')).to.equal(true);
      const bytes = await (await fetch(csv.href)).arrayBuffer();
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(el.toCSV());
    });
  });

  describe('life cycle', () => {
    it('follows the width of its container', async () => {
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: 420px"><vitrine-chart lang="en" src=${WEATHER} x="year(date)"></vitrine-chart></div>`,
      );
      const el = box.querySelector<VitrineChart>('vitrine-chart')!;
      await settled(el);
      const svg = () => el.shadowRoot!.querySelector('.vega svg')!;
      expect(Number(svg().getAttribute('width'))).to.equal(420);
      const view = el.view;
      box.style.width = '700px';
      await waitFor(() => Number(svg().getAttribute('width')) === 700, 3000, 'the wider chart');
      expect(el.view).to.equal(view);
      const bars = marks(el.view!, 'rect');
      expect(bars[3]!.x! + bars[3]!.width!).to.be.above(500);
    });

    it('refreshes in place: same view, new data, a load event each time', async () => {
      const tag = unique();
      let loads = 0;
      const el = await fixture<VitrineChart>(
        html`<vitrine-chart
          lang="en"
          src=${COMMUNES}
          x="departement"
          sort="-y"
          limit="3"
          refresh="2"
          where=${`code != 'r${tag}'`}
          @vitrine-data-load=${() => (loads += 1)}
        ></vitrine-chart>`,
      );
      await settled(el);
      const view = el.view!;
      const svg = el.shadowRoot!.querySelector('.vega svg');
      await clearPortalLog();
      await waitFor(() => loads >= 2, 6000, 'a refresh');
      expect(el.view).to.equal(view);
      expect(el.shadowRoot!.querySelector('.vega svg')).to.equal(svg);
      expect((await portalLog()).some((e) => e.search.includes(`r${tag}`))).to.equal(true);
      // The portal stops answering: the chart stays, marked stale.
      await injectFault({ path: `r${tag}`, status: 500, times: -1 });
      await waitFor(() => el.shadowRoot!.querySelector('[part~="stale"]'), 15000, 'the stale notice');
      expect(marks(el.view!, 'rect')).to.have.length(3);
      await clearFaults();
      el.remove();
    });

    it('releases its view when removed, and draws again when put back', async () => {
      const el = await chart(html`<vitrine-chart lang="en" src=${WEATHER} x="year(date)"></vitrine-chart>`);
      const view = el.view!;
      let finalized = 0;
      const finalize = view.finalize.bind(view);
      view.finalize = () => {
        finalized += 1;
        return finalize();
      };
      const parent = el.parentElement!;
      el.remove();
      expect(finalized).to.equal(1);
      expect(el.view).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('.vega')!.children).to.have.length(0);
      parent.append(el);
      await waitFor(() => el.view, 5000, 'a new view');
      expect(el.view).to.not.equal(view);
      expect(marks(el.view!, 'rect')).to.have.length(4);
    });

    it('draws a chart bound to a vitrine-source, and follows its filters', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="chart-source" src=${COMMUNES} filter="region = 32"></vitrine-source>
          <vitrine-chart source="chart-source" x="departement" y="sum(population)" sort="-y"></vitrine-chart>
        </div>`,
      );
      const el = page.querySelector<VitrineChart>('vitrine-chart')!;
      await settled(el);
      const bars = marks(el.view!, 'rect');
      expect(bars.map((b) => b.datum.x)).to.have.members(['59', '62', '60', '80', '02']);
      expect(bars[0]!.datum.x).to.equal('59');
      const values = bars.map((b) => b.datum.y as number);
      expect(values).to.deep.equal([...values].sort((a, b) => b - a));
      page.querySelector('vitrine-source')!.setAttribute('filter', 'region = 11');
      await waitFor(() => el.view && marks(el.view, 'rect').length === 8, 8000, 'Île-de-France');
    });
  });
});
