import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate, isMessageKey, messageTables, translate, translateDynamic } from './messages.js';
import { translate as chartTranslate } from './messages-chart.js';
import { translate as filterTranslate } from './messages-filters.js';
import { translate as mapTranslate } from './messages-map.js';
import { translate as tableTranslate } from './messages-table.js';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  const tables = messageTables();
  it('are the shared one and one per element (chart, map, table, filters)', () => {
    assert.equal(tables.length, 5);
  });
  it('have the same keys in French and English, and no key in two tables', () => {
    const seen = new Set<string>();
    for (const { en, fr } of tables) {
      assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        assert.ok(!seen.has(key), `${key} is in two tables`);
        seen.add(key);
      }
    }
  });
  for (const { en, fr } of tables) {
    for (const key of Object.keys(en)) {
      it(`${key}: same placeholders, no HTML, not empty`, () => {
        assert.deepEqual(placeholders(fr[key] ?? ''), placeholders(en[key] ?? ''));
        for (const text of [fr[key] ?? '', en[key] ?? '']) {
          assert.ok(text.trim().length > 0);
          assert.ok(!/[<>]/.test(text.replace(/<=|>=|[<>](?=,)/g, '')), `no markup in ${text}`);
        }
      });
    }
  }
  it('are frozen', () => {
    assert.throws(() => {
      (tables[0]?.en as Record<string, string>)['ui.others'] = 'x';
    });
  });
});

describe("each element's table", () => {
  it("answers through the element's translate and, once loaded, through every lookup", () => {
    assert.equal(chartTranslate('fr', 'chart.kind.pie'), 'Graphique en secteurs');
    assert.equal(mapTranslate('en', 'map.name', { dataset: 'Shops' }), 'Map: Shops');
    assert.equal(tableTranslate('en', 'table.count.other', { count: 3 }), '3 rows');
    assert.equal(filterTranslate('fr', 'filters.clear'), 'Tout effacer');
    assert.equal(chartTranslate('en', 'ui.retry'), 'Retry');
    assert.equal(translateDynamic('en', 'reason.chart-x'), 'the chart needs a field to group by');
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
