// @ts-check
/**
 * `us-counties-unemployment`: US county boundaries (us-atlas, 1:10,000,000) joined with the county
 * unemployment rates of about 2009 (BLS LAUS), both from vega-datasets.
 */
import {
  FACET,
  field,
  lazyRows,
  PACKAGES,
  parseDelimited,
  readPackageJson,
  readPackageText,
  shape,
  SORTABLE,
  toNumber,
  topoFeature,
  topoMerge,
} from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

/**
 * One state or territory is missing from population_engineers_hurricanes.csv, which gives the other
 * names: the U.S. Virgin Islands, FIPS state code 78 (FIPS PUB 5-2 / Census Bureau).
 */
const EXTRA_STATE_NAMES = new Map([[78, 'U.S. Virgin Islands']]);

async function build() {
  const [topology, ratesText, statesText] = await Promise.all([
    readPackageJson(PKG.name, 'data/us-10m.json'),
    readPackageText(PKG.name, 'data/unemployment.tsv'),
    readPackageText(PKG.name, 'data/population_engineers_hurricanes.csv'),
  ]);

  /** @type {Map<number, number | null>} */
  const rates = new Map();
  for (const r of parseDelimited(ratesText, '\t')) rates.set(Number(r.id), toNumber(r.rate));

  /** @type {Map<number, string>} */
  const stateNames = new Map(EXTRA_STATE_NAMES);
  for (const r of parseDelimited(statesText)) stateNames.set(Number(r.id), /** @type {string} */ (r.state));

  // The counties object holds several geometries for some ids (islands, split pieces) and null or
  // empty ones for counties too small at this scale: group the drawable pieces by id.
  /** @type {Map<number, any[]>} */
  const pieces = new Map();
  for (const g of topology.objects.counties.geometries) {
    // FIPS county code 000 is not a county: these are water areas (Great Lakes, Puget Sound).
    if (g.id % 1000 === 0) continue;
    const list = pieces.get(g.id) ?? [];
    if (g.type && g.arcs && g.arcs.length > 0) list.push(g);
    pieces.set(g.id, list);
  }

  return [...pieces.keys()]
    .sort((a, b) => a - b)
    .map((id) => {
      const list = /** @type {any[]} */ (pieces.get(id));
      const geometry =
        list.length === 0
          ? null
          : list.length === 1
            ? topoFeature(topology, list[0]).geometry
            : topoMerge(topology, list);
      const stateFips = Math.floor(id / 1000);
      return {
        id: String(id).padStart(5, '0'),
        rate: rates.get(id) ?? null,
        state: stateNames.get(stateFips) ?? null,
        geo_shape: shape(geometry),
        state_fips: String(stateFips).padStart(2, '0'),
      };
    });
}

/** @type {DatasetDef} */
export default {
  id: 'us-counties-unemployment',
  metas: {
    title: 'US counties: unemployment rate (about 2009)',
    description:
      'County boundaries of the United States at 1:10,000,000 (TopoJSON US Atlas, from the Census Bureau cartographic boundary files) joined by FIPS code with the county unemployment rates of the Local Area Unemployment Statistics program (BLS), as shipped by vega-datasets. The rate is a fraction (0.097 = 9.7 %).',
    license: 'ISC (boundaries, TopoJSON US Atlas); U.S. Government work (rates, BLS)',
    license_url: 'https://github.com/topojson/us-atlas/blob/master/LICENSE.md',
    source:
      'TopoJSON US Atlas / US Census Bureau and Bureau of Labor Statistics, via vega-datasets 3.2.1, data/us-10m.json, data/unemployment.tsv and data/population_engineers_hurricanes.csv',
    publisher: 'U.S. Bureau of Labor Statistics; U.S. Census Bureau',
    modified: PKG.published,
    language: 'en',
    keyword: ['unemployment', 'counties', 'United States', 'FIPS', 'choropleth'],
    theme: ['Economy'],
  },
  fields: [
    field(
      'id',
      'FIPS code',
      'text',
      SORTABLE(),
      'County FIPS code, 5 digits (2-digit state + 3-digit county); the sources store it as a number without the leading zero, which is restored here.',
    ),
    field(
      'rate',
      'Unemployment rate',
      'double',
      SORTABLE(),
      'Unemployed persons as a fraction of the labour force (0.097 = 9.7 %); empty where the source has no rate.',
    ),
    field('state', 'State', 'text', FACET(), 'State or territory name, from the FIPS state code.'),
    field(
      'geo_shape',
      'Boundary',
      'geo_shape',
      {},
      'County boundary; empty for the few counties that have no drawable shape at this scale (independent cities of Virginia, Kalawao County in Hawaii, five municipios of Puerto Rico).',
    ),
    field('state_fips', 'State FIPS code', 'text', SORTABLE(), '2-digit FIPS code of the state or territory.'),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(build),
};
