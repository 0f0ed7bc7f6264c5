/**
 * The MapLibre style of `vitrine-map`, per mode: the data source and its layers, and the plain style
 * used when no basemap is given. Pure functions that return style JSON (maplibre's types only, no
 * engine code), so they are cheap to test and the element's chunk stays small.
 * @module
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { ColorScale } from './classify.js';

/** What the map draws. */
export type MapMode = 'points' | 'clusters' | 'heatmap' | 'choropleth' | 'shapes';

/** Every mode, for attribute checks. */
export const MAP_MODES: readonly MapMode[] = ['points', 'clusters', 'heatmap', 'choropleth', 'shapes'];

/** The id of the data source. */
export const SOURCE = 'vitrine-data';

/** Layer ids. Tests query rendered features by these. */
export const LAYER = {
  background: 'vitrine-background',
  fill: 'vitrine-fill',
  outline: 'vitrine-outline',
  line: 'vitrine-line',
  points: 'vitrine-points',
  clusters: 'vitrine-clusters',
  clusterCount: 'vitrine-cluster-count',
  heatmap: 'vitrine-heatmap',
} as const;

/** The property that holds a choropleth area's value once joined. */
export const VALUE_PROPERTY = 'vitrine_value';

/** Colours read from the element's CSS custom properties, as `#rrggbb` or `rgba()`. */
export interface MapTheme {
  /** Points, lines and clusters without a colour field. */
  accent: string;
  /** Text on top of `accent` (cluster counts). */
  onAccent: string;
  /** Areas and points without a value. */
  missing: string;
  /** Outlines of areas and points. */
  outline: string;
  /** The plain background, without a basemap. */
  background: string;
}

/** Options of {@link dataLayers}. Every field but `mode` and `theme` is optional. */
export interface LayerOptions {
  mode: MapMode;
  theme: MapTheme;
  /** Colour by a property. Default: the accent colour. */
  color?: { property: string; scale: ColorScale };
  /** Size of points (radius) or weight of the heatmap, by a numeric property. */
  size?: { property: string; min: number; max: number };
  /** The source holds clusters computed by the portal (`point_count`), not points. */
  serverClusters?: boolean;
  /** Largest `point_count` of the portal's clusters (heatmap weights). */
  maxCount?: number;
  /** Font stack of the cluster counts (the basemap's, when it has glyphs). */
  font?: string[];
}

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** A maplibre expression that colours a feature like `colorOf` in classify.ts. */
export function colorExpression(
  property: string,
  scale: ColorScale,
  missing: string,
): ExpressionSpecification | string {
  const value: ExpressionSpecification = ['get', property];
  if (scale.kind === 'category') {
    if (scale.values.length === 0) return scale.other;
    const pairs = scale.values.flatMap((v, i) => [v, scale.colors[i] ?? scale.other]);
    const match = ['match', ['to-string', value], ...pairs, scale.other] as unknown as ExpressionSpecification;
    return [
      'case',
      ['any', ['!', ['has', property]], ['==', value, null], ['==', ['to-string', value], '']],
      missing,
      match,
    ];
  }
  const isNumber: ExpressionSpecification = ['==', ['typeof', value], 'number'];
  if (scale.kind === 'classed') {
    if (scale.colors.length <= 1) return ['case', isNumber, scale.colors[0] ?? missing, missing];
    const steps = scale.colors.slice(1).flatMap((c, i) => [scale.breaks[i + 1] ?? 0, c]);
    return [
      'case',
      isNumber,
      ['step', value, scale.colors[0] ?? missing, ...steps] as ExpressionSpecification,
      missing,
    ];
  }
  if (scale.max === scale.min || scale.colors.length < 2) {
    return ['case', isNumber, scale.colors[scale.colors.length - 1] ?? missing, missing];
  }
  const stops = scale.colors.flatMap((c, i) => [
    scale.min + ((scale.max - scale.min) * i) / (scale.colors.length - 1),
    c,
  ]);
  return ['case', isNumber, ['interpolate', ['linear'], value, ...stops] as ExpressionSpecification, missing];
}

function radius(options: LayerOptions, base: number): ExpressionSpecification | number {
  const size = options.size;
  if (!size) return base;
  if (size.max === size.min) return base + 2;
  return [
    'interpolate',
    ['linear'],
    ['to-number', ['get', size.property], size.min],
    size.min,
    3,
    size.max,
    16,
  ] as ExpressionSpecification;
}

function featureColor(options: LayerOptions): ExpressionSpecification | string {
  const { color, theme } = options;
  return color ? colorExpression(color.property, color.scale, theme.missing) : theme.accent;
}

const isType = (...types: string[]): ExpressionSpecification => ['match', ['geometry-type'], types, true, false];

function pointLayer(options: LayerOptions, filter?: ExpressionSpecification): LayerSpecification {
  const layer: LayerSpecification = {
    id: LAYER.points,
    type: 'circle',
    source: SOURCE,
    paint: {
      'circle-color': featureColor(options),
      'circle-radius': radius(options, 6),
      'circle-opacity': 0.85,
      'circle-stroke-color': options.theme.outline,
      'circle-stroke-width': ['case', hovered, 3, 1],
    },
  };
  if (filter) layer.filter = filter;
  return layer;
}

function clusterLayers(options: LayerOptions): LayerSpecification[] {
  const { theme } = options;
  const count: ExpressionSpecification = ['get', 'point_count'];
  const clustered: ExpressionSpecification = options.serverClusters ? ['>', count, 1] : ['has', 'point_count'];
  const single: ExpressionSpecification = options.serverClusters ? ['<=', count, 1] : ['!', ['has', 'point_count']];
  return [
    {
      id: LAYER.clusters,
      type: 'circle',
      source: SOURCE,
      filter: clustered,
      paint: {
        'circle-color': theme.accent,
        'circle-opacity': 0.85,
        'circle-radius': ['step', count, 13, 10, 16, 100, 20, 1000, 25, 10000, 31],
        'circle-stroke-color': theme.outline,
        'circle-stroke-width': ['case', hovered, 4, 2],
      },
    },
    {
      id: LAYER.clusterCount,
      type: 'symbol',
      source: SOURCE,
      filter: clustered,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': options.font ?? ['sans-serif'],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': theme.onAccent },
    },
    options.serverClusters
      ? { ...pointLayer({ ...options, size: undefined, color: undefined }, single) }
      : pointLayer(options, single),
  ];
}

function heatmapLayers(options: LayerOptions): LayerSpecification[] {
  const { size, theme } = options;
  let weight: ExpressionSpecification | number = 1;
  if (options.serverClusters) {
    weight = ['interpolate', ['linear'], ['get', 'point_count'], 0, 0, Math.max(1, options.maxCount ?? 1), 1];
  } else if (size && size.max > size.min) {
    weight = ['interpolate', ['linear'], ['to-number', ['get', size.property], size.min], size.min, 0, size.max, 1];
  }
  return [
    {
      id: LAYER.heatmap,
      type: 'heatmap',
      source: SOURCE,
      maxzoom: 16,
      paint: {
        'heatmap-weight': weight,
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 0, 1, 12, 3],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 0, 4, 6, 14, 12, 24],
        'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.85, 15, 0],
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(255,255,217,0)',
          0.15,
          '#c7e9b4',
          0.35,
          '#7fcdbb',
          0.55,
          '#41b6c4',
          0.75,
          '#225ea8',
          1,
          '#081d58',
        ],
      },
    },
    {
      id: LAYER.points,
      type: 'circle',
      source: SOURCE,
      minzoom: 11,
      paint: {
        'circle-color': featureColor(options),
        'circle-radius': 5,
        'circle-stroke-color': theme.outline,
        'circle-stroke-width': ['case', hovered, 3, 1],
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 13, 0.9],
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 13, 1],
      },
    },
  ];
}

function areaLayers(options: LayerOptions, fillColor: ExpressionSpecification | string): LayerSpecification[] {
  return [
    {
      id: LAYER.fill,
      type: 'fill',
      source: SOURCE,
      filter: isType('Polygon', 'MultiPolygon'),
      paint: {
        'fill-color': fillColor,
        'fill-opacity': ['case', hovered, 0.95, 0.8],
      },
    },
    {
      id: LAYER.outline,
      type: 'line',
      source: SOURCE,
      filter: isType('Polygon', 'MultiPolygon'),
      paint: {
        'line-color': ['case', hovered, '#1e1e1e', options.theme.outline],
        'line-width': ['case', hovered, 2.5, 0.6],
      },
    },
  ];
}

/** The data layers of a mode, bottom to top. */
export function dataLayers(options: LayerOptions): LayerSpecification[] {
  switch (options.mode) {
    case 'points':
      return [pointLayer(options)];
    case 'clusters':
      return clusterLayers(options);
    case 'heatmap':
      return heatmapLayers(options);
    case 'choropleth':
      return areaLayers(options, colorExpression(VALUE_PROPERTY, requireScale(options), options.theme.missing));
    case 'shapes':
      return [
        ...areaLayers(options, featureColor(options)),
        {
          id: LAYER.line,
          type: 'line',
          source: SOURCE,
          filter: isType('LineString', 'MultiLineString'),
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: {
            'line-color': featureColor(options),
            'line-width': ['case', hovered, 6, 3],
          },
        },
        pointLayer(options, isType('Point', 'MultiPoint')),
      ];
  }
}

function requireScale(options: LayerOptions): ColorScale {
  return options.color?.scale ?? { kind: 'classed', breaks: [0, 0], colors: [options.theme.accent] };
}

/** Layers that react to the pointer (hover, click), top first. */
export function interactiveLayers(mode: MapMode): string[] {
  switch (mode) {
    case 'points':
    case 'heatmap':
      return [LAYER.points];
    case 'clusters':
      return [LAYER.clusters, LAYER.points];
    case 'choropleth':
      return [LAYER.fill];
    case 'shapes':
      return [LAYER.points, LAYER.line, LAYER.fill];
  }
}

/**
 * The data source. Client-side clustering (maplibre's, in its worker) for `clusters` unless the
 * portal computed them; ids generated for hover states.
 */
export function dataSource(
  data: GeoJSON.FeatureCollection,
  options: Pick<LayerOptions, 'mode' | 'serverClusters'>,
): GeoJSONSourceSpecification {
  const source: GeoJSONSourceSpecification = { type: 'geojson', data, generateId: true };
  if (options.mode === 'clusters' && !options.serverClusters) {
    source.cluster = true;
    source.clusterRadius = 50;
    source.clusterMaxZoom = 14;
  }
  return source;
}

/** The style without a basemap: a plain background, no network at all. */
export function plainStyle(theme: MapTheme): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: LAYER.background, type: 'background', paint: { 'background-color': theme.background } }],
  };
}

/**
 * The font of a basemap's labels (the first `text-font` given as a list), so cluster counts use glyphs
 * the basemap's server has; without one maplibre draws the digits locally.
 */
export function basemapFont(style: Pick<StyleSpecification, 'layers' | 'glyphs'>): string[] | undefined {
  if (!style.glyphs) return undefined;
  for (const layer of style.layers) {
    if (layer.type !== 'symbol') continue;
    const font = layer.layout?.['text-font'];
    if (Array.isArray(font) && font.length > 0 && font.every((f) => typeof f === 'string')) return font as string[];
  }
  return undefined;
}

/** `1234` → `1.2k`, `56789` → `57k`: the labels of clusters. */
export function abbreviate(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10000) return `${(Math.round(count / 100) / 10).toString()}k`;
  return `${Math.round(count / 1000)}k`;
}
