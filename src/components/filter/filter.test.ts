import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import '../figure/define.js';
import '../table/define.js';
import '../chart/define.js';
import type { VitrineFilter } from './filter.js';
import type { VitrineSource } from '../source/source.js';
import type { VitrineFigure } from '../figure/figure.js';
import type { VitrineTable } from '../table/table.js';
import type { VitrineChart } from '../chart/chart.js';
import type { VitrineFilterChangeEvent } from '../../events/filter-events.js';
import { PORTAL } from '../../../test/env.js';
import {
  clearFaults,
  clearPortalLog,
  datasetPage,
  filterControl,
  injectFault,
  nextLoad,
  partText,
  portalCount,
  portalLog,
  sendKeys,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');
const WEATHER = datasetPage('seattle-weather');
const HOSTILE = datasetPage('hostile-strings');
const API = `${PORTAL}/api/explore/v2.1/catalog/datasets`;

interface PortalFacet {
  name: string;
  value: string;
  count: number;
  facets?: PortalFacet[];
}

/** The portal's own facet values, fetched here without Vitrine. */
async function portalFacets(id: string, field: string, params: [string, string][] = []): Promise<PortalFacet[]> {
  const query = new URLSearchParams([['facet', field], ...params]);
  const body = (await (await fetch(`${API}/${id}/facets?${query}`)).json()) as {
    facets: { name: string; facets: PortalFacet[] }[];
  };
  return body.facets.find((f) => f.name === field)?.facets ?? [];
}

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');

/** The values a filter lists at the top level (or under `within`), as `[name, count]`. */
function listed(el: VitrineFilter, within: ParentNode = root(el).querySelector('[part~="list"]')!): [string, number][] {
  return [...within.querySelectorAll(':scope > li')].map((li) => [
    li.querySelector(':scope > .row .name')?.textContent ?? '',
    Number(text(li.querySelector(':scope > .row [part~="count"]')).replace(/\D/g, '')),
  ]);
}

describe('vitrine-filter', () => {
  afterEach(clearFaults);

  describe('facet values', () => {
    it('lists the values with the portal’s counts, in a fieldset named by the field’s label', async () => {
      const tag = unique();
      const where = `code != 'f${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="departement"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(el);
      const expected = await portalFacets('communes-france', 'departement', [['where', where]]);
      expect(text(root(el).querySelector('legend'))).to.equal('Département');
      expect(root(el).querySelector('fieldset legend[part~="label"]')).to.not.equal(null);
      // The first ten, then "show all".
      expect(listed(el)).to.deep.equal(expected.slice(0, 10).map((v) => [v.name, v.count]));
      const more = root(el).querySelector<HTMLButtonElement>('[part~="more"]')!;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(text(more)).to.equal(`Show all (${expected.length})`);
      await expect(el).to.be.accessible();
      more.click();
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(listed(el)).to.deep.equal(expected.map((v) => [v.name, v.count]));
      // Every checkbox has its own label.
      for (const input of root(el).querySelectorAll('input[type="checkbox"]')) {
        expect(root(el).querySelector(`label[for="${input.id}"]`)).to.not.equal(null);
      }
      await expect(el).to.be.accessible();
    });

    it('counts follow the other filters; a field’s own values keep theirs (disjunctive), ORed', async () => {
      const tag = unique();
      const where = `code != 'd${tag}'`;
      const page = await fixture<HTMLElement>(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="region" limit="30"></vitrine-filter>
          <vitrine-filter source=${`s${tag}`} field="departement" limit="200"></vitrine-filter>
          <vitrine-figure source=${`s${tag}`}></vitrine-figure>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const [region, departement] = [...page.querySelectorAll<VitrineFilter>('vitrine-filter')];
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      await Promise.all([settled(region!), settled(departement!), settled(figure)]);
      let event: VitrineFilterChangeEvent | undefined;
      page.addEventListener('vitrine-filter-change', (e) => (event = e));

      // Auvergne-Rhône-Alpes (84): the départements are counted within it.
      const loads = [nextLoad(departement!), nextLoad(figure)];
      filterControl(region!, '84').click();
      await Promise.all(loads);
      expect(event?.field).to.equal('region');
      expect(event?.target).to.equal(region);
      expect(event?.bubbles && event?.composed).to.equal(true);
      expect(source.selection('region')).to.deep.equal({ field: 'region', op: 'in', values: ['84'] });
      const within = await portalFacets('communes-france', 'departement', [
        ['where', where],
        ['where', 'region = "84"'],
      ]);
      expect(listed(departement!)).to.deep.equal(within.map((v) => [v.name, v.count]));
      // The region filter still shows every region with its full count (its own selection left out).
      const regions = await portalFacets('communes-france', 'region', [['where', where]]);
      expect(listed(region!)).to.deep.equal(regions.map((v) => [v.name, v.count]));
      expect(filterControl(region!, '84').checked).to.equal(true);

      // A second region: ORed.
      const again = [nextLoad(departement!), nextLoad(figure)];
      filterControl(region!, '11').click();
      await Promise.all(again);
      expect(source.selection('region')).to.deep.equal({ field: 'region', op: 'in', values: ['84', '11'] });
      const both = await portalCount('communes-france', [where, 'region IN ("84", "11")']);
      expect(partText(figure, 'value')).to.equal(both.toLocaleString('en'));

      // A département within: ANDed with the regions; the regions now count within it.
      const third = [nextLoad(region!), nextLoad(figure)];
      filterControl(departement!, '01').click();
      await Promise.all(third);
      const ain = await portalFacets('communes-france', 'region', [
        ['where', where],
        ['where', 'departement = "01"'],
      ]);
      // The checked region without any commune left (Île-de-France) stays listed, at 0, so it can be unchecked.
      expect(listed(region!)).to.deep.equal([...ain.map((v): [string, number] => [v.name, v.count]), ['11', 0]]);
      expect(filterControl(region!, '11').checked).to.equal(true);
      expect(partText(figure, 'value')).to.equal(
        (await portalCount('communes-france', [where, 'region IN ("84", "11")', 'departement = "01"'])).toLocaleString(
          'en',
        ),
      );
      await expect(region!).to.be.accessible();
    });

    it('finds a value in a long list, case and accents ignored', async () => {
      const page = await fixture(
        html`<div lang="fr">
          <vitrine-source id="find-source" src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="find-source" field="nom_departement" limit="5"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(el);
      const find = root(el).querySelector<HTMLInputElement>('input[part~="find"]')!;
      expect(text(root(el).querySelector(`label[for="${find.id}"]`))).to.equal('Chercher une valeur');
      find.value = 'RHONE';
      find.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(listed(el).map(([name]) => name)).to.deep.equal(['Bouches-du-Rhône', 'Rhône']);
      find.value = 'zzz';
      find.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text(root(el).querySelector('.none'))).to.equal('Aucune valeur ne correspond');
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard: Tab to a value, Space checks it', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="keys-source" src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="keys-source" field="zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const first = root(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      first.focus();
      await sendKeys({ press: 'Space' });
      await waitFor(() => source.selections.length === 1, 3000, 'a selection');
      expect(first.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(root(el).querySelectorAll('input[type="checkbox"]')[1]);
      await sendKeys({ press: 'Space' });
      await waitFor(() => source.selection('zone')?.op === 'in', 3000, 'two values');
      expect((source.selection('zone') as { values: readonly string[] }).values).to.have.length(2);
    });
  });

  describe('select and radio', () => {
    it('display="select": one value, "All" to clear, a label for the select', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="select-source" src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="select-source" field="zone" display="select" label="Zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const select = root(el).querySelector<HTMLSelectElement>('select[part~="select"]')!;
      expect(text(root(el).querySelector(`label[for="${select.id}"]`))).to.equal('Zone');
      const expected = await portalFacets('communes-france', 'zone');
      expect([...select.options].map((o) => text(o))).to.deep.equal([
        'All',
        ...expected.map((v) => `${v.name} (${v.count.toLocaleString('en')})`),
      ]);
      await expect(el).to.be.accessible();
      select.value = 'drom';
      select.dispatchEvent(new Event('change'));
      expect(source.selection('zone')).to.deep.equal({ field: 'zone', op: 'in', values: ['drom'] });
      select.value = '';
      select.dispatchEvent(new Event('change'));
      expect(source.selection('zone')).to.equal(undefined);
      // Set elsewhere (a chip, the page address): the select shows it.
      source.setSelection('zone', { field: 'zone', op: 'in', values: ['com'] });
      await waitFor(() => select.value === 'com', 3000, 'the select to follow');
    });

    it('display="radio": one value, "All" first, a group named by the legend', async () => {
      const page = await fixture(
        html`<div lang="fr">
          <vitrine-source id="radio-source" src=${WEATHER}></vitrine-source>
          <vitrine-filter source="radio-source" field="weather" display="radio"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
      expect(text(radios[0]!.labels![0])).to.equal('Tout');
      expect(radios[0]!.checked).to.equal(true);
      filterControl(el, 'rain').click();
      expect(source.selection('weather')).to.deep.equal({ field: 'weather', op: 'in', values: ['rain'] });
      await el.updateComplete;
      expect(filterControl(el, 'rain').checked).to.equal(true);
      await expect(el).to.be.accessible();
      radios[0]!.click();
      expect(source.selection('weather')).to.equal(undefined);
    });
  });

  describe('dates', () => {
    it('lists years, then unfolds months and days with the portal’s counts', async () => {
      const tag = unique();
      const where = `weather != 'w${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${WEATHER} where=${where}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="date"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const years = await portalFacets('seattle-weather', 'date', [['where', where]]);
      // In time order.
      expect(listed(el)).to.deep.equal(
        years.sort((a, b) => (a.value < b.value ? -1 : 1)).map((v): [string, number] => [v.name, v.count]),
      );
      expect(listed(el).map(([name]) => name)).to.deep.equal(['2012', '2013', '2014', '2015']);
      await expect(el).to.be.accessible();

      // The months of 2014: the same counts as the portal's date facet refined on 2014.
      const expand = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="expand"]')].find(
        (b) => b.getAttribute('aria-label') === 'Show the months of 2014',
      )!;
      expect(expand.getAttribute('aria-expanded')).to.equal('false');
      expand.click();
      await waitFor(() => root(el).querySelector('.nested .row'), 8000, 'the months');
      expect(expand.getAttribute('aria-expanded')).to.equal('true');
      const refined = await portalFacets('seattle-weather', 'date', [
        ['where', where],
        ['refine', 'date:2014'],
      ]);
      // In time order (the portal's facet lists them by count).
      const months = refined.find((v) => v.value === '2014')!.facets!.sort((a, b) => (a.value < b.value ? -1 : 1));
      const nested = expand.closest('li')!.querySelector('.nested')!;
      const monthName = (m: string) =>
        new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2014, Number(m) - 1, 1)),
        );
      expect(listed(el, nested)).to.deep.equal(months.map((v) => [monthName(v.name), v.count]));
      await expect(el).to.be.accessible();

      // Check 2014, then March 2014: the month narrows the year; then 2014 again widens it.
      filterControl(el, '2014').click();
      expect(source.selection('date')).to.deep.equal({ field: 'date', op: 'in', values: ['2014'] });
      await el.updateComplete;
      filterControl(el, 'March 2014').click();
      expect(source.selection('date')).to.deep.equal({ field: 'date', op: 'in', values: ['2014-03'] });
      await el.updateComplete;
      expect(filterControl(el, '2014').indeterminate).to.equal(true);
      // The days of March 2014.
      const days = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="expand"]')].find(
        (b) => b.getAttribute('aria-label') === 'Show the days of March 2014',
      )!;
      days.click();
      await waitFor(() => days.closest('li')!.querySelector(':scope > .nested > li > .row'), 8000, 'the days');
      const dayRows = listed(el, days.closest('li')!.querySelector('.nested')!);
      expect(dayRows).to.have.length(31);
      expect(dayRows.every(([, count]) => count === 1)).to.equal(true);
      filterControl(el, '2014').click();
      expect(source.selection('date')).to.deep.equal({ field: 'date', op: 'in', values: ['2014'] });
    });

    it('unfolds the year of a month restored from elsewhere (the page address, code)', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="restore-source" src=${WEATHER}></vitrine-source>
          <vitrine-filter source="restore-source" field="date"></vitrine-filter>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      source.setSelection('date', { field: 'date', op: 'in', values: ['2013-07'] });
      await waitFor(() => root(el).querySelector('.nested .row'), 8000, 'the months of 2013');
      expect(filterControl(el, 'July 2013').checked).to.equal(true);
    });
  });

  describe('ranges', () => {
    it('display="range" on numbers: from–to inputs, the bounds, applied on change', async () => {
      const tag = unique();
      const where = `code != 'r${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="population" display="range"></vitrine-filter>
          <vitrine-figure source=${`s${tag}`}></vitrine-figure>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await Promise.all([settled(el), settled(figure)]);
      const bounds = (await (
        await fetch(
          `${API}/communes-france/records?${new URLSearchParams({ select: 'min(population) as a, max(population) as b', where })}`,
        )
      ).json()) as { results: { a: number; b: number }[] };
      const { a, b } = bounds.results[0]!;
      expect(partText(el, 'hint')).to.equal(`Values from ${a.toLocaleString('en')} to ${b.toLocaleString('en')}`);
      const [from, to] = [...root(el).querySelectorAll<HTMLInputElement>('input[part~="input"]')];
      expect(from!.labels![0]!.textContent).to.equal('From');
      expect(to!.labels![0]!.textContent).to.equal('To');
      expect(from!.type).to.equal('number');
      await expect(el).to.be.accessible();

      const load = nextLoad(figure);
      from!.value = '1000';
      from!.dispatchEvent(new Event('change'));
      expect(source.selection('population')).to.deep.equal({ field: 'population', op: 'ge', value: 1000 });
      to!.value = '5000';
      to!.dispatchEvent(new Event('change'));
      expect(source.selection('population')).to.deep.equal({
        field: 'population',
        op: 'between',
        min: 1000,
        max: 5000,
      });
      await load;
      expect(partText(figure, 'value')).to.equal(
        (await portalCount('communes-france', [where, 'population >= 1000 AND population <= 5000'])).toLocaleString(
          'en',
        ),
      );
      // The wrong way round: said, and not applied.
      from!.value = '9000';
      from!.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(text(root(el).querySelector('[role="alert"]'))).to.contain('above the second');
      expect(from!.getAttribute('aria-invalid')).to.equal('true');
      expect((source.selection('population') as { min: number }).min).to.equal(1000);
      // Both empty: no range.
      from!.value = '';
      to!.value = '';
      to!.dispatchEvent(new Event('change'));
      expect(source.selection('population')).to.equal(undefined);
    });

    it('display="range" on dates: date inputs bounded by the data', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="date-range" src=${WEATHER}></vitrine-source>
          <vitrine-filter source="date-range" field="date" display="range" label="Period"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const [from, to] = [...root(el).querySelectorAll<HTMLInputElement>('input[part~="input"]')];
      expect(from!.type).to.equal('date');
      expect(from!.min).to.equal('2012-01-01');
      expect(to!.max).to.equal('2015-12-31');
      expect(text(root(el).querySelector('legend'))).to.equal('Period');
      from!.value = '2013-02-01';
      from!.dispatchEvent(new Event('change'));
      to!.value = '2013-02-28';
      to!.dispatchEvent(new Event('change'));
      expect(source.selection('date')).to.deep.equal({
        field: 'date',
        op: 'between',
        min: '2013-02-01',
        max: '2013-02-28',
      });
      await expect(el).to.be.accessible();
    });
  });

  describe('one change, one request per element', () => {
    it('a checked value: the figure, the table, the chart and the other filter query once each', async () => {
      const tag = unique();
      const where = `code != 'o${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="region" limit="30"></vitrine-filter>
          <vitrine-filter source=${`s${tag}`} field="zone"></vitrine-filter>
          <vitrine-figure source=${`s${tag}`} value="sum(population)"></vitrine-figure>
          <vitrine-table source=${`s${tag}`} columns="nom,departement"></vitrine-table>
          <vitrine-chart source=${`s${tag}`} type="bar" x="departement" sort="-y" limit="5"></vitrine-chart>
        </div>`,
      );
      const [region, zone] = [...page.querySelectorAll<VitrineFilter>('vitrine-filter')];
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      const table = page.querySelector<VitrineTable>('vitrine-table')!;
      const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
      await Promise.all([region, zone, figure, table, chart].map((e) => settled(e!)));
      const before = partText(figure, 'value');
      await clearPortalLog();
      const loads = [zone, figure, table, chart].map((e) => nextLoad(e!));
      filterControl(region!, '53').click();
      await Promise.all(loads);
      // Let any late, extra request reach the portal before counting.
      await new Promise((r) => setTimeout(r, 300));
      const log = (await portalLog()).filter((e) => e.search.includes(`o${tag}`));
      const records = log.filter((e) => e.path.endsWith('/records'));
      const facets = log.filter((e) => e.path.endsWith('/facets'));
      // Figure (no group_by), chart (group_by), table (a page of fields): one each.
      expect(records.filter((e) => !e.search.includes('group_by') && e.search.includes('sum'))).to.have.length(1);
      expect(records.filter((e) => e.search.includes('group_by'))).to.have.length(1);
      expect(records.filter((e) => !e.search.includes('sum') && !e.search.includes('group_by'))).to.have.length(1);
      expect(records).to.have.length(3);
      // The zone filter asks for its new counts; the region filter does not (its own values keep their counts).
      expect(facets).to.have.length(1);
      expect(new URLSearchParams(facets[0]!.search).get('facet')).to.equal('zone');
      expect(partText(figure, 'value')).to.not.equal(before);
      expect(partText(table, 'count')).to.equal(
        `${(await portalCount('communes-france', [where, 'region = "53"'])).toLocaleString('en')} rows`,
      );
    });
  });

  describe('safety', () => {
    it('shows markup in values and in the field label as text, creating no element from data', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="hostile-filter" src=${HOSTILE}></vitrine-source>
          <vitrine-filter source="hostile-filter" field="label" limit="100"></vitrine-filter>
          <vitrine-filter source="hostile-filter" field="label" display="select"></vitrine-filter>
        </div>`,
      );
      const [el, select] = [...page.querySelectorAll<VitrineFilter>('vitrine-filter')];
      await Promise.all([settled(el!), settled(select!)]);
      const expected = await portalFacets('hostile-strings', 'label');
      expect(listed(el!)).to.deep.equal(expected.map((v) => [v.name, v.count]));
      expect(listed(el!).map(([name]) => name)).to.include('<script>window.__vitrinePwned=1</script>');
      expect(text(root(el!).querySelector('legend'))).to.equal('Label <b>not bold</b>');
      for (const f of [el!, select!]) {
        expect(root(f).querySelectorAll('script, img, b, iframe, svg, a')).to.have.length(0);
      }
      // Checking a hostile value filters by it, as a value.
      filterControl(el!, '<script>window.__vitrinePwned=1</script>').click();
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      expect(source.selection('label')).to.deep.equal({
        field: 'label',
        op: 'in',
        values: ['<script>window.__vitrinePwned=1</script>'],
      });
      expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
      await expect(el!).to.be.accessible();
    });
  });

  describe('states', () => {
    it('keeps its height and says it is loading; then the values', async () => {
      const tag = unique();
      await injectFault({ path: `l${tag}`, delayMs: 800 });
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${`code != 'l${tag}'`}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await el.updateComplete;
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('.skeleton')).to.not.equal(null);
      expect(el.getBoundingClientRect().height).to.be.at.least(8 * 16 - 0.5);
      await expect(el).to.be.accessible();
      await settled(el);
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(listed(el)).to.have.length(3);
    });

    it('keeps the values on screen while new counts load', async () => {
      const tag = unique();
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${`code != 'k${tag}'`}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      await settled(el);
      const before = listed(el);
      await injectFault({ path: `k${tag}`, delayMs: 800 });
      source.setSelection('region', { field: 'region', op: 'in', values: ['84'] });
      await waitFor(() => root(el).querySelector('[aria-busy="true"]'), 3000, 'loading');
      expect(listed(el)).to.deep.equal(before);
      await settled(el);
      expect(listed(el)).to.not.deep.equal(before);
    });

    it('says when there are no values', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="empty-source" src=${COMMUNES} filter="departement = 999"></vitrine-source>
          <vitrine-filter source="empty-source" field="zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(el);
      expect(partText(el, 'empty')).to.equal('No values');
      await expect(el).to.be.accessible();
    });

    it('names a wrong field, display or source, and suggests the right one', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="wrong-source" src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="wrong-source" field="departemnt"></vitrine-filter>
          <vitrine-filter source="wrong-source" field="nom" display="range"></vitrine-filter>
          <vitrine-filter source="wrong-source" field="zone" display="list"></vitrine-filter>
          <vitrine-filter source="nope" field="zone"></vitrine-filter>
          <vitrine-filter field="zone"></vitrine-filter>
        </div>`,
      );
      const [field, range, display, unknown, none] = [...page.querySelectorAll<VitrineFilter>('vitrine-filter')];
      await Promise.all([field, range, display, unknown, none].map((e) => settled(e!)));
      expect(partText(field!, 'error')).to.contain('departemnt').and.contain('departement');
      expect(partText(range!, 'error')).to.contain('display').and.contain('number or a date');
      expect(partText(display!, 'error')).to.contain('"list" is not a display');
      expect(partText(unknown!, 'error')).to.contain('no vitrine-source element with id "nope"');
      expect(partText(none!, 'error')).to.contain('a filter acts on a vitrine-source');
      for (const e of [field, range, display, unknown, none]) await expect(e!).to.be.accessible();
    });

    it('offers a retry when the portal fails', async () => {
      const tag = unique();
      await injectFault({ path: `e${tag}`, status: 503, times: 10 });
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${`code != 'e${tag}'`}></vitrine-source>
          <vitrine-filter source=${`s${tag}`} field="zone"></vitrine-filter>
        </div>`,
      );
      const el = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(el, 30000);
      expect(root(el).querySelector('[part~="retry"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      await clearFaults();
      const load = nextLoad(el);
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await load;
      expect(listed(el)).to.have.length(3);
    });
  });
});
