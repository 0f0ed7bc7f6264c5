// @ts-check
/**
 * Charts (Chart, chart.js inside), written as a site using @opendatasoft/visualizations and @opendatasoft/api-client would write
 * it: the query through the api-client's query builder, the answer handed to the component with
 * `updateData`. One module per component, so a page imports only the components it shows.
 */
import { fromCatalog } from '@opendatasoft/api-client';
import { Chart, ChartSeriesType } from '@opendatasoft/visualizations';
import { byId, client, shown } from './common.js';

/**
 * Columns of an aggregate per group, top `limit` by value.
 * @param {string} id @param {string} dataset @param {string} x @param {string} y @param {number} limit @param {string} [title]
 */
export async function bars(id, dataset, x, y, limit, title) {
  /** @type {import('@opendatasoft/visualizations').ChartOptions} */
  const options = {
    labelColumn: 'x',
    series: [{ type: ChartSeriesType.Bar, valueColumn: 'y', label: y }],
    aspectRatio: 2,
    ...(title ? { title: { display: true, text: title } } : {}),
  };
  const chart = new Chart(byId(id), { loading: true }, options);
  const query = fromCatalog()
    .dataset(dataset)
    .records()
    .select(`${x} as x, ${y} as y`)
    .groupBy(x)
    .orderBy('y desc')
    .limit(limit);
  const answer = /** @type {{ results: Record<string, unknown>[] }} */ (await client.get(query));
  chart.updateData({ value: answer.results, loading: false });
  shown(byId(id), 'chart', chart);
}

/**
 * A line of an aggregate over every value of a numeric field (a group_by with no top-N).
 * @param {string} id @param {string} dataset @param {string} x @param {string} y
 */
export async function line(id, dataset, x, y) {
  const chart = new Chart(
    byId(id),
    { loading: true },
    {
      labelColumn: 'x',
      series: [{ type: ChartSeriesType.Line, valueColumn: 'y', label: y, pointRadius: 0 }],
      aspectRatio: 2,
    },
  );
  const query = fromCatalog()
    .dataset(dataset)
    .records()
    .select(`${x} as x, ${y} as y`)
    .groupBy(x)
    .orderBy('x')
    .limit(20000);
  const answer = /** @type {{ results: Record<string, unknown>[] }} */ (await client.get(query));
  chart.updateData({ value: answer.results, loading: false });
  shown(byId(id), 'chart', chart);
}
