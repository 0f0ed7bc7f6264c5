// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCENARIOS, peerEntry, peerStatement, vitrineElement } from '../scenarios.js';

test('a peer page imports only the components it shows', () => {
  const figures = peerEntry(/** @type {any} */ (SCENARIOS.find((s) => s.name === 'figures')), '/p');
  assert.match(figures, /from "\/p\/kpi\.js"/);
  assert.doesNotMatch(figures, /chart\.js|map\.js|table\.js/);
  const dashboard = peerEntry(/** @type {any} */ (SCENARIOS.find((s) => s.name === 'dashboard')), '/p');
  for (const m of ['kpi', 'chart', 'map', 'table']) assert.match(dashboard, new RegExp(`/p/${m}\\.js`));
});

test('the same query on both sides: a neutral filter on Vitrine, ODSQL on the peer', () => {
  /** @type {import('../scenarios.js').Widget} */
  const w = { kind: 'figure', dataset: 'd', label: 'L "x"', value: 'sum(p)', filter: ['dep', '59'] };
  assert.equal(
    vitrineElement(w, 'http://p'),
    '<vitrine-figure src="http://p/explore/dataset/d/" value="sum(p)" label="L &quot;x&quot;" filter="dep = 59"></vitrine-figure>',
  );
  assert.equal(peerStatement(w, 'w0'), 'kpi("w0", "d", "L \\"x\\"", "sum(p)", "dep = \\"59\\"");');
  /** @type {import('../scenarios.js').Widget} */
  const t = { kind: 'table', dataset: 'd', columns: [{ key: 'a', title: 'A' }], sort: '-a', size: 5 };
  assert.match(peerStatement(t, 'w1'), /"a desc", 5\);$/);
});
