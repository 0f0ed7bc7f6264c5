/**
 * Issue 9, a hostile host page: a CMS theme that restyles everything (`*` rules with `!important`,
 * `svg`/`canvas`/`table` hidden, huge fonts, `all: unset` on the elements themselves) and another
 * library with custom elements of its own, one of which holds a widget in its shadow root. Every
 * element still shows its data, at a sane size.
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
import { settled, unique, waitFor } from '../helpers.js';
import { PageWatch, SUBJECTS, WEATHER, mount, unmountAll } from './subjects.js';

const THEME = `
  *, *::before, *::after {
    box-sizing: content-box !important;
    margin: 7px !important;
    padding: 11px !important;
    border: 3px dashed #c00 !important;
    font: italic 900 40px/0.8 serif !important;
    letter-spacing: 0.3em !important;
    word-spacing: 1em !important;
    text-transform: uppercase !important;
    text-align: right !important;
    text-indent: -30px !important;
    white-space: pre !important;
    color: #f0f !important;
    background: #ff0 !important;
    min-height: 0 !important;
    max-height: none !important;
    visibility: visible !important;
    opacity: 1 !important;
    transition: all 5s !important;
  }
  svg, canvas, img, table, button, input, select, label, ul, li { display: none !important; }
  vitrine-figure, vitrine-chart, vitrine-map, vitrine-table, vitrine-filter, vitrine-search, vitrine-filters,
  vitrine-source { all: unset; }
  [part] { display: none !important; }
  :not(:defined) { display: none; }
`;

/** Another library: a card that slots its content, and a panel that renders a Vitrine figure in its shadow root. */
function defineOtherLibrary(src: string): void {
  if (customElements.get('acme-card')) return;
  customElements.define(
    'acme-card',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: 'open' });
        root.innerHTML = `<style>:host{display:block;border:4px solid navy;padding:2rem}
          ::slotted(*){outline:3px dotted green;font-size:3rem}</style><h2>Acme</h2><slot></slot>`;
      }
    },
  );
  customElements.define(
    'acme-panel',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: 'open' });
        root.innerHTML = `<style>* { all: unset; font-size: 50px }</style>
          <vitrine-figure lang="en" src="${src}" value="count(*)" label="Days"></vitrine-figure>`;
      }
    },
  );
}

const watch = new PageWatch();

describe('reliability: a hostile host page', () => {
  const style = document.createElement('style');
  const elements = new Map<string, HTMLElement>();
  const tag = unique();

  before(async () => {
    watch.start();
    style.textContent = THEME;
    document.head.append(style);
    defineOtherLibrary(WEATHER);
    const markup = SUBJECTS.map((s) => s.markup(tag)).join('\n');
    const block = mount(
      `<acme-card>${markup}
        <vitrine-source id="hostile-page" src="${WEATHER}"></vitrine-source>
        <vitrine-search source="hostile-page"></vitrine-search>
        <vitrine-filters source="hostile-page"></vitrine-filters>
      </acme-card>
      <acme-panel></acme-panel>`,
      'acme-card',
    );
    for (const tagName of [...SUBJECTS.map((s) => s.tag), 'vitrine-search', 'vitrine-filters']) {
      elements.set(tagName, block.querySelector<HTMLElement>(tagName)!);
    }
    block.querySelector<VitrineSource>('#hostile-page')!.toggleValue('weather', 'sun');
    await Promise.all(SUBJECTS.map((s) => settled(elements.get(s.tag)!, 30000)));
  });

  after(() => {
    watch.stop();
    style.remove();
    unmountAll();
  });

  for (const subject of SUBJECTS) {
    it(`${subject.tag} shows its data at a sane size`, async () => {
      const el = elements.get(subject.tag)!;
      await waitFor(() => subject.shows(el), 15000, 'the data');
      const box = el.getBoundingClientRect();
      const page = document.documentElement.clientWidth;
      expect(box.width, 'width').to.be.within(200, page);
      expect(box.height, 'height').to.be.within(40, 3000);
      // What draws the data is on screen, at a size that can be read.
      const drawn = el.shadowRoot!.querySelector(
        '.vega svg, .vega canvas, canvas, table, [part~="value"], [part~="list"]',
      );
      expect(drawn, 'what draws the data').to.not.equal(null);
      const drawnBox = drawn!.getBoundingClientRect();
      expect(drawnBox.width, 'drawn width').to.be.greaterThan(20);
      expect(drawnBox.height, 'drawn height').to.be.greaterThan(10);
      expect(getComputedStyle(drawn!).display).to.not.equal('none');
    });
  }

  it('vitrine-search and vitrine-filters keep their controls', async () => {
    const search = elements.get('vitrine-search')!;
    const input = search.shadowRoot!.querySelector('input')!;
    expect(input.getBoundingClientRect().width).to.be.greaterThan(50);
    const filters = elements.get('vitrine-filters')!;
    await waitFor(() => filters.shadowRoot!.querySelector('[part~="chip"]'), 5000, 'the chip');
    expect(filters.shadowRoot!.querySelector('[part~="chip"]')!.getBoundingClientRect().width).to.be.greaterThan(50);
  });

  it('a widget inside another library’s shadow root shows its data', async () => {
    const panel = document.querySelector('acme-panel')!;
    const figure = panel.shadowRoot!.querySelector<HTMLElement>('vitrine-figure')!;
    await settled(figure, 15000);
    expect(figure.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('1,461');
    expect(figure.getBoundingClientRect().width).to.be.greaterThan(100);
  });

  it('no error reached the window', () => {
    expect(watch.errors).to.deep.equal([]);
  });
});
