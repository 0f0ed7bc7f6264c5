// @ts-check
/**
 * Browser tests: real headless Chromium (Debian's), one page at a time (maplibre needs the page in
 * the foreground: at concurrency 2 requestAnimationFrame stops in the background tab), against a
 * local portal started here on a free port and announced to the tests through `/test/env.js`.
 */
import { writeFile } from 'node:fs/promises';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/chromium.js';
import { startPortal } from './demo/portal/server.js';
import { startStaticServer } from './scripts/static-server.js';
import { vegaSubsetForTests } from './scripts/vega-subset.js';

const portal = await startPortal({ port: 0, quiet: true });
portal.server.unref();
// The CDN build served from another origin, with the CORS header a public CDN sends: the way most sites
// load vitrine.js (test/browser/reliability/csp-header.test.ts).
const cdn = await startStaticServer({ mounts: { '/': 'dist/cdn' }, headers: { 'Access-Control-Allow-Origin': '*' } });
cdn.server.unref();

/**
 * Writes the pass/fail totals to `VITRINE_COUNTS_FILE` for scripts/test.js to add up.
 * @returns {import('@web/test-runner').Reporter}
 */
function countReporter() {
  return {
    async onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      /** @param {import('@web/test-runner').TestSuiteResult} suite */
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load, or threw outside a test, counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed += 1;
      }
      if (process.env.VITRINE_COUNTS_FILE)
        await writeFile(process.env.VITRINE_COUNTS_FILE, JSON.stringify({ passed, failed, skipped }));
    },
  };
}

/**
 * The policy of the strict-CSP group: no inline script, no eval, styles only from the page's origin
 * or constructed style sheets, data only from the portal. (`ws:` is the test runner's own channel.)
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `connect-src 'self' ws: ${portal.url}`,
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * The policy a strict site sends as an HTTP header (test/browser/reliability/csp-header.test.ts): unlike a
 * meta tag, it also covers what runs before the page's first element. Data only from the portal.
 */
const HEADER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  `connect-src ${portal.url}`,
  "img-src 'self' data: blob:",
].join('; ');

/**
 * The same, for a site that loads vitrine.js from a CDN: the CDN in `script-src`, and in `worker-src`
 * with `blob:` (maplibre starts its worker from a `blob:` that imports the CDN's worker file).
 */
const CDN_CSP = [
  "default-src 'self'",
  `script-src 'self' ${cdn.url}`,
  "style-src 'self'",
  `worker-src blob: ${cdn.url}`,
  `connect-src ${portal.url}`,
  "img-src 'self' data: blob:",
].join('; ');

/** Empty pages served with a policy as a header, which a test fills with every element and the CDN script. */
const POLICY_PAGES = { '/__vitrine/csp-header.html': HEADER_CSP, '/__vitrine/cdn-csp.html': CDN_CSP };

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/components/**/*.test.ts', 'test/browser/**/*.test.ts', '!**/*.csp.test.ts'],
  groups: [
    {
      name: 'strict-csp',
      files: ['src/components/**/*.csp.test.ts', 'test/browser/**/*.csp.test.ts'],
      testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
</head><body><script type="module" src="${testFramework}"></script></body></html>`,
    },
    {
      // Same-origin worker without blob: (a site that self-hosts dist/cdn).
      name: 'strict-csp-no-blob-worker',
      files: ['src/components/map/map.csp.test.ts'],
      testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP.replace("worker-src 'self' blob:", "worker-src 'self'")}">
</head><body><script type="module" src="${testFramework}"></script></body></html>`,
    },
  ],
  nodeResolve: { exportConditions: ['production', 'default'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS } }),
  ],
  plugins: [
    // maplibre's CSS is imported as text (`?inline`) and adopted in the map's shadow root.
    (await import('./scripts/wtr-css-text.js')).cssTextPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Charts run the same vega as the CDN build: the part of it they use.
    vegaSubsetForTests(),
    {
      name: 'vitrine-test-env',
      serve(context) {
        if (context.path === '/test/env.js') {
          return {
            body: `export const PORTAL = ${JSON.stringify(portal.url)};\nexport const CDN = ${JSON.stringify(cdn.url)};\n`,
            type: 'js',
          };
        }
        return undefined;
      },
    },
  ],
  middleware: [
    // The pages of POLICY_PAGES.
    (context, next) => {
      const policy = POLICY_PAGES[/** @type {keyof typeof POLICY_PAGES} */ (context.path)];
      if (policy === undefined) return next();
      context.set('Content-Security-Policy', policy);
      context.type = 'html';
      context.body =
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP header</title></head><body></body></html>';
      return undefined;
    },
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
