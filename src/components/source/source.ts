import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { openDataset, type Dataset } from '../../data/dataset.js';
import { parseFilter } from '../../data/filter.js';
import type { Filter } from '../../data/query.js';
import { VitrineSourceChangeEvent } from '../../events/source-change.js';

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
}

/**
 * Names a dataset once for several elements: a key figure, a chart and a table on one page share its
 * address, its base filters and its refresh interval, and one metadata request. Bind an element with
 * `source="<id>"`, or put the element inside the source.
 *
 * @summary One dataset, shared by the elements bound to it.
 * @tagname vitrine-source
 * @slot - Elements that use this source (optional: elements anywhere on the page can use `source="id"`).
 * @fires {VitrineSourceChangeEvent} vitrine-source-change - The source's address or base filters changed.
 */
export class VitrineSource extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Filters in the address (`refine.x=…`, `q=…`) are kept.
   */
  @property() src = '';

  /** Portal kind, when it cannot be recognised from `src` (only `explore` for now). */
  @property() portal = '';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), applied to every bound element. */
  @property() where = '';

  /** Portal-neutral conditions applied to every bound element, e.g. `departement = 01 | 02; population >= 1000`. */
  @property() filter = '';

  /** Refresh every bound element every this many seconds (minimum 2); 0 or absent: never. */
  @property({ type: Number }) refresh = 0;

  private version = 0;
  private cached: { key: string; dataset: Dataset } | undefined;

  protected override updated(): void {
    this.version += 1;
    this.dispatchEvent(new VitrineSourceChangeEvent());
  }

  /**
   * The configuration bound elements use.
   * @throws VitrineDataError when `src` or `filter` cannot be understood.
   */
  config(): SourceConfig {
    const key = `${this.portal}|${this.src}`;
    if (this.cached?.key !== key) {
      const options = this.portal ? { kind: this.portal as 'explore' } : {};
      this.cached = { key, dataset: openDataset(this.src, { ...options, base: document.baseURI }) };
    }
    return {
      dataset: this.cached.dataset,
      where: this.where.trim() ? [this.where.trim()] : [],
      filter: parseFilter(this.filter, 'filter'),
      refresh: this.refresh > 0 ? Math.max(2, this.refresh) : 0,
      version: this.version,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
