import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type {
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapMouseEvent,
  Popup as MapLibrePopup,
} from 'maplibre-gl';
import type { Dataset } from '../../data/dataset.js';
import { VitrineDataError, isVitrineDataError } from '../../data/errors.js';
import { getHttpClient } from '../../data/http.js';
import { findField, validateFields, type DatasetMetadata, type FieldInfo } from '../../data/metadata.js';
import { numberLiteral, quoteField } from '../../data/odsql.js';
import { parseLimit, parseMeasure, type Filter, type Measure } from '../../data/query.js';
import { translateDynamic, type MessageKey } from '../../format/messages.js';
import { translate } from '../../format/messages-map.js';
import { formatNumber, type NumberFormatOptions } from '../../format/number.js';
import { DataController } from '../../controllers/data-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourceBinding, SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { VitrineFeatureClickEvent } from '../../events/map-events.js';
import { findSource, isSourceReady } from '../../controllers/filter-binding.js';
import { errorContent, staleContent } from '../shared/state-views.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import {
  CATEGORICAL,
  OTHER_COLOR,
  categoryScale,
  finiteSorted,
  numericScale,
  type ColorScale,
  type ScaleKind,
} from './classify.js';
import { anchorOf, bboxOf, clusterWindow, collectionBounds, inView, type BBox } from './geometry.js';
import {
  LAYER,
  MAP_MODES,
  SOURCE,
  VALUE_PROPERTY,
  abbreviate,
  basemapFont,
  dataLayers,
  dataSource,
  interactiveLayers,
  plainStyle,
  type LayerOptions,
  type MapMode,
} from './layers.js';
import { renderLegend, type LegendModel, type Swatch } from './legend.js';
import { buildPopup, safeHref, shownField, valueText, type ShownField } from './popup.js';
import { summaryText, type SummaryInput } from './summary.js';
import { cssColor, readTheme } from './theme.js';
import { mapStyles } from './map.styles.js';
import type * as EngineModule from './engine.js';

/** Records drawn in the browser at most; above, clusters and heatmaps are computed by the portal. */
const MAX_POINTS = 50_000;
/** Groups a choropleth asks for (the Explore API's maximum per answer). */
const MAX_AREAS = 20_000;
/** Rows per page of the table. */
const PAGE_SIZE = 10;
/** The property that holds a feature's index in the data, to find its original properties. */
const INDEX_PROPERTY = 'vitrine_index';

/** maplibre-gl and its CSS (one chunk), loaded once for every map of the page. */
let enginePromise: Promise<typeof EngineModule> | undefined;
function loadEngine(): Promise<typeof EngineModule> {
  enginePromise ??= import('./engine.js').catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

type Properties = Record<string, unknown>;
type MapFeature = Feature<Geometry, Properties>;

/** A colour scale over a field, as drawn. */
interface ColorBy {
  field: ShownField;
  scale: ColorScale;
  /** Values of the features drawn, for the legend's range. */
  min?: number;
  max?: number;
}

/** What the map shows once its data arrived. */
interface MapData {
  meta: DatasetMetadata;
  mode: MapMode;
  geoField: string;
  collection: FeatureCollection<Geometry, Properties>;
  /** Bounding box of each feature, by index (what is in view). */
  boxes: (BBox | undefined)[];
  bounds: BBox | undefined;
  /** Clusters computed by the portal, fetched again at each zoom level; `total` records. */
  server?: { total: number; dataset: Dataset; where: string[]; filter: Filter };
  /** Only the first records are drawn: how many match. */
  truncatedFrom?: number;
  color?: ColorBy;
  size?: { field: ShownField; min: number; max: number };
  choropleth?: { key: ShownField; value: ShownField; missing: number; unmatched: number };
  popupFields: ShownField[];
  tableFields: ShownField[];
  /** What `vitrine-data-load` carries. */
  rows: Record<string, unknown>[];
}

const GEO_TYPES = new Set(['geo_point_2d', 'geo_shape']);
const NUMERIC = new Set(['int', 'double']);

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Splits on commas outside parentheses: `a:#fff, rgb(1, 2, 3)` → two items. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((s) => s !== '');
}

/** A join key as text: numbers written canonically, so `"01001"` meets `1001`. */
function joinKey(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

/** An address as written in an attribute, made absolute against the page; '' when there is none. */
function absoluteUrl(text: string): string {
  if (text === '') return '';
  try {
    return new URL(text, document.baseURI).href;
  } catch {
    return text;
  }
}

/** HTML-escaped text, for the one place maplibre takes HTML: the attribution. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function badAttribute(
  attribute: string,
  value: string,
  key: MessageKey,
  example: string,
  params?: Record<string, string | number>,
): VitrineDataError {
  return new VitrineDataError('bad-attribute', {
    attribute,
    value,
    reason: params ? { key, params } : { key },
    example,
  });
}

/**
 * A map of a dataset: points, clusters, a heatmap, a choropleth (an aggregate per area, joined to the
 * dataset's own shapes or to a GeoJSON file), or shapes and lines drawn as they are. It fits the data,
 * never captures the page scroll (cooperative gestures), works with the keyboard, and has a text
 * summary and a table of what is in view. The map engine (maplibre-gl) loads only when a map is shown.
 *
 * @summary A map of a dataset: points, clusters, heatmap, choropleth or shapes.
 * @tagname vitrine-map
 * @csspart base - The map's box: title, map and footer (what goes full screen).
 * @csspart title - The title above the map.
 * @csspart map - The map itself.
 * @csspart legend - The legend, over the map's lower left corner.
 * @csspart footer - The line under the map: the table button and notices.
 * @csspart table-toggle - The button that shows the table.
 * @csspart panel - Under the map: the summary and the table.
 * @csspart summary - The generated text summary.
 * @csspart table - The table of what is in view.
 * @csspart pager - The table's paging buttons.
 * @csspart empty - The "no data" message.
 * @csspart error - The message shown in place of the map when something is wrong.
 * @csspart retry - The retry button (network and portal errors).
 * @csspart stale - The notice shown when a refresh failed and older data is kept.
 * @cssprop [--vitrine-map-height=28rem] - Height of the whole element (title, map and footer), kept while loading.
 * @cssprop [--vitrine-map-color=var(--vitrine-color-accent, #000091)] - Points, lines and clusters without a colour field.
 * @cssprop [--vitrine-map-missing-color=#d0d0d0] - Areas and points without a value.
 * @cssprop [--vitrine-map-outline-color=#ffffff] - Outlines of areas and points.
 * @cssprop [--vitrine-map-background=#eef1f4] - Background of the map without a basemap.
 * @cssprop [--vitrine-map-title-size=1.125rem] - Size of the title.
 * @cssprop [--vitrine-map-radius=0.25rem] - Corner radius of the map.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop --vitrine-color-accent - Accent: figures, single series, points and lines, selected filters (global token).
 * @cssprop [--vitrine-color-background=Canvas] - Background of sticky headers, inputs and exported images (global token).
 * @cssprop [--vitrine-color-link=LinkText] - Links (global token).
 * @fires {VitrineDataLoadEvent} vitrine-data-load - The data is drawn (rows: the features' properties, or a choropleth's values per area).
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The map could not be shown; `error.message` says why.
 * @fires {VitrineFeatureClickEvent} vitrine-feature-click - A feature was clicked, or opened from the table.
 * @fires {VitrineFilterChangeEvent} vitrine-filter-change - With `cross-filter`: a person clicked a feature (or opened it from the table).
 */
export class VitrineMap extends LitElement {
  static override styles = [hostStyles, stateStyles, mapStyles];

  private readonly locale = new LocaleController(this);
  private readonly binding = new SourceBinding(this);
  private readonly data = new DataController<MapData>(this, {
    isEmpty: (d) => d.collection.features.length === 0,
    onSettled: (c) => this.settled(c),
  });

  @state() private tableOpen = false;
  @state() private page = 0;
  /** Indices of the features in the current view. */
  @state() private visible: number[] = [];
  /** Why the engine could not draw (no WebGL, worker blocked…): the table still works. */
  @state() private engineError = '';
  /** The worker's address, when the engine failed because its worker did not load. */
  private engineWorker: string | undefined;
  /** A request for the portal's clusters of the current view is in flight. */
  @state() private fetching = false;

  private engineModule: typeof EngineModule | undefined;
  private map: MapLibreMap | undefined;
  /** The map's settings when it was made (basemap, language): a change makes a new map. */
  private mapSettings = '';
  /** The basemap could not be loaded: this map fell back to the plain style. */
  private basemapFailed = false;
  private activePopup: MapLibrePopup | undefined;
  private drawn: MapData | undefined;
  private shown: MapData | undefined;
  private fittedKey = '';
  private dataKey = '';
  private layerSignature = '';
  private hoverId: string | number | undefined;
  private clusterAbort: AbortController | undefined;
  private clusterView = '';
  private drawGeneration = 0;
  private font: string[] | undefined;

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Not needed with `source`.
   */
  @property() src = '';

  /** The id of a `vitrine-source` to use (or put the map inside one). */
  @property() source = '';

  /** Portal kind, when it cannot be recognised from `src` (only `explore` for now). */
  @property() portal = '';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), e.g. `state = 'CA'`. */
  @property() where = '';

  /** Portal-neutral conditions, e.g. `state = CA | NV; mag >= 4`. */
  @property() filter = '';

  /** Fetch again every this many seconds (minimum 2); the view is kept. */
  @property({ type: Number }) refresh = 0;

  /**
   * What to draw: `points`, `clusters`, `heatmap`, `choropleth` or `shapes`. Default: `choropleth` when
   * `key` is set, `shapes` for a dataset whose first geographic field is a geo_shape, else `points`.
   */
  @property() mode: MapMode | '' = '';

  /** The geographic field to draw (geo_point_2d or geo_shape). Default: the first suited to the mode. */
  @property() geo = '';

  /** Fields shown when a feature is clicked, comma-separated, e.g. `name,address,hours`. Labels come from the portal. */
  @property() popup = '';

  /** A field that colours points and shapes: numbers get classes (see `scale`), text one colour per value. */
  @property() color = '';

  /** A number field that sizes points (the weight of each point in a heatmap). */
  @property() size = '';

  /** Choropleth: the field that names each area (a code, a name); the value is computed per key. */
  @property() key = '';

  /** Choropleth: what to compute per area: `count(*)` (default), `sum(field)`, `avg(field)`… */
  @property() value = '';

  /**
   * Choropleth: the address of a GeoJSON file of the areas, when the dataset has no geo_shape field.
   * Use `join` to say which property of its features holds the key.
   */
  @property() boundaries = '';

  /**
   * Choropleth with `boundaries`: the property of the boundary features that matches `key`, as
   * `property` or `property:field` (which also sets the key), e.g. `join="code:departement"`. Default: the key's name.
   */
  @property() join = '';

  /** Choropleth and numeric colours: `quantile` (default: as many areas per class), `equal` intervals, or `continuous`. */
  @property() scale: ScaleKind = 'quantile';

  /** Number of classes, 2 to 9 (default 5). */
  @property({ type: Number }) classes = 5;

  /**
   * Colours, comma-separated: a ramp for numbers (light to dark), a palette for text values, or
   * `value:colour` pairs (`Central:#e32017, Victoria:#0098d4`).
   */
  @property() colors = '';

  /** Values are ratios, written as percentages (0.125 → 12.5 %): legend, popups and table. */
  @property({ type: Boolean }) percent = false;

  /** Exactly this many decimals for values (legend, popups, table). */
  @property({ type: Number }) decimals: number | undefined;

  /** A unit written after values (`km²`, `€`). */
  @property() unit = '';

  /**
   * A MapLibre style URL for the basemap (see the README for public styles and their attribution).
   * Default: none: a plain background and the data, with no request to a tile server.
   */
  @property() basemap = '';

  /** A title shown above the map; it also names the map for assistive technologies. */
  @property() override title = '';

  /** The map's accessible name when there is no `title` (default: `Map: <dataset title>`). */
  @property() label = '';

  /** The element's height as a CSS length (`400px`, `30rem`): sets `--vitrine-map-height` on the element. */
  @property() height = '';

  /**
   * Most records drawn in the browser (default 50,000). Above it, `clusters` and `heatmap` are computed
   * by the portal at each zoom level, and `points` and `shapes` draw the first records and say so.
   */
  @property({ type: Number, attribute: 'max-points' }) maxPoints = MAX_POINTS;

  /** Hide the legend. */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /**
   * Address of maplibre's worker script (`maplibre-gl-worker.mjs`), when it is not next to the map's
   * code: e.g. a copy on your own site, for a CDN install under a Content-Security-Policy without
   * `worker-src blob:`. Applies to every map on the page; set it on the first one.
   */
  @property({ attribute: 'worker-url' }) workerUrl = '';

  /**
   * A click on a feature (or its row in the table) selects its value on the bound source, a second
   * click unselects it: an area's `key`, or the `key` or `color` field of a point or a shape.
   */
  @property({ type: Boolean, attribute: 'cross-filter' }) crossFilter = false;

  /**
   * The maplibre map, once drawn; undefined before, after an error and after removal.
   * @internal For tests (`queryRenderedFeatures`); not a stable API.
   */
  get engine(): MapLibreMap | undefined {
    return this.map;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The engine downloads while the data is asked for (errors are shown when drawing).
    loadEngine().catch(() => undefined);
    // Back on the page: draw again what was drawn.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('height')) this.applyHeight();
    this.binding.rebind();
    const attributes = [
      this.src,
      this.source,
      this.portal,
      this.where,
      this.filter,
      this.mode,
      this.geo,
      this.popup,
      this.color,
      this.size,
      this.key,
      this.value,
      this.boundaries,
      this.join,
      this.scale,
      this.classes,
      this.colors,
      this.percent,
      this.decimals,
      this.unit,
      this.maxPoints,
    ];
    let config;
    try {
      config = this.binding.config();
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.data.fail(JSON.stringify(attributes), error as Error);
      return;
    }
    const key = JSON.stringify([...attributes, config.version, config.dataset.ref.datasetId, this.locale.tag]);
    // New data: try the engine again (it failed on a lost WebGL context, a blocked chunk…).
    if (key !== this.dataKey) this.engineError = '';
    this.dataKey = key;
    try {
      const plan = this.plan();
      const { dataset, where, filter } = config;
      this.data.setRefresh(config.refresh);
      this.data.run(key, ({ signal, refresh }) => this.load(dataset, where, filter, plan, { signal, refresh }));
    } catch (error) {
      this.data.fail(key, error as Error);
    }
  }

  protected override updated(): void {
    const d = this.data.value;
    if (this.data.status === 'data' && d) void this.draw(d);
    else if (this.data.status === 'empty' || this.data.status === 'error') this.releaseMap();
  }

  // ——— Attributes ————————————————————————————————————————————————————————————

  /** What the attributes ask for, checked before any request. */
  private plan() {
    const mode = this.mode.trim();
    if (mode !== '' && !MAP_MODES.includes(mode as MapMode)) {
      throw badAttribute('mode', mode, 'reason.map-mode', 'mode="clusters"');
    }
    const scale = this.scale.trim() || 'quantile';
    if (!['quantile', 'equal', 'continuous'].includes(scale)) {
      throw badAttribute('scale', scale, 'reason.map-scale', 'scale="quantile"');
    }
    const classes = parseLimit(String(this.classes ?? 5), 'classes', 2, 9);
    const maxPoints = parseLimit(String(this.maxPoints ?? MAX_POINTS), 'max-points', 1, 1_000_000);
    let key = this.key.trim();
    let joinProperty = '';
    if (this.join.trim()) {
      const m = /^([^:]+?)(?:\s*:\s*([A-Za-z0-9_]+))?$/.exec(this.join.trim());
      if (!m) throw badAttribute('join', this.join, 'reason.map-join', 'join="code:departement"');
      joinProperty = (m[1] ?? '').trim();
      if (m[2] && !key) key = m[2];
    }
    const measure: Measure | undefined =
      this.value.trim() || key ? parseMeasure(this.value.trim() || 'count(*)', 'value') : undefined;
    const palette: string[] = [];
    const fixed = new Map<string, string>();
    for (const item of splitTopLevel(this.colors)) {
      const pair = /^(.*?)\s*:\s*([^:]+)$/.exec(item);
      const colorText = pair && !/^(rgb|hsl|hwb|lab|lch|oklab|oklch|color)a?\(/i.test(item) ? (pair[2] ?? '') : item;
      const color = cssColor(colorText);
      if (!color)
        throw badAttribute('colors', this.colors, 'reason.map-color', 'colors="#fee8c8, #e34a33"', {
          value: colorText,
        });
      if (pair && colorText !== item) fixed.set((pair[1] ?? '').trim(), color);
      else palette.push(color);
    }
    return {
      mode: mode as MapMode | '',
      scale: scale as ScaleKind,
      classes,
      maxPoints,
      key,
      joinProperty,
      measure,
      palette,
      fixed,
      numbers: this.numberOptions(),
      boundaries: this.boundaries.trim(),
    };
  }

  private numberOptions(): NumberFormatOptions {
    const options: NumberFormatOptions = { percent: this.percent };
    if (this.decimals !== undefined && this.decimals !== null) {
      options.decimals = parseLimit(String(this.decimals), 'decimals', 0, 20);
    }
    if (this.unit.trim()) options.unit = this.unit.trim();
    return options;
  }

  private applyHeight(): void {
    const height = this.height.trim();
    if (height === '') {
      this.style.removeProperty('--vitrine-map-height');
    } else if (CSS.supports('height', height)) {
      this.style.setProperty('--vitrine-map-height', height);
    } else {
      warnOnce(this, badAttribute('height', height, 'reason.map-height', 'height="400px"'));
    }
  }

  /** A field of the dataset named by an attribute, checked (unknown fields get a suggestion). */
  private field(meta: DatasetMetadata, name: string, attribute: string): FieldInfo {
    validateFields(meta, [{ field: name, role: 'select' }], { select: attribute });
    return findField(meta, name) as FieldInfo;
  }

  // ——— Data ————————————————————————————————————————————————————————————

  private async load(
    dataset: Dataset,
    where: string[],
    filter: Filter,
    plan: ReturnType<VitrineMap['plan']>,
    options: { signal: AbortSignal; refresh: boolean },
  ): Promise<MapData> {
    const run = { signal: options.signal, refresh: options.refresh };
    const meta = await dataset.metadata({ signal: options.signal });
    const numbers = plan.numbers;
    const shown = (field: FieldInfo, own = false) => shownField(field, own ? numbers : {});

    // The geographic field, and the mode.
    const geoFields = meta.fields.filter((f) => GEO_TYPES.has(f.type));
    let geo: FieldInfo | undefined;
    if (this.geo.trim()) {
      geo = this.field(meta, this.geo.trim(), 'geo');
      if (!GEO_TYPES.has(geo.type)) {
        throw badAttribute('geo', geo.name, 'reason.map-geo-field', geo.name, { field: geo.name, type: geo.type });
      }
    }
    const firstOf = (type: string) => geoFields.find((f) => f.type === type);
    const mode: MapMode =
      plan.mode || (plan.key ? 'choropleth' : (geo ?? geoFields[0])?.type === 'geo_shape' ? 'shapes' : 'points');
    if (!geo) {
      geo =
        mode === 'shapes' || mode === 'choropleth'
          ? (firstOf('geo_shape') ?? firstOf('geo_point_2d'))
          : (firstOf('geo_point_2d') ?? firstOf('geo_shape'));
    }
    if (!geo && !(mode === 'choropleth' && plan.boundaries)) {
      throw new VitrineDataError('bad-attribute', {
        attribute: this.source.trim() && !this.src.trim() ? 'source' : 'src',
        value: this.src.trim() || this.source.trim(),
        dataset: meta.datasetId,
        reason: { key: 'reason.map-no-geo' },
        example: 'src="https://data.example.fr/explore/dataset/my-places/"',
      });
    }

    // The other fields the attributes name.
    const popupFields = list(this.popup).map((name) => shown(this.field(meta, name, 'popup')));
    const colorInfo = this.color.trim() ? this.field(meta, this.color.trim(), 'color') : undefined;
    const sizeInfo = this.size.trim() ? this.field(meta, this.size.trim(), 'size') : undefined;
    if (sizeInfo && !NUMERIC.has(sizeInfo.type)) {
      throw badAttribute('size', sizeInfo.name, 'reason.map-numeric', 'size="population"', {
        field: sizeInfo.name,
        type: sizeInfo.type,
      });
    }

    if (mode === 'choropleth') {
      return this.loadChoropleth(dataset, meta, where, filter, plan, geo, popupFields, run);
    }

    const geoName = (geo as FieldInfo).name;
    const defaults = (): ShownField[] => {
      const picked: FieldInfo[] = [];
      const text = meta.fields.find((f) => f.type === 'text' && !GEO_TYPES.has(f.type));
      if (text) picked.push(text);
      for (const f of [colorInfo, sizeInfo]) if (f && !picked.includes(f)) picked.push(f);
      if (picked.length === 0) picked.push(...meta.fields.filter((f) => !GEO_TYPES.has(f.type)).slice(0, 3));
      return picked.map((f) => shown(f, f === colorInfo || f === sizeInfo));
    };
    const tableFields = popupFields.length > 0 ? popupFields : defaults();
    const fields = [...new Set([geoName, ...tableFields.map((f) => f.name), colorInfo?.name, sizeInfo?.name])].filter(
      (f): f is string => f !== undefined,
    );

    // How many records: above the bound, the portal clusters them (or only the first are drawn).
    let total = meta.recordsCount ?? 0;
    const filtered = where.length > 0 || filter.length > 0;
    if (total > plan.maxPoints && filtered) {
      const counted = await dataset.aggregate({ measures: [{ op: 'count', as: 'count' }], where, filter }, run);
      total = Number(counted.rows[0]?.count ?? 0);
    }
    const large = total > plan.maxPoints;
    if (large && (mode === 'clusters' || mode === 'heatmap') && (geo as FieldInfo).type === 'geo_point_2d') {
      const clusters = await dataset.clusters(
        { geoField: geoName, zoom: 1, where, filter },
        { ...run, attributes: { geo: 'geo' } },
      );
      const collection = clusterCollection(clusters.rows);
      return this.finish({
        meta,
        mode,
        geoField: geoName,
        collection,
        server: { total, dataset, where, filter },
        popupFields: [],
        tableFields: [],
        rows: clusters.rows as unknown as Record<string, unknown>[],
      });
    }
    const exported = await dataset.geojson(
      large ? { where, filter, fields, limit: plan.maxPoints } : { where, filter, fields },
      { ...run, attributes: { select: 'popup' } },
    );
    const collection = toCollection(exported.features);
    const d: Omit<MapData, 'boxes' | 'bounds'> = {
      meta,
      mode,
      geoField: geoName,
      collection,
      popupFields: popupFields.length > 0 ? popupFields : tableFields,
      tableFields,
      rows: collection.features.map((f) => withoutOwn(f.properties)),
    };
    if (large) d.truncatedFrom = total;
    const props = collection.features.map((f) => f.properties);
    if (colorInfo) {
      const values = props.map((p) => p[colorInfo.name]);
      const scale: ColorScale = NUMERIC.has(colorInfo.type)
        ? (numericScale(values, { kind: plan.scale, classes: plan.classes, colors: plan.palette }) ?? categoryScale([]))
        : categoryScale(values, plan.palette.length > 0 ? plan.palette : CATEGORICAL, plan.fixed);
      const sorted = finiteSorted(values);
      d.color = { field: shown(colorInfo, true), scale };
      if (sorted.length > 0) {
        d.color.min = sorted[0];
        d.color.max = sorted[sorted.length - 1];
      }
    }
    if (sizeInfo) {
      const sorted = finiteSorted(props.map((p) => p[sizeInfo.name]));
      if (sorted.length > 0) {
        d.size = { field: shown(sizeInfo, true), min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
      }
    }
    return this.finish(d);
  }

  private async loadChoropleth(
    dataset: Dataset,
    meta: DatasetMetadata,
    where: string[],
    filter: Filter,
    plan: ReturnType<VitrineMap['plan']>,
    geo: FieldInfo | undefined,
    popupFields: ShownField[],
    run: { signal: AbortSignal; refresh: boolean },
  ): Promise<MapData> {
    if (!plan.key) throw badAttribute('key', '', 'reason.map-key', 'key="code"');
    const keyInfo = this.field(meta, plan.key, 'key');
    const measure = plan.measure ?? parseMeasure('count(*)', 'value');
    const aggregate = dataset.aggregate(
      { measures: [{ ...measure, as: 'value' }], groupBy: [{ field: keyInfo.name }], where, filter, limit: MAX_AREAS },
      { ...run, attributes: { measure: 'value', group: 'key' } },
    );
    let features: MapFeature[];
    let joinProperty = plan.joinProperty || keyInfo.name;
    if (plan.boundaries) {
      const url = new URL(plan.boundaries, document.baseURI);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw badAttribute(
          'boundaries',
          plan.boundaries,
          'reason.scheme',
          'boundaries="https://example.org/areas.geojson"',
        );
      }
      let body: unknown;
      try {
        body = await getHttpClient().getJson(url.href, { signal: run.signal, ttl: 10 * 60 * 1000 });
      } catch (error) {
        throw isVitrineDataError(error) ? error.withDetails({ attribute: 'boundaries' }) : error;
      }
      const collection = body as { type?: unknown; features?: unknown };
      if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
        throw new VitrineDataError('malformed', {
          url: url.href,
          attribute: 'boundaries',
          reason: { key: 'reason.shape' },
        });
      }
      features = toCollection(collection.features as unknown[]).features;
    } else {
      if (!geo || geo.type !== 'geo_shape') {
        throw badAttribute(
          'boundaries',
          '',
          'reason.map-areas',
          'boundaries="https://example.org/areas.geojson" join="code"',
        );
      }
      joinProperty = keyInfo.name;
      const fields = [...new Set([keyInfo.name, geo.name, ...popupFields.map((f) => f.name)])];
      const exported = await dataset.geojson({ where, filter, fields }, { ...run, attributes: { select: 'popup' } });
      // One shape per key (records of several years share their area).
      const seen = new Set<string>();
      features = toCollection(exported.features).features.filter((f) => {
        const k = joinKey(f.properties[keyInfo.name]);
        if (k === undefined || seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    const { rows } = await aggregate;
    const values = new Map<string, number | null>();
    for (const row of rows) {
      const k = joinKey(row[keyInfo.name]);
      if (k !== undefined) values.set(k, typeof row.value === 'number' ? row.value : null);
    }
    const matched = new Set<string>();
    let missing = 0;
    features = features.map((f, i) => {
      const k = joinKey(f.properties[joinProperty]);
      const v = k === undefined ? undefined : values.get(k);
      if (k !== undefined && values.has(k)) matched.add(k);
      if (v === undefined || v === null) missing += 1;
      return { ...f, properties: { ...f.properties, [VALUE_PROPERTY]: v ?? null, [INDEX_PROPERTY]: i } };
    });
    if (plan.boundaries && matched.size === 0 && rows.length > 0) {
      throw badAttribute('join', this.join || joinProperty, 'reason.map-join-none', 'join="code:departement"', {
        property: joinProperty,
        field: keyInfo.name,
      });
    }
    const valueField: ShownField = {
      name: VALUE_PROPERTY,
      label: translateDynamic(this.locale.locale, `measure.${measure.op}`, {
        field: measure.field ? (findField(meta, measure.field)?.label ?? measure.field) : '',
      }),
      type: 'double',
      number: { ...plan.numbers },
    };
    const keyField: ShownField = { ...shownField(keyInfo), name: joinProperty };
    const scale =
      numericScale(
        features.map((f) => f.properties[VALUE_PROPERTY]),
        { kind: plan.scale, classes: plan.classes, colors: plan.palette },
      ) ?? ({ kind: 'classed', breaks: [0, 0], colors: [OTHER_COLOR] } as ColorScale);
    const collection: FeatureCollection<Geometry, Properties> = { type: 'FeatureCollection', features };
    const sorted = finiteSorted(features.map((f) => f.properties[VALUE_PROPERTY]));
    const nameFields = popupFields.filter((f) => f.name !== keyInfo.name);
    return this.finish({
      meta,
      mode: 'choropleth',
      geoField: geo?.name ?? '',
      collection,
      color: { field: valueField, scale, min: sorted[0], max: sorted[sorted.length - 1] },
      choropleth: { key: keyField, value: valueField, missing, unmatched: values.size - matched.size },
      popupFields: [keyField, valueField, ...nameFields],
      tableFields: [...nameFields.slice(0, 1), keyField, valueField],
      rows: rows as Record<string, unknown>[],
    });
  }

  /** Indexes the features and their boxes. */
  private finish(d: Omit<MapData, 'boxes' | 'bounds'>): MapData {
    d.collection.features.forEach((f, i) => (f.properties[INDEX_PROPERTY] = i));
    return {
      ...d,
      boxes: d.collection.features.map((f) => bboxOf(f.geometry)),
      bounds: collectionBounds(d.collection),
    };
  }

  private settled(controller: DataController<MapData>): void {
    if (controller.status === 'error' && controller.error) {
      warnOnce(this, controller.error);
      // Events are built apart: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named `arg`.
      const event = new VitrineDataErrorEvent(controller.error);
      this.dispatchEvent(event);
      return;
    }
    if (controller.stale && controller.error) {
      warnOnce(this, controller.error);
      return;
    }
    clearWarning(this);
    if (controller.status === 'empty') this.dispatchEvent(new VitrineDataLoadEvent([]));
    // With data, `vitrine-data-load` waits until the map has drawn it (see draw()).
  }

  // ——— Engine ————————————————————————————————————————————————————————————

  /** Draws `d`: loads the engine, makes the map if needed, sets the data, fits the view once. */
  private async draw(d: MapData): Promise<void> {
    const settings = JSON.stringify([this.basemap.trim(), this.locale.tag]);
    // Another basemap or language: a new map (releasing the old one cancels draws in flight).
    if (this.map && settings !== this.mapSettings) this.releaseMap();
    if (this.map && this.drawn === d) return;
    const generation = ++this.drawGeneration;
    if (this.engineError) {
      this.updateVisible();
      this.markShown(d);
      return;
    }
    try {
      this.engineModule ??= await loadEngine();
    } catch (error) {
      this.failEngine(error);
      return;
    }
    if (generation !== this.drawGeneration || !this.isConnected || this.data.value !== d) return;
    const engine = this.engineModule;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!container) return;
    if (!this.map) {
      try {
        this.createMap(engine, container);
      } catch (error) {
        this.failEngine(error);
        return;
      }
      this.mapSettings = settings;
    }
    this.drawn = d;
    const map = this.map as MapLibreMap | undefined;
    if (!map) return;
    const apply = () => {
      if (this.map !== map || this.drawn !== d) return;
      this.applyData(map, d);
      if (this.fittedKey !== this.dataKey) {
        this.fittedKey = this.dataKey;
        this.fit(map, d);
      }
      this.updateVisible();
      if (d.server) void this.fetchClusters(map, d);
      map.once('idle', () => {
        if (this.drawn === d && !this.fetching) this.markShown(d);
      });
    };
    if (map.isStyleLoaded()) apply();
    else map.once('style.load', apply);
  }

  private createMap(engine: typeof EngineModule, container: HTMLElement): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = engine.engineStyles();
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    if (this.workerUrl.trim()) engine.setWorkerUrl(new URL(this.workerUrl.trim(), document.baseURI).href);
    const t = this.locale.locale;
    const theme = readTheme(this);
    const basemap = safeHref(absoluteUrl(this.basemap.trim()));
    if (this.basemap.trim() && !basemap) {
      warnOnce(
        this,
        badAttribute(
          'basemap',
          this.basemap,
          'reason.scheme',
          'basemap="https://tiles.openfreemap.org/styles/positron"',
        ),
      );
    }
    const map = new engine.Map({
      container,
      style: basemap ?? plainStyle(theme),
      attributionControl: false,
      cooperativeGestures: true,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      maxZoom: 19,
      locale: {
        'Map.Title': this.accessibleName(),
        'NavigationControl.ZoomIn': translate(t, 'map.ui.zoom-in'),
        'NavigationControl.ZoomOut': translate(t, 'map.ui.zoom-out'),
        'NavigationControl.ResetBearing': translate(t, 'map.ui.reset-bearing'),
        'FullscreenControl.Enter': translate(t, 'map.ui.fullscreen-enter'),
        'FullscreenControl.Exit': translate(t, 'map.ui.fullscreen-exit'),
        'Popup.Close': translate(t, 'map.ui.close-popup'),
        'AttributionControl.ToggleAttribution': translate(t, 'map.ui.attribution'),
        'CooperativeGesturesHandler.WindowsHelpText': translate(t, 'map.ui.cooperative-windows'),
        'CooperativeGesturesHandler.MacHelpText': translate(t, 'map.ui.cooperative-mac'),
        'CooperativeGesturesHandler.MobileHelpText': translate(t, 'map.ui.cooperative-mobile'),
      },
    });
    this.map = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new engine.NavigationControl({ showCompass: false }), 'top-right');
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    if (base) map.addControl(new engine.FullscreenControl({ container: base }), 'top-right');
    map.addControl(new engine.ScaleControl({}), 'bottom-right');
    map.addControl(
      new engine.AttributionControl({ compact: true, customAttribution: this.attribution() }),
      'bottom-right',
    );
    map.getCanvas().setAttribute('aria-describedby', 'summary');
    map.on('mousemove', this.onPointerMove);
    map.on('mouseout', this.onPointerOut);
    map.on('click', this.onMapClick);
    map.on('moveend', this.onMoveEnd);
    map.on('error', this.onMapError);
    map.on('style.load', this.onStyleLoad);
    map.once('style.load', () => {
      const style = map.getStyle();
      this.font = style ? basemapFont(style) : undefined;
    });
    // Page scroll stays the page's: cooperative gestures, but not in full screen.
    map.on('resize', this.onResize);
  }

  /** Attribution of the data (maplibre renders it as HTML: every part is escaped). */
  private attribution(): string {
    const meta = this.data.value?.meta;
    const title = escapeHtml(meta?.title ?? meta?.datasetId ?? '');
    const href = safeHref(this.src.trim());
    return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${title}</a>` : title;
  }

  private layerOptions(d: MapData): LayerOptions {
    const options: LayerOptions = { mode: d.mode, theme: readTheme(this) };
    if (d.color) options.color = { property: d.color.field.name, scale: d.color.scale };
    if (d.size) options.size = { property: d.size.field.name, min: d.size.min, max: d.size.max };
    if (d.server) {
      options.serverClusters = true;
      options.maxCount = Math.max(1, ...d.collection.features.map((f) => Number(f.properties.point_count) || 1));
    }
    if (this.font) options.font = this.font;
    return options;
  }

  private applyData(map: MapLibreMap, d: MapData): void {
    const layers: LayerSpecification[] = dataLayers(this.layerOptions(d));
    const signature = JSON.stringify(layers);
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (source && signature === this.layerSignature) {
      source.setData(d.collection);
      return;
    }
    for (const id of Object.values(LAYER)) if (id !== LAYER.background && map.getLayer(id)) map.removeLayer(id);
    if (source) map.removeSource(SOURCE);
    map.addSource(SOURCE, dataSource(d.collection, { mode: d.mode, serverClusters: Boolean(d.server) }));
    // Under the basemap's labels, when it has some.
    const before = map.getStyle()?.layers.find((l) => l.type === 'symbol' && !l.id.startsWith('vitrine-'))?.id;
    for (const layer of layers) map.addLayer(layer, before);
    this.layerSignature = signature;
  }

  private fit(map: MapLibreMap, d: MapData): void {
    const b = d.bounds;
    if (!b) return;
    const point = b[0] === b[2] && b[1] === b[3];
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 24, maxZoom: point ? 12 : d.mode === 'choropleth' || d.mode === 'shapes' ? 15 : 14, duration: 0 },
    );
  }

  /** The portal's clusters for the current view (server-side clustering). */
  private async fetchClusters(map: MapLibreMap, d: MapData): Promise<void> {
    const server = d.server;
    if (!server) return;
    const bounds = map.getBounds();
    // maplibre's tiles are 512 px, geo_cluster's world 256 px: one zoom level more gives ~64-px cells.
    const zoom = Math.max(0, Math.min(25, Math.floor(map.getZoom()) + 1));
    const window = clusterWindow([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
    const view = JSON.stringify([zoom, window]);
    if (view === this.clusterView) return;
    this.clusterView = view;
    this.clusterAbort?.abort();
    const abort = new AbortController();
    this.clusterAbort = abort;
    this.fetching = true;
    const where = [...server.where];
    if (window) {
      const n = (v: number) => numberLiteral(Math.round(v * 1e6) / 1e6);
      where.push(
        `in_bbox(${quoteField(d.geoField)}, ${n(window[1])}, ${n(window[0])}, ${n(window[3])}, ${n(window[2])})`,
      );
    }
    try {
      const result = await server.dataset.clusters(
        { geoField: d.geoField, zoom, where, filter: server.filter },
        { signal: abort.signal, attributes: { geo: 'geo' } },
      );
      if (abort.signal.aborted || this.map !== map || this.drawn !== d) return;
      d.collection = clusterCollection(result.rows);
      d.boxes = d.collection.features.map((f) => bboxOf(f.geometry));
      this.applyData(map, d);
      this.updateVisible();
      map.once('idle', () => this.markShown(d));
    } catch (error) {
      if (abort.signal.aborted) return;
      warnOnce(this, error as Error);
      this.markShown(d);
    } finally {
      if (this.clusterAbort === abort) {
        this.clusterAbort = undefined;
        this.fetching = false;
      }
    }
  }

  private markShown(d: MapData): void {
    if (this.shown === d || this.data.value !== d) return;
    this.shown = d;
    this.requestUpdate();
    this.dispatchEvent(new VitrineDataLoadEvent(d.rows));
  }

  /** Shows that the map cannot be drawn (the data stays available as a table); `worker`: its script did not load. */
  private failEngine(error: unknown, worker?: string): void {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(
      worker === undefined
        ? `[vitrine] <vitrine-map>: the map could not be drawn: ${reason}`
        : `[vitrine] <vitrine-map>: the map's worker did not load from ${worker}: check the worker-url attribute, that the file is on the server, that it is served as text/javascript and that the page's Content-Security-Policy allows it in worker-src (maplibre: ${reason})`,
      this,
    );
    this.releaseMap();
    this.engineError = reason;
    this.engineWorker = worker;
    const d = this.data.value;
    if (d) {
      this.updateVisible();
      this.markShown(d);
    }
  }

  /** Removes the maplibre map (its WebGL context, worker jobs, observers and listeners). */
  private releaseMap(): void {
    this.clusterAbort?.abort();
    this.clusterAbort = undefined;
    this.fetching = false;
    this.activePopup?.remove();
    this.activePopup = undefined;
    if (this.map) {
      const map = this.map;
      this.map = undefined;
      map.remove();
    }
    this.drawn = undefined;
    this.shown = undefined;
    this.basemapFailed = false;
    this.fittedKey = '';
    this.layerSignature = '';
    this.clusterView = '';
    this.hoverId = undefined;
    this.drawGeneration += 1;
  }

  // ——— Handlers ————————————————————————————————————————————————————————————

  private featureAt(e: MapMouseEvent) {
    const map = this.map;
    const d = this.drawn;
    if (!map || !d) return undefined;
    const layers = interactiveLayers(d.mode).filter((id) => map.getLayer(id));
    return layers.length > 0 ? map.queryRenderedFeatures(e.point, { layers })[0] : undefined;
  }

  private readonly onPointerMove = (e: MapMouseEvent) => {
    const map = this.map;
    if (!map) return;
    const feature = this.featureAt(e);
    const id = feature?.id;
    if (id !== this.hoverId) {
      if (this.hoverId !== undefined) map.setFeatureState({ source: SOURCE, id: this.hoverId }, { hover: false });
      if (id !== undefined) map.setFeatureState({ source: SOURCE, id }, { hover: true });
      this.hoverId = id;
    }
    map.getCanvas().style.cursor = feature ? 'pointer' : '';
  };

  private readonly onPointerOut = () => {
    if (this.map && this.hoverId !== undefined) {
      this.map.setFeatureState({ source: SOURCE, id: this.hoverId }, { hover: false });
    }
    this.hoverId = undefined;
  };

  private readonly onMapClick = (e: MapMouseEvent) => {
    const map = this.map;
    const d = this.drawn;
    const feature = this.featureAt(e);
    if (!map || !d || !feature) return;
    const props = feature.properties as Properties;
    if (d.server) {
      const count = Number(props.point_count) || 1;
      if (count > 1) map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 });
      return;
    }
    if (props.cluster) {
      const source = map.getSource(SOURCE) as GeoJSONSource;
      const center = (feature.geometry as Point).coordinates as [number, number];
      void source.getClusterExpansionZoom(Number(props.cluster_id)).then((zoom) => map.easeTo({ center, zoom }));
      return;
    }
    const index = Number(props[INDEX_PROPERTY]);
    const original = d.collection.features[index];
    if (!original) return;
    const anchor = original.geometry.type === 'Point' ? anchorOf(original) : undefined;
    this.openFeature(index, anchor ?? [e.lngLat.lng, e.lngLat.lat]);
  };

  private readonly onMoveEnd = () => {
    const map = this.map;
    const d = this.drawn;
    if (!map || !d) return;
    if (d.server) void this.fetchClusters(map, d);
    this.updateVisible();
  };

  private readonly onResize = () => {
    const map = this.map;
    if (!map) return;
    const full = Boolean(document.fullscreenElement) && this.renderRoot.querySelector('.base:fullscreen') !== null;
    if (full) map.cooperativeGestures.disable();
    else map.cooperativeGestures.enable();
  };

  private readonly onStyleLoad = () => {
    // A new style (the basemap fell back to the plain one): put the data back.
    const map = this.map;
    const d = this.drawn;
    if (map && d && !map.getSource(SOURCE)) {
      this.layerSignature = '';
      this.applyData(map, d);
    }
  };

  private readonly onMapError = (event: { error?: { message: string } }) => {
    const map = this.map;
    const error = event.error;
    if (!map || !error) return;
    const basemap = this.basemap.trim();
    if (/worker/i.test(error.message)) {
      this.failEngine(new Error(error.message), this.engineModule?.workerUrl() ?? this.workerUrl.trim());
      return;
    }
    if (basemap && !map.isStyleLoaded() && !this.basemapFailed) {
      // The basemap did not load: say so, and draw the data on the plain background.
      warnOnce(this, new VitrineDataError('network', { attribute: 'basemap', url: absoluteUrl(basemap) }));
      this.basemapFailed = true;
      map.setStyle(plainStyle(readTheme(this)));
      return;
    }
    console.warn(`[vitrine] <vitrine-map>: ${error.message}`, this);
  };

  /** Opens a feature's popup and tells the page (a click, or the table's button). */
  private openFeature(index: number, lngLat: [number, number] | undefined, opener?: HTMLElement): void {
    const d = this.drawn ?? this.data.value;
    const feature = d?.collection.features[index];
    if (!d || !feature) return;
    const properties = withoutOwn(feature.properties);
    const map = this.map;
    const engine = this.engineModule;
    if (map && engine && lngLat) {
      this.activePopup?.remove();
      const content = buildPopup({
        fields: d.popupFields,
        properties: feature.properties,
        locale: this.locale.tag,
        missing: translate(this.locale.locale, 'ui.no-data'),
      });
      const popup = new engine.Popup({ maxWidth: '20rem', focusAfterOpen: true, className: 'vitrine-map-popup' })
        .setLngLat(lngLat)
        .setDOMContent(content)
        .addTo(map);
      popup.getElement()?.addEventListener('keydown', (e: KeyboardEvent) => {
        if (e.key === 'Escape') popup.remove();
      });
      popup.on('close', () => {
        if (this.activePopup === popup) this.activePopup = undefined;
        if (opener?.isConnected) opener.focus();
      });
      this.activePopup = popup;
    }
    const event = new VitrineFeatureClickEvent(properties, lngLat);
    this.dispatchEvent(event);
    if (this.crossFilter) this.crossFilterFeature(d, feature.properties);
  }

  /** `cross-filter`: the feature's value of the `key` field (else the `color` field), toggled on the bound source. */
  private crossFilterFeature(d: MapData, properties: Readonly<Record<string, unknown>>): void {
    let field: string;
    try {
      field = this.plan().key || this.color.trim();
    } catch {
      return;
    }
    // An area of a boundaries file holds the key in its join property.
    const value = properties[d.choropleth ? d.choropleth.key.name : field];
    const source = findSource(this);
    if (!field || value === null || value === undefined || typeof value === 'object' || !isSourceReady(source)) return;
    source.toggleValue(field, String(value), { origin: this });
  }

  private onRowActivate(index: number, event: Event): void {
    const d = this.drawn ?? this.data.value;
    const feature = d?.collection.features[index];
    if (!d || !feature) return;
    if (d.server) {
      const center = anchorOf(feature);
      if (this.map && center) this.map.easeTo({ center, zoom: this.map.getZoom() + 2 });
      return;
    }
    this.openFeature(index, anchorOf(feature), event.currentTarget as HTMLElement);
  }

  private onToggleTable(): void {
    this.tableOpen = !this.tableOpen;
  }

  private onPage(delta: number): void {
    const pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    const next = Math.min(pages - 1, Math.max(0, this.page + delta));
    if (next !== this.page) this.page = next;
  }

  private onRetry(): void {
    this.data.retry();
  }

  /** The features in the current view (all of them when there is no map). */
  private updateVisible(): void {
    const d = this.drawn ?? this.data.value;
    if (!d) {
      this.visible = [];
      return;
    }
    const map = this.map;
    let indices: number[];
    if (!map) {
      indices = d.collection.features.map((_, i) => i);
    } else {
      const b = map.getBounds();
      const view: BBox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      indices = [];
      d.boxes.forEach((box, i) => {
        if (inView(box, view)) indices.push(i);
      });
    }
    if (d.mode === 'choropleth') {
      const value = (i: number) => d.collection.features[i]?.properties[VALUE_PROPERTY];
      indices.sort((a, b) => (Number(value(b) ?? -Infinity) || 0) - (Number(value(a) ?? -Infinity) || 0));
    }
    const same = indices.length === this.visible.length && indices.every((v, i) => v === this.visible[i]);
    if (!same) {
      this.visible = indices;
      this.page = 0;
    }
  }

  // ——— Text ————————————————————————————————————————————————————————————

  private accessibleName(): string {
    if (this.title.trim()) return this.title.trim();
    if (this.label.trim()) return this.label.trim();
    const meta = this.data.value?.meta;
    return translate(this.locale.locale, 'map.name', { dataset: meta?.title ?? meta?.datasetId ?? '' });
  }

  private text(value: unknown, field: ShownField | undefined): string {
    return valueText(value, field, this.locale.tag, translate(this.locale.locale, 'ui.no-data'));
  }

  private summary(d: MapData): string {
    const input: SummaryInput = {
      locale: this.locale.tag,
      mode: d.mode,
      count: d.server ? d.server.total : d.collection.features.length,
    };
    if (d.server) input.serverClusters = true;
    if (d.truncatedFrom !== undefined) input.truncatedFrom = d.truncatedFrom;
    const color = d.color;
    if (color && d.mode !== 'choropleth') {
      if (color.scale.kind === 'category') {
        input.color = { field: color.field.label, categories: color.scale.values.slice(0, 6) };
      } else if (color.min !== undefined && color.max !== undefined) {
        input.color = {
          field: color.field.label,
          min: this.text(color.min, color.field),
          max: this.text(color.max, color.field),
        };
      }
    }
    if (d.size) {
      input.size = {
        field: d.size.field.label,
        min: this.text(d.size.min, d.size.field),
        max: this.text(d.size.max, d.size.field),
      };
    }
    const c = d.choropleth;
    if (c) {
      const withValue = d.collection.features.filter((f) => typeof f.properties[VALUE_PROPERTY] === 'number');
      const byValue = [...withValue].sort(
        (a, b) => Number(b.properties[VALUE_PROPERTY]) - Number(a.properties[VALUE_PROPERTY]),
      );
      const named = (f: MapFeature | undefined) =>
        f ? { name: this.rowLabel(d, f), value: this.text(f.properties[VALUE_PROPERTY], c.value) } : undefined;
      const max = named(byValue[0]);
      const min = named(byValue[byValue.length - 1]);
      input.choropleth = {
        value: c.value.label,
        key: c.key.label,
        areas: withValue.length,
        missing: c.missing,
        unmatched: c.unmatched,
        ...(max ? { max } : {}),
        ...(min ? { min } : {}),
      };
    }
    return summaryText(input);
  }

  private rowLabel(d: MapData, feature: MapFeature): string {
    const first = d.tableFields[0];
    const value = first ? feature.properties[first.name] : undefined;
    const text = first ? valueText(value, first, this.locale.tag, '') : '';
    return (
      text.trim() ||
      translate(this.locale.locale, 'map.table.feature', { index: Number(feature.properties[INDEX_PROPERTY]) + 1 })
    );
  }

  private legend(d: MapData): LegendModel | undefined {
    const t = this.locale.locale;
    const theme = readTheme(this);
    const shape: Swatch['shape'] = d.mode === 'points' || d.mode === 'clusters' ? 'circle' : 'square';
    const model: LegendModel = {};
    const color = d.color;
    if (d.mode === 'clusters') model.note = translate(t, 'map.legend.clusters');
    if (d.mode === 'heatmap') {
      model.title = translate(t, 'map.legend.heatmap');
      model.gradient = {
        colors: ['#ffffd9', '#c7e9b4', '#7fcdbb', '#41b6c4', '#225ea8', '#081d58'],
        from: translate(t, 'map.legend.heatmap.low'),
        to: translate(t, 'map.legend.heatmap.high'),
      };
    } else if (color) {
      model.title = color.field.label;
      const scale = color.scale;
      const number = { ...color.field.number };
      if (scale.kind === 'classed') {
        if (number.decimals === undefined) number.decimals = legendDecimals(scale.breaks, Boolean(number.percent));
        const f = (v: number) => formatNumber(v, { ...number, locale: this.locale.tag });
        model.swatches = scale.colors.map((c, i) => {
          const from = scale.breaks[i] ?? 0;
          const to = scale.breaks[i + 1] ?? from;
          return { color: c, label: translate(t, 'map.legend.range', { from: f(from), to: f(to) }), shape, from, to };
        });
      } else if (scale.kind === 'continuous') {
        const f = (v: number) => formatNumber(v, { ...number, locale: this.locale.tag });
        model.gradient = { colors: scale.colors, from: f(scale.min), to: f(scale.max) };
      } else {
        const lineShape: Swatch['shape'] = d.mode === 'shapes' ? 'line' : shape;
        model.swatches = scale.values.map((v, i) => ({
          color: scale.colors[i] ?? scale.other,
          label: v,
          shape: lineShape,
        }));
        const others = d.collection.features.some((f) => {
          const v = f.properties[color.field.name];
          return v !== null && v !== undefined && v !== '' && !scale.values.includes(String(v));
        });
        if (others) model.swatches.push({ color: scale.other, label: translate(t, 'ui.others'), shape: lineShape });
      }
      const missing =
        d.mode === 'choropleth'
          ? (d.choropleth?.missing ?? 0) > 0
          : d.collection.features.some((f) => {
              const v = f.properties[color.field.name];
              return v === null || v === undefined || v === '';
            });
      if (missing) {
        model.swatches = [
          ...(model.swatches ?? []),
          { color: theme.missing, label: translate(t, 'ui.no-data'), shape },
        ];
      }
    }
    if (d.size && d.mode !== 'heatmap') {
      model.size = {
        title: translate(t, 'map.legend.size', { field: d.size.field.label }),
        from: this.text(d.size.min, d.size.field),
        to: this.text(d.size.max, d.size.field),
      };
    }
    return model;
  }

  // ——— Rendering ————————————————————————————————————————————————————————————

  private renderOverlay() {
    const t = this.locale.locale;
    const { status, error } = this.data;
    switch (status) {
      case 'loading':
        return this.drawn
          ? html`<div class="busy" role="status">${translate(t, 'ui.loading')}</div>`
          : html`<div class="overlay"><span class="skeleton"></span></div>
              <span class="visually-hidden" role="status">${translate(t, 'ui.loading')}</span>`;
      case 'empty':
        return html`<div part="empty" class="overlay state">${translate(t, 'ui.no-data')}</div>`;
      case 'error':
        return html`<div part="error" class="overlay state">${errorContent(error, this.locale, this.onRetry)}</div>`;
      case 'data':
        if (this.engineError) {
          return html`<div part="error" class="overlay state">
            ${
              this.engineWorker === undefined
                ? translate(t, 'map.error.engine', { reason: this.engineError })
                : translate(t, 'map.error.worker', { url: this.engineWorker })
            }
          </div>`;
        }
        return this.fetching ? html`<div class="busy" role="status">${translate(t, 'ui.loading')}</div>` : nothing;
    }
  }

  private renderStale() {
    if (!this.data.stale) return nothing;
    return html`<span class="stale" part="stale">${staleContent(this.data, this.locale, this.onRetry)}</span>`;
  }

  private renderTable(d: MapData) {
    const t = this.locale.locale;
    const features = d.collection.features;
    const total = this.visible.length;
    if (total === 0) return html`<p>${translate(t, 'map.table.none')}</p>`;
    const pages = Math.ceil(total / PAGE_SIZE);
    const page = Math.min(this.page, pages - 1);
    const start = page * PAGE_SIZE;
    const rows = this.visible.slice(start, start + PAGE_SIZE);
    const n = (v: number) => formatNumber(v, { locale: this.locale.tag, decimals: 0 });
    let head: string[];
    let numeric: boolean[] = [];
    let body;
    if (d.server) {
      head = [translate(t, 'map.table.cluster', { count: '' }).trim(), translate(t, 'map.table.location')];
      body = rows.map((i) => {
        const f = features[i] as MapFeature;
        const [lon = 0, lat = 0] = anchorOf(f) ?? [];
        const count = Number(f.properties.point_count) || 0;
        return html`<tr>
          <th scope="row">
            <button class="row-button" @click=${(e: Event) => this.onRowActivate(i, e)}>
              ${translate(t, 'map.table.cluster', { count: n(count) })}
            </button>
          </th>
          <td>
            ${formatNumber(lat, { locale: this.locale.tag, decimals: 4 })},
            ${formatNumber(lon, { locale: this.locale.tag, decimals: 4 })}
          </td>
        </tr>`;
      });
    } else {
      const [first, ...others] = d.tableFields;
      head = d.tableFields.map((f) => f.label);
      numeric = d.tableFields.map((f) => NUMERIC.has(f.type));
      body = rows.map((i) => {
        const f = features[i] as MapFeature;
        return html`<tr>
          <th scope="row">
            <button class="row-button" @click=${(e: Event) => this.onRowActivate(i, e)}>${this.rowLabel(d, f)}</button>
          </th>
          ${others.map((field) => {
            const value = f.properties[field.name];
            const href = safeHref(value);
            return html`<td class=${typeof value === 'number' ? 'number' : ''}>
              ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${String(value).trim()}</a>` : this.text(value, field)}
            </td>`;
          })}
        </tr>`;
      });
      if (!first) head = [translate(t, 'map.table.feature', { index: '' }).trim()];
    }
    const last = page >= pages - 1;
    return html`<table part="table">
        <caption>
          ${translate(t, 'map.table.caption')}
        </caption>
        <thead>
          <tr>
            ${head.map((h, i) => html`<th scope="col" class=${numeric[i] ? 'number' : ''}>${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${body}
        </tbody>
      </table>
      <div class="pager" part="pager">
        <button class="link-button" aria-disabled=${page === 0 ? 'true' : 'false'} @click=${() => this.onPage(-1)}>
          ${translate(t, 'map.table.previous')}
        </button>
        <span aria-live="polite">
          ${translate(t, 'map.table.range', { from: n(start + 1), to: n(start + rows.length), total: n(total) })}
        </span>
        <button class="link-button" aria-disabled=${last ? 'true' : 'false'} @click=${() => this.onPage(1)}>
          ${translate(t, 'map.table.next')}
        </button>
      </div>`;
  }

  protected override render() {
    const t = this.locale.locale;
    const d = this.data.status === 'data' ? this.data.value : undefined;
    const busy = this.data.status === 'loading' || (d !== undefined && this.shown !== d) || this.fetching;
    const title = this.title.trim();
    return html`<div
        part="base"
        class="base"
        role="group"
        title=""
        aria-label=${title ? nothing : this.accessibleName()}
        aria-labelledby=${title ? 'title' : nothing}
        aria-describedby=${d ? 'summary' : nothing}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${title ? html`<p part="title" class="title" id="title">${title}</p>` : nothing}
        <div class="box">
          <div class="map" part="map"></div>
          ${d && !this.noLegend ? renderLegend(this.legend(d), translate(t, 'map.legend.title')) : nothing}
          ${this.renderOverlay()}
        </div>
        <div class="footer" part="footer">
          ${
            d
              ? html`<button
                  class="link-button"
                  part="table-toggle"
                  aria-expanded=${this.tableOpen ? 'true' : 'false'}
                  aria-controls="panel"
                  @click=${this.onToggleTable}
                >
                  ${translate(t, this.tableOpen ? 'map.table.hide' : 'map.table.show')}
                </button>`
              : nothing
          }
          ${this.renderStale()}
        </div>
      </div>
      <div id="panel" part="panel" class="panel" ?hidden=${!this.tableOpen || !d}>
        ${
          d
            ? html`<p id="summary" part="summary" class="summary">${this.summary(d)}</p>
                ${this.tableOpen ? this.renderTable(d) : nothing}`
            : nothing
        }
      </div>`;
  }
}

/** Decimals that tell consecutive class bounds apart (0.021 and 0.024 need three). */
function legendDecimals(breaks: readonly number[], percent: boolean): number {
  let smallest = Infinity;
  for (let i = 1; i < breaks.length; i++) {
    const diff = Math.abs((breaks[i] ?? 0) - (breaks[i - 1] ?? 0)) * (percent ? 100 : 1);
    if (diff > 0) smallest = Math.min(smallest, diff);
  }
  const max = Math.max(...breaks.map((b) => Math.abs(b) * (percent ? 100 : 1)));
  if (!Number.isFinite(smallest)) return 0;
  const needed = Math.max(0, Math.ceil(-Math.log10(smallest) + 0.3));
  return Math.min(max >= 1000 ? 0 : 4, needed);
}

/** The data layer's GeoJSON features, with non-null properties and without features lacking a geometry. */
function toCollection(features: readonly unknown[]): FeatureCollection<Geometry, Properties> {
  const out: MapFeature[] = [];
  for (const raw of features) {
    const f = raw as { geometry?: Geometry | null; properties?: Properties | null };
    if (!f || !f.geometry) continue;
    out.push({ type: 'Feature', geometry: f.geometry, properties: { ...(f.properties ?? {}) } });
  }
  return { type: 'FeatureCollection', features: out };
}

/** The portal's clusters as points with maplibre's cluster properties. */
function clusterCollection(
  rows: readonly { lat: number; lon: number; count: number }[],
): FeatureCollection<Geometry, Properties> {
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: { point_count: r.count, point_count_abbreviated: abbreviate(r.count) },
    })),
  };
}

/** A feature's properties without the ones Vitrine added. */
function withoutOwn(properties: Properties): Properties {
  const { [INDEX_PROPERTY]: _index, ...rest } = properties;
  return rest;
}
