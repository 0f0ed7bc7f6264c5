/**
 * Fired by a `vitrine-source` when what it describes changes (its address, base filters, refresh):
 * every element bound to it queries again.
 */
export class VitrineSourceChangeEvent extends Event {
  static readonly eventName = 'vitrine-source-change' as const;

  constructor() {
    super(VitrineSourceChangeEvent.eventName, { bubbles: false, composed: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-source-change': VitrineSourceChangeEvent;
  }
}
