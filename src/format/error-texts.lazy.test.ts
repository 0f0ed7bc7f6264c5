import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorTexts, loadErrorTexts } from './error-texts.lazy.js';

describe('error texts loaded on first use (the CDN build)', () => {
  it('are absent until loaded, then there for good', async () => {
    assert.equal(errorTexts(), undefined);
    const first = loadErrorTexts();
    assert.ok(first instanceof Promise);
    assert.equal(loadErrorTexts(), first, 'one load at a time');
    await first;
    assert.equal(
      errorTexts()?.ERROR_MESSAGES.fr['reason.expected-number'],
      '«\u00a0{value}\u00a0» n’est pas un nombre',
    );
    assert.equal(loadErrorTexts(), undefined);
  });
});
