/**
 * Issue 9, a strict Content-Security-Policy sent as an HTTP header, as a careful site sends it, for the
 * two ways a site loads Vitrine (policies and pages set by web-test-runner.config.js):
 * - from its own origin: `default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self';
 *   connect-src <portal>; img-src 'self' data: blob:`, with dist/cdn/vitrine.js;
 * - from a CDN on another origin (with CORS, as public CDNs send): the CDN added to `script-src`, and
 *   `worker-src blob: <CDN>` (the policy the README gives).
 * The page holds every element and loads the CDN script (run `npm run build` first): all render, each
 * file is fetched once, and no `securitypolicyviolation` is reported.
 */
import { expect } from '@open-wc/testing';
import { CDN, PORTAL } from '../../env.js';
import { isSettled, unique, waitFor } from '../helpers.js';
import { SUBJECTS, WEATHER } from './subjects.js';

const SETUPS = [
  { name: 'the script from the site itself', page: '/__vitrine/csp-header.html', script: '/dist/cdn/vitrine.js' },
  { name: 'the script from a CDN on another origin', page: '/__vitrine/cdn-csp.html', script: `${CDN}/vitrine.js` },
];

for (const setup of SETUPS) {
  describe(`reliability: a strict CSP sent as an HTTP header, ${setup.name}`, () => {
    let frame: HTMLIFrameElement;
    let doc: Document;
    const violations: string[] = [];
    const tag = unique();

    before(async function () {
      this.timeout(60000);
      frame = document.createElement('iframe');
      frame.width = '1000';
      frame.height = '700';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = setup.page;
      document.body.append(frame);
      await loaded;
      doc = frame.contentDocument!;
      doc.addEventListener('securitypolicyviolation', (e) =>
        violations.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
      // The markup a webmaster pastes: every element, a source with a search and a filter summary.
      const block = doc.createElement('main');
      block.innerHTML = `${SUBJECTS.map((s) => s.markup(tag)).join('\n')}
        <vitrine-source id="csp-source" src="${WEATHER}"></vitrine-source>
        <vitrine-search source="csp-source"></vitrine-search>
        <vitrine-filters source="csp-source"></vitrine-filters>`;
      doc.body.append(block);
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = setup.script;
      const ran = new Promise((resolve, reject) => {
        script.addEventListener('load', resolve, { once: true });
        script.addEventListener('error', () => reject(new Error(`${setup.script} did not load: npm run build`)));
      });
      doc.head.append(script);
      await ran;
      // The frame is taller than the test page's viewport: load every element now rather than on scroll.
      const win = frame.contentWindow as Window & { Vitrine?: { load(root?: ParentNode): Promise<void> } };
      await win.Vitrine!.load(doc);
    });

    after(() => frame.remove());

    it('is served with the policy as a header', async () => {
      const policy = (await fetch(setup.page)).headers.get('content-security-policy') ?? '';
      expect(policy).to.contain("script-src 'self'").and.contain("style-src 'self'").and.contain('worker-src');
      expect(policy).to.contain(`connect-src ${PORTAL}`);
      expect(policy).to.not.contain('unsafe');
    });

    for (const subject of SUBJECTS) {
      it(`${subject.tag} renders its data`, async () => {
        const el = doc.querySelector<HTMLElement>(subject.tag)!;
        el.scrollIntoView();
        await waitFor(() => subject.shows(el), 30000, `<${subject.tag}> to show its data`);
      });
    }

    it('vitrine-search and vitrine-filters render', async () => {
      for (const name of ['vitrine-search', 'vitrine-filters']) {
        const el = doc.querySelector<HTMLElement>(name)!;
        await waitFor(() => el.shadowRoot && isSettled(el), 10000, name);
      }
      expect(doc.querySelector('vitrine-search')!.shadowRoot!.querySelector('input')).to.not.equal(null);
    });

    it('fetched each file of the script once', () => {
      const origin = new URL(setup.script, location.href).href.replace(/vitrine\.js$/, '');
      const files = frame
        .contentWindow!.performance.getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.startsWith(origin));
      expect(files.filter((f) => /\/chunks\/core-/.test(f))).to.have.length(1);
      expect(
        files.filter((f) => /maplibre-gl-worker\.mjs/.test(f)),
        'the map worker',
      ).to.have.length(1);
      expect(files.length - new Set(files).size, 'fetched twice').to.equal(0);
    });

    it('no securitypolicyviolation was reported', async () => {
      // Let the map's worker and the chart settle their last frames.
      await new Promise((r) => setTimeout(r, 200));
      expect(violations).to.deep.equal([]);
    });

    it('(the listener does see violations: an inline script is refused)', async () => {
      const inline = doc.createElement('script');
      inline.textContent = 'window.__vitrineInline = 1';
      doc.body.append(inline);
      await waitFor(() => violations.length > 0, 5000, 'the violation');
      expect(violations[0]).to.contain('script-src');
      expect((frame.contentWindow as Window & { __vitrineInline?: number }).__vitrineInline).to.equal(undefined);
    });
  });
}
