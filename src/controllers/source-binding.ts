import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { openDataset, type Dataset } from '../data/dataset.js';
import { VitrineDataError } from '../data/errors.js';
import { parseFilter } from '../data/filter.js';
import type { SourceConfig, VitrineSource } from '../components/source/source.js';

/** The attributes every data element has. */
export interface BindableHost extends ReactiveControllerHost, HTMLElement {
  /** The dataset's address (alone, or over the source's). */
  src: string;
  /** The id of a `vitrine-source`. */
  source: string;
  /** Portal kind, when it cannot be recognised from the address (`explore`). */
  portal?: string;
  where: string;
  filter: string;
  refresh: number;
}

/**
 * Binds an element to its data: its own `src`, or a `vitrine-source` named by `source="id"` or
 * around it. Re-renders the element when the source changes, and gives the combined configuration
 * (the source's base filters, then the element's).
 */
export class SourceBinding implements ReactiveController {
  private bound: VitrineSource | undefined;
  private own: { key: string; dataset: Dataset } | undefined;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: BindableHost) {
    host.addController(this);
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
    const next = this.find();
    if (next === this.bound) return;
    this.bound?.removeEventListener('vitrine-source-change', this.onChange);
    this.bound = next;
    next?.addEventListener('vitrine-source-change', this.onChange);
    if (next && !customElements.get('vitrine-source')) {
      void customElements.whenDefined('vitrine-source').then(this.onChange);
    }
  }

  /**
   * The configuration to query with.
   * @throws VitrineDataError naming the attribute to fix (no `src`, an unknown source id, a bad filter).
   */
  config(): SourceConfig {
    const host = this.host;
    const ownWhere = host.where.trim() ? [host.where.trim()] : [];
    const ownFilter = parseFilter(host.filter, 'filter');
    const ownRefresh = host.refresh > 0 ? Math.max(2, host.refresh) : 0;
    if (host.src.trim()) {
      const key = `${host.portal ?? ''}|${host.src}`;
      if (this.own?.key !== key) {
        const options = host.portal ? { kind: host.portal as 'explore' } : {};
        this.own = { key, dataset: openDataset(host.src, { ...options, base: document.baseURI }) };
      }
      const base = this.bound && typeof this.bound.config === 'function' ? this.bound.config() : undefined;
      return {
        dataset: this.own.dataset,
        // An element with its own src uses a source only for its filters when both name the same dataset.
        where:
          base && base.dataset.ref.datasetId === this.own.dataset.ref.datasetId
            ? [...base.where, ...ownWhere]
            : ownWhere,
        filter:
          base && base.dataset.ref.datasetId === this.own.dataset.ref.datasetId
            ? [...base.filter, ...ownFilter]
            : ownFilter,
        refresh: ownRefresh || base?.refresh || 0,
        version: base?.version ?? 0,
      };
    }
    if (!this.bound) {
      throw new VitrineDataError(
        'bad-attribute',
        host.source
          ? {
              attribute: 'source',
              value: host.source,
              reason: { key: 'reason.no-source', params: { id: host.source } },
              example: `<vitrine-source id="${host.source}" src="https://data.example.fr/explore/dataset/my-dataset/">`,
            }
          : {
              attribute: 'src',
              value: '',
              reason: { key: 'reason.empty' },
              example: 'src="https://data.example.fr/explore/dataset/my-dataset/"',
            },
      );
    }
    if (typeof this.bound.config !== 'function') throw new SourcePendingError();
    const base = this.bound.config();
    return {
      ...base,
      where: [...base.where, ...ownWhere],
      filter: [...base.filter, ...ownFilter],
      refresh: ownRefresh || base.refresh,
    };
  }

  private find(): VitrineSource | undefined {
    return findSource(this.host);
  }
}

/**
 * The `vitrine-source` an element names with `source="id"` (looked up in the element's tree, then the
 * document), or the one around it. Undefined when there is none.
 * `id`: the id to look for (default: the element's `source` property).
 */
export function findSource(
  host: HTMLElement & { source?: string },
  id: string | undefined = host.source,
): VitrineSource | undefined {
  id = id?.trim();
  if (id) {
    const root = host.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(id) ?? document.getElementById(id);
    return found?.localName === 'vitrine-source' ? (found as VitrineSource) : undefined;
  }
  return (host.parentElement?.closest('vitrine-source') as VitrineSource | null) ?? undefined;
}

/** The bound `vitrine-source` exists but its code has not arrived yet: stay in the loading state. */
export class SourcePendingError extends Error {
  override readonly name = 'SourcePendingError';
}
