/**
 * Issue 9, bad networks: every element that reads data, against each failure the local portal can be
 * told to produce (its `/__faults` hook), over real HTTP. What each fault must give:
 *
 * | fault                                   | behaviour                                                        |
 * |-----------------------------------------|------------------------------------------------------------------|
 * | slow answer (5 s)                       | loading state in the reserved height, then the data, no shift    |
 * | 500 on every attempt                    | 4 attempts, then "having trouble (HTTP 500)" and a Retry button  |
 * | 503 once, then success                  | retried after a backoff: the data, nothing else                  |
 * | 429 with Retry-After: 1                 | waits the second it asks, then the data                          |
 * | malformed JSON                          | "could not be read as data (it was cut short)", no retry button  |
 * | truncated body (once)                   | a dropped transfer: retried, the data                            |
 * | dropped connection on every attempt     | "could not be reached", a Retry button that recovers             |
 * | an HTML page instead of JSON            | "an HTML page was received instead", no retry button             |
 * | a 40 MB answer of the wrong shape       | a message, the page stays responsive                             |
 * | refresh fails after a first success     | the data stays, marked stale, with a Retry button                |
 *
 * Every failure also warns once in the console, naming the element; none reaches `window.onerror`.
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
import type { VitrineSource } from '../../../src/components/source/source.js';
import {
  clearFaults,
  clearPortalLog,
  injectFault,
  isSettled,
  partText,
  portalLog,
  settled,
  unique,
  waitFor,
  type LogEntry,
} from '../helpers.js';
import { PageWatch, SUBJECTS, WEATHER, freshHttpClient, mount, unmountAll } from './subjects.js';

const watch = new PageWatch();
/** Errors that reached the window, over the whole file (checked by the last test). */
const uncaught: string[] = [];

/** The portal's log of the requests that carry `tag`, once it has all of them (`count`). */
async function requests(tag: string, count: number): Promise<LogEntry[]> {
  const found = await waitFor(
    async () => {
      const found = (await portalLog()).filter((e) => e.search.includes(`x${tag}`));
      return found.length >= count && found.every((e) => e.status !== 0 || e.aborted) ? found : undefined;
    },
    5000,
    `${count} requests`,
  );
  return found ?? [];
}

/** The fixtures of the slow-answer group, mounted together and kept across its tests. */
const SLOW = 'reliability-slow';

const retryButton = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');

/** Waits for the element to show its data. */
const showsData = (el: HTMLElement, shows: (el: HTMLElement) => boolean, timeout = 15000) =>
  waitFor(() => shows(el), timeout, `<${el.localName}> to show its data`);

/** Mounts the subject with a fault on its data request, and waits until it settles. */
async function underFault(subject: (typeof SUBJECTS)[number], fault: Parameters<typeof injectFault>[0]) {
  const tag = unique();
  await injectFault({ ...fault, path: `x${tag}` });
  const el = mount(subject.markup(tag), subject.tag);
  await settled(el, 20000);
  return { el, tag };
}

beforeEach(async () => {
  freshHttpClient();
  await clearFaults();
  await clearPortalLog();
  watch.start();
});

afterEach(async function () {
  watch.stop();
  uncaught.push(...watch.errors.map((e) => `${this.currentTest?.fullTitle() ?? ''}: ${e}`));
  unmountAll();
  await clearFaults();
});

after(() => unmountAll(SLOW));

describe('reliability: faults of the portal, for every element', () => {
  describe('a slow answer (5 s)', () => {
    const mounted = new Map<string, { el: HTMLElement; loadingHeight: number; reserved: number }>();

    before(async () => {
      freshHttpClient();
      const tag = unique();
      // One delay for every element's data request: they wait together, so the whole group takes 5 s.
      await injectFault({ path: `x${tag}`, delayMs: 5000, times: SUBJECTS.length });
      for (const subject of SUBJECTS) {
        const el = mount(subject.markup(tag), subject.tag, SLOW);
        await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        mounted.set(subject.tag, { el, loadingHeight: 0, reserved: parseFloat(getComputedStyle(el).minHeight) || 0 });
      }
      await waitFor(
        async () => (await portalLog()).filter((e) => e.search.includes(`x${tag}`)).length === SUBJECTS.length,
        10000,
        'every data request to reach the portal',
      );
      for (const entry of mounted.values()) {
        expect(isSettled(entry.el), `<${entry.el.localName}> is loading`).to.equal(false);
        entry.loadingHeight = entry.el.getBoundingClientRect().height;
      }
    });

    after(() => unmountAll(SLOW));

    for (const subject of SUBJECTS) {
      it(`${subject.tag}: keeps its reserved height while loading, then shows the data`, async () => {
        const { el, loadingHeight, reserved } = mounted.get(subject.tag)!;
        expect(loadingHeight, 'height while loading').to.be.at.least(Math.max(reserved, 60) - 0.5);
        const busy = el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy');
        expect(['true', 'false']).to.include(busy);
        await showsData(el, subject.shows, 20000);
        expect(el.getBoundingClientRect().height, 'height with the data').to.be.at.least(loadingHeight - 0.5);
      });
    }
  });

  for (const subject of SUBJECTS) {
    describe(subject.tag, () => {
      it('500 on every attempt: retries, then says the portal is having trouble, with a Retry button', async () => {
        const { el, tag } = await underFault(subject, { status: 500, times: -1 });
        expect(partText(el, 'error')).to.contain('is having trouble (HTTP 500) and still failed after 4 attempts');
        expect((await requests(tag, 4)).map((e) => e.status)).to.deep.equal([500, 500, 500, 500]);
        expect(watch.warnings.join('\n')).to.contain(`[vitrine] <${subject.tag}`).and.contain('HTTP 500');
        await clearFaults();
        retryButton(el)!.click();
        await showsData(el, subject.shows);
      });

      it('503 once: retries after a backoff and shows the data', async () => {
        const { el, tag } = await underFault(subject, { status: 503 });
        await showsData(el, subject.shows);
        expect((await requests(tag, 2)).map((e) => e.status)).to.deep.equal([503, 200]);
        expect(watch.warnings).to.deep.equal([]);
      });

      it('429 with Retry-After: waits as asked, then shows the data', async () => {
        const t0 = performance.now();
        const { el, tag } = await underFault(subject, { status: 429, retryAfter: 1 });
        await showsData(el, subject.shows);
        expect(performance.now() - t0).to.be.at.least(950);
        expect((await requests(tag, 2)).map((e) => e.status)).to.deep.equal([429, 200]);
      });

      it('malformed JSON: says the answer could not be read, without a retry', async () => {
        const { el, tag } = await underFault(subject, { body: 'malformed' });
        expect(partText(el, 'error')).to.contain('could not be read as data (it was cut short)');
        expect(retryButton(el)).to.equal(null);
        expect(await requests(tag, 1)).to.have.length(1);
        expect(watch.warnings.join('\n')).to.contain(`[vitrine] <${subject.tag}`);
      });

      it('a body cut short by a dropped transfer: retried, the data', async () => {
        const { el, tag } = await underFault(subject, { body: 'truncated' });
        await showsData(el, subject.shows);
        expect(await requests(tag, 2)).to.have.length(2);
      });

      it('a dropped connection on every attempt: says the portal cannot be reached, Retry recovers', async () => {
        const { el, tag } = await underFault(subject, { drop: true, times: -1 });
        expect(partText(el, 'error')).to.contain('could not be reached');
        // 4 attempts; Chromium itself may try a dropped keep-alive connection once more.
        expect((await requests(tag, 4)).length).to.be.within(4, 8);
        await clearFaults();
        retryButton(el)!.click();
        await showsData(el, subject.shows);
      });

      it('an HTML page instead of data (a maintenance page): says so, Retry recovers', async () => {
        const { el } = await underFault(subject, { body: 'html', times: -1 });
        expect(partText(el, 'error')).to.contain('an HTML page was received instead');
        await clearFaults();
        retryButton(el)!.click();
        await showsData(el, subject.shows);
      });

      it('a very large answer of the wrong shape: a message, and the page keeps working', async () => {
        const { el } = await underFault(subject, { body: 'huge' });
        expect(partText(el, 'error')).to.contain('could not be read as data (its structure is not the expected one)');
        // The main thread is free: a timer fires on time.
        const t0 = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        expect(performance.now() - t0).to.be.lessThan(500);
      });

      it('a refresh that fails after a first success: the data stays, marked stale, with a Retry button', async () => {
        const tag = unique();
        const el = mount(subject.markup(tag), subject.tag);
        el.setAttribute('refresh', '2');
        el.parentElement!.querySelector('vitrine-source')?.setAttribute('refresh', '2');
        await showsData(el, subject.shows);
        await injectFault({ path: `x${tag}`, status: 500, times: -1 });
        await waitFor(() => el.shadowRoot!.querySelector('[part~="stale"]'), 15000, 'the stale notice');
        expect(subject.shows(el), 'the data is still shown').to.equal(true);
        expect(partText(el, 'stale')).to.contain('the portal is not answering');
        await clearFaults();
        retryButton(el)!.click();
        await waitFor(() => !el.shadowRoot!.querySelector('[part~="stale"]'), 10000, 'recovery');
        await showsData(el, subject.shows);
      });
    });
  }

  describe('vitrine-filters (reads only the field labels)', () => {
    for (const [name, fault] of [
      ['500 on every attempt', { status: 500, times: -1 }],
      ['a dropped connection', { drop: true, times: -1 }],
      ['malformed JSON', { body: 'malformed' }],
      ['an HTML page', { body: 'html' }],
    ] as const) {
      it(`${name}: the chips stay, naming the fields, and the console says why`, async () => {
        await injectFault({ ...fault, path: '/catalog/datasets/seattle-weather' });
        const el = mount(
          `<vitrine-source id="filters-fault" src="${WEATHER}"></vitrine-source>
          <vitrine-filters source="filters-fault"></vitrine-filters>`,
          'vitrine-filters',
        );
        (el.parentElement!.querySelector('vitrine-source') as VitrineSource).toggleValue('weather', 'sun');
        await settled(el, 20000);
        expect(partText(el, 'chip')).to.contain('weather').and.contain('sun');
        expect(watch.warnings.join('\n')).to.contain('[vitrine] <vitrine-filters');
      });
    }
  });

  describe('vitrine-search and vitrine-source (no request of their own)', () => {
    it('the search box keeps working while the portal fails, and the bound table recovers', async () => {
      const tag = unique();
      await injectFault({ path: `x${tag}`, status: 503, times: -1 });
      const search = mount(
        `<vitrine-source id="search-fault" src="${WEATHER}" where="weather != 'x${tag}'">
          <vitrine-search></vitrine-search>
          <vitrine-table columns="date,weather"></vitrine-table>
        </vitrine-source>`,
        'vitrine-search',
      );
      const table = search.parentElement!.querySelector<HTMLElement>('vitrine-table')!;
      await settled(table, 20000);
      expect(partText(table, 'error')).to.contain('HTTP 503');
      const input = search.shadowRoot!.querySelector('input')!;
      expect(input.disabled).to.equal(false);
      await clearFaults();
      input.value = 'snow';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      const source = search.closest('vitrine-source') as VitrineSource;
      await waitFor(() => source.search === 'snow', 5000, 'the search');
      await waitFor(() => (table.shadowRoot!.querySelectorAll('tbody tr').length ?? 0) > 0, 15000, 'the rows');
    });
  });

  it('no error reached window.onerror or unhandledrejection during any of these', () => {
    expect(uncaught).to.deep.equal([]);
  });
});
