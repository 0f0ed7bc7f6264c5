// The copy buttons of the demo gallery (demo/index.html). A file rather than an inline script, so the
// page works under the strict Content-Security-Policy of `npm start`. Without JavaScript the buttons stay
// hidden and the blocks can still be selected by hand.

/** @param {HTMLElement} code */
function selectText(code) {
  const range = document.createRange();
  range.selectNodeContents(code);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** @param {HTMLElement} code */
async function copy(code) {
  const text = code.textContent ?? '';
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return true;
  }
  // Older browsers, or a page served over plain HTTP from another host than localhost.
  selectText(code);
  return document.execCommand('copy');
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  const code = document.getElementById(button.getAttribute('data-copy') ?? '');
  const status = button.parentElement?.querySelector('.copy-status');
  if (!code) continue;
  let timer = 0;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let message;
    try {
      message = (await copy(code)) ? 'Copied.' : 'Selected: press Ctrl+C (⌘+C on a Mac) to copy.';
    } catch {
      selectText(code);
      message = 'Selected: press Ctrl+C (⌘+C on a Mac) to copy.';
    }
    if (status) {
      status.textContent = message;
      clearTimeout(timer);
      timer = window.setTimeout(() => (status.textContent = ''), 4000);
    }
  });
}
