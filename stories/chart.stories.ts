import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/chart/define.js';
import { datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  type: string;
  x: string;
  y: string;
  color: string;
  stack: string;
  sort: string;
  limit?: number;
  others: boolean;
  where: string;
  filter: string;
  title: string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/vitrine-chart',
  component: 'vitrine-chart',
  args: {
    src: datasetPage('communes-france'),
    type: 'bar',
    x: 'departement',
    y: 'sum(population)',
    color: '',
    stack: '',
    sort: '-y',
    limit: 10,
    others: false,
    where: '',
    filter: '',
    title: 'Population par département',
    lang: 'fr',
  },
  argTypes: {
    type: { control: 'select', options: ['bar', 'column', 'line', 'area', 'pie', 'donut', 'scatter'] },
    lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] },
  },
  render: (a) =>
    html`<div lang=${a.lang}>
      <vitrine-chart
        src=${a.src}
        type=${a.type}
        x=${a.x}
        y=${a.y}
        color=${a.color || nothing}
        stack=${a.stack || nothing}
        sort=${a.sort || nothing}
        limit=${a.limit ?? nothing}
        ?others=${a.others}
        where=${a.where || nothing}
        filter=${a.filter || nothing}
        title=${a.title}
      ></vitrine-chart>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The ten most populous départements, aggregated by the portal. */
export const Bars: Story = {};

/** Top five and the rest in an "Others" bar. */
export const TopWithOthers: Story = { args: { limit: 5, others: true, title: 'Top 5 et autres' } };

/** Shares as a donut. */
export const Donut: Story = {
  args: { type: 'donut', x: 'region', sort: '-y', limit: 6, others: true, title: 'Population par région' },
};

/** A monthly time series; missing months would show as gaps. */
export const TimeSeries: Story = {
  args: {
    src: datasetPage('seattle-weather'),
    type: 'line',
    x: 'month(date)',
    y: 'avg(temp_max), avg(temp_min)',
    sort: '',
    limit: undefined,
    title: 'Températures à Seattle',
  },
};

/** Days of each weather per year, stacked. */
export const Stacked: Story = {
  args: {
    src: datasetPage('seattle-weather'),
    type: 'column',
    x: 'year(date)',
    y: 'count(*)',
    color: 'weather',
    stack: 'normal',
    sort: '',
    limit: undefined,
    title: 'Temps par année',
  },
};

/** While the portal answers: the height is kept. */
export const Loading: Story = {
  args: { where: "code != 'story-chart-loading'" },
  loaders: [() => holdRequests('story-chart-loading')],
};

/** Nothing matches the filter. */
export const Empty: Story = { args: { filter: 'departement = 999' } };

/** A misspelt field: the message names the attribute. */
export const Error: Story = { args: { y: 'sum(popluation)' } };
