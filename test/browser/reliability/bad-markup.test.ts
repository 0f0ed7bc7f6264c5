/**
 * Issue 9, bad markup: nonsense in attributes, a missing `src`, an unknown `type` or `mode`. Each case
 * must give a short, specific message in place of the widget, a console warning that names the element
 * and the attribute to fix, and no exception that reaches `window.onerror` or `unhandledrejection`.
 */
import { expect } from '@open-wc/testing';
import '../../../src/components/figure/define.js';
import '../../../src/components/chart/define.js';
import '../../../src/components/table/define.js';
import '../../../src/components/map/define.js';
import '../../../src/components/filter/define.js';
import '../../../src/components/filters/define.js';
import '../../../src/components/search/define.js';
import '../../../src/components/source/define.js';
import { partText, waitFor } from '../helpers.js';
import { PageWatch, WEATHER, mount, unmountAll } from './subjects.js';

interface Case {
  /** What is wrong. */
  name: string;
  /** The element whose message is read. */
  tag: string;
  markup: string;
  /** Words of the message shown in place of the widget. */
  message: string[];
  /** Words of the console warning (besides `[vitrine] <tag`). */
  warning: string[];
}

const W = WEATHER;

const CASES: Case[] = [
  // vitrine-figure
  {
    name: 'no src and no source',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure value="count(*)"></vitrine-figure>`,
    message: ['The src attribute "" is not understood: the attribute is empty'],
    warning: ['src'],
  },
  {
    name: 'src that is not an address',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure src="pas une adresse %%"></vitrine-figure>`,
    message: ['"pas une adresse %%" is not a dataset address'],
    warning: ['src="pas une adresse %%"'],
  },
  {
    name: 'an unknown portal type',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure src="${W}" portal="sharepoint"></vitrine-figure>`,
    message: ['portals of kind "sharepoint" are not supported'],
    warning: ['sharepoint'],
  },
  {
    name: 'a value that is not an aggregate',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure src="${W}" value="sum((("></vitrine-figure>`,
    message: ['The value attribute "sum(((" is not understood'],
    warning: ['value="sum((("'],
  },
  {
    name: 'a comparison that means nothing',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure src="${W}" compare="la semaine des quatre jeudis"></vitrine-figure>`,
    message: ['The compare attribute', 'previous-year'],
    warning: ['compare="la semaine des quatre jeudis"'],
  },
  {
    name: 'a filter in no known syntax',
    tag: 'vitrine-figure',
    markup: `<vitrine-figure src="${W}" filter="=== ;; !!"></vitrine-figure>`,
    message: ['The filter attribute "=== ;; !!" is not understood'],
    warning: ['filter="=== ;; !!"'],
  },
  // vitrine-chart
  {
    name: 'an unknown type',
    tag: 'vitrine-chart',
    markup: `<vitrine-chart src="${W}" type="pyramid" x="weather"></vitrine-chart>`,
    message: ['"pyramid" is not a chart type'],
    warning: ['type="pyramid"'],
  },
  {
    name: 'no src',
    tag: 'vitrine-chart',
    markup: `<vitrine-chart x="weather"></vitrine-chart>`,
    message: ['The src attribute "" is not understood'],
    warning: ['src'],
  },
  {
    name: 'an unknown field in x',
    tag: 'vitrine-chart',
    markup: `<vitrine-chart src="${W}" x="wether"></vitrine-chart>`,
    message: ['Unknown field "wether" in the x attribute: did you mean "weather"?'],
    warning: ['x="wether"'],
  },
  {
    name: 'a limit that is not a number',
    tag: 'vitrine-chart',
    markup: `<vitrine-chart src="${W}" x="weather" limit="lots"></vitrine-chart>`,
    message: ['The limit attribute "lots" is not understood'],
    warning: ['limit="lots"'],
  },
  {
    name: 'a spec that is not JSON',
    tag: 'vitrine-chart',
    markup: `<vitrine-chart src="${W}" x="weather" spec="{mark: bar"></vitrine-chart>`,
    message: ['The spec attribute', 'not plain JSON'],
    warning: ['spec="{mark: bar"'],
  },
  // vitrine-map
  {
    name: 'an unknown mode',
    tag: 'vitrine-map',
    markup: `<vitrine-map src="${W}" mode="spiral"></vitrine-map>`,
    message: ['The mode attribute "spiral" is not understood'],
    warning: ['mode="spiral"'],
  },
  {
    name: 'no src',
    tag: 'vitrine-map',
    markup: `<vitrine-map mode="points"></vitrine-map>`,
    message: ['The src attribute "" is not understood'],
    warning: ['src'],
  },
  {
    name: 'a dataset with no location',
    tag: 'vitrine-map',
    markup: `<vitrine-map src="${W}"></vitrine-map>`,
    message: ['the dataset has no geographic field'],
    warning: ['src='],
  },
  // vitrine-table
  {
    name: 'no src',
    tag: 'vitrine-table',
    markup: `<vitrine-table columns="date"></vitrine-table>`,
    message: ['The src attribute "" is not understood'],
    warning: ['src'],
  },
  {
    name: 'unknown columns',
    tag: 'vitrine-table',
    markup: `<vitrine-table src="${W}" columns="date,temperature"></vitrine-table>`,
    message: ['Unknown field "temperature" in the columns attribute'],
    warning: ['columns="date,temperature"'],
  },
  {
    name: 'a page size that is not a number',
    tag: 'vitrine-table',
    markup: `<vitrine-table src="${W}" page-size="beaucoup"></vitrine-table>`,
    message: ['The page-size attribute "beaucoup" is not understood'],
    warning: ['page-size="beaucoup"'],
  },
  {
    name: 'a sort in no known syntax',
    tag: 'vitrine-table',
    markup: `<vitrine-table src="${W}" sort="--date,,"></vitrine-table>`,
    message: ['The sort attribute "--date,," is not understood'],
    warning: ['sort="--date,,"'],
  },
  // vitrine-filter, vitrine-search, vitrine-filters, vitrine-source
  {
    name: 'no source',
    tag: 'vitrine-filter',
    markup: `<vitrine-filter field="weather"></vitrine-filter>`,
    message: ['a filter acts on a vitrine-source'],
    warning: ['source'],
  },
  {
    name: 'an unknown display',
    tag: 'vitrine-filter',
    markup: `<vitrine-source id="bad-display" src="${W}"></vitrine-source>
      <vitrine-filter source="bad-display" field="weather" display="wheel"></vitrine-filter>`,
    message: ['"wheel" is not a display'],
    warning: ['display="wheel"'],
  },
  {
    name: 'no field',
    tag: 'vitrine-filter',
    markup: `<vitrine-source id="no-field" src="${W}"></vitrine-source>
      <vitrine-filter source="no-field"></vitrine-filter>`,
    message: ['The field attribute "" is not understood'],
    warning: ['field'],
  },
  {
    name: 'a source that is not on the page',
    tag: 'vitrine-search',
    markup: `<vitrine-search source="nowhere"></vitrine-search>`,
    message: ['no vitrine-source element with id "nowhere"'],
    warning: ['source="nowhere"'],
  },
  {
    name: 'a source that is not on the page',
    tag: 'vitrine-filters',
    markup: `<vitrine-filters source="nowhere"></vitrine-filters>`,
    message: ['no vitrine-source element with id "nowhere"'],
    warning: ['source="nowhere"'],
  },
  {
    name: 'a source whose src is not an address (read by a bound figure)',
    tag: 'vitrine-figure',
    markup: `<vitrine-source id="bad-src" src="javascript:alert(1)"></vitrine-source>
      <vitrine-figure source="bad-src"></vitrine-figure>`,
    message: ['"javascript:alert(1)" is not a dataset address', 'only http and https'],
    warning: ['javascript:alert(1)'],
  },
];

const watch = new PageWatch();

describe('reliability: bad markup', () => {
  beforeEach(() => watch.start());
  afterEach(() => {
    watch.stop();
    unmountAll();
  });

  for (const c of CASES) {
    it(`${c.tag}, ${c.name}: a specific message, a console warning, no exception`, async () => {
      const el = mount(c.markup, c.tag);
      const message = await waitFor(() => partText(el, 'error'), 15000, 'the message');
      for (const word of c.message) expect(message, 'the message').to.contain(word);
      const warning = await waitFor(
        () => watch.warnings.find((w) => w.startsWith(`[vitrine] <${c.tag}`)),
        5000,
        'the warning',
      );
      for (const word of c.warning) expect(warning, 'the warning').to.contain(word);
      expect(el.getBoundingClientRect().height, 'the message has room').to.be.greaterThan(20);
      // Let late promises settle before looking for uncaught errors.
      await new Promise((r) => setTimeout(r, 50));
      expect(watch.errors).to.deep.equal([]);
    });
  }
});
