/**
 * The CDN bundle as a page loads it: one `<script type="module">`, elements already in the page,
 * the script loaded twice, and what a figures-only page downloads.
 */
import { expect } from '@open-wc/testing';
import { addScript, datasetPage, partText, settled, waitFor } from './helpers.js';

interface SizeFile {
  file: string;
  gzip: number;
  engines: string[];
}
interface Sizes {
  files: SizeFile[];
  scenarios: Record<string, { files: string[]; gzip: number }>;
}

const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(e.message));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

describe('the CDN bundle (dist/cdn/vitrine.js)', () => {
  let figures: HTMLElement[] = [];

  before(() => {
    // Elements in the page before the script: a webmaster's CMS block.
    const block = document.createElement('div');
    block.lang = 'en';
    const src = datasetPage('communes-france');
    block.innerHTML = `
      <vitrine-source id="cdn-source" src="${src}" filter="departement = 01"></vitrine-source>
      <vitrine-figure src="${src}" value="sum(population)"></vitrine-figure>
      <vitrine-figure source="cdn-source" value="sum(population)"></vitrine-figure>`;
    document.body.append(block);
    figures = [...block.querySelectorAll<HTMLElement>('vitrine-figure')];
  });

  it('reserves the figure height before its code arrives', () => {
    expect(customElements.get('vitrine-figure')).to.equal(undefined);
    // No style yet: an unknown element is inline with no height.
    expect(figures[0]!.getBoundingClientRect().height).to.equal(0);
  });

  it('upgrades elements that were in the page before the script', async () => {
    await addScript('/dist/cdn/vitrine.js');
    await waitFor(() => customElements.get('vitrine-figure'), 5000, 'vitrine-figure defined');
    await Promise.all(figures.map((f) => settled(f)));
    expect(partText(figures[0]!, 'value')).to.equal('68,952,941');
    expect(partText(figures[1]!, 'value')).to.equal('679,344');
  });

  it('keeps the height while loading, then shows the value without moving', async () => {
    const el = document.createElement('vitrine-figure');
    el.setAttribute('src', datasetPage('seattle-weather'));
    el.setAttribute('label', 'Days');
    document.body.append(el);
    const before = el.getBoundingClientRect().height;
    expect(before).to.be.at.least(90);
    await settled(el);
    expect(el.getBoundingClientRect().height).to.be.closeTo(before, 0.5);
  });

  it('is harmless when loaded twice', async () => {
    await addScript('/dist/cdn/vitrine.js?again');
    const el = document.createElement('vitrine-figure');
    el.setAttribute('src', datasetPage('communes-france'));
    el.lang = 'en';
    document.body.append(el);
    await settled(el);
    expect(partText(el, 'value')).to.equal('34,969');
    expect(errors).to.deep.equal([]);
  });

  it('downloads only the figure files of the size table, with no chart or map engine', async () => {
    const sizes: Sizes = await (await fetch('/dist/sizes.json')).json();
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/cdn/') && p.endsWith('.js'))
      .map((p) => p.slice('/dist/cdn/'.length));
    const scenario = sizes.scenarios['figures only']!;
    expect(loaded.length).to.be.greaterThan(1);
    for (const file of new Set(loaded)) {
      expect(scenario.files, `${file} is not in the figures-only scenario`).to.include(file);
      expect(sizes.files.find((f) => f.file === file)?.engines ?? [], file).to.deep.equal([]);
    }
  });

  it('ships the theme files next to the script', async () => {
    for (const name of ['dark', 'high-contrast', 'dsfr']) {
      const response = await fetch(`/dist/cdn/themes/${name}.css`);
      expect(response.ok, name).to.equal(true);
      expect(await response.text()).to.contain(`.vitrine-theme-${name}`);
    }
  });

  it('asks for the shared chunks together with the element code (modulepreload), each once', () => {
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
      (l) => new URL(l.href).pathname,
    );
    expect(links.length).to.be.greaterThan(0);
    expect(new Set(links).size).to.equal(links.length);
    const fetched = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    for (const link of links) {
      expect(link).to.match(/^\/dist\/cdn\/chunks\/[\w-]+\.js$/);
      // Fetched once: the import that follows reuses the preloaded module.
      expect(fetched.filter((p) => p === link).length, link).to.equal(1);
    }
  });
});
