import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/source/define.js';
import '../src/components/figure/define.js';
import { datasetPage } from './portal.js';

interface Args {
  src: string;
  filter: string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/vitrine-source',
  component: 'vitrine-source',
  args: { src: datasetPage('communes-france'), filter: 'region = 32', lang: 'fr' },
  render: (a) =>
    html`<div lang=${a.lang} style="display:flex;gap:2rem;flex-wrap:wrap">
      <vitrine-source id="story-source" src=${a.src} filter=${a.filter}></vitrine-source>
      <vitrine-figure source="story-source" label="Communes"></vitrine-figure>
      <vitrine-figure source="story-source" value="sum(population)" label="Habitants"></vitrine-figure>
      <vitrine-figure source="story-source" value="max(population)" label="Plus grande commune"></vitrine-figure>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Three figures share one source, its base filter and one metadata request. */
export const SharedByThreeFigures: Story = {};

/** Elements nested inside the source use it without an id. */
export const Nested: Story = {
  render: (a) =>
    html`<vitrine-source src=${a.src} filter=${a.filter} lang=${a.lang}>
      <vitrine-figure value="sum(population)" label="Habitants"></vitrine-figure>
    </vitrine-source>`,
};

/** A source whose address is not a dataset: the bound figures say so. */
export const Error: Story = { args: { src: 'https://example.org/not-a-dataset' } };
