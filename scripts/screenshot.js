// @ts-check
/**
 * `node scripts/screenshot.js <url> <out.png> [width] [height]`: a full-page screenshot in headless
 * Chromium once every Vitrine element on the page has settled (no `aria-busy="true"` left).
 */
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.js';
import { settlePage } from './settle-page.js';

const [url, out, width = '1100', height = '900'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.js <url> <out.png> [width] [height]');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on(
    'console',
    (m) => (m.type() === 'warning' || m.type() === 'error') && console.log(`[page ${m.type()}] ${m.text()}`),
  );
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await settlePage(page, 30_000);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
