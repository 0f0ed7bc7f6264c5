import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/components/figure/define.js';
import { datasetPage, holdRequests } from './portal.js';

interface Args {
  src: string;
  value: string;
  label: string;
  filter: string;
  where: string;
  unit: string;
  compact: boolean;
  decimals?: number;
  currency: string;
  compare: string;
  compareFilter: string;
  compareLabel: string;
  lang: string;
}

const render = (a: Args) =>
  html`<div lang=${a.lang}>
    <vitrine-figure
      src=${a.src}
      value=${a.value}
      label=${a.label || nothing}
      filter=${a.filter || nothing}
      where=${a.where || nothing}
      unit=${a.unit || nothing}
      ?compact=${a.compact}
      decimals=${a.decimals ?? nothing}
      currency=${a.currency || nothing}
      compare=${a.compare || nothing}
      compare-filter=${a.compareFilter || nothing}
      compare-label=${a.compareLabel || nothing}
    ></vitrine-figure>
  </div>`;

const meta: Meta<Args> = {
  title: 'Elements/vitrine-figure',
  component: 'vitrine-figure',
  render,
  args: {
    src: datasetPage('communes-france'),
    value: 'sum(population)',
    label: '',
    filter: '',
    where: '',
    unit: '',
    compact: false,
    currency: '',
    compare: '',
    compareFilter: '',
    compareLabel: '',
    lang: 'fr',
  },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en', 'de', 'es', 'it', 'nl'] } },
};
export default meta;

type Story = StoryObj<Args>;

/** The population of France, computed by the portal. */
export const Data: Story = {};

/** Short numbers, in English. */
export const Compact: Story = { args: { compact: true, lang: 'en', label: 'People' } };

/** One département, with the neutral filter syntax. */
export const Filtered: Story = { args: { filter: 'departement = 59', label: 'Habitants du Nord' } };

/** A comparison with the previous period of a date filter. */
export const ComparedWithPreviousYear: Story = {
  args: {
    src: datasetPage('seattle-weather'),
    value: 'sum(precipitation)',
    filter: 'date = 2015',
    compare: 'previous',
    unit: 'mm',
    decimals: 0,
    label: 'Pluie à Seattle en 2015',
  },
};

/** A comparison with another filter. */
export const ComparedWithAnotherFilter: Story = {
  args: { filter: 'departement = 59', compareFilter: 'departement = 62', compareLabel: 'Pas-de-Calais', label: 'Nord' },
};

/** While the portal answers: the height is kept, a skeleton shows. */
export const Loading: Story = {
  args: { where: "code != 'story-loading'", label: 'Population' },
  loaders: [() => holdRequests('story-loading')],
};

/** Nothing matches the filter. */
export const Empty: Story = { args: { filter: 'departement = 999', label: 'Population' } };

/** A mistake in the markup: the message says what to fix. */
export const Error: Story = { args: { value: 'sum(popluation)' } };

/** A portal that cannot be reached: a retry button. */
export const Unreachable: Story = { args: { src: 'http://127.0.0.1:9/explore/dataset/x/' } };
