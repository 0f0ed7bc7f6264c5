import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VitrineDataError } from '../data/errors.js';
import type { SourceConfig, SourceConfigOptions, VitrineSource } from '../components/source/source.js';
import { SourcePendingError, findSource } from './source-binding.js';

export { findSource };

/** An element that acts on a source's filters: a filter, the search box, the summary. */
export interface FilterHost extends ReactiveControllerHost, HTMLElement {
  /** The id of a `vitrine-source` (or the element is inside one). */
  source: string;
}

/** Whether the source's code is there (its methods can be called). */
export function isSourceReady(source: VitrineSource | undefined): source is VitrineSource {
  return source !== undefined && typeof source.config === 'function' && typeof source.setSelection === 'function';
}

/**
 * Binds a filter widget to its `vitrine-source`: a filter only makes sense on a source, so, unlike
 * `SourceBinding`, there is no `src` of its own. Renders the host again whenever the source changes
 * (its address, its base filters, or the filter state any widget or the page address set).
 */
export class FilterBinding implements ReactiveController {
  private bound: VitrineSource | undefined;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: FilterHost) {
    host.addController(this);
  }

  /** The bound source, once its code is there. */
  get source(): VitrineSource | undefined {
    return isSourceReady(this.bound) ? this.bound : undefined;
  }

  hostConnected(): void {
    this.rebind();
  }

  hostDisconnected(): void {
    this.bound?.removeEventListener('vitrine-source-change', this.onChange);
    this.bound = undefined;
  }

  /** Call from `willUpdate`: follows a changed `source` attribute or a source added later. */
  rebind(): void {
    const next = findSource(this.host);
    if (next === this.bound) return;
    this.bound?.removeEventListener('vitrine-source-change', this.onChange);
    this.bound = next;
    next?.addEventListener('vitrine-source-change', this.onChange);
    if (next && !customElements.get('vitrine-source')) {
      void customElements.whenDefined('vitrine-source').then(this.onChange);
    }
  }

  /**
   * The bound source's configuration (`except`: without the selection on that field).
   * @throws VitrineDataError naming `source` when there is no source; SourcePendingError while its code loads.
   */
  config(options: SourceConfigOptions = {}): SourceConfig {
    const source = this.require();
    return source.config(options);
  }

  /**
   * The bound source.
   * @throws VitrineDataError naming `source` when there is none; SourcePendingError while its code loads.
   */
  require(): VitrineSource {
    const host = this.host;
    const bound = this.bound;
    if (!bound) {
      throw new VitrineDataError('bad-attribute', {
        attribute: 'source',
        value: host.source,
        reason: host.source.trim()
          ? { key: 'reason.no-source', params: { id: host.source } }
          : { key: 'reason.filter-source' },
        example: '<vitrine-source id="shops" src="https://data.example.fr/explore/dataset/shops/"> … source="shops"',
      });
    }
    if (!isSourceReady(bound)) throw new SourcePendingError();
    return bound;
  }
}
