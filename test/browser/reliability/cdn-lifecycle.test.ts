/**
 * Issue 9, the script tag's life on a real page (dist/cdn/vitrine.js; `npm run build` first): every kind
 * of element in the page before the script, the script loaded twice, elements moved in the DOM while
 * loading and after, released on removal, and 100 widgets on one page with a bounded number of requests.
 */
import { expect } from '@open-wc/testing';
import {
  addScript,
  clearFaults,
  clearPortalLog,
  injectFault,
  isSettled,
  portalLog,
  settled,
  unique,
  waitFor,
} from '../helpers.js';
import { PageWatch, SUBJECTS, WEATHER } from './subjects.js';

const watch = new PageWatch();
const defines: string[] = [];

/** Requests of the portal log that carry `x<tag>`. */
const tagged = async (tag: string) => (await portalLog()).filter((e) => e.search.includes(`x${tag}`));

describe('reliability: the CDN script on a page', () => {
  const tag = unique();
  let block: HTMLElement;

  before(async function () {
    this.timeout(60000);
    watch.start();
    // Count definitions: a second copy of the script must not define anything again.
    const define = customElements.define.bind(customElements);
    customElements.define = (name, constructor, options) => {
      defines.push(name);
      define(name, constructor, options);
    };
    await clearPortalLog();
    block = document.createElement('div');
    block.lang = 'en';
    block.innerHTML = `${SUBJECTS.map((s) => s.markup(tag)).join('\n')}
      <vitrine-source id="cdn-life" src="${WEATHER}"></vitrine-source>
      <vitrine-search source="cdn-life"></vitrine-search>
      <vitrine-filters source="cdn-life"></vitrine-filters>`;
    document.body.append(block);
    // Twice, at once: the way a CMS block and a theme may both include it.
    await Promise.all([addScript('/dist/cdn/vitrine.js'), addScript('/dist/cdn/vitrine.js?again')]);
    const vitrine = (window as Window & { Vitrine?: { load(root?: ParentNode): Promise<void> } }).Vitrine!;
    await vitrine.load(document);
  });

  after(() => {
    watch.stop();
    block.remove();
    void clearFaults();
  });

  for (const subject of SUBJECTS) {
    it(`${subject.tag}, in the page before the script, shows its data`, async () => {
      const el = block.querySelector<HTMLElement>(subject.tag)!;
      el.scrollIntoView();
      await waitFor(() => subject.shows(el), 30000, `<${subject.tag}> to show its data`);
    });
  }

  it('defined each element once, with no error, though the script was loaded twice', async () => {
    await waitFor(() => customElements.get('vitrine-filters') && customElements.get('vitrine-search'), 10000);
    expect(defines.filter((name) => name.startsWith('vitrine-')).sort()).to.deep.equal(
      [...new Set(defines.filter((name) => name.startsWith('vitrine-')))].sort(),
    );
    expect(watch.errors).to.deep.equal([]);
  });

  it('one request per distinct query, though each element was upgraded once per copy', async () => {
    const requests = await tagged(tag);
    const distinct = new Set(requests.map((e) => `${e.path}${e.search}`));
    expect(requests.length, requests.map((e) => e.search).join('\n')).to.equal(distinct.size);
  });

  it('a figure moved while loading makes no second request, and shows its value', async () => {
    const t = unique();
    await clearPortalLog();
    await injectFault({ path: `x${t}`, delayMs: 1500 });
    const figure = document.createElement('vitrine-figure');
    figure.setAttribute('src', WEATHER);
    figure.setAttribute('where', `weather != 'x${t}'`);
    figure.lang = 'en';
    block.prepend(figure);
    await waitFor(async () => (await tagged(t)).length > 0, 10000, 'the request');
    // A CMS script that rearranges the page: the element leaves and comes back in the same task.
    block.append(figure);
    await settled(figure, 15000);
    expect(figure.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('1,461');
    const requests = await tagged(t);
    expect(requests.map((e) => (e.aborted ? 'aborted' : e.status))).to.deep.equal([200]);
    figure.remove();
  });

  it('a chart and a map moved after loading still show their data, with no new request', async () => {
    await clearPortalLog();
    const other = document.createElement('section');
    document.body.append(other);
    for (const name of ['vitrine-chart', 'vitrine-map']) {
      const subject = SUBJECTS.find((s) => s.tag === name)!;
      const el = block.querySelector<HTMLElement>(name)!;
      other.append(el);
      el.scrollIntoView();
      await waitFor(() => subject.shows(el), 20000, `<${name}> after the move`);
      block.append(el);
      await waitFor(() => subject.shows(el), 20000, `<${name}> back`);
    }
    expect((await tagged(tag)).length).to.equal(0);
    other.remove();
  });

  it("asks for the chart's and the map's engine with the element's code, once each", async () => {
    const sizes = (await (await fetch('/dist/sizes.json')).json()) as {
      files: { file: string; engines: string[] }[];
      scenarios: Record<string, { files: string[] }>;
    };
    const figures = sizes.scenarios['figures only']!.files;
    const fetched = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const entriesOf = (file: string) => fetched.filter((e) => new URL(e.name).pathname === `/dist/cdn/${file}`);
    for (const page of ['one chart', 'one map']) {
      const files = sizes.scenarios[page]!.files;
      const code = files.filter((f) => f.startsWith('chunks/define-') && !figures.includes(f));
      const engine = files.filter((f) => (sizes.files.find((x) => x.file === f)?.engines.length ?? 0) > 0);
      expect(code, page).to.have.length(1);
      expect(engine, page).to.have.length(1);
      const [codeEntry] = entriesOf(code[0]!);
      const engineEntries = entriesOf(engine[0]!);
      expect(engineEntries, `${page}: the engine, fetched once`).to.have.length(1);
      // Asked for before the element's code had arrived, not once it ran.
      expect(engineEntries[0]!.startTime, page).to.be.below(codeEntry!.responseEnd);
    }
  });

  it('releases the map engine and the chart view when removed', async () => {
    const map = block.querySelector<HTMLElement & { engine?: unknown }>('vitrine-map')!;
    const chart = block.querySelector<HTMLElement & { view?: unknown }>('vitrine-chart')!;
    await waitFor(() => map.engine && chart.view, 20000, 'the engines');
    map.remove();
    chart.remove();
    expect(map.engine, 'the map').to.equal(undefined);
    expect(chart.view, 'the chart').to.equal(undefined);
    expect(map.shadowRoot!.querySelector('canvas')).to.equal(null);
  });

  it('100 figures on one page: all show their value, with one request per distinct query', async function () {
    this.timeout(60000);
    const t = unique();
    await clearPortalLog();
    const many = document.createElement('div');
    many.lang = 'en';
    const kinds = ['sun', 'rain', 'fog', 'snow'];
    many.innerHTML = Array.from(
      { length: 100 },
      (_, i) =>
        `<vitrine-figure src="${WEATHER}" filter="weather = ${kinds[i % 4]}" where="weather != 'x${t}'"></vitrine-figure>`,
    ).join('');
    document.body.append(many);
    const figures = [...many.querySelectorAll<HTMLElement>('vitrine-figure')];
    await waitFor(() => figures.every((f) => isSettled(f)), 30000, 'every figure');
    const values = new Set(figures.map((f) => f.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim()));
    expect(values.size, [...values].join(', ')).to.equal(4);
    const requests = await tagged(t);
    expect(requests.length, requests.map((e) => e.search).join('\n')).to.equal(4);
    many.remove();
  });
});
