// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compressed, kb, markdownTable, median, quantile, ratio, sumSizes, table } from '../lib.js';

test('median: odd and even counts, ignores non-numbers', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([NaN, 5, Infinity, 1]), 3);
  assert.ok(Number.isNaN(median([])));
});

test('quantile: nearest rank', () => {
  const values = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(quantile(values, 0.95), 19);
  assert.equal(quantile(values, 0.5), 10);
  assert.equal(quantile(values, 1), 20);
  assert.equal(quantile([7], 0.95), 7);
});

test('ratio: peer ÷ Vitrine, missing or zero gives a dash', () => {
  assert.equal(ratio(300, 100), '3.0×');
  assert.equal(ratio(1500, 100), '15×');
  assert.equal(ratio(50, 100), '0.5×');
  assert.equal(ratio(1, 0), '–');
  assert.equal(ratio(NaN, 1), '–');
});

test('compressed: raw, gzip and brotli; gzip and brotli shrink repetitive text', () => {
  const s = compressed('vitrine '.repeat(1000));
  assert.equal(s.raw, 8000);
  assert.ok(s.gzip < 200 && s.brotli < 200);
  assert.deepEqual(sumSizes([s, s]), { raw: 16000, gzip: 2 * s.gzip, brotli: 2 * s.brotli });
  assert.equal(kb(1536), '1.5');
});

test('table: first column left-aligned, the others right-aligned', () => {
  const text = table(
    ['page', 'KB'],
    [
      ['figures', '26.9'],
      ['dashboard', '773.1'],
    ],
  );
  assert.deepEqual(text.split('\n'), ['page          KB', '─────────  ─────', 'figures     26.9', 'dashboard  773.1']);
});

test('markdownTable: escapes pipes', () => {
  assert.equal(markdownTable(['a', 'b'], [['x|y', 1]]), '| a | b |\n|---|---:|\n| x\\|y | 1 |');
});
