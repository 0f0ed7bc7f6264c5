// @ts-check
/**
 * `hostile-strings`: a small synthetic dataset, written for Vitrine's security tests. Every value is
 * data that a widget must show as text (labels, table cells, tooltips, popups, legends, facets) and
 * never run, parse as HTML, follow as a non-http(s) link, or evaluate as a template or expression.
 * A page that is fooled sets `window.__vitrinePwned`.
 */
import { FACET, SORTABLE, field, lazyRows, point } from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PWN = 'window.__vitrinePwned=1';

/** 10,000 characters with no break opportunity (layout, truncation, export size). */
const LONG_STRING = 'W'.repeat(10_000);

/**
 * [label, value, url, note, lon, lat] — label is the payload that widgets show most (facets, legends,
 * axes, table cells); url is what a link would point to; note says what the row tests, in text that
 * itself contains markup.
 * @type {[string | null, number | null, string | null, string | null, number | null, number | null][]}
 */
const ROWS = [
  [
    `<script>${PWN}</script>`,
    1,
    'https://example.org/script',
    'A <script> element: must show as text, not run.',
    2.3522,
    48.8566,
  ],
  [
    `<img src=x onerror="${PWN}">`,
    2,
    `javascript:${PWN}`,
    'An <img> with an onerror handler; the url is a javascript: link, never to be followed.',
    2.2945,
    48.8584,
  ],
  [
    `<svg onload="${PWN}">`,
    3,
    `JaVaScRiPt:${PWN}`,
    'An <svg onload>; the url is a mixed-case javascript: link.',
    2.3376,
    48.8606,
  ],
  [
    `javascript:${PWN}`,
    4,
    `  javascript:${PWN}`,
    'A javascript: URL as a label; the url has leading spaces before javascript:.',
    2.3499,
    48.853,
  ],
  [
    `data:text/html,<script>${PWN}</script>`,
    5,
    `data:text/html,<script>${PWN}</script>`,
    'A data: URL carrying HTML, as label and url.',
    2.3212,
    48.8462,
  ],
  [
    '"><b>bold</b>',
    6,
    'https://example.org/?q="><b>bold</b>',
    'Breaks out of an attribute: "> then <b>; must not show in bold.',
    2.3364,
    48.8867,
  ],
  [
    `red;background:url(javascript:${PWN})`,
    7,
    'https://example.org/css',
    'CSS injection: must not end up in a style attribute or a colour.',
    2.3958,
    48.8619,
  ],
  [
    `\${${PWN}}`,
    8,
    'https://example.org/template',
    'A JavaScript template literal: must not be evaluated.',
    2.4075,
    48.8475,
  ],
  [
    `{{constructor.constructor('${PWN}')()}}`,
    9,
    'https://example.org/angular',
    'An AngularJS-style template expression: must not be evaluated.',
    2.2769,
    48.8412,
  ],
  [
    '\u202Egnp.exe',
    10,
    'https://example.org/rtl',
    'Starts with a right-to-left override (U+202E): the text reads "exe.png" backwards.',
    2.2611,
    48.8785,
  ],
  [
    LONG_STRING,
    11,
    `https://example.org/${'w'.repeat(200)}`,
    'A 10,000-character label with no space: must wrap, truncate or scroll, not break the layout.',
    2.3681,
    48.8301,
  ],
  [
    'Par\u200Bis\u200C\u200D\uFEFF',
    12,
    'https://example.org/zero-width',
    'Zero-width space, non-joiner, joiner and BOM in and after "Paris": looks like Paris, is not equal to it.',
    2.3009,
    48.8722,
  ],
  ['Paris', 13, 'https://example.org/paris', 'The plain label that the zero-width one imitates.', 2.3488, 48.8534],
  [
    '👩🏽‍🚒 Z̤͔ͧ̑̓ä͖̭̈̇lg̪͖̫͎o 🇫🇷 e\u0301',
    14,
    'https://example.org/emoji',
    'Emoji with skin tone and zero-width joiner, a flag, stacked combining marks and a decomposed é.',
    2.3155,
    48.8926,
  ],
  [
    "') OR ('1'='1",
    15,
    "https://example.org/?id=') OR ('1'='1",
    'SQL/ODSQL injection: quotes must be escaped in where and refine.',
    2.3823,
    48.8795,
  ],
  [
    'a "quoted" \\ back\\slash \\" both',
    16,
    'https://example.org/"quote"\\',
    'Double quotes and backslashes, also together (\\").',
    2.2871,
    48.8499,
  ],
  [
    'line 1\nline 2\r\n\tindented\tcell',
    17,
    'https://example.org/newline',
    'Newline, CRLF and tabs: CSV exports must quote them.',
    2.4126,
    48.8712,
  ],
  [
    '=HYPERLINK("https://example.org/","click")',
    -18,
    'https://example.org/csv',
    'A spreadsheet formula (CSV injection) as a label; the value is negative.',
    2.3303,
    48.8241,
  ],
  [
    '__proto__',
    0,
    'https://example.org/proto',
    'A label that is a special key of JavaScript objects (group by, facet counts).',
    2.2494,
    48.8616,
  ],
  [
    'constructor',
    2147483647,
    'vbscript:msgbox(1)',
    'Another special key; a vbscript: url; the value is the largest 32-bit integer.',
    2.3737,
    48.8893,
  ],
  [
    '&lt;script&gt;window.__vitrinePwned=1&lt;/script&gt;',
    -2147483648,
    '//example.org/protocol-relative',
    'HTML entities: must show as written, not decoded (&lt; stays &lt;); a protocol-relative url.',
    2.3627,
    48.8674,
  ],
  ['   ', null, null, 'A whitespace-only label; value, url and location are empty (null).', null, null],
  [
    null,
    23,
    'https://example.org/null-label',
    'No label at all (null): facets and legends must handle the missing value.',
    2.3412,
    48.8389,
  ],
];

/** @param {(typeof ROWS)[number]} r */
function toRow(r) {
  const [label, value, url, note, lon, lat] = r;
  return { label, value, url, note, geo_point_2d: point(lon, lat) };
}

/** @type {DatasetDef} */
export default {
  id: 'hostile-strings',
  metas: {
    title: 'Hostile strings (synthetic test data)',
    description:
      'Synthetic data made by the Vitrine project for its security tests: every value is an injection attempt (<script>, event handlers, javascript: and data: URLs, CSS and template injection, SQL quotes), a string that tests rendering (right-to-left override, zero-width characters, emoji and combining marks, 10,000 characters, newlines and tabs) or an edge case (special object keys, CSV formulas, extreme integers, nulls). Widgets must show all of it as plain text. A page that runs any of it sets window.__vitrinePwned. Points are made up, around Paris.',
    license: 'MIT (the licence of the Vitrine repository)',
    license_url: 'https://opensource.org/license/mit',
    source: 'Synthetic, written by the Vitrine project (demo/portal/datasets/hostile-strings.js)',
    publisher: 'Vitrine',
    modified: '2026-11-28T00:00:00+00:00',
    language: 'en',
    keyword: ['test', 'security', 'XSS', '<script>', 'synthetic'],
    theme: ['Tests'],
  },
  fields: [
    field(
      'label',
      'Label <b>not bold</b>',
      'text',
      FACET(),
      'The payload <script>window.__vitrinePwned=1</script>: shown by facets, legends, axes and cells.',
    ),
    field('value', 'Value', 'int', SORTABLE()),
    field('url', 'URL', 'text', {}, 'Where a link would point; only http(s) may become a link.'),
    field('note', 'Note', 'text', {}, 'What the row tests.'),
    field('geo_point_2d', 'Location', 'geo_point_2d', {}, 'Made-up points around Paris.'),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(() => ROWS.map(toRow)),
};
