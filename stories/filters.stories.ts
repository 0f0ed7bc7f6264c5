import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/source/define.js';
import '../src/components/filter/define.js';
import '../src/components/filters/define.js';
import '../src/components/figure/define.js';
import { datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  label: string;
  lang: string;
}

let stories = 0;

/**
 * A source with a filter on régions and a count. The summary lists what is selected, one chip each,
 * with a remove button and "Clear all".
 */
const render = (a: Args) => {
  const id = `story-filters-${(stories += 1)}`;
  return html`<div lang=${a.lang} style="display:grid;gap:1rem">
    <vitrine-source id=${id} src=${a.src}></vitrine-source>
    <vitrine-filters source=${id} label=${a.label || nothing}></vitrine-filters>
    <vitrine-filter source=${id} field="nom_region" limit="5"></vitrine-filter>
    <vitrine-figure source=${id} label="Communes"></vitrine-figure>
  </div>`;
};

/** Sets the story's selections on its source once the elements are on the page. */
const select =
  (entries: [string, string[]][]) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await customElements.whenDefined('vitrine-source');
    const source = canvasElement.querySelector('vitrine-source') as
      (HTMLElement & { toggleValue(field: string, value: string): void }) | null;
    for (const [field, values] of entries) for (const value of values) source?.toggleValue(field, value);
  };

const meta: Meta<Args> = {
  title: 'Elements/vitrine-filters',
  component: 'vitrine-filters',
  render,
  args: { src: datasetPage('communes-france'), label: '', lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] } },
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing selected yet: the summary says so. */
export const NoFilter: Story = {};

/** Two régions selected: two chips and "Clear all". */
export const TwoFilters: Story = {
  play: select([['nom_region', ['Bretagne', 'Corse']]]),
};

/** In English, with a title of your own. */
export const English: Story = {
  args: { lang: 'en', label: 'Your selection' },
  play: select([['nom_region', ['Normandie']]]),
};

/**
 * While the dataset's field labels are on their way: the summary is marked busy, and a chip would name
 * its field until the label arrives. (The portal holds this dataset's answers; no other story uses it.)
 */
export const Loading: Story = {
  render: (a) =>
    html`<div lang=${a.lang} style="display:grid;gap:1rem">
      <vitrine-source id="story-filters-loading" src=${datasetPage('london-boroughs')}></vitrine-source>
      <vitrine-filters source="story-filters-loading" label=${a.label || nothing}></vitrine-filters>
    </div>`,
  loaders: [() => holdRequests('/catalog/datasets/london-boroughs')],
};

/** A source id that does not exist: the message says so. */
export const Error: Story = {
  render: (a) => html`<div lang=${a.lang}><vitrine-filters source="nowhere"></vitrine-filters></div>`,
};
