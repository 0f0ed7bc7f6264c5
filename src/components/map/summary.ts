/**
 * The text summary of `vitrine-map` (in the page's language): what the map shows, in a few sentences a
 * screen reader user can take in before exploring the table. Pure: no Lit, no DOM.
 * @module
 */
import { translate } from '../../format/messages-map.js';
import { formatNumber } from '../../format/number.js';
import type { MapMode } from './layers.js';

/** A named extreme of a choropleth: the area and its formatted value. */
export interface NamedValue {
  name: string;
  value: string;
}

/** What the summary speaks of. Values are already formatted for the page's language. */
export interface SummaryInput {
  /** The page's language tag (`fr-FR`, `en`). */
  locale: string;
  mode: MapMode;
  /** Points, shapes, or areas with a value. */
  count: number;
  /** Clusters computed by the portal. */
  serverClusters?: boolean;
  /** Records matching, when only the first `count` are drawn. */
  truncatedFrom?: number;
  /** Colour by a field: its label and range, or its most frequent values. */
  color?: { field: string; min?: string; max?: string; categories?: string[] };
  /** Size by a field. */
  size?: { field: string; min: string; max: string };
  /** A choropleth: the measure's label, the key's label, extremes and gaps. */
  choropleth?: {
    value: string;
    key: string;
    areas: number;
    max?: NamedValue;
    min?: NamedValue;
    missing: number;
    unmatched: number;
  };
}

/** The summary, as plain text. */
export function summaryText(input: SummaryInput): string {
  const t = input.locale;
  const n = (value: number) => formatNumber(value, { locale: t, decimals: 0 });
  const parts: string[] = [];
  const c = input.choropleth;
  if (input.mode === 'choropleth' && c) {
    if (c.max && c.min) {
      parts.push(
        translate(t, 'map.summary.choropleth', {
          value: c.value,
          key: c.key,
          count: n(c.areas),
          maxName: c.max.name,
          max: c.max.value,
          minName: c.min.name,
          min: c.min.value,
        }),
      );
    }
    if (c.missing > 0) parts.push(translate(t, 'map.summary.missing', { count: n(c.missing) }));
    if (c.unmatched > 0) parts.push(translate(t, 'map.summary.unmatched', { field: c.key, count: n(c.unmatched) }));
  } else {
    const key =
      input.mode === 'clusters'
        ? input.serverClusters
          ? 'map.summary.clusters-server'
          : 'map.summary.clusters'
        : input.mode === 'heatmap'
          ? 'map.summary.heatmap'
          : input.mode === 'shapes'
            ? 'map.summary.shapes'
            : 'map.summary.points';
    parts.push(translate(t, key, { count: n(input.count) }));
  }
  if (input.truncatedFrom !== undefined) {
    parts.push(translate(t, 'map.summary.truncated', { shown: n(input.count), total: n(input.truncatedFrom) }));
  }
  const color = input.color;
  if (color?.categories?.length) {
    parts.push(translate(t, 'map.summary.categories', { field: color.field, values: color.categories.join(', ') }));
  } else if (color?.min !== undefined && color.max !== undefined) {
    parts.push(translate(t, 'map.summary.color', { field: color.field, min: color.min, max: color.max }));
  }
  if (input.size) parts.push(translate(t, 'map.summary.size', input.size));
  parts.push(translate(t, 'map.summary.keys'));
  return parts.join(' ');
}
