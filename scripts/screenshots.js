// @ts-check
/* global document, window, requestAnimationFrame -- functions handed to the page (page.evaluate) */
/**
 * `npm run screenshots`: the pictures of the README and of the demo gallery, made from the demo pages
 * as they are today. Starts the local portal and the demo server (with the strict CSP of `npm start`),
 * opens each demo page in headless Chromium, waits until every Vitrine element on it has settled
 * (`aria-busy="false"` on its `base` part), and writes `docs/screenshots/<page>.png`.
 *
 *   npm run screenshots                      every demo page (builds the CDN bundle first)
 *   npm run screenshots -- --no-build shops  one page, with the bundle already in dist/
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startPortal } from '../demo/portal/server.js';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';
import { demoSite, startStaticServer } from './static-server.js';
import { settlePage } from './settle-page.js';

const OUT = 'docs/screenshots';
/** The picture's size in CSS pixels (and in image pixels: device scale 1 keeps the files small). */
const WIDTH = 1000;
const HEIGHT = 720;

/**
 * Where each picture starts: the element scrolled to the top of the window (default: the page's
 * title); pages that open with a long explanation start at their first widgets instead. `height`
 * shortens a picture whose maps would make a heavy file.
 * @type {Record<string, { from?: string, height?: number }>}
 */
const FRAMES = {
  budget: { from: 'main h2' },
  choropleth: { from: 'main h2', height: 600 },
  communes: { from: 'main h2' },
  election: { from: 'main .grid' },
  places: { from: 'main h2', height: 660 },
  shops: { from: 'main h2' },
};

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

if (!args.includes('--no-build') || !existsSync('dist/cdn/vitrine.js')) {
  console.log('Building the CDN bundle…');
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
}

const pages = (await readdir('demo'))
  .filter((f) => f.endsWith('.html') && f !== 'index.html')
  .map((f) => f.replace(/\.html$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
if (pages.length === 0) {
  console.error(`No demo page named ${only.join(', ')}`);
  process.exit(1);
}

const portal = await startPortal({ quiet: true });
const portalUrl = `http://localhost:${portal.port}`;
const demo = await startStaticServer(demoSite(portalUrl));
await mkdir(OUT, { recursive: true });

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
let failed = 0;
try {
  for (const name of pages) {
    const frame = FRAMES[name] ?? {};
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: frame.height ?? HEIGHT },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`  [${name}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`  [${name}] ${e.message}`));
    try {
      await page.goto(`${demo.url}/${name}.html`, { waitUntil: 'networkidle' });
      await settlePage(page);
      const top = await page.evaluate((selector) => {
        const element = document.querySelector(selector);
        const y = element ? element.getBoundingClientRect().top + window.scrollY - 16 : 0;
        window.scrollTo(0, Math.max(0, y));
        return window.scrollY;
      }, frame.from ?? 'main h1');
      // Let maps and charts paint at their final place (two frames, then a moment for WebGL).
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
      );
      await page.waitForTimeout(500);
      const file = `${OUT}/${name}.png`;
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      console.log(`wrote ${file} (${Math.round(statSync(file).size / 1024)} KB, from y=${Math.round(top)})`);
    } catch (error) {
      failed += 1;
      console.error(`  ${name}: ${/** @type {Error} */ (error).message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await portal.close();
  await new Promise((resolve) => demo.server.close(resolve));
}
if (failed) {
  console.error(`${failed} of ${pages.length} pages could not be captured`);
  process.exit(1);
}
