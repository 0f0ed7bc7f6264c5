import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/map/define.js';
import { PORTAL, datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  mode: string;
  popup: string;
  key: string;
  value: string;
  colors: string;
  filter: string;
  where: string;
  basemap: string;
  title: string;
  lang: string;
}

const BASEMAP = `${PORTAL}/basemap/style.json`;

const meta: Meta<Args> = {
  title: 'Elements/vitrine-map',
  component: 'vitrine-map',
  args: {
    src: datasetPage('us-airports'),
    mode: 'clusters',
    popup: 'name,city,state',
    key: '',
    value: '',
    colors: '',
    filter: '',
    where: '',
    basemap: BASEMAP,
    title: 'Aéroports des États-Unis',
    lang: 'fr',
  },
  argTypes: {
    mode: { control: 'select', options: ['points', 'clusters', 'heatmap', 'choropleth', 'shapes'] },
    lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] },
  },
  render: (a) =>
    html`<div lang=${a.lang}>
      <vitrine-map
        src=${a.src}
        mode=${a.mode || nothing}
        popup=${a.popup || nothing}
        key=${a.key || nothing}
        value=${a.value || nothing}
        colors=${a.colors || nothing}
        filter=${a.filter || nothing}
        where=${a.where || nothing}
        basemap=${a.basemap || nothing}
        title=${a.title}
      ></vitrine-map>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 3,376 airports in clusters, on the local portal's offline basemap. */
export const Clusters: Story = {};

/** Earthquakes as points. */
export const Points: Story = {
  args: { src: datasetPage('earthquakes'), mode: 'points', popup: 'place,mag,time', title: 'Séismes' },
};

/** Where the earthquakes are dense, as a heatmap. */
export const Heatmap: Story = {
  args: { src: datasetPage('earthquakes'), mode: 'heatmap', popup: '', title: 'Densité des séismes' },
};

/** Unemployment by US county. */
export const Choropleth: Story = {
  args: {
    src: datasetPage('us-counties-unemployment'),
    mode: 'choropleth',
    key: 'id',
    value: 'avg(rate)',
    popup: 'id,state,rate',
    title: 'Chômage par comté',
  },
};

/** The London tube lines as drawn shapes. */
export const Shapes: Story = {
  args: {
    src: datasetPage('london-tube-lines'),
    mode: 'shapes',
    popup: 'line',
    basemap: '',
    title: 'Lignes du métro de Londres',
  },
};

/** While the portal answers: the height is kept. */
export const Loading: Story = {
  args: { where: "iata != 'story-map-loading'" },
  loaders: [() => holdRequests('story-map-loading')],
};

/** Nothing matches the filter. */
export const Empty: Story = { args: { filter: "state = 'ZZ'" } };

/** A misspelt field: the message names the attribute. */
export const Error: Story = { args: { popup: 'nmae' } };
