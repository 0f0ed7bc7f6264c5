import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import '../figure/define.js';
import type { VitrineSearch } from './search.js';
import type { VitrineSource } from '../source/source.js';
import type { VitrineFigure } from '../figure/figure.js';
import {
  clearPortalLog,
  datasetPage,
  partText,
  portalCount,
  portalLog,
  sendKeys,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');

const root = (el: HTMLElement) => el.shadowRoot!;
const input = (el: VitrineSearch) => root(el).querySelector<HTMLInputElement>('input[part~="input"]')!;

describe('vitrine-search', () => {
  it('is a labelled search box in a search landmark, in the page’s language', async () => {
    const page = await fixture(
      html`<div lang="fr">
        <vitrine-source id="label-source" src=${COMMUNES}></vitrine-source>
        <vitrine-search source="label-source"></vitrine-search>
        <vitrine-search source="label-source" label="Find a town" placeholder="Name…" lang="en"></vitrine-search>
      </div>`,
    );
    const [fr, en] = [...page.querySelectorAll<VitrineSearch>('vitrine-search')];
    await Promise.all([fr!.updateComplete, en!.updateComplete]);
    expect(input(fr!).type).to.equal('search');
    expect(input(fr!).labels![0]!.textContent).to.equal('Rechercher');
    expect(root(fr!).querySelector('[part~="base"]')!.getAttribute('role')).to.equal('search');
    expect(input(en!).labels![0]!.textContent).to.equal('Find a town');
    expect(input(en!).placeholder).to.equal('Name…');
    await expect(fr!).to.be.accessible();
    await expect(en!).to.be.accessible();
  });

  it('searches once, a moment after typing stops: one request per bound element', async () => {
    const tag = unique();
    const where = `code != 's${tag}'`;
    const page = await fixture<HTMLElement>(
      html`<div lang="en">
        <vitrine-source id=${`s${tag}`} src=${COMMUNES} where=${where}></vitrine-source>
        <vitrine-search source=${`s${tag}`}></vitrine-search>
        <vitrine-figure source=${`s${tag}`}></vitrine-figure>
      </div>`,
    );
    const el = page.querySelector<VitrineSearch>('vitrine-search')!;
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
    await settled(figure);
    await clearPortalLog();
    let changes = 0;
    page.addEventListener('vitrine-filter-change', () => (changes += 1));
    input(el).focus();
    const start = performance.now();
    await sendKeys({ type: 'Lyon' });
    // Typed in well under the delay: nothing searched yet.
    if (performance.now() - start < 250) expect(source.search).to.equal('');
    expect(input(el).value).to.equal('Lyon');
    await waitFor(() => source.search === 'Lyon', 3000, 'the search');
    expect(performance.now() - start).to.be.at.least(300);
    const count = (await portalCount('communes-france', [where, 'search("Lyon")'])).toLocaleString('en');
    await waitFor(() => partText(figure, 'value') === count, 8000, 'the figure');
    const log = (await portalLog()).filter((e) => e.search.includes(`s${tag}`) && !e.search.includes('limit=0'));
    expect(log).to.have.length(1);
    expect(new URLSearchParams(log[0]!.search).getAll('where')).to.include('search("Lyon")');
    expect(changes).to.equal(1);
  });

  it('Enter searches at once; the clear button (named) clears and gives focus back', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="enter-source" src=${COMMUNES}></vitrine-source>
        <vitrine-search source="enter-source" delay="5000"></vitrine-search>
      </div>`,
    );
    const el = page.querySelector<VitrineSearch>('vitrine-search')!;
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    await el.updateComplete;
    expect(root(el).querySelector('[part~="clear"]')).to.equal(null);
    input(el).focus();
    await sendKeys({ type: 'Paris' });
    await sendKeys({ press: 'Enter' });
    expect(source.search).to.equal('Paris');
    await el.updateComplete;
    const clear = root(el).querySelector<HTMLButtonElement>('[part~="clear"]')!;
    expect(clear.getAttribute('aria-label')).to.equal('Clear the search');
    await expect(el).to.be.accessible();
    clear.click();
    expect(source.search).to.equal('');
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(root(el).activeElement).to.equal(input(el));
    expect(root(el).querySelector('[part~="clear"]')).to.equal(null);
  });

  it('shows a search set or cleared elsewhere (clear all, the page address)', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="outside-source" src=${COMMUNES}></vitrine-source>
        <vitrine-search source="outside-source"></vitrine-search>
      </div>`,
    );
    const el = page.querySelector<VitrineSearch>('vitrine-search')!;
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    source.setSearch('Nantes');
    await waitFor(() => input(el).value === 'Nantes', 3000, 'the search shown');
    source.clearSelections();
    await waitFor(() => input(el).value === '', 3000, 'the search cleared');
  });

  it('says when it has no source', async () => {
    const el = await fixture<VitrineSearch>(html`<vitrine-search lang="en" source="nowhere"></vitrine-search>`);
    await el.updateComplete;
    expect(partText(el, 'error')).to.contain('no vitrine-source element with id "nowhere"');
    await expect(el).to.be.accessible();
  });
});
