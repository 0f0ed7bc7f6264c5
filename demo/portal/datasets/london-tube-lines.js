// @ts-check
/**
 * `london-tube-lines`: the London Underground lines and the DLR as drawn in OpenStreetMap (February
 * 2018), one row per line, from vega-datasets.
 */
import { FACET, field, lazyRows, PACKAGES, readPackageJson, shape, SORTABLE, topoFeature } from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.vega;

async function build() {
  const topology = await readPackageJson(PKG.name, 'data/londonTubeLines.json');
  /** @type {Map<string, number[][][]>} line name → its LineStrings, in source order */
  const lines = new Map();
  for (const g of topology.objects.line.geometries) {
    const { geometry } = topoFeature(topology, g);
    const parts = lines.get(g.id) ?? [];
    if (geometry?.type === 'LineString') parts.push(geometry.coordinates);
    else if (geometry?.type === 'MultiLineString') parts.push(...geometry.coordinates);
    lines.set(g.id, parts);
  }
  return [...lines].map(([line, parts]) => ({
    line,
    geo_shape: shape(
      parts.length === 0
        ? null
        : parts.length === 1
          ? { type: 'LineString', coordinates: parts[0] }
          : { type: 'MultiLineString', coordinates: parts },
    ),
    segments: parts.length,
  }));
}

/** @type {DatasetDef} */
export default {
  id: 'london-tube-lines',
  metas: {
    title: 'London Underground lines',
    description:
      'Paths of eleven London Underground lines and the Docklands Light Railway between stations, derived from OpenStreetMap data (4 February 2018) by Oliver O’Brien and converted to TopoJSON by vega-datasets. One record per line, its segments gathered in one (Multi)LineString. A track used by several lines is drawn once, under one line only, so some lines (Circle, Hammersmith & City) look incomplete.',
    license: 'Open Data Commons Open Database License (ODbL)',
    license_url: 'https://opendatacommons.org/licenses/odbl/',
    source: 'OpenStreetMap contributors (processed by oobrien/vis), via vega-datasets 3.2.1, data/londonTubeLines.json',
    publisher: 'OpenStreetMap contributors',
    modified: PKG.published,
    language: 'en',
    keyword: ['London', 'Underground', 'tube', 'DLR', 'transport'],
    theme: ['Transport'],
  },
  fields: [
    field('line', 'Line', 'text', FACET()),
    field(
      'geo_shape',
      'Path',
      'geo_shape',
      {},
      'The line’s segments: a LineString, or a MultiLineString when there are several.',
    ),
    field('segments', 'Segments', 'int', SORTABLE(), 'Number of LineStrings in the source for this line.'),
  ],
  features: ['analyze', 'geo'],
  load: lazyRows(build),
};
