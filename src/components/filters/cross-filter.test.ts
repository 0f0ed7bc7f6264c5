import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import '../chart/define.js';
import '../map/define.js';
import '../figure/define.js';
import type { VitrineFilters } from './filters.js';
import type { VitrineSource } from '../source/source.js';
import type { VitrineChart } from '../chart/chart.js';
import type { VitrineMap } from '../map/map.js';
import type { VitrineFigure } from '../figure/figure.js';
import type { VitrineFilterChangeEvent } from '../../events/filter-events.js';
import type { VitrineFeatureClickEvent } from '../../events/map-events.js';
import {
  datasetPage,
  isSettled,
  mouseClick,
  partText,
  portalCount,
  sendKeys,
  settled,
  waitFor,
} from '../../../test/browser/helpers.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const chips = (el: VitrineFilters) =>
  [...root(el).querySelectorAll('[part~="chip"] .text')].map((n) => n.textContent ?? '');

/** The drawn mark (a bar, a slice) of the category `x`. */
function markOf(chart: VitrineChart, x: string): SVGPathElement {
  const paths = [...root(chart).querySelectorAll<SVGPathElement>('.vega .role-mark path')];
  const found = paths.find(
    (p) => (p as unknown as { __data__?: { datum?: { x?: unknown } } }).__data__?.datum?.x === x,
  );
  if (!found) throw new Error(`no mark for ${x}`);
  return found;
}

/**
 * On a page with a source, its vitrine-filters and a cross-filtering vitrine-map: opens the map's
 * table and activates its first row (what a keyboard user does), and returns the feature it sent.
 */
async function openFirstFeature(page: Element, what: string) {
  const source = page.querySelector<VitrineSource>('vitrine-source')!;
  const summary = page.querySelector<VitrineFilters>('vitrine-filters')!;
  const map = page.querySelector<VitrineMap>('vitrine-map')!;
  await Promise.all([settled(summary), settled(map, 30000)]);
  let clicked: VitrineFeatureClickEvent | undefined;
  map.addEventListener('vitrine-feature-click', (e) => (clicked = e));
  root(map).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
  await map.updateComplete;
  const row = await waitFor(
    () => root(map).querySelector<HTMLButtonElement>('[part~="table"] .row-button'),
    8000,
    'a row',
  );
  row!.click();
  return { source, summary, clicked: (await waitFor(() => clicked, 3000, what))! };
}

/** Clicks the middle of an element with the real mouse. */
async function clickOn(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await mouseClick(box.left + box.width / 2, box.top + box.height / 2);
}

describe('cross-filtering', () => {
  it('from the keyboard: the categories of the chart’s data table are toggle buttons', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="en">
        <vitrine-source id="cross-keys" src=${datasetPage('communes-france')}></vitrine-source>
        <vitrine-filters source="cross-keys"></vitrine-filters>
        <vitrine-chart source="cross-keys" type="column" x="zone" cross-filter></vitrine-chart>
      </div>`,
    );
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const summary = page.querySelector<VitrineFilters>('vitrine-filters')!;
    const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
    await Promise.all([settled(summary), settled(chart)]);
    root(chart).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
    const button = await waitFor(
      () =>
        [...root(chart).querySelectorAll<HTMLButtonElement>('[part~="select"]')].find(
          (b) => b.textContent?.trim() === 'drom',
        ),
      3000,
      'the category buttons',
    );
    expect(button!.getAttribute('aria-pressed')).to.equal('false');
    button!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => source.selection('zone'), 3000, 'the selection');
    expect(source.selection('zone')).to.deep.equal({ field: 'zone', op: 'in', values: ['drom'] });
    await waitFor(() => chips(summary).length === 1, 3000, 'the chip');
    const pressed = await waitFor(
      () => root(chart).querySelector<HTMLButtonElement>('[part~="select"][aria-pressed="true"]'),
      8000,
      'the pressed button',
    );
    expect(pressed!.textContent?.trim()).to.equal('drom');
    await expect(chart).to.be.accessible();
    pressed!.focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => !source.selection('zone'), 3000, 'the selection removed');
  });

  it('a click on a bar selects its category on the source; the summary shows it; a second click unselects', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="en">
        <vitrine-source id="cross-bars" src=${datasetPage('communes-france')}></vitrine-source>
        <vitrine-filters source="cross-bars"></vitrine-filters>
        <vitrine-chart source="cross-bars" type="bar" x="zone" cross-filter></vitrine-chart>
        <vitrine-figure source="cross-bars"></vitrine-figure>
      </div>`,
    );
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const summary = page.querySelector<VitrineFilters>('vitrine-filters')!;
    const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
    const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
    await Promise.all([settled(summary), settled(chart), settled(figure)]);
    let event: VitrineFilterChangeEvent | undefined;
    page.addEventListener('vitrine-filter-change', (e) => (event = e));
    expect(getComputedStyle(markOf(chart, 'drom')).cursor).to.equal('pointer');
    await clickOn(markOf(chart, 'drom'));
    await waitFor(() => source.selection('zone'), 3000, 'the selection');
    expect(source.selection('zone')).to.deep.equal({ field: 'zone', op: 'in', values: ['drom'] });
    expect(event?.target).to.equal(chart);
    await waitFor(() => chips(summary).length === 1, 3000, 'the chip');
    expect(chips(summary)).to.deep.equal(['Zone: drom']);
    const drom = (await portalCount('communes-france', ['zone = "drom"'])).toLocaleString('en');
    await waitFor(() => partText(figure, 'value') === drom, 8000, 'the figure');
    // The chart filters itself too: one bar left; clicking it again unselects.
    await waitFor(
      () => isSettled(chart) && root(chart).querySelectorAll('.vega .role-mark path').length === 1,
      8000,
      'one bar',
    );
    await clickOn(markOf(chart, 'drom'));
    await waitFor(() => source.selections.length === 0, 3000, 'no selection');
    await waitFor(() => chips(summary).length === 0, 3000, 'no chip');
  });

  it('a click on a slice of a time series by year selects the year', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="cross-years" src=${datasetPage('seattle-weather')}></vitrine-source>
        <vitrine-filters source="cross-years"></vitrine-filters>
        <vitrine-chart source="cross-years" type="pie" x="date" time-unit="year" cross-filter></vitrine-chart>
      </div>`,
    );
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const summary = page.querySelector<VitrineFilters>('vitrine-filters')!;
    const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
    await Promise.all([settled(summary), settled(chart)]);
    const slices = [...root(chart).querySelectorAll<SVGPathElement>('.vega .role-mark path')];
    const slice2014 = slices.find(
      (p) => (p as unknown as { __data__?: { datum?: { k?: unknown } } }).__data__?.datum?.k === '2014',
    )!;
    await clickOn(slice2014);
    await waitFor(() => source.selection('date'), 3000, 'the selection');
    expect(source.selection('date')).to.deep.equal({ field: 'date', op: 'in', values: ['2014'] });
    await waitFor(() => chips(summary).length === 1, 3000, 'the chip');
    expect(chips(summary)).to.deep.equal(['Date: 2014']);
  });

  it('without cross-filter, a click changes nothing', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="no-cross" src=${datasetPage('communes-france')}></vitrine-source>
        <vitrine-chart source="no-cross" type="bar" x="zone"></vitrine-chart>
      </div>`,
    );
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
    await settled(chart);
    await clickOn(markOf(chart, 'drom'));
    await new Promise((r) => setTimeout(r, 200));
    expect(source.selections).to.deep.equal([]);
  });

  it('a map feature (clicked, or opened from the map’s table) selects its colour field’s value', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="cross-map" src=${datasetPage('us-airports')}></vitrine-source>
        <vitrine-filters source="cross-map"></vitrine-filters>
        <vitrine-map source="cross-map" mode="points" color="state" popup="name,state" cross-filter></vitrine-map>
      </div>`,
    );
    const { source, summary, clicked } = await openFirstFeature(page, 'the feature');
    const state = String(clicked.properties.state);
    expect(source.selection('state')).to.deep.equal({ field: 'state', op: 'in', values: [state] });
    await waitFor(() => chips(summary).length === 1, 3000, 'the chip');
    expect(chips(summary)).to.deep.equal([`State: ${state}`]);
  });

  it('a choropleth area selects its key', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="cross-areas" src=${datasetPage('london-boroughs')}></vitrine-source>
        <vitrine-filters source="cross-areas"></vitrine-filters>
        <vitrine-map source="cross-areas" key="name" cross-filter></vitrine-map>
      </div>`,
    );
    const { source, summary, clicked } = await openFirstFeature(page, 'the area');
    const name = String(clicked.properties.name);
    expect(source.selection('name')).to.deep.equal({ field: 'name', op: 'in', values: [name] });
    await waitFor(() => chips(summary).length === 1, 3000, 'the chip');
    expect(chips(summary)).to.deep.equal([`Borough: ${name}`]);
  });
});
