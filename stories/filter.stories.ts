import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/source/define.js';
import '../src/components/filter/define.js';
import '../src/components/filters/define.js';
import '../src/components/figure/define.js';
import { datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  where: string;
  filter: string;
  field: string;
  display: string;
  label: string;
  limit?: number;
  lang: string;
}

let stories = 0;

/** A source, the filter, the active filters and a count: what the filter changes is visible. */
const render = (a: Args) => {
  const id = `story-filter-${(stories += 1)}`;
  return html`<div lang=${a.lang} style="display:grid;gap:1rem;max-width:28rem">
    <vitrine-source id=${id} src=${a.src} where=${a.where || nothing} filter=${a.filter || nothing}></vitrine-source>
    <vitrine-filter
      source=${id}
      field=${a.field}
      display=${a.display || nothing}
      label=${a.label || nothing}
      limit=${a.limit ?? nothing}
    ></vitrine-filter>
    <vitrine-filters source=${id}></vitrine-filters>
    <vitrine-figure source=${id}></vitrine-figure>
  </div>`;
};

const meta: Meta<Args> = {
  title: 'Elements/vitrine-filter',
  component: 'vitrine-filter',
  render,
  args: {
    src: datasetPage('communes-france'),
    where: '',
    filter: '',
    field: 'nom_region',
    display: 'checkboxes',
    label: '',
    lang: 'fr',
  },
  argTypes: {
    display: { control: 'inline-radio', options: ['checkboxes', 'select', 'radio', 'range'] },
    lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Checkboxes with the portal's counts: several values, any of which matches. */
export const Checkboxes: Story = {};

/** A long list: the first values, "show all", and a box to find a value. */
export const LongList: Story = { args: { field: 'nom_departement', limit: 8 } };

/** One value at a time, in a select. */
export const Select: Story = { args: { field: 'zone', display: 'select', label: 'Zone' } };

/** One value at a time, as radio buttons, in English. */
export const Radio: Story = {
  args: { src: datasetPage('seattle-weather'), field: 'weather', display: 'radio', lang: 'en' },
};

/** A date: years, whose months and days unfold. */
export const Dates: Story = { args: { src: datasetPage('seattle-weather'), field: 'date', lang: 'en' } };

/** A number range: from–to inputs, with the smallest and largest values. */
export const NumberRange: Story = { args: { field: 'population', display: 'range' } };

/** A date range. */
export const DateRange: Story = {
  args: { src: datasetPage('seattle-weather'), field: 'date', display: 'range', label: 'Période' },
};

/** Injection strings from the dataset: shown as text in the values, the legend and the chips. */
export const HostileStrings: Story = {
  args: { src: datasetPage('hostile-strings'), field: 'label', limit: 30, lang: 'en' },
};

/** While the portal answers: the height is kept, a skeleton shows. */
export const Loading: Story = {
  args: { where: "code != 'story-filter-loading'" },
  loaders: [() => holdRequests('story-filter-loading')],
};

/** No value under the source's filter. */
export const Empty: Story = { args: { filter: 'departement = 999' } };

/** A mistake in the markup: the message names the attribute and suggests the field. */
export const Error: Story = { args: { field: 'nom_regoin' } };

/** A range on a text field: the message says why. */
export const RangeOnText: Story = { args: { field: 'nom', display: 'range' } };
