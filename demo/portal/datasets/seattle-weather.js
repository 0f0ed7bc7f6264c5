// @ts-check
/**
 * `seattle-weather`: daily weather in Seattle, 2012–2015 (NOAA), from vega-datasets.
 */
import {
  FACET_BY_COUNT,
  PACKAGES,
  SORTABLE,
  TIME_FACET,
  field,
  lazyRows,
  parseDelimited,
  readPackageText,
  toNumber,
} from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

async function build() {
  const records = parseDelimited(await readPackageText(PKG.name, 'data/seattle-weather.csv'));
  return records.map((r) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '')) throw new Error(`seattle-weather: bad date ${r.date}`);
    return {
      date: r.date,
      precipitation: toNumber(r.precipitation),
      temp_max: toNumber(r.temp_max),
      temp_min: toNumber(r.temp_min),
      wind: toNumber(r.wind),
      weather: r.weather || null,
    };
  });
}

/** @type {DatasetDef} */
export default {
  id: 'seattle-weather',
  metas: {
    title: 'Seattle daily weather, 2012–2015',
    description:
      'Daily precipitation, maximum and minimum temperature, mean wind speed and a weather category at Seattle from 1 January 2012 to 31 December 2015 (NOAA Global Historical Climatology Network daily records, as converted by vega-datasets). The category is synthesized by vega-datasets from the NOAA weather-type flags, for teaching.',
    license: 'U.S. Government work',
    license_url: 'https://www.usa.gov/government-works',
    source: 'NOAA National Climatic Data Center, via vega-datasets 3.2.1, data/seattle-weather.csv',
    publisher: 'NOAA National Climatic Data Center',
    modified: PKG.published,
    language: 'en',
    keyword: ['weather', 'Seattle', 'precipitation', 'temperature', 'wind', 'time series'],
    theme: ['Environment'],
  },
  fields: [
    field('date', 'Date', 'date', TIME_FACET(), 'Day of the observation.'),
    field('precipitation', 'Precipitation', 'double', SORTABLE(), 'Precipitation in millimetres.'),
    field('temp_max', 'Maximum temperature', 'double', SORTABLE(), 'Maximum temperature in degrees Celsius.'),
    field('temp_min', 'Minimum temperature', 'double', SORTABLE(), 'Minimum temperature in degrees Celsius.'),
    field(
      'wind',
      'Wind',
      'double',
      SORTABLE(),
      'Average daily wind speed in metres per second (NOAA AWND divided by 10 in the conversion script; the vega-datasets catalogue says km/h).',
    ),
    field(
      'weather',
      'Weather',
      'text',
      FACET_BY_COUNT(),
      'drizzle, rain, snow, sun or fog: derived by vega-datasets from the NOAA weather-type flags and the precipitation; "sun" is the default when none applies.',
    ),
  ],
  features: ['analyze', 'timeserie'],
  load: lazyRows(build),
};
