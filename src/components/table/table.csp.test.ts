import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { VitrineTable } from './table.js';
import { datasetPage, partText, settled } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();

describe('vitrine-table under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    // The policy is really there: eval is refused (and reported, which the next test must not count).
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('shows rows, hostile strings, a sort, a page and an error with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-table src=${datasetPage('communes-france')} columns="nom,population" page-size="5"></vitrine-table>
        <vitrine-table src=${datasetPage('hostile-strings')} page-size="100"></vitrine-table>
        <vitrine-table src=${datasetPage('communes-france')} columns="nope"></vitrine-table>
      </div>`,
    );
    const [a, b, c] = [...page.querySelectorAll<VitrineTable>('vitrine-table')];
    await Promise.all([settled(a!), settled(b!), settled(c!)]);
    expect(a!.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(5);
    // The height of page-size rows is reserved through the CSSOM, which the policy allows.
    const scroller = a!.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(getComputedStyle(scroller).minHeight)).to.be.closeTo((2.75 + 5 * 2.5) * rem, 0.5);
    a!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sort-button"]')!.click();
    await a!.updateComplete;
    await settled(a!);
    a!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await a!.updateComplete;
    await settled(a!);
    expect(partText(a!, 'status')).to.equal('Rows 6–10 of 34,969');
    expect(b!.shadowRoot!.querySelectorAll('img,script,svg,b')).to.have.length(0);
    expect(b!.shadowRoot!.querySelector('a[href^="javascript:" i]')).to.equal(null);
    expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
    expect(partText(c!, 'error')).to.contain('nope');
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
