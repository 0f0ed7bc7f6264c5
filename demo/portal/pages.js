// @ts-check
/**
 * The HTML pages of the local portal: a home page listing the datasets and one page per dataset,
 * at the same address as on a real portal (`/explore/dataset/<id>/`), so that the URL a person
 * pastes into `src` is one they could have copied from their address bar.
 * @module
 */
import { API_BASE } from './api-base.js';

/** @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e}
a{color:#000091}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd}
code{background:#f4f4f4;padding:0 .2rem}`;

/**
 * @param {string} title
 * @param {string} body
 */
function layout(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/**
 * @param {{ def: import('./datasets/index.js').DatasetDef, count: number }[]} entries
 */
export function renderPortalHome(entries) {
  const rows = entries
    .map(
      ({ def, count }) =>
        `<tr><td><a href="/explore/dataset/${encodeURIComponent(def.id)}/">${escapeHtml(def.id)}</a></td><td>${escapeHtml(def.metas.title)}</td><td>${count.toLocaleString('en')}</td><td>${escapeHtml(def.metas.license)}</td></tr>`,
    )
    .join('');
  return layout(
    'Vitrine local portal',
    `<h1>Vitrine local portal</h1>
<p>An Explore API v2.1 server over real open datasets, for the demo pages, the tests and the benchmarks.
API root: <a href="${API_BASE}/catalog/datasets">${API_BASE}/catalog/datasets</a>.</p>
<table><thead><tr><th>Dataset</th><th>Title</th><th>Records</th><th>Licence</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/**
 * @param {import('./datasets/index.js').DatasetDef} def
 * @param {number} count
 * @param {string} origin
 */
export function renderDatasetPage(def, count, origin) {
  const api = `${origin}${API_BASE}/catalog/datasets/${encodeURIComponent(def.id)}`;
  const fields = def.fields
    .map(
      (f) =>
        `<tr><td><code>${escapeHtml(f.name)}</code></td><td>${escapeHtml(f.label)}</td><td>${escapeHtml(f.type)}</td><td>${escapeHtml(Object.keys(f.annotations ?? {}).join(', '))}</td></tr>`,
    )
    .join('');
  return layout(
    def.metas.title,
    `<p><a href="/">All datasets</a></p><h1>${escapeHtml(def.metas.title)}</h1>
<p>${escapeHtml(def.metas.description)}</p>
<p>${count.toLocaleString('en')} records · licence ${escapeHtml(def.metas.license)} · source ${escapeHtml(def.metas.source)}</p>
<p>Paste this page's address into a Vitrine element's <code>src</code>:</p>
<pre><code>&lt;vitrine-figure src="${escapeHtml(`${origin}/explore/dataset/${def.id}/`)}"&gt;&lt;/vitrine-figure&gt;</code></pre>
<p>API: <a href="${escapeHtml(api)}">metadata</a> · <a href="${escapeHtml(api)}/records">records</a> · <a href="${escapeHtml(api)}/facets">facets</a>
· <a href="${escapeHtml(api)}/exports/csv">CSV</a> · <a href="${escapeHtml(api)}/exports/geojson">GeoJSON</a></p>
<h2>Fields</h2><table><thead><tr><th>Name</th><th>Label</th><th>Type</th><th>Annotations</th></tr></thead><tbody>${fields}</tbody></table>`,
  );
}
