// @ts-check
/**
 * `us-airports`: airports of the United States and its territories (Data.gov), from vega-datasets.
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

/**
 * The source writes "NA" for a missing city or state (12 rows); no real city or state is called so.
 * @param {string | undefined} text
 */
const orNull = (text) => (text === undefined || text === '' || text === 'NA' ? null : text);

async function build() {
  const records = parseDelimited(await readPackageText(PKG.name, 'data/airports.csv'));
  return records.map((r) => ({
    iata: /** @type {string} */ (r.iata),
    name: orNull(r.name),
    city: orNull(r.city),
    state: orNull(r.state),
    country: orNull(r.country),
    geo_point_2d: point(toNumber(r.longitude), toNumber(r.latitude)),
  }));
}

/** @type {DatasetDef} */
export default {
  id: 'us-airports',
  metas: {
    title: 'US airports',
    description:
      'Airports in the United States and its territories (commercial, regional and municipal), with their location code, name, city, state, country and coordinates, from Data.gov as shipped by vega-datasets. A few entries lie outside the US (Palau, Micronesia, Thailand).',
    license: 'U.S. Government work',
    license_url: 'https://www.usa.gov/government-works',
    source: 'Data.gov "Airports", via vega-datasets 3.2.1, data/airports.csv',
    publisher: 'Data.gov',
    modified: PKG.published,
    language: 'en',
    keyword: ['airports', 'IATA', 'United States', 'transport', 'points'],
    theme: ['Transport'],
  },
  fields: [
    field(
      'iata',
      'Code',
      'text',
      SORTABLE(),
      'Location identifier from the source column "iata"; many small airports have an FAA identifier here (e.g. 00M) rather than an IATA code.',
    ),
    field('name', 'Name', 'text', SORTABLE()),
    field('city', 'City', 'text', SORTABLE(), 'Empty where the source says "NA".'),
    field(
      'state',
      'State',
      'text',
      FACET(),
      'USPS two-letter state or territory code; empty where the source says "NA".',
    ),
    field('country', 'Country', 'text', FACET()),
    field('geo_point_2d', 'Coordinates', 'geo_point_2d'),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(build),
};
