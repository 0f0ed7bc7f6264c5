import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import '../source/define.js';
import type { VitrineFilter } from './filter.js';
import type { VitrineSource } from '../source/source.js';
import { datasetPage, partText, settled, waitFor } from '../../../test/browser/helpers.js';
import { describeViolations, recordViolations } from '../../../test/browser/csp.js';

const violations = recordViolations();

describe('vitrine-filter under a strict Content-Security-Policy', () => {
  it('runs on a page that forbids eval and inline code', async () => {
    expect(() => new Function('return 1')).to.throw();
    await new Promise((resolve) => setTimeout(resolve, 50));
    violations.length = 0;
  });

  it('lists values, unfolds a date, checks, shows ranges, hostile strings and an error with no violation', async () => {
    const page = await fixture(
      html`<div lang="en">
        <vitrine-source id="csp-weather" src=${datasetPage('seattle-weather')}></vitrine-source>
        <vitrine-source id="csp-hostile" src=${datasetPage('hostile-strings')}></vitrine-source>
        <vitrine-filter source="csp-weather" field="date"></vitrine-filter>
        <vitrine-filter source="csp-weather" field="temp_max" display="range"></vitrine-filter>
        <vitrine-filter source="csp-weather" field="weather" display="select"></vitrine-filter>
        <vitrine-filter source="csp-hostile" field="label" limit="3"></vitrine-filter>
        <vitrine-filter source="csp-weather" field="nope"></vitrine-filter>
      </div>`,
    );
    const [dates, range, select, hostile, wrong] = [...page.querySelectorAll<VitrineFilter>('vitrine-filter')];
    await Promise.all([dates, range, select, hostile, wrong].map((e) => settled(e!)));
    expect(partText(wrong!, 'error')).to.contain('nope');
    const root = dates!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part~="expand"]')!.click();
    await waitFor(() => root.querySelector('.nested .row'), 8000, 'the months');
    root.querySelector<HTMLInputElement>('.nested input')!.click();
    const source = page.querySelector<VitrineSource>('#csp-weather')!;
    expect(source.selection('date')?.op).to.equal('in');
    const [from] = [...range!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[part~="input"]')];
    from!.value = '10';
    from!.dispatchEvent(new Event('change'));
    expect(source.selection('temp_max')).to.deep.equal({ field: 'temp_max', op: 'ge', value: 10 });
    hostile!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]')!.click();
    await hostile!.updateComplete;
    expect(hostile!.shadowRoot!.querySelectorAll('script, img, b, iframe')).to.have.length(0);
    expect((window as { __vitrinePwned?: unknown }).__vitrinePwned).to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations, describeViolations(violations)).to.have.length(0);
  });
});
