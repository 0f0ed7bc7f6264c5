// @ts-check
/* global document, window -- functions handed to the page (page.evaluate) */
/**
 * The demo pages as `npm start` serves them (the local portal, the strict CSP of the demo server, the
 * CDN build), each opened in headless Chromium: every widget settles and none shows its error state,
 * nothing fails to load, the console stays free of errors and warnings (no CSP violation among them),
 * axe finds no WCAG 2.1 A or AA violation, and at 320 CSS px nothing is wider than the screen. These
 * are the pages a webmaster copies from.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startPortal } from '../../demo/portal/server.js';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.js';
import { demoSite, startStaticServer } from '../../scripts/static-server.js';
import { settlePage } from '../../scripts/settle-page.js';

const pages = (await readdir('demo')).filter((f) => f.endsWith('.html')).sort();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** @type {Awaited<ReturnType<typeof startPortal>>} */
let portal;
/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  assert.ok(existsSync('dist/cdn/vitrine.js'), 'dist/cdn is missing: run `npm run build` first');
  portal = await startPortal({ port: 0, quiet: true });
  const portalUrl = `http://localhost:${portal.port}`;
  demo = await startStaticServer(demoSite(portalUrl));
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  demo?.server.close();
  portal?.server.close();
});

for (const file of pages) {
  test(`demo/${file}: every widget shows its data, nothing fails, axe finds nothing`, async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('console', (message) => {
        const text = message.text();
        // Chromium's software WebGL reports its own slow paths; they are not the page's.
        if (text.startsWith('[.WebGL-') || text.startsWith('Failed to load resource')) return;
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
          problems.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`),
        ),
      );
      await page.goto(`${demo.url}/${file}`);
      await settlePage(page);
      const errors = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.localName.startsWith('vitrine-'))
          .flatMap((e) => {
            const shown = e.shadowRoot?.querySelector('[part~="error"]');
            return shown ? [`<${e.localName}>: ${shown.textContent?.trim()}`] : [];
          }),
      );
      assert.deepEqual(errors, [], 'widgets in their error state');
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = /** @type {any} */ (window).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map(
          (/** @type {{ id: string, nodes: { target: unknown[] }[] }} */ v) =>
            `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
        );
      });
      assert.deepEqual(violations, [], 'axe');
      // On a phone (WCAG 1.4.10, reflow at 320 CSS px): nothing makes the page scroll sideways.
      await page.setViewportSize({ width: 320, height: 720 });
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const page =
          document.documentElement.scrollWidth > width ? [`the page: ${document.documentElement.scrollWidth} px`] : [];
        return page.concat(
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('pre'))
            .slice(0, 5)
            .map(
              (e) =>
                `${e.localName}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}: ${Math.round(e.getBoundingClientRect().right)} px`,
            ),
        );
      });
      assert.deepEqual(overflow, [], 'wider than a 320 px screen');
      assert.deepEqual(problems, [], 'console, failed requests');
    } finally {
      await context.close();
    }
  });
}
