import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { VitrineMap } from './map.js';
import { datasetPage, isSettled, partText, settled, waitFor } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';
import { PORTAL } from '../../../test/env.js';

const violations = recordViolations();

// maplibre wraps its worker in a blob: URL only when the worker file is on another origin: record it.
const blobs: string[] = [];
const createObjectURL = URL.createObjectURL.bind(URL);
URL.createObjectURL = (object: Blob | MediaSource) => {
  const url = createObjectURL(object);
  if (object instanceof Blob && /javascript/.test(object.type)) blobs.push(url);
  return url;
};

async function drawn(template: ReturnType<typeof html>): Promise<VitrineMap> {
  const el = await fixture<VitrineMap>(template);
  await settled(el, 30000);
  await waitFor(() => isSettled(el) && el.engine?.loaded(), 20000, 'the map to be idle');
  return el;
}

describe('vitrine-map under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('draws clusters with their counts, a legend, the offline basemap and a popup, with no violation', async () => {
    const el = await drawn(
      html`<vitrine-map
        lang="en"
        mode="clusters"
        src=${datasetPage('earthquakes')}
        basemap=${`${PORTAL}/basemap/style.json`}
        popup="place,mag"
      ></vitrine-map>`,
    );
    const map = el.engine!;
    expect(map.queryRenderedFeatures({ layers: ['vitrine-clusters'] }).length).to.be.greaterThan(0);
    expect(map.queryRenderedFeatures({ layers: ['vitrine-cluster-count'] }).length).to.be.greaterThan(0);
    expect(partText(el, 'legend')).to.contain('Circles group nearby points');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table"] .row-button')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('.maplibregl-popup'), 3000, 'a popup');
    expect(violations, describeViolations(violations)).to.have.length(0);
  });

  it('draws a choropleth whose legend colours are set without inline styles', async () => {
    const el = await drawn(
      html`<vitrine-map src=${datasetPage('london-boroughs')} key="name" value="sum(area_km2)"></vitrine-map>`,
    );
    const swatch = el.shadowRoot!.querySelector<HTMLElement>('[part~="legend"] .swatch')!;
    expect(getComputedStyle(swatch).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(violations, describeViolations(violations)).to.have.length(0);
  });

  it('loads its worker from its own origin, as a file: no blob: worker is needed', () => {
    const worker = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .find((u) => u.pathname.endsWith('/maplibre-gl-worker.mjs'));
    expect(worker?.origin).to.equal(location.origin);
    expect(blobs).to.deep.equal([]);
  });
});
