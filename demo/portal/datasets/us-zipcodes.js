// @ts-check
/**
 * `us-zipcodes`: about 42,000 US postal codes with their place, county, state and coordinates
 * (GeoNames, 2017 snapshot), from vega-datasets.
 */
import {
  FACET,
  PACKAGES,
  SORTABLE,
  field,
  lazyRows,
  parseDelimited,
  point,
  readPackageText,
  toNumber,
} from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

async function build() {
  const records = parseDelimited(await readPackageText(PKG.name, 'data/zipcodes.csv'));
  return records.map((r) => ({
    zip_code: /** @type {string} */ (r.zip_code),
    city: r.city || null,
    county: r.county || null,
    state: r.state || null,
    geo_point_2d: point(toNumber(r.longitude), toNumber(r.latitude)),
  }));
}

/** @type {DatasetDef} */
export default {
  id: 'us-zipcodes',
  metas: {
    title: 'US ZIP codes',
    description:
      'Postal codes of the United States, Puerto Rico and the other US territories and freely associated states served by USPS, with place name, county, state and coordinates (WGS 84), from the GeoNames postal code database. A 2017 snapshot, no longer current.',
    license: 'CC BY 4.0',
    license_url: 'https://creativecommons.org/licenses/by/4.0/',
    source: 'GeoNames postal codes, via vega-datasets 3.2.1, data/zipcodes.csv',
    publisher: 'GeoNames',
    modified: PKG.published,
    language: 'en',
    keyword: ['ZIP codes', 'postal codes', 'United States', 'points'],
    theme: ['Addresses'],
  },
  fields: [
    field('zip_code', 'ZIP code', 'text', SORTABLE(), '5-digit ZIP code, leading zeros kept.'),
    field('city', 'City', 'text', SORTABLE()),
    field('county', 'County', 'text', SORTABLE()),
    field('state', 'State', 'text', FACET(), 'USPS two-letter state or territory code.'),
    field('geo_point_2d', 'Coordinates', 'geo_point_2d', {}, 'From the latitude and longitude columns of the source.'),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(build),
};
