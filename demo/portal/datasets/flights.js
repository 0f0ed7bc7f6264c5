// @ts-check
/**
 * `flights`: 200,000 US domestic flights (BTS on-time performance), reduced by vega-datasets to the
 * time of day of departure, the arrival delay and the distance.
 */
import { PACKAGES, SORTABLE, field, lazyRows, readPackageJson } from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

async function build() {
  /** @type {{ delay: number, distance: number, time: number }[]} */
  const records = await readPackageJson(PKG.name, 'data/flights-200k.json');
  return records.map((r, i) => {
    if (!Number.isInteger(r.delay) || !Number.isInteger(r.distance) || !Number.isFinite(r.time)) {
      throw new Error(`flights: unexpected record ${i}: ${JSON.stringify(r)}`);
    }
    return { delay: r.delay, distance: r.distance, time: r.time };
  });
}

/** @type {DatasetDef} */
export default {
  id: 'flights',
  metas: {
    title: 'US flights: departure time, delay and distance (200,000 flights)',
    description:
      'A random sample of 200,000 non-cancelled US domestic flights from the on-time performance data that airlines report to the Bureau of Transportation Statistics (14 CFR Part 234), reduced by vega-datasets (scripts/flights.py) to three columns: the actual departure time of day in decimal hours, the arrival delay in minutes and the distance in miles. The sample carries no date, airline or airport.',
    license: 'Data collected under U.S. DOT regulatory requirements; licence terms not explicitly specified',
    license_url: 'https://www.ecfr.gov/current/title-14/chapter-II/subchapter-A/part-234',
    source: 'U.S. Bureau of Transportation Statistics, via vega-datasets 3.2.1, data/flights-200k.json',
    publisher: 'U.S. Bureau of Transportation Statistics',
    modified: PKG.published,
    language: 'en',
    keyword: ['flights', 'delays', 'aviation', 'United States', 'BTS'],
    theme: ['Transport'],
  },
  fields: [
    field('delay', 'Arrival delay (min)', 'int', SORTABLE(), 'Arrival delay in minutes; negative when early.'),
    field('distance', 'Distance (miles)', 'int', SORTABLE(), 'Distance of the flight in statute miles.'),
    field(
      'time',
      'Departure time (hours)',
      'double',
      SORTABLE(),
      'Actual departure time of day in decimal hours, local time at the origin airport (6.5 = 06:30; 0 to 23.98).',
    ),
  ],
  features: ['analyze'],
  load: lazyRows(build),
};
