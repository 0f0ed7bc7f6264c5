/**
 * The theme files (src/styles/themes, copied to dist/cdn/themes): each one, on the part of a page that
 * carries its class, gives the elements its colours and font, and the result passes axe (contrast
 * included) on the background the theme is meant for.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/figure/define.js';
import '../../src/components/table/define.js';
import type { VitrineFigure } from '../../src/components/figure/figure.js';
import type { VitrineTable } from '../../src/components/table/table.js';
import { datasetPage, settled } from './helpers.js';

const COMMUNES = datasetPage('communes-france');

/** Adds the theme's stylesheet to the page, as a site would with a link element. */
function linkTheme(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/src/styles/themes/${name}.css`;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load the ${name} theme`));
    document.head.append(link);
  });
}

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** The colour a theme token resolves to, as the browser writes colours (`rgb(…)`). */
function resolved(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const THEMES = [
  { name: 'dark', page: '#161616', text: '#f6f6f6', accent: '#6ca8ff' },
  { name: 'high-contrast', page: '#ffffff', text: '#000000', accent: '#000000' },
  { name: 'dsfr', page: '#ffffff', text: '#161616', accent: '#000091', font: 'Marianne' },
];

describe('theme files', () => {
  for (const theme of THEMES) {
    it(`${theme.name}: a figure and a table take its colours, and pass axe on a ${theme.page} background`, async () => {
      await linkTheme(theme.name);
      const section = await fixture<HTMLElement>(
        html`<section class="vitrine-theme-${theme.name}" lang="en" style="background: ${theme.page}; padding: 1rem">
          <vitrine-figure src=${COMMUNES} value="count(*)" label="Communes"></vitrine-figure>
          <vitrine-table src=${COMMUNES} columns="nom,population" sort="-population" page-size="5"></vitrine-table>
        </section>`,
      );
      const figure = section.querySelector<VitrineFigure>('vitrine-figure')!;
      const table = section.querySelector<VitrineTable>('vitrine-table')!;
      await Promise.all([settled(figure), settled(table)]);
      expect(getComputedStyle(figure).color).to.equal(resolved(theme.text));
      expect(getComputedStyle(part(figure, 'value')).color).to.equal(resolved(theme.accent));
      if (theme.font) expect(getComputedStyle(figure).fontFamily).to.contain(theme.font);
      await expect(section).to.be.accessible();
    });
  }

  it('leaves the elements outside the themed part alone', async () => {
    await linkTheme('dark');
    const page = await fixture<HTMLElement>(
      html`<div lang="en" style="color: rgb(20, 20, 20)">
        <vitrine-figure src=${COMMUNES} value="count(*)" label="Communes"></vitrine-figure>
      </div>`,
    );
    const figure = page.querySelector<VitrineFigure>('vitrine-figure')!;
    await settled(figure);
    expect(getComputedStyle(figure).color).to.equal('rgb(20, 20, 20)');
  });
});
