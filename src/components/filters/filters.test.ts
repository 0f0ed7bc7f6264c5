import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import '../filter/define.js';
import type { VitrineFilters } from './filters.js';
import type { VitrineSource } from '../source/source.js';
import type { VitrineFilter } from '../filter/filter.js';
import type { VitrineFilterChangeEvent } from '../../events/filter-events.js';
import { datasetPage, partText, settled, waitFor } from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');
const NBSP = '\u00a0';

const root = (el: HTMLElement) => el.shadowRoot!;
/** The chips' texts, exactly as shown. */
const chips = (el: VitrineFilters) =>
  [...root(el).querySelectorAll('[part~="chip"] .text')].map((n) => n.textContent ?? '');
/** The remove buttons' accessible names. */
const names = (el: VitrineFilters) =>
  [...root(el).querySelectorAll('[part~="remove"]')].map((b) => b.getAttribute('aria-label'));
const removeButton = (el: VitrineFilters, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="remove"]')].find(
    (b) => b.getAttribute('aria-label') === name,
  )!;

/** A page with a source, a summary, and filters set by code. */
async function summary(lang: string, id: string, src = COMMUNES) {
  const page = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <vitrine-source id=${id} src=${src}></vitrine-source>
      <vitrine-filters source=${id}></vitrine-filters>
    </div>`,
  );
  const source = page.querySelector<VitrineSource>('vitrine-source')!;
  const el = page.querySelector<VitrineFilters>('vitrine-filters')!;
  await settled(el);
  return { page, source, el };
}

describe('vitrine-filters', () => {
  it('shows each active value, range and search as a chip with a named remove button', async () => {
    const { source, el } = await summary('en', 'chips-source');
    expect(partText(el, 'empty')).to.equal('No active filter');
    await expect(el).to.be.accessible();
    source.toggleValue('departement', '01');
    source.toggleValue('departement', '02');
    source.setSelection('population', { field: 'population', op: 'between', min: 1000, max: 25000 });
    source.setSelection('code', { field: 'code', op: 'ge', value: 5 });
    source.setSearch('Saint');
    await waitFor(() => chips(el).length === 5, 3000, 'the chips');
    expect(chips(el)).to.deep.equal([
      'Département: 01',
      'Département: 02',
      'Population: from 1,000 to 25,000',
      'Code INSEE: at least 5',
      'Search: Saint',
    ]);
    expect(names(el)).to.deep.equal([
      'Remove filter: Département 01',
      'Remove filter: Département 02',
      'Remove filter: Population from 1,000 to 25,000',
      'Remove filter: Code INSEE at least 5',
      'Remove filter: Search Saint',
    ]);
    expect(partText(el, 'title')).to.equal('Active filters');
    expect(root(el).querySelector('[part~="base"]')!.getAttribute('role')).to.equal('region');
    expect(partText(el, 'clear')).to.equal('Clear all');
    await expect(el).to.be.accessible();
  });

  it('removes one filter per button, and moves the focus to the next one', async () => {
    const { page, source, el } = await summary('en', 'remove-source');
    source.toggleValue('departement', '01');
    source.toggleValue('departement', '02');
    source.setSearch('Saint');
    await waitFor(() => chips(el).length === 3, 3000, 'the chips');
    let event: VitrineFilterChangeEvent | undefined;
    page.addEventListener('vitrine-filter-change', (e) => (event = e));
    const first = removeButton(el, 'Remove filter: Département 01');
    first.focus();
    first.click();
    expect(source.selection('departement')).to.deep.equal({ field: 'departement', op: 'in', values: ['02'] });
    expect(event?.target).to.equal(el);
    expect(event?.field).to.equal('departement');
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Département: 02', 'Search: Saint']);
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Remove filter: Département 02');
    removeButton(el, 'Remove filter: Search Saint').click();
    expect(source.search).to.equal('');
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Remove filter: Département 02');
  });

  it('"Clear all" removes every filter and the search, once; focus goes to the message', async () => {
    const { page, source, el } = await summary('en', 'clear-source');
    source.toggleValue('region', '84');
    source.setSelection('population', { field: 'population', op: 'le', value: 100 });
    source.setSearch('Saint');
    await waitFor(() => chips(el).length === 3, 3000, 'the chips');
    let events = 0;
    page.addEventListener('vitrine-filter-change', () => (events += 1));
    let changes = 0;
    source.addEventListener('vitrine-source-change', () => (changes += 1));
    const clear = root(el).querySelector<HTMLButtonElement>('[part~="clear"]')!;
    clear.focus();
    clear.click();
    expect(source.selections).to.deep.equal([]);
    expect(source.search).to.equal('');
    expect(events).to.equal(1);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).to.equal(1);
    expect(partText(el, 'empty')).to.equal('No active filter');
    expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="empty"]'));
    expect(root(el).querySelector('[part~="clear"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('writes periods and numbers in the page’s language (French)', async () => {
    const { source, el } = await summary('fr', 'fr-source', datasetPage('seattle-weather'));
    source.setSelection('date', { field: 'date', op: 'in', values: ['2014', '2015-03', '2013-07-14'] });
    source.setSelection('precipitation', { field: 'precipitation', op: 'ge', value: 1234.5 });
    await waitFor(() => chips(el).length === 4, 3000, 'the chips');
    const day = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2013, 6, 14)),
    );
    expect(chips(el)).to.deep.equal([
      `Date${NBSP}: 2014`,
      `Date${NBSP}: mars 2015`,
      `Date${NBSP}: ${day}`,
      `Precipitation${NBSP}: au moins ${(1234.5).toLocaleString('fr')}`,
    ]);
    expect(names(el)[0]).to.equal(`Retirer le filtre${NBSP}: Date 2014`);
    expect(partText(el, 'clear')).to.equal('Tout effacer');
    await expect(el).to.be.accessible();
  });

  it('shows markup in values and labels as text, creating no element from data', async () => {
    const { source, el } = await summary('en', 'hostile-source', datasetPage('hostile-strings'));
    const values = ['<img src=x onerror="window.__vitrinePwned=1">', '<script>window.__vitrinePwned=1</script>'];
    for (const v of values) source.toggleValue('label', v);
    source.setSearch('<b>bold</b>');
    await waitFor(() => chips(el).length === 3, 3000, 'the chips');
    expect(chips(el)).to.deep.equal([
      `Label <b>not bold</b>: ${values[0]}`,
      `Label <b>not bold</b>: ${values[1]}`,
      'Search: <b>bold</b>',
    ]);
    expect(names(el)[1]).to.equal(`Remove filter: Label <b>not bold</b> ${values[1]}`);
    expect(root(el).querySelectorAll('img, script, b, iframe, a')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 100));
    expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
  });

  it('follows the filters: a checked value shows (with the filter’s label), its chip unchecks it', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="follow-source" src=${COMMUNES}></vitrine-source>
        <vitrine-filter source="follow-source" field="zone" label="Kind of place"></vitrine-filter>
        <vitrine-filters source="follow-source"></vitrine-filters>
      </div>`,
    );
    const filter = page.querySelector<VitrineFilter>('vitrine-filter')!;
    const el = page.querySelector<VitrineFilters>('vitrine-filters')!;
    await Promise.all([settled(filter), settled(el)]);
    const box = [...root(filter).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
      (i) => i.labels![0]!.querySelector('.name')!.textContent === 'drom',
    )!;
    box.click();
    await waitFor(() => chips(el).length === 1, 3000, 'the chip');
    // The page's name of the field, on the filter, names the chip too.
    expect(chips(el)).to.deep.equal(['Kind of place: drom']);
    removeButton(el, 'Remove filter: Kind of place drom').click();
    await waitFor(() => !box.checked, 3000, 'the box unchecked');
  });

  it('says when it has no source', async () => {
    const el = await fixture<VitrineFilters>(html`<vitrine-filters lang="en"></vitrine-filters>`);
    await settled(el);
    expect(partText(el, 'error')).to.contain('a filter acts on a vitrine-source');
    await expect(el).to.be.accessible();
  });
});
