// @ts-check
/**
 * Waits until every Vitrine element of a page shows its data (or its empty or error state): scrolls
 * through the page first, since elements load when they come near the viewport, then waits for
 * `aria-busy="false"` on each element's `[part~="base"]`. Used by the screenshot scripts.
 * @module
 */

/**
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout] milliseconds
 */
export async function settlePage(page, timeout = 60_000) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.localName.startsWith('vitrine-') && e.localName !== 'vitrine-source')
        .every((e) => e.shadowRoot?.querySelector('[part~="base"][aria-busy="false"]')),
    undefined,
    { timeout },
  );
}
