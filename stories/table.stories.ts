import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/table/define.js';
import '../src/components/source/define.js';
import '../src/components/figure/define.js';
import { datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  columns: string;
  filter: string;
  where: string;
  sort: string;
  pageSize?: number;
  page?: number;
  title: string;
  noDownload: boolean;
  lang: string;
}

const render = (a: Args) =>
  html`<div lang=${a.lang}>
    <vitrine-table
      src=${a.src}
      columns=${a.columns || nothing}
      filter=${a.filter || nothing}
      where=${a.where || nothing}
      sort=${a.sort || nothing}
      page-size=${a.pageSize ?? nothing}
      page=${a.page ?? nothing}
      title=${a.title || nothing}
      ?no-download=${a.noDownload}
    ></vitrine-table>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/vitrine-table',
  component: 'vitrine-table',
  render,
  args: {
    src: datasetPage('communes-france'),
    columns: 'nom,nom_departement,population,codes_postaux',
    filter: '',
    where: '',
    sort: '-population',
    title: 'Communes de France',
    noDownload: false,
    lang: 'fr',
  },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] } },
};
export default meta;

type Story = StoryObj<Args>;

/** The most populous communes: sort by a click on a header, page with the buttons, download every row. */
export const Data: Story = {};

/** Without `columns`: every field but geographic ones, labelled from the portal, in English. */
export const AllColumns: Story = { args: { columns: '', sort: '', title: '', lang: 'en' } };

/** One département, 25 rows a page, sorted by name: the CSV link carries the same filter and sort. */
export const Filtered: Story = {
  args: { filter: 'departement = 01', columns: 'code,nom,population,siren', sort: 'nom', pageSize: 25 },
};

/** Dates and numbers written for the page's language. */
export const DatesAndNumbers: Story = {
  args: {
    src: datasetPage('seattle-weather'),
    columns: 'date,weather,precipitation,temp_max,temp_min',
    sort: '-date',
    title: 'Seattle weather',
  },
};

/** The last page the portal lets a table reach (its 10,000-row window): the pager says so. */
export const WindowEnd: Story = { args: { pageSize: 100, page: 100 } };

/** Injection strings from the dataset: shown as text, only http(s) addresses become links. */
export const HostileStrings: Story = {
  args: { src: datasetPage('hostile-strings'), columns: '', sort: '', title: 'Hostile strings', pageSize: 100 },
};

/** On a phone: the table scrolls sideways inside its box, the page does not. */
export const Narrow: Story = {
  args: { columns: '' },
  render: (a) => html`<div style="max-width: 340px">${render(a)}</div>`,
};

/** No download link. */
export const NoDownload: Story = { args: { noDownload: true } };

/** A figure and a table sharing one source and its filter. */
export const WithSource: Story = {
  render: (a) =>
    html`<div lang=${a.lang}>
      <vitrine-source id="table-story-source" src=${a.src} filter="region = 32"></vitrine-source>
      <vitrine-figure source="table-story-source" label="Communes des Hauts-de-France"></vitrine-figure>
      <vitrine-table source="table-story-source" columns=${a.columns} sort=${a.sort}></vitrine-table>
    </div>`,
};

/** While the portal answers: the height of `page-size` rows is kept, a skeleton shows. */
export const Loading: Story = {
  args: { where: "code != 'story-table-loading'" },
  loaders: [() => holdRequests('story-table-loading')],
};

/** Nothing matches the filter. */
export const Empty: Story = { args: { filter: 'departement = 999' } };

/** A mistake in the markup: the message says what to fix. */
export const Error: Story = { args: { columns: 'nom,popluation' } };

/** A portal that cannot be reached: a retry button. */
export const Unreachable: Story = { args: { src: 'http://127.0.0.1:9/explore/dataset/x/' } };
