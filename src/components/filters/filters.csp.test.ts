import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineFilters } from './filters.js';
import type { VitrineSource } from '../source/source.js';
import { datasetPage, settled, waitFor } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();

describe('vitrine-filters under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('shows hostile chips, removes one, clears all, with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="csp-chips" src=${datasetPage('hostile-strings')}></vitrine-source>
        <vitrine-filters source="csp-chips"></vitrine-filters>
      </div>`,
    );
    const el = page.querySelector<VitrineFilters>('vitrine-filters')!;
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    await settled(el);
    source.toggleValue('label', '<script>window.__vitrinePwned=1</script>');
    source.toggleValue('label', '<img src=x onerror="window.__vitrinePwned=1">');
    source.setSearch('<b>x</b>');
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="chip"]').length === 3, 3000, 'the chips');
    expect(el.shadowRoot!.querySelectorAll('script, img, b')).to.have.length(0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="remove"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear"]')!.click();
    expect(source.selections).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
