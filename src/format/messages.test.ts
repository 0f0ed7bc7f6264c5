import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MESSAGES, interpolate, isMessageKey, translate, translateDynamic } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('have the same keys in French and English', () => {
    assert.deepEqual(Object.keys(MESSAGES.fr).sort(), Object.keys(MESSAGES.en).sort());
  });
  for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
    it(`${key}: same placeholders, no HTML, not empty`, () => {
      assert.deepEqual(placeholders(MESSAGES.fr[key]), placeholders(MESSAGES.en[key]));
      for (const text of [MESSAGES.fr[key], MESSAGES.en[key]]) {
        assert.ok(text.trim().length > 0);
        assert.ok(!/[<>]/.test(text.replace(/<=|>=|[<>](?=,)/g, '')), `no markup in ${text}`);
      }
    });
  }
  it('are frozen', () => {
    assert.throws(() => {
      (MESSAGES.en as Record<string, string>)['ui.others'] = 'x';
    });
  });
});

describe('translate', () => {
  it('picks the table from any language tag', () => {
    assert.equal(translate('fr-CA', 'ui.others'), 'Autres');
    assert.equal(translate('de', 'ui.others'), 'Others');
    assert.equal(translate('en', 'period.quarter', { quarter: 2, year: 2024 }), 'Q2 2024');
    assert.equal(translate('fr', 'period.quarter', { quarter: 2, year: 2024 }), 'T2\u00a02024');
  });
  it('inserts values as text, never interpreting them', () => {
    const text = translate('en', 'ui.stale', { time: '<img src=x onerror=alert(1)> {time}' });
    assert.equal(text, 'Data from <img src=x onerror=alert(1)> {time}: the portal is not answering.');
  });
  it('keeps unknown placeholders visible', () => {
    assert.equal(interpolate('a {x} b {y}', { x: 1 }), 'a 1 b {y}');
    assert.equal(interpolate('{toString} {constructor}', {}), '{toString} {constructor}');
  });
  it('translateDynamic returns the key for an unknown key', () => {
    assert.equal(translateDynamic('fr', 'nope.nothing'), 'nope.nothing');
    assert.equal(
      translateDynamic('fr', 'reason.expected-number', { value: 'abc' }),
      '«\u00a0abc\u00a0» n’est pas un nombre',
    );
    assert.ok(isMessageKey('ui.retry'));
    assert.ok(!isMessageKey('ui.nope'));
  });
});
