/**
 * A map whose worker script cannot load (a wrong `worker-url`, a file left out of an upload, a server
 * that sends `.mjs` with another type). In a file of its own: maplibre keeps one worker pool per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { VitrineMap } from './map.js';
import { datasetPage, partText, waitFor } from '../../../test/browser/helpers.js';
import { PageWatch } from '../../../test/browser/reliability/subjects.js';

describe('vitrine-map whose worker cannot load', () => {
  it('says which file did not load and what to check, in the page language, and keeps the table', async () => {
    const watch = new PageWatch();
    watch.start();
    try {
      const el = await fixture<VitrineMap>(
        html`<vitrine-map
          lang="en"
          src=${datasetPage('us-airports')}
          worker-url="/missing/maplibre-gl-worker.mjs"
        ></vitrine-map>`,
      );
      const message = await waitFor(() => partText(el, 'error'), 30000, 'the message');
      expect(message).to.contain('its worker script').and.to.contain('/missing/maplibre-gl-worker.mjs');
      expect(message).to.contain('worker-url attribute').and.to.contain('text/javascript').and.to.contain('worker-src');
      expect(message).to.contain('The data is still available as a table');
      expect(watch.warnings.join('\n')).to.match(/<vitrine-map>: the map's worker did not load from \S*\/missing\//);
      expect(el.engine).to.equal(undefined);
      await expect(el).to.be.accessible();

      // The records stay readable as a table.
      const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
      toggle.click();
      await waitFor(() => el.shadowRoot!.querySelectorAll('tbody tr').length > 0, 5000, 'the table');

      el.lang = 'fr';
      await waitFor(() => partText(el, 'error')?.includes('le script de son worker'), 5000, 'the French message');
      expect(partText(el, 'error')).to.contain('attribut worker-url');
    } finally {
      watch.stop();
    }
  });
});
