/**
 * German, Spanish, Italian and Dutch texts load the first time an element is in a page in that language
 * (src/format/languages.ts): an element there speaks it once they are there, each file is fetched once,
 * and a language Vitrine has no texts for gets English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chart/define.js';
import '../../src/components/figure/define.js';
import type { VitrineChart } from '../../src/components/chart/chart.js';
import { LAZY_LOCALES, languageTable } from '../../src/format/languages.js';
import { datasetPage, partText, settled, waitFor } from './helpers.js';

const COMMUNES = datasetPage('communes-france');

/** The text of the chart's "show as table" button. */
const toggleText = (el: VitrineChart) =>
  el.shadowRoot!.querySelector('[part~="table-toggle"]')?.textContent?.trim() ?? '';

describe('languages loaded on first use', () => {
  for (const lang of LAZY_LOCALES) {
    it(`${lang}: a chart in a page in that language shows its texts`, async () => {
      const el = await fixture<VitrineChart>(
        html`<div lang=${`${lang}-XX`}>
          <vitrine-chart src=${COMMUNES} x="region" limit="3"></vitrine-chart>
        </div>`,
      ).then((div) => div.querySelector<VitrineChart>('vitrine-chart')!);
      await settled(el);
      const table = (await waitFor(() => languageTable(lang), 5000, `the ${lang} texts`))!;
      await waitFor(() => toggleText(el) === table['chart.table.show'], 5000, `the ${lang} button text`);
      expect(table['chart.table.show']).to.not.equal('Show as table');
      await expect(el).to.be.accessible();
    });
  }

  it('fetches each language file once, however many elements use it', async () => {
    await fixture(
      html`<div lang="de">
        <vitrine-figure src=${COMMUNES}></vitrine-figure>
        <vitrine-figure src=${COMMUNES} value="sum(population)"></vitrine-figure>
      </div>`,
    );
    const files = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\/format\/lang\/de\./.test(p));
    expect(files).to.have.length(1);
  });

  it('a language without texts gets English, with its own number format', async () => {
    const el = await fixture<VitrineChart>(
      html`<vitrine-chart lang="pt-BR" src=${COMMUNES} x="region" y="sum(population)" limit="3"></vitrine-chart>`,
    );
    await settled(el);
    expect(toggleText(el)).to.equal('Show as table');
    expect(partText(el, 'summary')).to.match(/\d\.\d{3}/); // 1.234 (pt-BR groups thousands with a dot)
  });
});
