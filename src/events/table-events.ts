/** Fired when a person sorts a table (a click, Enter or Space on a column header). */
export class VitrineSortChangeEvent extends Event {
  static readonly eventName = 'vitrine-sort-change' as const;

  constructor(
    /** The new sort, as the `sort` attribute writes it: `population`, or `-population` for descending. */
    readonly sort: string,
  ) {
    super(VitrineSortChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a person moves to another page of a table. */
export class VitrinePageChangeEvent extends Event {
  static readonly eventName = 'vitrine-page-change' as const;

  constructor(
    /** The page asked for, from 1. */
    readonly page: number,
  ) {
    super(VitrinePageChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-sort-change': VitrineSortChangeEvent;
    'vitrine-page-change': VitrinePageChangeEvent;
  }
}
