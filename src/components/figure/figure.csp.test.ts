import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineFigure } from './figure.js';
import { datasetPage, partText, settled } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();

describe('vitrine-figure under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    // The policy is really there: eval is refused (and reported, which the next test must not count).
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('shows data, a comparison and an error with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-figure src=${datasetPage('communes-france')} value="sum(population)"></vitrine-figure>
        <vitrine-figure src=${datasetPage('seattle-weather')} filter="date = 2013" compare="previous"></vitrine-figure>
        <vitrine-figure src=${datasetPage('communes-france')} value="sum(nope)"></vitrine-figure>
      </div>`,
    );
    const [a, b, c] = [...page.querySelectorAll<VitrineFigure>('vitrine-figure')];
    await Promise.all([settled(a!), settled(b!), settled(c!)]);
    expect(partText(a!, 'value')).to.equal('68,952,941');
    expect(partText(b!, 'delta')).to.contain('vs 2012');
    expect(partText(c!, 'error')).to.contain('nope');
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
