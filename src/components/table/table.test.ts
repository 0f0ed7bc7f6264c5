import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineTable } from './table.js';
import { cellParts, safeHref } from './cells.js';
import type { FieldInfo } from '../../data/metadata.js';
import { PORTAL } from '../../../test/env.js';
import {
  clearFaults,
  clearPortalLog,
  datasetPage,
  injectFault,
  partText,
  portalLog,
  removeWhileLoading,
  sendKeys,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');
const WEATHER = datasetPage('seattle-weather');
const HOSTILE = datasetPage('hostile-strings');
const API = `${PORTAL}/api/explore/v2.1/catalog/datasets`;
const NNBSP = '\u202f';

/** Renders a table and waits for its rows (or its message). */
async function table(template: ReturnType<typeof html>): Promise<VitrineTable> {
  const element = await fixture<VitrineTable>(template);
  await settled(element);
  return element;
}

const root = (el: VitrineTable) => el.shadowRoot!;
/** Text content, with runs of ASCII whitespace collapsed (no-break spaces kept). */
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');

/** The column header labels, as shown. */
const headers = (el: VitrineTable) =>
  [...root(el).querySelectorAll('thead th')].map((th) => text(th.querySelector('.label')));

/** The cells of every row, as shown (whitespace collapsed). */
const cells = (el: VitrineTable) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell)));

/** The exact text of the value part of each cell of a column. */
const column = (el: VitrineTable, index: number) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) => tr.children[index]!.querySelector('.v')!.textContent ?? '');

const button = (el: VitrineTable, part: string) => root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const sortButton = (el: VitrineTable, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="sort-button"]')].find(
    (b) => text(b.querySelector('.label')) === label,
  )!;
const ariaSorts = (el: VitrineTable) =>
  Object.fromEntries(
    [...root(el).querySelectorAll('thead th')].map((th) => [
      text(th.querySelector('.label')),
      th.getAttribute('aria-sort'),
    ]),
  );

/** Clicks a button and waits for the table to show the answer. */
async function press(el: VitrineTable, target: HTMLElement): Promise<void> {
  target.click();
  await el.updateComplete;
  await settled(el);
}

/** The portal's own records, fetched here without Vitrine. */
async function portalRecords(id: string, params: Record<string, string>) {
  const url = `${API}/${id}/records?${new URLSearchParams(params)}`;
  return (await (await fetch(url)).json()) as { total_count: number; results: Record<string, unknown>[] };
}

/** Reads the portal's CSV (`;`, BOM, CRLF, quotes doubled) into rows of cells. */
function parseCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('vitrine-table', () => {
  afterEach(clearFaults);

  describe('columns and values', () => {
    it('shows every non-geographic field by default, labelled from the metadata', async () => {
      const meta = (await (await fetch(`${API}/communes-france`)).json()) as {
        metas: { default: { title: string } };
        fields: { name: string; label: string; type: string }[];
      };
      const expected = meta.fields.filter((f) => !f.type.startsWith('geo_')).map((f) => f.label);
      const el = await table(html`<vitrine-table lang="en" src=${COMMUNES}></vitrine-table>`);
      expect(headers(el)).to.deep.equal(expected);
      expect(root(el).querySelectorAll('tbody tr')).to.have.length(10);
      // The caption names the table: the dataset's title by default.
      expect(text(root(el).querySelector('caption'))).to.equal(meta.metas.default.title);
      expect(partText(el, 'title')).to.equal(meta.metas.default.title);
      expect(root(el).querySelectorAll('th[scope="col"]')).to.have.length(expected.length);
      expect(root(el).querySelectorAll('tbody th[scope="row"]')).to.have.length(10);
      await expect(el).to.be.accessible();
    });

    it('shows the columns asked for, in order, with a caption from the title', async () => {
      const el = await table(
        html`<vitrine-table
          lang="en"
          src=${COMMUNES}
          columns="nom, population,departement"
          title="Communes de France"
        ></vitrine-table>`,
      );
      expect(headers(el)).to.deep.equal(['Nom', 'Population', 'Département']);
      expect(text(root(el).querySelector('caption'))).to.equal('Communes de France');
      // Numbers are aligned to the end, in their header too.
      expect(root(el).querySelectorAll('thead th')[1]!.classList.contains('num')).to.equal(true);
      expect(root(el).querySelector('tbody td')!.classList.contains('num')).to.equal(true);
      // The one request asked for exactly these fields.
      const region = root(el).querySelector('[part~="scroller"]')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect(text(root(el).getElementById(region.getAttribute('aria-labelledby')!))).to.equal('Communes de France');
    });

    it('writes numbers and dates for the nearest lang, and joins multivalued values', async () => {
      const expected = await portalRecords('communes-france', {
        select: 'nom, population, codes_postaux',
        order_by: 'population desc',
        limit: '10',
      });
      const wrapper = await fixture(
        html`<div lang="fr-FR">
          <vitrine-table src=${COMMUNES} columns="nom,population,codes_postaux" sort="-population"></vitrine-table>
        </div>`,
      );
      const el = wrapper.querySelector<VitrineTable>('vitrine-table')!;
      await settled(el);
      const first = expected.results[0]!;
      const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(first.population as number);
      expect(fr).to.contain(NNBSP);
      expect(cells(el)[0]).to.deep.equal([first.nom, fr, (first.codes_postaux as string[]).join(', ')]);
      expect(partText(el, 'count')).to.equal(`34${NNBSP}969 lignes`);
      expect(partText(el, 'status')).to.equal(`Lignes 1 à 10 sur 34${NNBSP}969`);
      expect(text(button(el, 'next'))).to.equal('Page suivante ›');
      // The language changes: the same rows, written in English, without a new request.
      await clearPortalLog();
      wrapper.setAttribute('lang', 'en');
      await waitFor(() => partText(el, 'count') === '34,969 rows', 3000, 'English');
      expect(cells(el)[0]![1]).to.equal(
        new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(first.population as number),
      );
      expect((await portalLog()).filter((e) => e.path.endsWith('/records'))).to.have.length(0);

      const weather = await table(
        html`<vitrine-table lang="fr" src=${WEATHER} columns="date,precipitation" sort="date"></vitrine-table>`,
      );
      const day = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2012, 0, 1)),
      );
      expect(cells(weather)[0]![0]).to.equal(day);
    });

    it('writes files, images, points, shapes and booleans as short text and safe links', () => {
      const format = { tag: 'en', locale: 'en' as const };
      const field = (type: string): FieldInfo => ({ name: 'f', label: 'F', type, multivalued: false, facet: false });
      expect(
        cellParts({ url: 'https://data.example.fr/files/1/download/', filename: 'plan.pdf' }, field('file'), format),
      ).to.deep.equal([{ text: 'plan.pdf', href: 'https://data.example.fr/files/1/download/' }]);
      expect(
        cellParts(
          { url: 'https://data.example.fr/files/2/download/', mimetype: 'image/png', width: 10, height: 10 },
          field('file'),
          format,
        ),
      ).to.deep.equal([{ text: 'File', href: 'https://data.example.fr/files/2/download/' }]);
      expect(cellParts({ url: 'javascript:alert(1)', filename: 'x.png' }, field('file'), format)).to.deep.equal([
        { text: 'x.png' },
      ]);
      expect(cellParts({ lon: 2.3522, lat: 48.8566 }, field('geo_point_2d'), format)).to.deep.equal([
        { text: 'lat. 48.85660, long. 2.35220' },
      ]);
      expect(
        cellParts(
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: {} },
          field('geo_shape'),
          format,
        ),
      ).to.deep.equal([{ text: 'Shape: Polygon' }]);
      expect(cellParts(true, field('boolean'), { tag: 'fr', locale: 'fr' })).to.deep.equal([{ text: 'Oui' }]);
      expect(cellParts(['a', 'https://example.org/b'], field('text'), format)).to.deep.equal([
        { text: 'a' },
        { text: 'https://example.org/b', href: 'https://example.org/b' },
      ]);
      expect(cellParts(null, field('text'), format)).to.deep.equal([]);
      for (const bad of [
        'javascript:alert(1)',
        ' JaVaScRiPt:x',
        'data:text/html,x',
        'vbscript:x',
        '//example.org',
        '/a',
      ]) {
        expect(safeHref(bad), bad).to.equal(undefined);
      }
    });
  });

  describe('sort and pages', () => {
    it('pages past 100 rows: page 12 sorted by -population is the portal’s rows 111–120', async () => {
      const tag = unique();
      const el = await table(
        html`<vitrine-table
          lang="en"
          src=${COMMUNES}
          columns="code,nom,population"
          sort="-population"
          where=${`code != 'p${tag}'`}
        ></vitrine-table>`,
      );
      expect(ariaSorts(el)['Population']).to.equal('descending');
      expect(partText(el, 'status')).to.equal('Rows 1–10 of 34,969');
      expect(button(el, 'previous').getAttribute('aria-disabled')).to.equal('true');
      const pages: number[] = [];
      el.addEventListener('vitrine-page-change', (e) => pages.push(e.page));
      for (let page = 2; page <= 12; page++) await press(el, button(el, 'next'));
      expect(pages).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(el.page).to.equal(12);
      expect(partText(el, 'status')).to.equal('Rows 111–120 of 34,969');
      const expected = await portalRecords('communes-france', {
        select: 'code, nom, population',
        order_by: 'population desc',
        limit: '10',
        offset: '110',
      });
      expect(column(el, 0)).to.deep.equal(expected.results.map((r) => r.code));
      expect(column(el, 1)).to.deep.equal(expected.results.map((r) => r.nom));
      // The new range was announced politely.
      expect(text(root(el).querySelector('[aria-live="polite"]'))).to.equal('Rows 111–120 of 34,969');
      await press(el, button(el, 'previous'));
      expect(partText(el, 'status')).to.equal('Rows 101–110 of 34,969');
      // Every request asked the portal for one page of at most 100 rows.
      const requests = (await portalLog()).filter((e) => e.search.includes(`p${tag}`));
      for (const r of requests) expect(Number(new URLSearchParams(r.search).get('limit'))).to.be.at.most(100);
    });

    it('shows 100 rows a page, beyond the first 100', async () => {
      const el = await table(
        html`<vitrine-table
          lang="en"
          src=${COMMUNES}
          columns="code,population"
          sort="-population,code"
          page-size="100"
          page="3"
        ></vitrine-table>`,
      );
      expect(partText(el, 'status')).to.equal('Rows 201–300 of 34,969');
      const expected = await portalRecords('communes-france', {
        select: 'code, population',
        order_by: 'population desc, code asc',
        limit: '100',
        offset: '200',
      });
      expect(column(el, 0)).to.deep.equal(expected.results.map((r) => r.code));
    });

    it('sorts with a click, Enter and Space, with aria-sort and a polite announcement', async () => {
      const el = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} columns="nom,departement,population" sort="-population">
        </vitrine-table>`,
      );
      expect(ariaSorts(el)).to.deep.equal({ Nom: null, Département: null, Population: 'descending' });
      // Only what the portal can order by is a sort button: numbers, dates, and text its publisher marked
      // sortable (nom); a text facet without the annotation (departement) would be refused by a portal.
      const buttons = [...root(el).querySelectorAll('[part~="sort-button"] .label')].map((l) => text(l));
      expect(buttons).to.deep.equal(['Nom', 'Population']);
      const sorts: string[] = [];
      el.addEventListener('vitrine-sort-change', (e) => sorts.push(e.sort));
      await press(el, button(el, 'next'));
      expect(el.page).to.equal(2);

      // A click sorts by another column, ascending, back on page 1.
      await press(el, sortButton(el, 'Nom'));
      expect(ariaSorts(el)).to.deep.equal({ Nom: 'ascending', Département: null, Population: null });
      expect(text(root(el).querySelector('[aria-live="polite"]'))).to.equal('Sorted by Nom, ascending');
      expect(partText(el, 'status')).to.equal('Rows 1–10 of 34,969');
      const byName = await portalRecords('communes-france', { select: 'nom', order_by: 'nom asc', limit: '10' });
      expect(column(el, 0)).to.deep.equal(byName.results.map((r) => r.nom));

      // Enter on the focused header button reverses it.
      sortButton(el, 'Nom').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await settled(el);
      expect(ariaSorts(el)['Nom']).to.equal('descending');
      expect(text(root(el).querySelector('[aria-live="polite"]'))).to.equal('Sorted by Nom, descending');
      const byNameDesc = await portalRecords('communes-france', { select: 'nom', order_by: 'nom desc', limit: '10' });
      expect(column(el, 0)).to.deep.equal(byNameDesc.results.map((r) => r.nom));
      // Focus stayed on the button.
      expect(root(el).activeElement).to.equal(sortButton(el, 'Nom'));

      // Space on another header.
      sortButton(el, 'Population').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await settled(el);
      expect(ariaSorts(el)).to.deep.equal({ Nom: null, Département: null, Population: 'ascending' });
      expect(sorts).to.deep.equal(['nom', '-nom', 'population']);
      await expect(el).to.be.accessible();
    });

    it('stops at the portal’s 10,000-row window and says so, rather than failing', async () => {
      const el = await table(
        html`<vitrine-table
          lang="en"
          src=${COMMUNES}
          columns="code,nom,population"
          sort="-population"
          page-size="100"
          page="100"
        ></vitrine-table>`,
      );
      expect(partText(el, 'status')).to.equal('Rows 9,901–10,000 of 34,969');
      expect(button(el, 'next').getAttribute('aria-disabled')).to.equal('true');
      expect(partText(el, 'note')).to.contain('first 10,000 rows');
      await clearPortalLog();
      button(el, 'next').click();
      await el.updateComplete;
      expect(el.page).to.equal(100);
      expect(await portalLog()).to.have.length(0);
      await expect(el).to.be.accessible();

      // A page beyond the window shows the last reachable one; a page size that does not divide 10,000 too.
      const far = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} columns="code" page-size="30" page="5000"></vitrine-table>`,
      );
      expect(partText(far, 'status')).to.equal('Rows 9,991–10,000 of 34,969');
      expect(root(far).querySelectorAll('tbody tr')).to.have.length(10);
    });
  });

  describe('CSV download', () => {
    it('links to the export of exactly the columns, filters and sort shown: every matching row', async () => {
      const el = await table(
        html`<vitrine-table
          lang="en"
          src=${COMMUNES}
          columns="code,nom,population"
          filter="departement = 01"
          sort="-population"
        ></vitrine-table>`,
      );
      const link = root(el).querySelector<HTMLAnchorElement>('a[part~="download"]')!;
      const url = new URL(link.href);
      expect(url.pathname).to.equal('/api/explore/v2.1/catalog/datasets/communes-france/exports/csv');
      expect(url.searchParams.get('select')!.split(/,\s*/)).to.deep.equal(['code', 'nom', 'population']);
      expect(url.searchParams.get('order_by')).to.equal('population desc');
      expect(url.searchParams.getAll('where').join(' ')).to.contain('departement');
      expect(url.searchParams.has('limit')).to.equal(false);

      // Computed without Vitrine: how many communes the Ain has, and in which order.
      const total = (await portalRecords('communes-france', { where: 'departement = "01"', limit: '0' })).total_count;
      expect(total).to.be.greaterThan(100);
      expect(partText(el, 'count')).to.equal(`${total} rows`);
      const independent = (await (
        await fetch(
          `${API}/communes-france/exports/json?${new URLSearchParams({
            select: 'code, nom, population',
            where: 'departement = "01"',
            order_by: 'population desc',
          })}`,
        )
      ).json()) as { code: string; nom: string; population: number | null }[];
      const csv = parseCsv(await (await fetch(link.href)).text());
      expect(csv[0]).to.deep.equal(['code', 'nom', 'population']);
      expect(csv.length - 1).to.equal(total);
      expect(csv.slice(1)).to.deep.equal(independent.map((r) => [r.code, r.nom, String(r.population ?? '')]));
      // The first rows of the file are the rows on screen.
      expect(csv.slice(1, 11).map((r) => r[0])).to.deep.equal(column(el, 0));

      // After a sort by a click, the link follows.
      await press(el, sortButton(el, 'Nom'));
      const sorted = new URL(root(el).querySelector<HTMLAnchorElement>('a[part~="download"]')!.href);
      expect(sorted.searchParams.get('order_by')).to.equal('nom asc');
      expect(sorted.searchParams.getAll('where')).to.deep.equal(url.searchParams.getAll('where'));
    });

    it('carries the filters of a bound source; no-download removes the link', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="csv-source" src=${COMMUNES} filter="departement = 01"></vitrine-source>
          <vitrine-table source="csv-source" columns="nom" where=${'population > 10000'}></vitrine-table>
          <vitrine-table source="csv-source" columns="nom" no-download></vitrine-table>
        </div>`,
      );
      const [a, b] = [...page.querySelectorAll<VitrineTable>('vitrine-table')];
      await settled(a!);
      await settled(b!);
      const where = new URL(root(a!).querySelector<HTMLAnchorElement>('a[part~="download"]')!.href).searchParams
        .getAll('where')
        .join(' AND ');
      expect(where).to.contain('departement');
      expect(where).to.contain('population > 10000');
      const total = (
        await portalRecords('communes-france', { where: 'departement = "01" AND population > 10000', limit: '0' })
      ).total_count;
      expect(partText(a!, 'count')).to.equal(total === 1 ? '1 row' : `${total} rows`);
      expect(root(b!).querySelector('a[part~="download"]')).to.equal(null);
    });
  });

  describe('safety', () => {
    it('shows markup in data as text, links only http(s) addresses, creates no element from data', async () => {
      const el = await table(
        html`<vitrine-table lang="en" src=${HOSTILE} columns="label,value,url,note" page-size="100"></vitrine-table>`,
      );
      const expected = await portalRecords('hostile-strings', { select: 'label, value, url, note', limit: '100' });
      const rows = expected.results as { label: string | null; url: string | null; note: string }[];
      expect(root(el).querySelectorAll('tbody tr')).to.have.length(rows.length);
      expect(headers(el)[0]).to.equal('Label <b>not bold</b>');
      const missing = (v: string | null) => v === null || v.trim() === '';
      column(el, 0).forEach((shown, i) => {
        const label = rows[i]!.label;
        if (missing(label)) expect(shown).to.equal('–no value');
        else expect(shown).to.equal(/^https?:\/\//i.test(label!.trim()) ? label!.trim() : label);
      });
      expect(column(el, 3)).to.deep.equal(rows.map((r) => r.note));
      // Links: one per http(s) url, with the url as text; javascript:, data:, vbscript: and // stay text.
      const links = [...root(el).querySelectorAll<HTMLAnchorElement>('a[part~="link"]')];
      const safe = rows.filter((r) => r.url !== null && /^https?:\/\//i.test(r.url.trim()));
      expect(links.map((a) => a.textContent)).to.deep.equal(safe.map((r) => r.url!.trim()));
      for (const a of links) {
        expect(a.protocol).to.match(/^https?:$/);
        expect(a.rel).to.equal('noopener noreferrer');
      }
      column(el, 2).forEach((shown, i) => {
        const url = rows[i]!.url;
        if (url !== null && !/^https?:\/\//i.test(url.trim())) expect(shown).to.equal(url);
      });
      expect(root(el).querySelector('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]')).to.equal(
        null,
      );
      expect(root(el).querySelectorAll('img,script,svg,b')).to.have.length(0);
      expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
      // The 10,000-character value wraps inside its cell: the page does not scroll sideways.
      expect(el.getBoundingClientRect().width).to.be.at.most(document.documentElement.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('scrolls sideways inside a named, focusable region on a phone, under a sticky header', async () => {
      const wrapper = await fixture(
        html`<div style="width: 320px" lang="en">
          <vitrine-table src=${COMMUNES} page-size="50" title="Communes"></vitrine-table>
        </div>`,
      );
      const el = wrapper.querySelector<VitrineTable>('vitrine-table')!;
      await settled(el);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const region = root(el).querySelector<HTMLElement>('[part~="scroller"]')!;
      expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.tabIndex).to.equal(0);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      // 50 rows are taller than the box: it scrolls, and the header stays at its top.
      expect(region.scrollHeight).to.be.greaterThan(region.clientHeight);
      region.scrollTop = 400;
      await new Promise((r) => requestAnimationFrame(r));
      const th = root(el).querySelector('thead th')!;
      expect(th.getBoundingClientRect().top).to.be.closeTo(region.getBoundingClientRect().top, 1);
      // Keyboard users reach it, and see where they are.
      region.focus();
      expect(root(el).activeElement).to.equal(region);
      expect(getComputedStyle(region).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('reserves the height of page-size rows while loading: no layout shift', async () => {
      const tag = unique();
      await injectFault({ path: `x${tag}`, delayMs: 800 });
      const el = await fixture<VitrineTable>(
        html`<vitrine-table
          lang="en"
          title="Communes"
          src=${COMMUNES}
          columns="nom,population"
          where=${`code != 'x${tag}'`}
        ></vitrine-table>`,
      );
      await el.updateComplete;
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('.skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      const loadingHeight = el.getBoundingClientRect().height;
      await settled(el);
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(root(el).querySelectorAll('tbody tr')).to.have.length(10);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 0.5);
      // What vitrine.ts reserves before the code arrives (35.5rem) is the same height.
      expect(loadingHeight).to.be.closeTo(35.5 * 16, 0.5);
    });

    it('keeps the page on screen while the next one loads, and focus on the button', async () => {
      const tag = unique();
      const el = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} columns="nom" where=${`code != 'k${tag}'`}></vitrine-table>`,
      );
      const before = column(el, 0);
      await injectFault({ path: `k${tag}`, delayMs: 800 });
      const next = button(el, 'next');
      next.focus();
      next.click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(column(el, 0)).to.deep.equal(before);
      await settled(el);
      expect(column(el, 0)).to.not.deep.equal(before);
      expect(root(el).activeElement).to.equal(next);
    });

    it('says when there is no data, in the table area', async () => {
      const el = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} filter="departement = 999"></vitrine-table>`,
      );
      expect(partText(el, 'empty')).to.equal('No data');
      expect(root(el).querySelector('[part~="scroller"] [part~="empty"]')).to.not.equal(null);
      expect(root(el).querySelector('table')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('names an unknown column, suggests the right one, and warns in the console', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await table(
          html`<vitrine-table lang="en" src=${COMMUNES} columns="nom,popluation"></vitrine-table>`,
        );
        expect(partText(el, 'error')).to.contain('Unknown field "popluation" in the columns attribute');
        expect(partText(el, 'error')).to.contain('population');
        expect(root(el).querySelector('[part~="retry"]')).to.equal(null);
        expect(String(warnings[0]?.[0])).to.contain('<vitrine-table columns="nom,popluation">');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = original;
      }
    });

    it('rejects a bad page-size, column name or sort, naming the attribute', async () => {
      const size = await table(html`<vitrine-table lang="en" src=${COMMUNES} page-size="500"></vitrine-table>`);
      expect(partText(size, 'error')).to.contain('page-size');
      const name = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} columns="nom;population"></vitrine-table>`,
      );
      expect(partText(name, 'error')).to.contain('columns');
      const sort = await table(html`<vitrine-table lang="en" src=${COMMUNES} sort="-popluation"></vitrine-table>`);
      expect(partText(sort, 'error')).to.contain('sort');
    });

    it('offers a retry when the portal cannot be reached', async () => {
      const el = await table(
        html`<vitrine-table lang="en" src="http://127.0.0.1:9/explore/dataset/x/"></vitrine-table>`,
      );
      expect(partText(el, 'error')).to.contain('could not be reached');
      expect(text(root(el).querySelector('[part~="retry"]'))).to.equal('Retry');
      await expect(el).to.be.accessible();
    });
  });

  describe('requests', () => {
    it('asks for one page per request and never downloads the CSV by itself', async () => {
      const tag = unique();
      await clearPortalLog();
      const el = await table(
        html`<vitrine-table lang="en" src=${COMMUNES} where=${`code != 'o${tag}'`}></vitrine-table>`,
      );
      const log = (await portalLog()).filter((e) => e.search.includes(`o${tag}`));
      expect(log.map((e) => e.path)).to.deep.equal(['/api/explore/v2.1/catalog/datasets/communes-france/records']);
      expect(new URLSearchParams(log[0]!.search).get('limit')).to.equal('10');
      expect(root(el).querySelector('a[part~="download"]')).to.not.equal(null);
    });

    it('goes back to page 1 when the source’s filters change', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="pages-source" src=${COMMUNES} filter="departement = 01"></vitrine-source>
          <vitrine-table source="pages-source" columns="nom" page="3"></vitrine-table>
        </div>`,
      );
      const el = page.querySelector<VitrineTable>('vitrine-table')!;
      await waitFor(() => partText(el, 'status')?.startsWith('Rows 21–30'), 8000, 'page 3');
      page.querySelector('vitrine-source')!.setAttribute('filter', 'departement = 02');
      await waitFor(() => partText(el, 'status')?.startsWith('Rows 1–10'), 8000, 'page 1 of the new filter');
      expect(el.page).to.equal(1);
    });

    it('reads a full-text search from its source, in the rows and in the CSV link', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="search-source" src=${COMMUNES}></vitrine-source>
          <vitrine-table source="search-source" columns="nom,departement"></vitrine-table>
        </div>`,
      );
      const el = page.querySelector<VitrineTable>('vitrine-table')!;
      await settled(el);
      // The source does not hold a search yet (a colleague's work): give it one, as it will.
      const source = page.querySelector('vitrine-source')!;
      const original = source.config.bind(source);
      source.config = () => ({ ...original(), search: 'Lyon' });
      source.dispatchEvent(new Event('vitrine-source-change'));
      const total = (await portalRecords('communes-france', { where: 'search("Lyon")', limit: '0' })).total_count;
      expect(total).to.be.greaterThan(0).and.lessThan(34969);
      await waitFor(() => partText(el, 'count') === (total === 1 ? '1 row' : `${total} rows`), 8000, 'the search');
      const csv = new URL(root(el).querySelector<HTMLAnchorElement>('a[part~="download"]')!.href);
      expect(csv.searchParams.getAll('where')).to.deep.equal(['search("Lyon")']);
    });

    it('aborts its request when removed from the page', async () => {
      const tag = unique();
      await clearPortalLog();
      await injectFault({ path: `a${tag}`, delayMs: 3000 });
      const el = await fixture<VitrineTable>(
        html`<vitrine-table src=${COMMUNES} where=${`code != 'a${tag}'`}></vitrine-table>`,
      );
      const entry = await removeWhileLoading(el, `a${tag}`);
      expect(entry!.aborted).to.equal(true);
    });

    it('refreshes, and keeps the rows when the portal stops answering', async () => {
      const tag = unique();
      const el = await table(
        html`<vitrine-table
          lang="en"
          refresh="2"
          src=${COMMUNES}
          columns="nom"
          where=${`code != 't${tag}'`}
        ></vitrine-table>`,
      );
      const rows = column(el, 0);
      await injectFault({ path: `t${tag}`, status: 500, times: -1 });
      await waitFor(() => root(el).querySelector('[part~="stale"]'), 15000, 'the stale notice');
      expect(column(el, 0)).to.deep.equal(rows);
      expect(partText(el, 'stale')).to.contain('not answering');
      await expect(el).to.be.accessible();
      await clearFaults();
      root(el).querySelector<HTMLButtonElement>('[part~="stale"] button')!.click();
      await waitFor(() => !root(el).querySelector('[part~="stale"]'), 8000, 'recovery');
      el.remove();
    });
  });
});
