// @ts-check
/**
 * Writes the attribute reference of every element into README.md, between the markers
 * `<!-- reference:start -->` and `<!-- reference:end -->`, from custom-elements.json (itself generated
 * from the JSDoc by `npm run build`). `--check` fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- reference:start -->';
const END = '<!-- reference:end -->';

/** @param {string | undefined} text */
const cell = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** @param {any} manifest */
export function reference(manifest) {
  const elements = manifest.modules
    .flatMap((/** @type {any} */ m) => m.declarations ?? [])
    .filter((/** @type {any} */ d) => d.customElement && d.tagName)
    .sort((/** @type {any} */ a, /** @type {any} */ b) => a.tagName.localeCompare(b.tagName));
  const out = [];
  for (const el of elements) {
    out.push(`### \`<${el.tagName}>\``, '', cell(el.summary ?? el.description?.split('\n')[0]), '');
    const fields = new Map((el.members ?? []).map((/** @type {any} */ m) => [m.name, m]));
    if (el.attributes?.length) {
      out.push('| attribute | type | default | what it does |', '|---|---|---|---|');
      for (const a of el.attributes) {
        const field = fields.get(a.fieldName);
        const type = cell(a.type?.text ?? field?.type?.text);
        const def = cell(a.default ?? field?.default);
        out.push(
          `| \`${a.name}\` | ${type ? `\`${type}\`` : ''} | ${def ? `\`${def}\`` : ''} | ${cell(a.description ?? field?.description)} |`,
        );
      }
      out.push('');
    }
    // Public properties without an attribute, and public methods: the JavaScript side of the element.
    const attributeFields = new Set((el.attributes ?? []).map((/** @type {any} */ a) => a.fieldName));
    const api = (el.members ?? []).filter(
      (/** @type {any} */ m) =>
        !m.static &&
        (m.privacy ?? 'public') === 'public' &&
        !m.name.startsWith('_') &&
        !attributeFields.has(m.name) &&
        m.description,
    );
    if (api.length) {
      out.push('| property or method (JavaScript) | what it does |', '|---|---|');
      for (const m of api) {
        const name =
          m.kind === 'method'
            ? `\`${m.name}(${(m.parameters ?? []).map((/** @type {any} */ p) => p.name).join(', ')})\``
            : `\`${m.name}\`${m.readonly ? ' (read-only)' : ''}`;
        out.push(`| ${name} | ${cell(m.description)} |`);
      }
      out.push('');
    }
    const events = (el.events ?? []).filter((/** @type {any} */ e) => e.name);
    if (events.length)
      out.push(
        `Events: ${events.map((/** @type {any} */ e) => `\`${e.name}\` (${cell(e.description)})`).join('; ')}.`,
        '',
      );
    if (el.cssParts?.length)
      out.push(`Parts: ${el.cssParts.map((/** @type {any} */ p) => `\`${p.name}\``).join(', ')}.`, '');
    if (el.cssProperties?.length) {
      out.push(
        `Custom properties: ${el.cssProperties.map((/** @type {any} */ p) => `\`${p.name}\`${p.default ? ` (${cell(p.default)})` : ''}`).join(', ')}.`,
        '',
      );
    }
  }
  // What a CMS's HTML sanitiser must let through: every tag, and every attribute of any of them (plus
  // `id`, which names a source, and `lang`, which sets the language).
  const attributes = new Set(['id', 'lang']);
  for (const el of elements) for (const a of el.attributes ?? []) attributes.add(a.name);
  out.push(
    '### Every tag and attribute (for a CMS allow-list)',
    '',
    `Tags: ${elements.map((/** @type {any} */ el) => `\`${el.tagName}\``).join(', ')}.`,
    '',
    `Attributes: ${[...attributes]
      .sort()
      .map((a) => `\`${a}\``)
      .join(', ')}.`,
    '',
  );
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  const next = `${readme.slice(0, a + START.length)}\n\n${reference(manifest)}\n${readme.slice(b)}`;
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md reference is out of date: run node scripts/readme-reference.js');
      process.exit(1);
    }
  } else writeFileSync('README.md', next);
}
