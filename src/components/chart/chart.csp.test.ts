/**
 * vitrine-chart on a page whose Content-Security-Policy forbids eval and inline code (the strict-CSP
 * group of web-test-runner.config.js): every kind of chart renders, its tooltip shows, its images and
 * CSV are made, and the page reports no violation.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { VitrineChart } from './chart.js';
import { datasetPage, partText, settled } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();
const COMMUNES = datasetPage('communes-france');
const WEATHER = datasetPage('seattle-weather');

describe('vitrine-chart under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval', async () => {
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('draws every kind of chart with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-chart
          src=${COMMUNES}
          type="bar"
          x="departement"
          y="sum(population)"
          sort="-y"
          limit="5"
          others
        ></vitrine-chart>
        <vitrine-chart src=${WEATHER} type="column" x="year(date)" color="weather" stack="percent"></vitrine-chart>
        <vitrine-chart
          src=${WEATHER}
          type="line"
          x="date"
          time-unit="month"
          y="avg(temp_max), avg(temp_min)"
        ></vitrine-chart>
        <vitrine-chart src=${WEATHER} type="area" x="month(date)" color="weather" filter="date = 2014"></vitrine-chart>
        <vitrine-chart src=${WEATHER} type="pie" x="weather"></vitrine-chart>
        <vitrine-chart src=${COMMUNES} type="donut" x="zone" y="sum(population)"></vitrine-chart>
        <vitrine-chart
          src=${WEATHER}
          type="scatter"
          x="avg(temp_min)"
          y="avg(temp_max)"
          color="weather"
          size="count(*)"
        ></vitrine-chart>
        <vitrine-chart
          src=${WEATHER}
          type="column"
          x="year(date)"
          renderer="canvas"
          spec='{"mark": {"cornerRadius": 2}}'
        ></vitrine-chart>
      </div>`,
    );
    const charts = [...page.querySelectorAll<VitrineChart>('vitrine-chart')];
    // A chart draws when it comes near the viewport: bring each one there.
    for (const el of charts) {
      el.scrollIntoView();
      await settled(el);
    }
    for (const el of charts) {
      expect(partText(el, 'error'), el.getAttribute('type') ?? '').to.equal(undefined);
      expect(el.view, el.getAttribute('type') ?? '').to.not.equal(undefined);
      expect(el.shadowRoot!.querySelector('.vega svg, .vega canvas')).to.not.equal(null);
    }
    expect(charts[0]!.view!.data('table')).to.have.length(6);
    expect(violations, describeViolations(violations)).to.have.length(0);
  });

  it('shows a tooltip and makes its downloads with no violation', async () => {
    const el = await fixture<VitrineChart>(
      html`<vitrine-chart lang="en" src=${WEATHER} x="year(date)"></vitrine-chart>`,
    );
    await settled(el);
    const bar = el.shadowRoot!.querySelector<SVGPathElement>('.vega .mark-rect path')!;
    const box = bar.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    bar.dispatchEvent(new PointerEvent('pointermove', at));
    bar.dispatchEvent(new MouseEvent('mousemove', at));
    const tooltip = el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
    expect(tooltip.hidden).to.equal(false);
    expect(tooltip.textContent).to.contain('2012');
    expect((await el.toSVG()).startsWith('<svg')).to.equal(true);
    expect((await el.toPNG()).startsWith('data:image/png')).to.equal(true);
    expect(el.toCSV()).to.contain('2012;366');
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
