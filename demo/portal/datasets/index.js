// @ts-check
/**
 * The datasets of the local portal: real open data shipped by npm packages already installed
 * (@etalab/decoupage-administratif, vega-datasets, read with fs; TopoJSON decoded by topojson-client),
 * plus one small synthetic dataset for security tests. Provenance and licences: demo/data/README.md.
 *
 * Importing this module reads no data. Each dataset's `load()` converts its source on the first call
 * and then returns the same Promise of the same rows. Rows and definitions are frozen: they are
 * shared by every request, so a consumer that needs a changed row builds a new object.
 *
 * Rows are plain objects keyed by field name, in the order of `fields`, with values in the Explore
 * v2.1 encodings: text → string (multivalued → array of strings), int/double → number, boolean →
 * boolean, date → "YYYY-MM-DD", datetime → ISO 8601 in UTC with a "+00:00" offset, geo_point_2d →
 * {lon, lat}, geo_shape → {type: 'Feature', geometry, properties: {}}, missing → null.
 */
import communesFrance from './communes-france.js';
import seattleWeather from './seattle-weather.js';
import usCountiesUnemployment from './us-counties-unemployment.js';
import londonBoroughs from './london-boroughs.js';
import londonTubeLines from './london-tube-lines.js';
import usZipcodes from './us-zipcodes.js';
import earthquakes from './earthquakes.js';
import usAirports from './us-airports.js';
import flights from './flights.js';
import hostileStrings from './hostile-strings.js';
import { deepFreeze } from './util.js';

/**
 * @typedef {{
 *   name: string,
 *   label: string,
 *   type: 'text'|'int'|'double'|'boolean'|'date'|'datetime'|'geo_point_2d'|'geo_shape'|'file'|'json_blob',
 *   description: string|null,
 *   annotations: Record<string, string[]>
 * }} Field
 */

/**
 * @typedef {{
 *   id: string,
 *   metas: {
 *     title: string, description: string, license: string, license_url: string, source: string,
 *     publisher: string, modified: string, language: string, keyword: string[], theme: string[]
 *   },
 *   fields: Field[],
 *   features: string[],
 *   load: () => Promise<object[]>
 * }} DatasetDef
 */

/** Every dataset, by id, in catalogue order. @type {Map<string, DatasetDef>} */
export const datasets = new Map(
  [
    communesFrance,
    seattleWeather,
    usCountiesUnemployment,
    londonBoroughs,
    londonTubeLines,
    usZipcodes,
    earthquakes,
    usAirports,
    flights,
    hostileStrings,
  ].map((def) => {
    deepFreeze(def.metas);
    deepFreeze(def.fields);
    deepFreeze(def.features);
    return [def.id, Object.freeze(def)];
  }),
);

/**
 * The dataset with this id, or undefined.
 * @param {string} id
 * @returns {DatasetDef | undefined}
 */
export function getDataset(id) {
  return datasets.get(id);
}
