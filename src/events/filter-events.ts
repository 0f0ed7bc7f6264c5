import type { Condition } from '../data/query.js';

/** One field's condition in a source's filter state (what a filter widget, a chart click or the URL set). */
export interface FilterSelection {
  readonly field: string;
  readonly condition: Condition;
}

/**
 * Fired when a person changes the filters of a `vitrine-source`: a value checked in a `vitrine-filter`,
 * a search typed in `vitrine-search`, a chip removed or "clear all" in `vitrine-filters`, a bar or a
 * map feature clicked with `cross-filter`. Fired by the element the person used; not fired when code
 * calls the source's methods, nor when the page address restores filters.
 */
export class VitrineFilterChangeEvent extends Event {
  static readonly eventName = 'vitrine-filter-change' as const;

  constructor(
    /** The `id` of the source whose filters changed ('' when it has none). */
    readonly sourceId: string,
    /** Every selection now active on the source, one per field. */
    readonly selections: readonly FilterSelection[],
    /** The full-text search now active ('' for none). */
    readonly search: string,
    /** The field the person changed; undefined for the search and for "clear all". */
    readonly field: string | undefined,
  ) {
    super(VitrineFilterChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-filter-change': VitrineFilterChangeEvent;
  }
}
