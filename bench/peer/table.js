// @ts-check
/**
 * A table of records (Table), written as a site using @opendatasoft/visualizations and @opendatasoft/api-client would write
 * it: the query through the api-client's query builder, the answer handed to the component with
 * `updateData`. One module per component, so a page imports only the components it shows.
 */
import { fromCatalog } from '@opendatasoft/api-client';
import { Table } from '@opendatasoft/visualizations';
import { byId, client, shown } from './common.js';

/**
 * A page of records, sorted.
 * @param {string} id @param {string} dataset @param {{ key: string, title: string, number?: boolean }[]} columns
 * @param {string} orderBy @param {number} size
 */
export async function table(id, dataset, columns, orderBy, size) {
  const view = new Table(
    byId(id),
    { loading: true },
    {
      columns: columns.map((c) =>
        c.number
          ? { key: c.key, title: c.title, dataFormat: 'number' }
          : { key: c.key, title: c.title, dataFormat: 'short-text' },
      ),
    },
  );
  const query = fromCatalog()
    .dataset(dataset)
    .records()
    .select(columns.map((c) => c.key).join(', '))
    .orderBy(orderBy)
    .limit(size);
  const answer = /** @type {{ results: Record<string, unknown>[] }} */ (await client.get(query));
  view.updateData({ value: answer.results, loading: false });
  shown(byId(id), 'table', view);
}
