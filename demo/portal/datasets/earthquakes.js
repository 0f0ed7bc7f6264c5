// @ts-check
/**
 * `earthquakes`: one week of seismic events worldwide (USGS "all earthquakes" feed, 31 January to
 * 7 February 2018), from vega-datasets.
 */
import {
  FACET,
  FACET_BY_COUNT,
  PACKAGES,
  SORTABLE,
  TIME_FACET,
  field,
  isoUtc,
  lazyRows,
  point,
  readPackageJson,
} from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

/** @param {unknown} value */
const intOrNull = (value) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
/** @param {unknown} value */
const textOrNull = (value) => (typeof value === 'string' && value !== '' ? value : null);
/** @param {unknown} value */
const numberOrNull = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

async function build() {
  const collection = await readPackageJson(PKG.name, 'data/earthquakes.json');
  return collection.features.map((/** @type {any} */ f) => {
    const p = f.properties;
    const [lon, lat, depth] = f.geometry?.type === 'Point' ? f.geometry.coordinates : [];
    return {
      id: String(f.id),
      place: textOrNull(p.place),
      mag: numberOrNull(p.mag),
      depth: numberOrNull(depth),
      time: typeof p.time === 'number' ? isoUtc(p.time) : null,
      geo_point_2d: point(lon, lat),
      mag_type: textOrNull(p.magType),
      event_type: textOrNull(p.type),
      status: textOrNull(p.status),
      net: textOrNull(p.net),
      tsunami: typeof p.tsunami === 'number' ? p.tsunami === 1 : null,
      sig: intOrNull(p.sig),
      felt: intOrNull(p.felt),
      alert: textOrNull(p.alert),
      url: textOrNull(p.url),
    };
  });
}

/** @type {DatasetDef} */
export default {
  id: 'earthquakes',
  metas: {
    title: 'Earthquakes, one week of February 2018',
    description:
      'Seismic events of all magnitudes recorded worldwide by the USGS Earthquake Hazards Program from 31 January to 7 February 2018 (UTC): the "all earthquakes, past week" GeoJSON feed as captured by vega-datasets.',
    license: 'U.S. Public Domain',
    license_url: 'https://www.usgs.gov/information-policies-and-instructions/copyrights-and-credits',
    source: 'USGS Earthquake Hazards Program feed, via vega-datasets 3.2.1, data/earthquakes.json',
    publisher: 'U.S. Geological Survey',
    modified: PKG.published,
    language: 'en',
    keyword: ['earthquakes', 'seismology', 'USGS', 'points', 'time series'],
    theme: ['Environment'],
  },
  fields: [
    field('id', 'Event id', 'text', SORTABLE()),
    field('place', 'Place', 'text', {}, 'Description of the location, e.g. "4km W of Castaic, CA".'),
    field('mag', 'Magnitude', 'double', SORTABLE()),
    field(
      'depth',
      'Depth',
      'double',
      SORTABLE(),
      'Depth in kilometres (third coordinate of the point; negative above sea level).',
    ),
    field('time', 'Time', 'datetime', TIME_FACET(), 'Origin time of the event (UTC, milliseconds kept).'),
    field('geo_point_2d', 'Epicentre', 'geo_point_2d'),
    field('mag_type', 'Magnitude type', 'text', FACET_BY_COUNT(), 'Method used for the magnitude (ml, md, mb, mww…).'),
    field(
      'event_type',
      'Event type',
      'text',
      FACET_BY_COUNT(),
      'earthquake, quarry blast, explosion… (the USGS "type" property).',
    ),
    field('status', 'Review status', 'text', FACET(), 'automatic or reviewed.'),
    field('net', 'Network', 'text', FACET_BY_COUNT(), 'Contributing network.'),
    field(
      'tsunami',
      'Tsunami flag',
      'boolean',
      {},
      'The USGS "tsunami" flag (1 for large events in oceanic regions), as a boolean.',
    ),
    field('sig', 'Significance', 'int', SORTABLE(), 'USGS significance, 0 to 1000 and more.'),
    field('felt', 'Felt reports', 'int', SORTABLE(), 'Number of "Did You Feel It?" reports; empty when none.'),
    field('alert', 'PAGER alert', 'text', FACET(), 'green, yellow, orange or red; empty when none.'),
    field('url', 'Event page', 'text', {}, 'USGS event page.'),
  ],
  features: ['analyze', 'timeserie', 'geo'],
  load: lazyRows(build),
};
