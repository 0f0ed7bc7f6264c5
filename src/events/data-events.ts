/** Fired when an element's data arrived and is shown. */
export class VitrineDataLoadEvent extends Event {
  static readonly eventName = 'vitrine-data-load' as const;

  constructor(
    /** The rows the element shows (aggregated by the portal). */
    readonly rows: readonly Record<string, unknown>[],
  ) {
    super(VitrineDataLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when an element could not show its data; `error.message` says what to fix. */
export class VitrineDataErrorEvent extends Event {
  static readonly eventName = 'vitrine-data-error' as const;

  constructor(
    /** The error, with a `kind` such as `not-found`, `bad-query`, `network`. */
    readonly error: Error,
  ) {
    super(VitrineDataErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-data-load': VitrineDataLoadEvent;
    'vitrine-data-error': VitrineDataErrorEvent;
  }
}
