// @ts-check
/**
 * Points on a map (PoiMap, maplibre-gl 2 inside), written as a site using @opendatasoft/visualizations and @opendatasoft/api-client would write
 * it: the query through the api-client's query builder, the answer handed to the component with
 * `updateData`. One module per component, so a page imports only the components it shows.
 */
import { fromCatalog } from '@opendatasoft/api-client';
import { PoiMap } from '@opendatasoft/visualizations';
import { byId, client, shown } from './common.js';

/**
 * Every point of a dataset, from its GeoJSON export, on a plain background, framed on the data.
 * @param {string} id @param {string} dataset
 */
export async function points(id, dataset) {
  const answer = /** @type {{ features: { geometry?: { coordinates: number[] } }[] }} */ (
    await client.get(fromCatalog().dataset(dataset).export('geojson'))
  );
  /** @type {[number, number, number, number]} */
  const bbox = [180, 90, -180, -90];
  for (const f of answer.features) {
    const [lon = 0, lat = 0] = f.geometry?.coordinates ?? [];
    bbox[0] = Math.min(bbox[0], lon);
    bbox[1] = Math.min(bbox[1], lat);
    bbox[2] = Math.max(bbox[2], lon);
    bbox[3] = Math.max(bbox[3], lat);
  }
  const map = new PoiMap(
    byId(id),
    {
      value: {
        sources: { data: { type: 'geojson', data: answer } },
        layers: [{ id: 'points', source: 'data', type: 'circle', color: '#2f5fb3', circleRadius: 4 }],
      },
      loading: false,
    },
    {
      style: { layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }] },
      bbox,
      aspectRatio: 1.6,
    },
  );
  shown(byId(id), 'map', map);
}
