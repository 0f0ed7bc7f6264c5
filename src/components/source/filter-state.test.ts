import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../filter/define.js';
import '../figure/define.js';
import '../table/define.js';
import '../chart/define.js';
import type { VitrineSource } from './source.js';
import type { VitrineFilter } from '../filter/filter.js';
import type { VitrineFigure } from '../figure/figure.js';
import type { VitrineTable } from '../table/table.js';
import type { VitrineChart } from '../chart/chart.js';
import { formatFilter, parseFilter } from '../../data/filter.js';
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
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits for the next popstate (history.back / forward are asynchronous). */
const popstate = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

describe('vitrine-source filter state', () => {
  const original = location.href;
  afterEach(async () => {
    history.replaceState(null, '', original);
    await clearFaults();
  });

  describe('selections', () => {
    it('holds one condition per field, values ORed, and gives them after the base filter', async () => {
      const source = await fixture<VitrineSource>(
        html`<vitrine-source src=${COMMUNES} filter="zone = metro"></vitrine-source>`,
      );
      source.toggleValue('region', '84');
      source.toggleValue('region', 11);
      source.setSelection('population', { field: 'population', op: 'between', min: 1000, max: 5000 });
      source.setSearch('  saint  ');
      expect(source.selections).to.deep.equal([
        { field: 'region', condition: { field: 'region', op: 'in', values: ['84', '11'] } },
        { field: 'population', condition: { field: 'population', op: 'between', min: 1000, max: 5000 } },
      ]);
      expect(source.search).to.equal('saint');
      const config = source.config();
      expect(formatFilter(config.filter)).to.equal('zone = metro; region = 84 | 11; population = 1000..5000');
      expect(config.search).to.equal('saint');
      // A facet asks without its own field's selection.
      expect(formatFilter(source.config({ except: 'region' }).filter)).to.equal(
        'zone = metro; population = 1000..5000',
      );
      // Toggling a value off; an empty list removes the selection.
      source.toggleValue('region', '84');
      source.toggleValue('region', '11');
      expect(source.selection('region')).to.equal(undefined);
      source.setSelection('population', null);
      source.clearSelections();
      expect(source.selections).to.deep.equal([]);
      expect(source.search).to.equal('');
    });

    it('tells its elements once per tick, however many changes were made in it', async () => {
      const source = await fixture<VitrineSource>(html`<vitrine-source src=${COMMUNES}></vitrine-source>`);
      await tick();
      let changes = 0;
      source.addEventListener('vitrine-source-change', () => (changes += 1));
      const before = source.config().version;
      source.toggleValue('region', '84');
      source.toggleValue('departement', '01');
      source.setSearch('Lyon');
      expect(changes).to.equal(0);
      // The configuration is current at once; its version changed (for the elements' keys).
      expect(source.config().version).to.be.greaterThan(before);
      await Promise.resolve();
      expect(changes).to.equal(1);
      await tick();
      expect(changes).to.equal(1);
      // No change, no event.
      source.toggleValue('region', '84');
      source.toggleValue('region', '84');
      await tick();
      expect(changes).to.equal(2);
      source.setSearch('Lyon');
      await tick();
      expect(changes).to.equal(2);
    });

    it('applies the search to every query of every bound element', async () => {
      const tag = unique();
      const where = `code != 'q${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-figure source=${`s${tag}`}></vitrine-figure>
          <vitrine-chart source=${`s${tag}`} type="bar" x="region"></vitrine-chart>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      const chart = page.querySelector<VitrineChart>('vitrine-chart')!;
      await Promise.all([settled(figure), settled(chart)]);
      await clearPortalLog();
      const loads = [nextLoad(figure), nextLoad(chart)];
      source.setSearch('Lyon');
      await Promise.all(loads);
      const log = (await portalLog()).filter((e) => e.search.includes(`q${tag}`));
      expect(log, JSON.stringify(log)).to.have.length(2);
      for (const entry of log) expect(new URLSearchParams(entry.search).getAll('where')).to.include('search("Lyon")');
      const count = await portalCount('communes-france', [where, 'search("Lyon")']);
      expect(partText(figure, 'value')).to.equal(count.toLocaleString('en'));
    });
  });

  describe('requests', () => {
    it('several changes in a tick: each bound element queries once', async () => {
      const tag = unique();
      const where = `code != 'c${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-figure source=${`s${tag}`}></vitrine-figure>
          <vitrine-table source=${`s${tag}`} columns="nom"></vitrine-table>
          <vitrine-chart source=${`s${tag}`} type="column" x="zone"></vitrine-chart>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const elements = [
        page.querySelector<VitrineFigure>('vitrine-figure')!,
        page.querySelector<VitrineTable>('vitrine-table')!,
        page.querySelector<VitrineChart>('vitrine-chart')!,
      ];
      await Promise.all(elements.map((e) => settled(e)));
      await clearPortalLog();
      const loads = elements.map((e) => nextLoad(e));
      source.toggleValue('region', '84');
      source.toggleValue('region', '11');
      source.setSelection('population', { field: 'population', op: 'ge', value: 100 });
      source.setSearch('saint');
      await Promise.all(loads);
      await new Promise((r) => setTimeout(r, 300));
      const log = (await portalLog()).filter((e) => e.search.includes(`c${tag}`));
      expect(log.map((e) => e.path)).to.deep.equal([
        '/api/explore/v2.1/catalog/datasets/communes-france/records',
        '/api/explore/v2.1/catalog/datasets/communes-france/records',
        '/api/explore/v2.1/catalog/datasets/communes-france/records',
      ]);
      for (const entry of log) {
        expect(new URLSearchParams(entry.search).getAll('where')).to.include.members([
          'search("saint")',
          'region IN ("84", "11")',
          'population >= 100',
        ]);
      }
      const expected = await portalCount('communes-france', [
        where,
        'search("saint")',
        'region IN ("84", "11")',
        'population >= 100',
      ]);
      expect(partText(elements[0]!, 'value')).to.equal(expected.toLocaleString('en'));
    });

    it('a change while the last one is loading: the superseded requests are aborted', async () => {
      const tag = unique();
      const where = `code != 'a${tag}'`;
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
          <vitrine-figure source=${`s${tag}`}></vitrine-figure>
          <vitrine-table source=${`s${tag}`} columns="nom"></vitrine-table>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      const table = page.querySelector<VitrineTable>('vitrine-table')!;
      await Promise.all([settled(figure), settled(table)]);
      await clearPortalLog();
      await injectFault({ path: `a${tag}`, delayMs: 1500, times: 2 });
      source.toggleValue('region', '84');
      await waitFor(
        async () => (await portalLog()).filter((e) => e.search.includes(`a${tag}`)).length >= 2,
        5000,
        'the first requests',
      );
      const loads = [nextLoad(figure), nextLoad(table)];
      source.toggleValue('region', '84');
      source.toggleValue('region', '11');
      await Promise.all(loads);
      const aborted = await waitFor(
        async () => {
          // The region condition itself: the tag is digits too, and may contain "84".
          const log = (await portalLog()).filter(
            (e) =>
              e.search.includes(`a${tag}`) && /region\W+84\b/.test(decodeURIComponent(e.search.replace(/\+/g, ' '))),
          );
          return log.length === 2 && log.every((e) => e.aborted) ? log : undefined;
        },
        5000,
        'two aborted requests',
      );
      expect(aborted).to.have.length(2);
      const expected = await portalCount('communes-france', [where, 'region = "11"']);
      expect(partText(figure, 'value')).to.equal(expected.toLocaleString('en'));
    });
  });

  describe('the page address (sync-url)', () => {
    it('writes the selections and the search; a person’s change adds a history entry, code replaces it', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="shops" sync-url src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="shops" field="zone"></vitrine-filter>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const filter = page.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(filter);
      const length = history.length;
      filterControl(filter, 'drom').click();
      await tick();
      expect(new URL(location.href).searchParams.get('shops')).to.equal('zone = drom');
      expect(history.length).to.equal(length + 1);
      // By code: the address follows, without a new entry.
      source.setSearch('Saint; "Denis"');
      source.setSelection('population', { field: 'population', op: 'between', min: 10, max: 20 });
      await tick();
      const params = new URL(location.href).searchParams;
      expect(params.get('shops')).to.equal('zone = drom; population = 10..20');
      expect(params.get('shops.q')).to.equal('Saint; "Denis"');
      expect(params.get('wtr-session-id')).to.not.equal(null);
      expect(history.length).to.equal(length + 1);
      // A person's search refined while typing updates the entry it added rather than adding more.
      source.setSearch('Sain', { origin: filter, history: 'replace' });
      await tick();
      expect(new URL(location.href).searchParams.get('shops.q')).to.equal('Sain');
      expect(history.length).to.equal(length + 1);
      // Cleared: the parameters go.
      source.clearSelections();
      await tick();
      expect(new URL(location.href).searchParams.has('shops')).to.equal(false);
      expect(new URL(location.href).searchParams.has('shops.q')).to.equal(false);
    });

    it('restores the filters from the address on load, as text (round trip of hostile values)', async () => {
      const values = ['<script>window.__vitrinePwned=1</script>', 'a; b | c', 'L\'Isle "x"', ' spaced ', '1..2'];
      const url = new URL(location.href);
      url.searchParams.set('f', formatFilter([{ field: 'label', op: 'in', values }]));
      url.searchParams.set('f.q', 'Paris');
      history.replaceState(null, '', url);
      const source = await fixture<VitrineSource>(
        html`<vitrine-source sync-url="f" src=${datasetPage('hostile-strings')}></vitrine-source>`,
      );
      expect(source.selection('label')).to.deep.equal({ field: 'label', op: 'in', values });
      expect(source.search).to.equal('Paris');
      expect(parseFilter(url.searchParams.get('f'))).to.deep.equal([{ field: 'label', op: 'in', values }]);
      expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
    });

    it('set filters → address → a new page with that address shows the same filters', async () => {
      const first = await fixture(
        html`<div lang="en">
          <vitrine-source id="trip" sync-url src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="trip" field="zone"></vitrine-filter>
        </div>`,
      );
      const filter = first.querySelector<VitrineFilter>('vitrine-filter')!;
      await settled(filter);
      filterControl(filter, 'drom').click();
      await tick();
      filterControl(filter, 'com').click();
      first.querySelector<VitrineSource>('vitrine-source')!.setSearch('Saint');
      await tick();
      const address = location.href;
      const before = first.querySelector<VitrineSource>('vitrine-source')!.selections;
      first.remove();
      // "Reload": the same address, a new source and a new filter.
      history.replaceState(null, '', address);
      const second = await fixture(
        html`<div lang="en">
          <vitrine-source id="trip" sync-url src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="trip" field="zone"></vitrine-filter>
        </div>`,
      );
      const source = second.querySelector<VitrineSource>('vitrine-source')!;
      const again = second.querySelector<VitrineFilter>('vitrine-filter')!;
      expect(source.selections).to.deep.equal(before);
      expect(source.search).to.equal('Saint');
      await settled(again);
      expect(filterControl(again, 'drom').checked).to.equal(true);
      expect(filterControl(again, 'com').checked).to.equal(true);
      expect(filterControl(again, 'metro').checked).to.equal(false);
    });

    it('back and forward step through a person’s changes', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="steps" sync-url src=${COMMUNES}></vitrine-source>
          <vitrine-filter source="steps" field="zone"></vitrine-filter>
          <vitrine-figure source="steps"></vitrine-figure>
        </div>`,
      );
      const source = page.querySelector<VitrineSource>('vitrine-source')!;
      const filter = page.querySelector<VitrineFilter>('vitrine-filter')!;
      const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
      await Promise.all([settled(filter), settled(figure)]);
      const all = partText(figure, 'value');
      filterControl(filter, 'drom').click();
      await tick();
      filterControl(filter, 'com').click();
      await tick();
      expect(new URL(location.href).searchParams.get('steps')).to.equal('zone = drom | com');

      const drom = (await portalCount('communes-france', ['zone = "drom"'])).toLocaleString('en');
      const back = popstate();
      history.back();
      await back;
      expect(source.selection('zone')).to.deep.equal({ field: 'zone', op: 'in', values: ['drom'] });
      await waitFor(() => partText(figure, 'value') === drom, 8000, 'the figure of the previous step');
      await filter.updateComplete;
      expect(filterControl(filter, 'com').checked).to.equal(false);

      const backAgain = popstate();
      history.back();
      await backAgain;
      expect(source.selections).to.deep.equal([]);
      await waitFor(() => partText(figure, 'value') === all, 8000, 'the figure without filters');

      const forward = popstate();
      history.forward();
      await forward;
      expect(source.selection('zone')).to.deep.equal({ field: 'zone', op: 'in', values: ['drom'] });
      // Going back and forward writes no new entry.
      await tick();
      expect(new URL(location.href).searchParams.get('steps')).to.equal('zone = drom');
    });

    it('warns about an address it cannot read, and about sync-url without a name', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: unknown) => warnings.push(String(message));
      try {
        const url = new URL(location.href);
        url.searchParams.set('bad', 'zone = ');
        history.replaceState(null, '', url);
        const bad = await fixture<VitrineSource>(
          html`<vitrine-source id="bad" sync-url src=${COMMUNES}></vitrine-source>`,
        );
        expect(bad.selections).to.deep.equal([]);
        await fixture(html`<vitrine-source sync-url src=${COMMUNES}></vitrine-source>`);
        await waitFor(() => warnings.length >= 2, 3000, 'two warnings');
        expect(warnings.join('\n')).to.contain('sync-url').and.contain('needs an id');
        expect(warnings.join('\n')).to.contain('"zone = "');
      } finally {
        console.warn = warn;
      }
    });
  });
});
