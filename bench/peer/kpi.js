// @ts-check
/**
 * A key figure (KpiCard), written as a site using @opendatasoft/visualizations and @opendatasoft/api-client would write
 * it: the query through the api-client's query builder, the answer handed to the component with
 * `updateData`. One module per component, so a page imports only the components it shows.
 */
import { fromCatalog } from '@opendatasoft/api-client';
import { KpiCard } from '@opendatasoft/visualizations';
import { byId, client, shown } from './common.js';

/**
 * A key figure: one aggregate over a dataset.
 * @param {string} id @param {string} dataset @param {string} title @param {string} aggregate @param {string} [where]
 */
export async function kpi(id, dataset, title, aggregate, where) {
  const card = new KpiCard(byId(id), { loading: true }, { title });
  const query = fromCatalog().dataset(dataset).records().select(`${aggregate} as value`).where(where);
  const answer = /** @type {{ results: { value: number }[] }} */ (await client.get(query));
  card.updateData({ value: answer.results[0]?.value ?? 0, loading: false });
  shown(byId(id), 'kpi', card);
}
