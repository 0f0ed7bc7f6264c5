import { Dataset, type RunOptions } from '../../data/dataset.js';
import type { CompiledRequest } from '../../data/explore-common.js';
import type { Query } from '../../data/query.js';

/**
 * A dataset whose every query carries a full-text search: what a `vitrine-source` hands its bound
 * elements while a person's search is active, so that a figure, a chart, a map or a table honours it
 * without knowing about it. Every query of a `Dataset` is compiled by `prepare`, which adds the search.
 * (A query with a search of its own keeps it, and gets this one too.)
 */
export class SearchedDataset extends Dataset {
  constructor(
    base: Dataset,
    /** The search text, never empty. */
    readonly search: string,
  ) {
    super(base.ref, { client: base.client });
  }

  override prepare(query: Query, options?: RunOptions): Promise<CompiledRequest> {
    const own = query.search?.trim() ?? '';
    const search = own === '' || own === this.search ? this.search : `${own} ${this.search}`;
    return super.prepare({ ...query, search }, options);
  }
}

const searched = new WeakMap<Dataset, SearchedDataset>();

/** `dataset` with `search` applied to every query (the same object for the same search), or `dataset` itself for no search. */
export function withSearch(dataset: Dataset, search: string): Dataset {
  const text = search.trim();
  if (text === '') return dataset;
  const known = searched.get(dataset);
  if (known?.search === text) return known;
  const next = new SearchedDataset(dataset, text);
  searched.set(dataset, next);
  return next;
}
