// @ts-check
/**
 * Export formats of the local portal: GeoJSON FeatureCollection and CSV (`;`, BOM), as the Explore
 * API v2.1 writes them.
 * @module
 */

/** @typedef {{ name: string, label: string, type: string, annotations?: Record<string, string[]> }} Field */

/**
 * The geometry field of a dataset: the first geo_shape, else the first geo_point_2d.
 * @param {Field[]} fields
 */
export function geometryField(fields) {
  return fields.find((f) => f.type === 'geo_shape') ?? fields.find((f) => f.type === 'geo_point_2d');
}

/**
 * A GeoJSON geometry from a v2.1 geo value.
 * @param {unknown} value
 * @returns {object | null}
 */
function toGeometry(value) {
  if (!value || typeof value !== 'object') return null;
  const v = /** @type {Record<string, any>} */ (value);
  if (v.type === 'Feature') return v.geometry ?? null;
  if (typeof v.lon === 'number' && typeof v.lat === 'number') return { type: 'Point', coordinates: [v.lon, v.lat] };
  if (typeof v.type === 'string' && 'coordinates' in v) return v;
  return null;
}

/**
 * Rows (as the records endpoint returns them) to a FeatureCollection. When the rows were projected
 * by `select`, the geometry is read from whichever selected value holds a geo value.
 * @param {Field[]} fields
 * @param {Record<string, unknown>[]} rows
 */
export function toGeoJson(fields, rows) {
  const geo = geometryField(fields);
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      let key = geo && geo.name in row ? geo.name : undefined;
      if (key === undefined)
        key = Object.keys(row).find((k) => toGeometry(row[k]) !== null && typeof row[k] === 'object');
      const properties = { ...row };
      if (key !== undefined) delete properties[key];
      return { type: 'Feature', geometry: key === undefined ? null : toGeometry(row[key]), properties };
    }),
  };
}

/**
 * Rows to CSV.
 * @param {Field[]} fields
 * @param {Record<string, unknown>[]} rows
 * @param {{ delimiter?: string, useLabels?: boolean, bom?: boolean }} [options]
 */
export function toCsv(fields, rows, options = {}) {
  const delimiter = options.delimiter ?? ';';
  const byName = new Map(fields.map((f) => [f.name, f]));
  const columns = rows.length > 0 ? Object.keys(rows[0] ?? {}) : fields.map((f) => f.name);
  const head = columns.map((c) => (options.useLabels ? (byName.get(c)?.label ?? c) : c));
  const lines = [head.map((v) => cell(v, delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(columns.map((c) => cell(csvValue(row[c], byName.get(c)), delimiter)).join(delimiter));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/**
 * @param {unknown} value
 * @param {Field | undefined} field
 * @returns {string}
 */
function csvValue(value, field) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(field?.annotations?.multivalued?.[0] ?? ',');
  if (typeof value === 'object') {
    const v = /** @type {Record<string, any>} */ (value);
    if (typeof v.lat === 'number' && typeof v.lon === 'number') return `${v.lat}, ${v.lon}`;
    if (v.type === 'Feature') return JSON.stringify(v.geometry);
    return JSON.stringify(v);
  }
  return String(value);
}

/**
 * @param {string} text
 * @param {string} delimiter
 */
function cell(text, delimiter) {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
