/**
 * Issue 9, hostile data: every element bound to the `hostile-strings` dataset (script elements, event
 * handlers, javascript:/data:/vbscript: links, CSS and template injection, entities, special object
 * keys — see demo/portal/datasets/hostile-strings.js) shows the strings as inert text. Whatever runs would
 * set `window.__vitrinePwned`; the test also walks every shadow root, recursively, for a `script` element,
 * an `on*` attribute, a `javascript:`/`data:` address or an element the payloads carry (`<b>`, `<img>`).
 */
import { expect } from '@open-wc/testing';
import '../../../src/components/figure/define.js';
import '../../../src/components/chart/define.js';
import '../../../src/components/table/define.js';
import '../../../src/components/map/define.js';
import '../../../src/components/filter/define.js';
import '../../../src/components/filters/define.js';
import '../../../src/components/search/define.js';
import '../../../src/components/source/define.js';
import type { VitrineSource } from '../../../src/components/source/source.js';
import { settled, waitFor } from '../helpers.js';
import { HOSTILE, PageWatch, activeContent, mount, shadowRoots, unmountAll } from './subjects.js';

const SCRIPT = '<script>window.__vitrinePwned=1</script>';
const IMG = '<img src=x onerror="window.__vitrinePwned=1">';
const ENTITIES = '&lt;script&gt;window.__vitrinePwned=1&lt;/script&gt;';

const pwned = () => (window as { __vitrinePwned?: unknown }).__vitrinePwned;

/** The text of an element's shadow root, recursively (shadow roots inside it included). */
function deepText(el: Element): string {
  const parts: string[] = [];
  for (const root of [el.shadowRoot!, ...shadowRoots(el.shadowRoot!)]) parts.push(root.textContent ?? '');
  return parts.join('\n');
}

/** Elements the payloads would create if parsed as HTML. */
function payloadElements(): string[] {
  const found: string[] = [];
  for (const root of shadowRoots()) {
    for (const el of root.querySelectorAll('b, img[src="x"], svg[onload]'))
      found.push(`<${el.localName}> in <${(root.host as Element).localName}>`);
  }
  return found;
}

const watch = new PageWatch();

describe('reliability: hostile data in every element', () => {
  let page: HTMLElement;

  before(async () => {
    watch.start();
    page = mount(
      `<section>
        <vitrine-source id="hostile" src="${HOSTILE}"></vitrine-source>
        <vitrine-search source="hostile"></vitrine-search>
        <vitrine-filters source="hostile"></vitrine-filters>
        <vitrine-filter source="hostile" field="label" limit="50"></vitrine-filter>
        <vitrine-figure source="hostile" value="count(*)" label="Rows"></vitrine-figure>
        <vitrine-chart source="hostile" x="label" y="sum(value)" limit="30" show-summary></vitrine-chart>
        <vitrine-table source="hostile" columns="label,value,url,note" page-size="100"></vitrine-table>
        <vitrine-map source="hostile" popup="label,url,note" title="Hostile places"></vitrine-map>
      </section>`,
      'section',
    );
    const data = ['vitrine-filter', 'vitrine-figure', 'vitrine-chart', 'vitrine-table', 'vitrine-map'];
    await Promise.all(data.map((tag) => settled(page.querySelector<HTMLElement>(tag)!, 30000)));
    // Selections and a search made of payloads: chips, the search box, the URL of every query.
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    source.toggleValue('note', SCRIPT);
    source.toggleValue('note', IMG);
    // Hostile selections match nothing: clear them again so the views show the whole dataset.
    await waitFor(() => (page.querySelector('vitrine-filters')!.shadowRoot!.textContent ?? '').includes(IMG), 5000);
  });

  after(() => {
    watch.stop();
    unmountAll();
  });

  it('vitrine-filters shows hostile selections as text in its chips', async () => {
    const text = deepText(page.querySelector('vitrine-filters')!);
    expect(text).to.contain(SCRIPT).and.contain(IMG);
    page.querySelector<VitrineSource>('vitrine-source')!.clearSelections();
    await Promise.all(
      ['vitrine-table', 'vitrine-filter'].map((tag) =>
        waitFor(() => !page.querySelector(tag)!.shadowRoot!.querySelector('.skeleton'), 10000, tag),
      ),
    );
  });

  it('vitrine-search holds a hostile search as text', async () => {
    const search = page.querySelector('vitrine-search')!;
    const input = search.shadowRoot!.querySelector('input')!;
    input.value = IMG;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    await waitFor(() => source.search === IMG, 5000, 'the search');
    expect(deepText(page.querySelector('vitrine-filters')!)).to.contain(IMG);
    source.setSearch('');
    await waitFor(() => !page.querySelector('vitrine-table')!.shadowRoot!.querySelector('.skeleton'), 10000);
    await settled(page.querySelector<HTMLElement>('vitrine-table')!, 15000);
  });

  it('vitrine-filter lists hostile values as text', async () => {
    const el = page.querySelector<HTMLElement>('vitrine-filter')!;
    await waitFor(() => deepText(el).includes(SCRIPT), 10000, 'the values');
    expect(deepText(el)).to.contain(IMG).and.contain(ENTITIES).and.contain('__proto__');
  });

  it('vitrine-table shows hostile cells as text, and links only http(s) addresses', async () => {
    const el = page.querySelector<HTMLElement>('vitrine-table')!;
    await waitFor(() => deepText(el).includes(SCRIPT), 10000, 'the rows');
    expect(deepText(el)).to.contain(IMG).and.contain(ENTITIES).and.contain('javascript:window.__vitrinePwned=1');
    const hrefs = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('tbody a[href]')].map((a) => a.href);
    expect(hrefs.length).to.be.greaterThan(0);
    for (const href of hrefs) expect(href, href).to.match(/^(?:https?:|blob:)/);
  });

  it('vitrine-chart shows hostile categories as text in its summary and data table', async () => {
    const el = page.querySelector<HTMLElement>('vitrine-chart')!;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')?.click();
    await waitFor(() => deepText(el).includes(SCRIPT), 10000, 'the categories');
    expect(deepText(el)).to.contain(IMG);
  });

  it('vitrine-map shows hostile values as text in its feature table', async () => {
    const el = page.querySelector<HTMLElement>('vitrine-map')!;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')?.click();
    await waitFor(() => deepText(el).includes(SCRIPT), 10000, 'the feature table');
    expect(deepText(el)).to.contain(IMG).and.contain('"><b>bold</b>');
  });

  it('vitrine-figure counts the hostile rows', () => {
    const el = page.querySelector<HTMLElement>('vitrine-figure')!;
    expect(el.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('23');
  });

  it('nothing ran: no canary, no script, handler, script link or payload element in any shadow root', () => {
    expect(pwned(), 'window.__vitrinePwned').to.equal(undefined);
    const roots = shadowRoots();
    expect(roots.length).to.be.at.least(8);
    expect(activeContent(roots)).to.deep.equal([]);
    expect(payloadElements()).to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });
});
