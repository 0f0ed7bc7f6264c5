import { LitElement, css, html } from 'lit';
import { openDataset, type Dataset } from '../../data/dataset.js';
import { parseFilter } from '../../data/filter.js';
import type { Condition, Filter, Scalar } from '../../data/query.js';
import { VitrineSourceChangeEvent } from '../../events/source-change.js';
import { FilterState, type FilterChangeOptions, type FilterSelection } from './filter-state.js';
import { withSearch } from './searched-dataset.js';

/** What a bound element needs from its source. */
export interface SourceConfig {
  dataset: Dataset;
  /** Clauses in the portal's language, from the `where` attributes (source, then element). */
  where: string[];
  /** Neutral conditions, from the `filter` attributes (source, then element). */
  filter: Filter;
  /** Seconds between refreshes; 0: never. */
  refresh: number;
  /** Changes whenever the source changes, for cache keys. */
  version: number;
  /** Full-text search over all fields, set by `vitrine-search` ('' or absent: none); `dataset` applies it already. */
  search?: string;
}

/** Options of {@link VitrineSource.config}. */
export interface SourceConfigOptions {
  /** Leave out the selection on this field (a facet keeps the counts of its other values). */
  except?: string;
}

/**
 * Names a dataset once for several elements: a key figure, a chart and a table on one page share its
 * address, its base filters and its refresh interval, and one metadata request. Bind an element with
 * `source="<id>"`, or put the element inside the source.
 *
 * @summary One dataset, shared by the elements bound to it.
 * @tagname vitrine-source
 * @slot - Elements that use this source (optional: elements anywhere on the page can use `source="id"`).
 * @fires {VitrineSourceChangeEvent} vitrine-source-change - The source's address, base filters or filter state changed (once per tick).
 */
export class VitrineSource extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Reactive properties and their attributes (each documented where it is declared, below). */
  static override properties = {
    src: {},
    portal: {},
    where: {},
    filter: {},
    refresh: { type: Number },
    syncUrl: { attribute: 'sync-url' },
  };

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Filters in the address (`refine.x=…`, `q=…`) are kept.
   */
  src = '';

  /** Portal kind, when it cannot be recognised from `src` (only `explore` for now). */
  portal = '';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), applied to every bound element. */
  where = '';

  /** Portal-neutral conditions applied to every bound element, e.g. `departement = 01 | 02; population >= 1000`. */
  filter = '';

  /** Refresh every bound element every this many seconds (minimum 2); 0 or absent: never. */
  refresh = 0;

  /**
   * Keep the filters a person sets in the page address, so a link or a reload shows the same view and
   * back/forward step through the changes: `?<id>=<filter text>&<id>.q=<search>`. Give a value to name
   * the parameter otherwise (`sync-url="f"`).
   */
  syncUrl: string | null = null;

  private version = 0;
  private cached: { key: string; dataset: Dataset } | undefined;
  private readonly filterState = new FilterState(this, {
    changed: () => (this.version += 1),
    flushed: () => this.dispatchEvent(new VitrineSourceChangeEvent()),
  });

  protected override updated(): void {
    this.version += 1;
    this.dispatchEvent(new VitrineSourceChangeEvent());
  }

  /** The filters a person set (filter widgets, chart and map clicks, the page address), one per field. */
  get selections(): readonly FilterSelection[] {
    return this.filterState.selections;
  }

  /** The full-text search a person typed ('' for none). */
  get search(): string {
    return this.filterState.search;
  }

  /** The condition set on `field`, if any. */
  selection(field: string): Condition | undefined {
    return this.filterState.selection(field);
  }

  /**
   * Sets the condition on `field` (values of a facet: `{ field, op: 'in', values }`; a range:
   * `between`, `ge`, `le`), or removes it with null. Every bound element queries again, once per tick.
   * Pass `{ origin: element }` for a person's action (fires `vitrine-filter-change`, adds a history entry).
   */
  setSelection(field: string, condition: Condition | null, options?: FilterChangeOptions): void {
    this.filterState.set(field, condition, options);
  }

  /** Selects `value` on `field` (ORed with the values already selected there), or unselects it. */
  toggleValue(field: string, value: Scalar, options?: FilterChangeOptions): void {
    this.filterState.toggle(field, value, options);
  }

  /** Sets the full-text search ('' for none). */
  setSearch(text: string, options?: FilterChangeOptions): void {
    this.filterState.setSearch(text, options);
  }

  /** Removes every selection and the search (the base `filter` and `where` stay). */
  clearSelections(options?: FilterChangeOptions): void {
    this.filterState.clear(options);
  }

  /**
   * The configuration bound elements use: the base filters, then the selections (all of them, or all but
   * the one on `options.except`), and the search.
   * @throws VitrineDataError when `src` or `filter` cannot be understood.
   */
  config(options: SourceConfigOptions = {}): SourceConfig {
    const key = `${this.portal}|${this.src}`;
    if (this.cached?.key !== key) {
      const options = this.portal ? { kind: this.portal as 'explore' } : {};
      this.cached = { key, dataset: openDataset(this.src, { ...options, base: document.baseURI }) };
    }
    return {
      // While a person's search is active, every query of every bound element carries it.
      dataset: withSearch(this.cached.dataset, this.filterState.search),
      where: this.where.trim() ? [this.where.trim()] : [],
      filter: [...parseFilter(this.filter, 'filter'), ...this.filterState.conditions(options.except)],
      refresh: this.refresh > 0 ? Math.max(2, this.refresh) : 0,
      version: this.version,
      search: this.filterState.search,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
