import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineSearch } from './search.js';
import type { VitrineSource } from '../source/source.js';
import { datasetPage, waitFor } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();

describe('vitrine-search under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('searches, clears and shows an error with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="csp-search" src=${datasetPage('communes-france')}></vitrine-source>
        <vitrine-search source="csp-search" delay="10"></vitrine-search>
        <vitrine-search source="nowhere"></vitrine-search>
      </div>`,
    );
    const [el, wrong] = [...page.querySelectorAll<VitrineSearch>('vitrine-search')];
    await Promise.all([el!.updateComplete, wrong!.updateComplete]);
    const source = page.querySelector<VitrineSource>('vitrine-source')!;
    const input = el!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    input.value = '<img src=x onerror="window.__vitrinePwned=1">';
    input.dispatchEvent(new Event('input'));
    await waitFor(() => source.search !== '', 3000, 'the search');
    await el!.updateComplete;
    el!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="clear"]')!.click();
    expect(source.search).to.equal('');
    expect(wrong!.shadowRoot!.querySelector('[part~="error"]')).to.not.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
