import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/source/define.js';
import '../src/components/search/define.js';
import '../src/components/filters/define.js';
import '../src/components/figure/define.js';
import '../src/components/table/define.js';
import { datasetPage } from './portal.js';

interface Args {
  src: string;
  label: string;
  placeholder: string;
  delay?: number;
  columns: string;
  lang: string;
}

let stories = 0;

/** A source, the search box, the active filters, a count and a table that follow it. */
const render = (a: Args) => {
  const id = `story-search-${(stories += 1)}`;
  return html`<div lang=${a.lang} style="display:grid;gap:1rem">
    <vitrine-source id=${id} src=${a.src}></vitrine-source>
    <vitrine-search
      source=${id}
      label=${a.label || nothing}
      placeholder=${a.placeholder || nothing}
      delay=${a.delay ?? nothing}
    ></vitrine-search>
    <vitrine-filters source=${id}></vitrine-filters>
    <vitrine-figure source=${id}></vitrine-figure>
    <vitrine-table source=${id} columns=${a.columns} page-size="5"></vitrine-table>
  </div>`;
};

const meta: Meta<Args> = {
  title: 'Elements/vitrine-search',
  component: 'vitrine-search',
  render,
  args: {
    src: datasetPage('communes-france'),
    label: '',
    placeholder: '',
    columns: 'nom,nom_departement,population',
    lang: 'fr',
  },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] } },
};
export default meta;

type Story = StoryObj<Args>;

/** Type: the count and the table follow a moment after typing stops (Enter: at once). */
export const Default: Story = {};

/** A label and a hint of your own, in English. */
export const LabelAndPlaceholder: Story = {
  args: {
    label: 'Find an airport',
    placeholder: 'Name, city…',
    src: datasetPage('us-airports'),
    columns: 'name,city,state',
    lang: 'en',
  },
};

/** A longer pause before searching (for a slow portal). */
export const LongerDelay: Story = { args: { delay: 1000 } };

/** A search box with no source: the message says what to add. */
export const Error: Story = {
  render: (a) => html`<div lang=${a.lang}><vitrine-search source="nowhere"></vitrine-search></div>`,
};
