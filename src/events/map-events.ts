/**
 * Fired by `vitrine-map` when a person clicks a feature on the map, or opens it from the map's table
 * with the keyboard. A dashboard can turn it into a filter on the bound source.
 */
export class VitrineFeatureClickEvent extends Event {
  static readonly eventName = 'vitrine-feature-click' as const;

  constructor(
    /** The feature's properties: the dataset's fields as the portal sent them (a choropleth area: its key and value). */
    readonly properties: Readonly<Record<string, unknown>>,
    /** Where the feature is, `[longitude, latitude]` (a point's position, or where the area was clicked). */
    readonly lngLat: readonly [number, number] | undefined,
  ) {
    super(VitrineFeatureClickEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-feature-click': VitrineFeatureClickEvent;
  }
}
