import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineFigure } from './figure.js';
import {
  clearFaults,
  clearPortalLog,
  datasetPage,
  injectFault,
  partText,
  portalLog,
  removeWhileLoading,
  settled,
  unique,
  waitFor,
} from '../../../test/browser/helpers.js';

const COMMUNES = datasetPage('communes-france');
const WEATHER = datasetPage('seattle-weather');
const NNBSP = '\u202f';

/** Renders a figure and waits for its data (or error). */
async function figure(template: ReturnType<typeof html>): Promise<VitrineFigure> {
  const element = await fixture<VitrineFigure>(template);
  await settled(element);
  return element;
}

describe('vitrine-figure', () => {
  afterEach(clearFaults);

  describe('data', () => {
    it('shows the population of France, formatted for the page language', async () => {
      const el = await figure(
        html`<vitrine-figure lang="en" src=${COMMUNES} value="sum(population)"></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('68,952,941');
      expect(partText(el, 'label')).to.equal('Population');
      await expect(el).to.be.accessible();
    });

    it('follows the nearest lang: French grouping and labels', async () => {
      const wrapper = await fixture(
        html`<div lang="fr-FR">
          <vitrine-figure src=${COMMUNES} value="sum(population)"></vitrine-figure>
        </div>`,
      );
      const el = wrapper.querySelector<VitrineFigure>('vitrine-figure')!;
      await settled(el);
      expect(partText(el, 'value')).to.equal(`68${NNBSP}952${NNBSP}941`);
      wrapper.setAttribute('lang', 'en');
      await waitFor(() => partText(el, 'value') === '68,952,941', 3000, 'English formatting after lang change');
    });

    it('applies where and the neutral filter', async () => {
      const a = await figure(
        html`<vitrine-figure
          lang="en"
          src=${COMMUNES}
          value="sum(population)"
          where="departement = '01'"
        ></vitrine-figure>`,
      );
      expect(partText(a, 'value')).to.equal('679,344');
      const b = await figure(
        html`<vitrine-figure
          lang="en"
          src=${COMMUNES}
          value="sum(population)"
          filter="departement = 01"
        ></vitrine-figure>`,
      );
      expect(partText(b, 'value')).to.equal('679,344');
    });

    it('keeps filters carried by a pasted page address', async () => {
      const el = await figure(
        html`<vitrine-figure
          lang="en"
          src=${`${COMMUNES}table/?refine.departement=01`}
          value="sum(population)"
        ></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('679,344');
    });

    it('counts records by default and labels the count', async () => {
      const el = await figure(html`<vitrine-figure lang="en" src=${COMMUNES}></vitrine-figure>`);
      expect(partText(el, 'value')).to.equal('34,969');
      expect(partText(el, 'label')).to.equal('Number of records');
      const fr = await figure(html`<vitrine-figure lang="fr" src=${COMMUNES}></vitrine-figure>`);
      expect(partText(fr, 'label')).to.equal('Nombre d’enregistrements');
    });

    it('writes compact numbers, decimals, units and currencies', async () => {
      const compactFr = await figure(
        html`<vitrine-figure lang="fr" src=${COMMUNES} value="sum(population)" compact></vitrine-figure>`,
      );
      // Chromium's ICU writes a narrow no-break space here, Node's a no-break space: both are right.
      expect(partText(compactFr, 'value')).to.match(/^69[\u00a0\u202f]M$/);
      const compactEn = await figure(
        html`<vitrine-figure lang="en" src=${COMMUNES} value="sum(population)" compact></vitrine-figure>`,
      );
      expect(partText(compactEn, 'value')).to.equal('69M');
      const avg = await figure(
        html`<vitrine-figure lang="en" src=${WEATHER} value="avg(temp_max)" decimals="1" unit="°C"></vitrine-figure>`,
      );
      expect(partText(avg, 'value')).to.match(/^16\.\d\u00a0°C$/);
      const money = await figure(
        html`<vitrine-figure lang="fr" src=${COMMUNES} value="count(*)" currency="EUR"></vitrine-figure>`,
      );
      expect(partText(money, 'value')).to.equal(`34${NNBSP}969\u00a0€`);
    });

    it('shows the first and last dates of a date field', async () => {
      const first = await figure(html`<vitrine-figure lang="en" src=${WEATHER} value="min(date)"></vitrine-figure>`);
      expect(partText(first, 'value')).to.match(/^Jan(uary)? 1, 2012$/);
      const last = await figure(html`<vitrine-figure lang="fr" src=${WEATHER} value="max(date)"></vitrine-figure>`);
      expect(partText(last, 'value')).to.match(/^31 déc(\.|embre) 2015$/);
    });

    it('uses a custom label', async () => {
      const el = await figure(html`<vitrine-figure src=${COMMUNES} label="Communes de France"></vitrine-figure>`);
      expect(partText(el, 'label')).to.equal('Communes de France');
    });

    it('shows data as text, never as markup', async () => {
      const markup = '<img src=x onerror=alert(1)>';
      const el = await figure(html`<vitrine-figure src=${COMMUNES} label=${markup}></vitrine-figure>`);
      expect(partText(el, 'label')).to.equal('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('comparison', () => {
    it('compares with the previous period of a date filter', async () => {
      const el = await figure(
        html`<vitrine-figure lang="en" src=${WEATHER} filter="date = 2013" compare="previous"></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('365');
      const delta = el.shadowRoot!.querySelector('[part~="delta"]')!;
      expect(delta.classList.contains('bad')).to.equal(true);
      expect(delta.textContent).to.contain('▼');
      expect(delta.textContent).to.contain('vs 2012');
      expect(delta.querySelector('.visually-hidden')!.textContent).to.equal('down 0.3% compared with 2012');
      await expect(el).to.be.accessible();
    });

    it('compares with another filter, in French, with a lower-is-better colour', async () => {
      const el = await figure(
        html`<vitrine-figure
          lang="fr"
          src=${COMMUNES}
          value="sum(population)"
          filter="departement = 02"
          compare-filter="departement = 01"
          compare-label="l’Ain"
          delta="both"
          lower-is-better
        ></vitrine-figure>`,
      );
      // Aisne 2019 population vs Ain 679,344.
      const delta = el.shadowRoot!.querySelector('[part~="delta"]')!;
      expect(delta.textContent).to.contain('vs l’Ain');
      expect(delta.querySelector('.visually-hidden')!.textContent).to.match(
        /^en (hausse|baisse) de .+ par rapport à l’Ain$/,
      );
      expect(delta.classList.contains('good') || delta.classList.contains('bad')).to.equal(true);
    });

    it('says what is wrong with a comparison that has no date filter', async () => {
      const el = await figure(html`<vitrine-figure lang="en" src=${WEATHER} compare="previous"></vitrine-figure>`);
      expect(partText(el, 'error')).to.contain('date = 2024');
    });
  });

  describe('states', () => {
    it('keeps its height from loading to data (no layout shift)', async () => {
      const tag = unique();
      await injectFault({ path: `x${tag}`, delayMs: 800 });
      const el = await fixture<VitrineFigure>(
        html`<vitrine-figure
          label="Population"
          src=${COMMUNES}
          value="sum(population)"
          where=${`code != 'x${tag}'`}
        ></vitrine-figure>`,
      );
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      const loadingHeight = el.getBoundingClientRect().height;
      await settled(el);
      expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(el.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 0.5);
    });

    it('says when there is no data', async () => {
      const el = await figure(
        html`<vitrine-figure
          lang="en"
          src=${COMMUNES}
          value="sum(population)"
          filter="departement = 999"
        ></vitrine-figure>`,
      );
      expect(partText(el, 'empty')).to.equal('No data');
      await expect(el).to.be.accessible();
    });

    it('names an unknown field, suggests the right one, and warns in the console', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      let errorEvent: Event | undefined;
      try {
        const el = await fixture<VitrineFigure>(
          html`<vitrine-figure
            lang="en"
            src=${COMMUNES}
            value="sum(popluation)"
            @vitrine-data-error=${(e: Event) => (errorEvent = e)}
          ></vitrine-figure>`,
        );
        await waitFor(() => partText(el, 'error'), 5000, 'error message');
        expect(partText(el, 'error')).to.contain('Unknown field "popluation" in the value attribute');
        expect(partText(el, 'error')).to.contain('population');
        expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
        expect(errorEvent).to.not.equal(undefined);
        expect(String(warnings[0]?.[0])).to.contain('<vitrine-figure value="sum(popluation)">');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = original;
      }
    });

    it('says so in French', async () => {
      const el = await figure(
        html`<vitrine-figure lang="fr" src=${COMMUNES} value="sum(popluation)"></vitrine-figure>`,
      );
      expect(partText(el, 'error')).to.contain('Champ inconnu');
    });

    it('names an unknown dataset', async () => {
      const el = await figure(html`<vitrine-figure lang="en" src=${datasetPage('no-such-dataset')}></vitrine-figure>`);
      expect(partText(el, 'error')).to.contain('no-such-dataset');
      expect(partText(el, 'error')).to.contain('src');
    });

    it('rejects an address that is not a dataset, with an accepted form', async () => {
      const el = await figure(html`<vitrine-figure lang="en" src="https://example.org/some/page"></vitrine-figure>`);
      expect(partText(el, 'error')).to.contain('/explore/dataset/');
    });

    it('asks for a src or a source', async () => {
      const el = await figure(html`<vitrine-figure lang="en"></vitrine-figure>`);
      expect(partText(el, 'error')).to.contain('src');
      const missing = await figure(html`<vitrine-figure lang="en" source="nowhere"></vitrine-figure>`);
      expect(partText(missing, 'error')).to.contain('vitrine-source element with id "nowhere"');
    });

    it('rejects a bad value, decimals or currency', async () => {
      const value = await figure(
        html`<vitrine-figure lang="en" src=${COMMUNES} value="total(population)"></vitrine-figure>`,
      );
      expect(partText(value, 'error')).to.contain('value');
      const currency = await figure(html`<vitrine-figure lang="en" src=${COMMUNES} currency="euros"></vitrine-figure>`);
      expect(partText(currency, 'error')).to.contain('currency');
      // Corrected, it shows the value.
      currency.setAttribute('currency', 'EUR');
      await waitFor(() => partText(currency, 'value'), 8000, 'the value after the correction');
      expect(partText(currency, 'value')).to.equal('€34,969');
    });

    it('offers a retry when the portal cannot be reached, and recovers', async () => {
      const el = await figure(
        html`<vitrine-figure lang="en" src="http://127.0.0.1:9/explore/dataset/x/"></vitrine-figure>`,
      );
      expect(partText(el, 'error')).to.contain('could not be reached');
      const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!;
      expect(retry.textContent).to.equal('Retry');
      await expect(el).to.be.accessible();
    });
  });

  describe('requests', () => {
    it('makes one data request per distinct query, however many figures use it', async () => {
      const tag = unique();
      await clearPortalLog();
      const page = await fixture(
        html`<div lang="en">
          ${[1, 2, 3, 4, 5].map(() => html`<vitrine-figure src=${COMMUNES} value="sum(population)" where=${`code != 'a${tag}'`}></vitrine-figure>`)}
          ${[1, 2, 3, 4, 5].map(() => html`<vitrine-figure src=${COMMUNES} value="count(*)" where=${`code != 'b${tag}'`}></vitrine-figure>`)}
        </div>`,
      );
      const figures = [...page.querySelectorAll<VitrineFigure>('vitrine-figure')];
      await waitFor(
        () => figures.every((f) => partText(f, 'value') && !f.shadowRoot!.querySelector('.skeleton')),
        10000,
        'ten figures',
      );
      const log = await portalLog();
      const data = log.filter((e) => e.path.endsWith('/records'));
      const meta = log.filter((e) => e.path.endsWith('/communes-france'));
      expect(data.length).to.equal(2);
      expect(meta.length).to.be.at.most(1);
    });

    it('shares a source and its filters', async () => {
      const page = await fixture(
        html`<div lang="en">
          <vitrine-source id="communes" src=${COMMUNES} filter="departement = 01"></vitrine-source>
          <vitrine-figure source="communes" value="sum(population)"></vitrine-figure>
          <vitrine-source src=${COMMUNES} where="departement = '01'">
            <vitrine-figure value="count(*)"></vitrine-figure>
          </vitrine-source>
        </div>`,
      );
      const [bound, nested] = [...page.querySelectorAll<VitrineFigure>('vitrine-figure')];
      await waitFor(
        () =>
          partText(bound!, 'value') &&
          partText(nested!, 'value') &&
          !page.querySelector('vitrine-figure')!.shadowRoot!.querySelector('.skeleton'),
        8000,
        'bound figures',
      );
      expect(partText(bound!, 'value')).to.equal('679,344');
      expect(Number(partText(nested!, 'value')!.replace(/,/g, ''))).to.be.greaterThan(300);
      page.querySelector('vitrine-source')!.setAttribute('filter', 'departement = 02');
      await waitFor(
        () => partText(bound!, 'value') !== '679,344' && !bound!.shadowRoot!.querySelector('.skeleton'),
        8000,
        'source filter change',
      );
    });

    it('aborts its request when removed from the page', async () => {
      const tag = unique();
      await clearPortalLog();
      await injectFault({ path: `a${tag}`, delayMs: 3000 });
      const el = await fixture<VitrineFigure>(
        html`<vitrine-figure src=${COMMUNES} where=${`code != 'a${tag}'`}></vitrine-figure>`,
      );
      const entry = await removeWhileLoading(el, `a${tag}`);
      expect(entry!.aborted).to.equal(true);
    });

    it('waits as a 429 asks (Retry-After), then shows the data', async () => {
      const tag = unique();
      await clearPortalLog();
      await injectFault({ path: `r${tag}`, status: 429, retryAfter: 1 });
      const t0 = performance.now();
      const el = await figure(
        html`<vitrine-figure lang="en" src=${COMMUNES} where=${`code != 'r${tag}'`}></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('34,969');
      expect(performance.now() - t0).to.be.at.least(900);
      const tries = (await portalLog()).filter((e) => e.search.includes(`r${tag}`));
      expect(tries.map((e) => e.status)).to.deep.equal([429, 200]);
    });

    it('retries a 503 with backoff', async () => {
      const tag = unique();
      await clearPortalLog();
      await injectFault({ path: `s${tag}`, status: 503, times: 2 });
      const el = await figure(
        html`<vitrine-figure lang="en" src=${COMMUNES} where=${`code != 's${tag}'`}></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('34,969');
      const tries = (await portalLog()).filter((e) => e.search.includes(`s${tag}`));
      expect(tries.map((e) => e.status)).to.deep.equal([503, 503, 200]);
    });

    it('refreshes, and keeps the last value when the portal stops answering', async () => {
      const tag = unique();
      const el = await figure(
        html`<vitrine-figure lang="en" refresh="2" src=${COMMUNES} where=${`code != 't${tag}'`}></vitrine-figure>`,
      );
      expect(partText(el, 'value')).to.equal('34,969');
      await injectFault({ path: `t${tag}`, status: 500, times: -1 });
      await waitFor(() => el.shadowRoot!.querySelector('[part~="stale"]'), 15000, 'the stale notice');
      expect(partText(el, 'value')).to.equal('34,969');
      expect(partText(el, 'stale')).to.contain('not answering');
      await clearFaults();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="stale"] button')!.click();
      await waitFor(() => !el.shadowRoot!.querySelector('[part~="stale"]'), 8000, 'recovery');
      el.remove();
    });
  });
});
