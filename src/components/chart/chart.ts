import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VitrineDataError, isVitrineDataError } from '../../data/errors.js';
import type { AggregateResult } from '../../data/explore.js';
import type { DatasetMetadata } from '../../data/metadata.js';
import { formatDate, formatPeriod, periodKey } from '../../format/date.js';
import { type MessageKey } from '../../format/messages.js';
import { translate } from '../../format/messages-chart.js';
import { formatNumber, type NumberFormatOptions } from '../../format/number.js';
import { DataController } from '../../controllers/data-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourceBinding, SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { findSource, isSourceReady } from '../../controllers/filter-binding.js';
import { errorContent, staleContent } from '../shared/state-views.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import { chartStyles } from './chart.styles.js';
import type * as Engine from './engine.js';
import {
  formatShare,
  formatValue,
  parsePlan,
  planQuery,
  resolvePlan,
  shapeModel,
  tableModel,
  toCsv,
  type ChartFormat,
  type ChartKind,
  type ChartModel,
  type ChartPlan,
  type ChartRow,
  type TableModel,
} from './model.js';
import { DATASET, chartSpec, mergeSpec, parseSpecAttribute, type JsonObject } from './spec.js';
import { chartName, chartSummary } from './summary.js';
import { chartConfig, readTokens } from './theme.js';
import { vegaLocale } from './vega-locale.js';

/** What a chart keeps of its data request. */
interface ChartData {
  meta: DatasetMetadata;
  plan: ChartPlan;
  result: AggregateResult;
}

/** The chart engine (vega), loaded once for the page by the first chart that needs it. */
let engine: Promise<typeof Engine> | undefined;
/** The engine, once loaded. */
let engineModule: typeof Engine | undefined;
function loadEngine(): Promise<typeof Engine> {
  engine ??= import('./engine.js').then(
    (module) => (engineModule = module),
    (error: unknown) => {
      engine = undefined;
      throw error;
    },
  );
  return engine;
}

/** Properties that only the chart itself changes. */
const INTERNAL = new Set<PropertyKey>(['drawn', 'drawError', 'tableOpen']);

let instances = 0;

/** How far outside the viewport a chart loads its engine and draws. */
const NEAR = '400px 0px';

/**
 * A chart of a dataset, aggregated by the portal: bars, columns, lines, areas, pies, donuts, scatter
 * plots and time series, drawn with Vega-Lite. It has an accessible name, a text summary, a data table
 * and downloads (PNG, SVG, CSV); it follows the width of its container and the language of the page.
 *
 * @summary A chart of a dataset, aggregated by the portal.
 * @tagname vitrine-chart
 * @csspart base - The chart's box (title, chart, summary, toolbar, table).
 * @csspart title - The title.
 * @csspart description - The description under the title.
 * @csspart chart - The drawing (named and described for screen readers).
 * @csspart tooltip - The text shown next to the pointer over a mark.
 * @csspart summary - The text summary (visually hidden unless `show-summary`).
 * @csspart toolbar - The row of buttons under the chart.
 * @csspart button - Each toolbar button.
 * @csspart table-toggle - The "show as table" button.
 * @csspart select - With `cross-filter`, a category's toggle button in the data table (the keyboard's way to filter).
 * @csspart download - The PNG, SVG and CSV buttons.
 * @csspart table-wrapper - The scrolling box around the table.
 * @csspart table - The data table.
 * @csspart empty - The "no data" message.
 * @csspart error - The message shown in place of the chart when something is wrong.
 * @csspart retry - The retry button (network and portal errors).
 * @csspart stale - The notice shown when a refresh failed and older data is shown.
 * @cssprop [--vitrine-chart-min-height=24rem] - Height kept before the code arrives and while loading.
 * @cssprop [--vitrine-chart-palette] - Series colours, comma-separated (default: a colour-blind-safe palette, light or dark).
 * @cssprop [--vitrine-chart-color=var(--vitrine-color-accent)] - Colour of a single series.
 * @cssprop [--vitrine-chart-grid-color] - Grid and axis lines (default: the text colour, faint).
 * @cssprop [--vitrine-chart-title-size=1.125rem] - Size of the title.
 * @cssprop [--vitrine-chart-title-weight=700] - Weight of the title.
 * @cssprop [--vitrine-chart-tooltip-background=#1e1e1e] - Background of the tooltip.
 * @cssprop [--vitrine-chart-tooltip-color=#fff] - Text colour of the tooltip.
 * @cssprop [--vitrine-chart-table-height=24rem] - Height of the table before it scrolls.
 * @cssprop [--vitrine-color-background=#ffffff] - Page background: separates pie slices, fills exported images.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop --vitrine-color-accent - Accent: figures, single series, points and lines, selected filters (global token).
 * @cssprop --vitrine-color-border - Lines between rows, input borders (global token; default: the text colour at 20 %).
 * @cssprop --vitrine-color-hover - Row and button hover (global token; default: the text colour at 8 %).
 * @fires {VitrineDataLoadEvent} vitrine-data-load - The data arrived and the chart is drawn; `rows` are the aggregated rows.
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The chart could not be shown; `error.message` says why.
 * @fires {VitrineFilterChangeEvent} vitrine-filter-change - With `cross-filter`: a person clicked a bar or a slice.
 */
export class VitrineChart extends LitElement {
  static override styles = [hostStyles, stateStyles, chartStyles];

  private readonly locale = new LocaleController(this);
  private readonly binding = new SourceBinding(this);
  private readonly data = new DataController<ChartData>(this, {
    isEmpty: (d) => d.result.rows.length === 0 && !d.result.others,
    onSettled: (c) => this.settled(c),
  });

  @state() private tableOpen = false;
  /** The view shows the current data. */
  @state() private drawn = false;
  /** The engine failed, or the spec could not be drawn. */
  @state() private drawError: Error | undefined;
  /** An attribute that only formats or draws is wrong (the data is still fetched). */
  private optionError: Error | undefined;
  private reportedOption: string | undefined;

  private readonly formatPrefix = `vitrine-chart-${(instances += 1)}`;
  private model: ChartModel | undefined;
  private modelInputs: unknown[] = [];
  private format: ChartFormat = { tag: 'en', locale: 'en', number: {}, dateStyle: 'long' };
  private userSpec: JsonObject | undefined;
  private currentView: Engine.View | undefined;
  private viewKey = '';
  private viewModel: ChartModel | undefined;
  private generation = 0;
  private loaded: ChartData | undefined;
  private near = false;
  private width = 0;
  private resizeFrame = 0;
  private intersections: IntersectionObserver | undefined;
  private resizes: ResizeObserver | undefined;
  private readonly scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  private readonly onScheme = () => this.redraw();

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Not needed with `source`.
   */
  @property() src = '';

  /** The id of a `vitrine-source` to use (or put the chart inside one). */
  @property() source = '';

  /** Portal kind, when it cannot be recognised from `src`. */
  @property() portal = '';

  /** The kind of chart: `bar` (horizontal bars), `column`, `line`, `area`, `pie`, `donut` or `scatter`. */
  @property() type: ChartKind | (string & {}) = 'column';

  /**
   * What the values are counted by: a field (`departement`), or a date field and a time unit
   * (`month(date)`, or `x="date" time-unit="month"`) for a time series. For a scatter plot, a field or an
   * aggregate. Always the categories, also when `type="bar"` draws them down the side.
   */
  @property() x = '';

  /**
   * What is measured: an aggregate (`sum(population)`, `avg(temp_max)`, `count(*)`), or several
   * separated by commas for several series. For a scatter plot, a field or an aggregate.
   */
  @property() y = 'count(*)';

  /** A field whose values make series (colours): grouped, stacked or 100 % stacked with `stack`. */
  @property() color = '';

  /** Scatter plots: an aggregate that sizes the points, e.g. `count(*)`. */
  @property() size = '';

  /**
   * How series are drawn: `none` (side by side; the default, but for areas), `normal` (stacked; the
   * default for areas) or `percent` (stacked to 100 %).
   */
  @property() stack = '';

  /** Time series: `year`, `quarter`, `month`, `week`, `day` or `hour` (or write `x="month(date)"`). Default for a date: `day`. */
  @property({ attribute: 'time-unit' }) timeUnit = '';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), e.g. `departement = '01'`. */
  @property() where = '';

  /** Portal-neutral conditions, e.g. `departement = 01 | 02; population >= 1000; date = 2024`. */
  @property() filter = '';

  /** Order: `x`, `y`, `color`, `size`, a field or an aggregate, `-` first for descending (`-y`). Default: the portal's (time order for time series). */
  @property() sort = '';

  /** At most this many groups (1–20,000). With `sort="-y"`, the top ones. */
  @property() limit = '';

  /** With `limit`: add one "Others" group with the value of all the groups beyond the limit. */
  @property({ type: Boolean }) others = false;

  /** The title above the chart; it names the chart for screen readers. Default: a generated name. */
  @property() override title = '';

  /** A sentence under the title (and part of the chart's description for screen readers). */
  @property() description = '';

  /** Title of the axis of `x` (the categories or periods). Default: the field's label from the portal. */
  @property({ attribute: 'x-title' }) xTitle = '';

  /** Title of the axis of `y` (the values). Default: the aggregate's label. */
  @property({ attribute: 'y-title' }) yTitle = '';

  /** Values in short form: `69 M` rather than `68 952 941` (large values on the axis always are). */
  @property({ type: Boolean }) compact = false;

  /** Values with exactly this many decimals. */
  @property({ type: Number }) decimals: number | undefined;

  /** The values are ratios, written as percentages (0.125 → 12.5 %). */
  @property({ type: Boolean }) percent = false;

  /** An ISO 4217 currency code (`EUR`): values are written as money. */
  @property() currency = '';

  /** A unit written after values (`mm`, `habitants`). */
  @property() unit = '';

  /** How periods and dates are written in the tooltip, the table and the summary: `long` (default) or `short`. */
  @property({ attribute: 'date-format' }) dateFormat = '';

  /** Height of the drawing, px (the legend is inside). */
  @property({ type: Number }) height = 300;

  /** Fetch again every this many seconds (minimum 2); the chart updates in place, without flicker. */
  @property({ type: Number }) refresh = 0;

  /** `svg` (default: crisp, accessible) or `canvas` (faster for thousands of marks). */
  @property() renderer = 'svg';

  /** No legend (the tooltip, the summary and the table still name the series). */
  @property({ type: Boolean, attribute: 'no-legend' }) noLegend = false;

  /** Show the text summary under the chart (it is always read by screen readers). */
  @property({ type: Boolean, attribute: 'show-summary' }) showSummary = false;

  /**
   * Vega-Lite JSON merged over the generated spec, for what the attributes do not offer, e.g.
   * `{"mark": {"cornerRadius": 3}}`. Parsed as JSON, never evaluated; it cannot replace the data.
   * Trend lines (`regression`, `loess`) work; maps (`geoshape`), nearest-point selections and label
   * placement do not (the chart engine leaves out those parts of vega).
   */
  @property() spec = '';

  /**
   * A click on a bar, a column or a pie slice selects its category on the bound source (a second click
   * unselects it): every element bound to the source follows, and `vitrine-filters` shows it.
   */
  @property({ type: Boolean, attribute: 'cross-filter' }) crossFilter = false;

  /** The Vega view once drawn (for power users: `view.data('data_0')`, `view.signal(…)`), else undefined. */
  get view(): Engine.View | undefined {
    return this.currentView;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheme?.addEventListener('change', this.onScheme);
    if (typeof IntersectionObserver === 'function' && !this.near) {
      this.intersections = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          this.near = true;
          this.intersections?.disconnect();
          this.intersections = undefined;
          this.prefetchEngine();
          this.syncView();
        },
        { rootMargin: NEAR },
      );
      this.intersections.observe(this);
    } else {
      this.near = true;
      this.prefetchEngine();
    }
    // Back on the page after a removal: the released view is drawn again.
    if (this.hasUpdated) this.redraw();
  }

  /** Near the viewport: the engine downloads while the data is asked for (a failure shows when drawing). */
  private prefetchEngine(): void {
    loadEngine().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheme?.removeEventListener('change', this.onScheme);
    this.intersections?.disconnect();
    this.intersections = undefined;
    this.resizes?.disconnect();
    this.resizes = undefined;
    cancelAnimationFrame(this.resizeFrame);
    this.releaseView();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.binding.rebind();
    const attributes = [
      this.src,
      this.source,
      this.portal,
      this.type,
      this.x,
      this.y,
      this.color,
      this.size,
      this.stack,
      this.timeUnit,
      this.where,
      this.filter,
      this.sort,
      this.limit,
      this.others,
    ];
    // A new attribute, a new chance: a drawing that failed is tried again.
    if ([...changed.keys()].some((k) => !INTERNAL.has(k))) this.drawError = undefined;
    this.format = this.chartFormat();
    let config;
    try {
      config = this.binding.config();
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.data.fail(JSON.stringify(attributes), error as Error);
      return;
    }
    const key = JSON.stringify([...attributes, config.version, config.dataset.ref.datasetId]);
    this.optionError = undefined;
    try {
      this.userSpec = parseSpecAttribute(this.spec);
      this.checkOptions();
    } catch (error) {
      this.optionError = error as Error;
    }
    try {
      const plan = parsePlan({
        type: this.type,
        x: this.x,
        y: this.y,
        color: this.color,
        size: this.size,
        stack: this.stack,
        sort: this.sort,
        limit: this.limit === null || this.limit === undefined ? '' : String(this.limit),
        others: this.others,
        timeUnit: this.timeUnit,
      });
      const { dataset, where, filter } = config;
      this.data.setRefresh(config.refresh);
      this.data.run(key, async ({ signal, refresh }) => {
        const meta = await dataset.metadata({ signal });
        const resolved = resolvePlan(plan, meta);
        const result = await dataset.aggregate(
          { ...planQuery(resolved), where, filter },
          { signal, refresh, attributes: { measure: 'y', group: 'x', sort: 'sort', limit: 'limit' } },
        );
        return { meta, plan: resolved, result };
      });
    } catch (error) {
      this.data.fail(key, error as Error);
    }
    if (!this.optionError) this.deriveModel();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The reserved height, through the CSSOM (a style attribute would be refused by a strict CSP).
    if (changed.has('height')) this.style.setProperty('--_height', `${this.height}px`);
    this.reportOption();
    if (!this.resizes && typeof ResizeObserver === 'function') {
      const frame = this.renderRoot.querySelector('.frame');
      if (frame) {
        this.resizes = new ResizeObserver((entries) => this.onResize(entries[0]?.contentRect.width ?? 0));
        this.resizes.observe(frame);
      }
    }
    this.syncView();
  }

  /** The formats of this chart's values and periods. */
  private chartFormat(): ChartFormat {
    const number: NumberFormatOptions = { compact: this.compact, percent: this.percent };
    if (this.decimals !== undefined && this.decimals !== null) number.decimals = this.decimals;
    if (this.currency.trim()) number.currency = this.currency.trim();
    if (this.unit.trim()) number.unit = this.unit.trim();
    const style = this.dateFormat.trim().toLowerCase();
    return {
      tag: this.locale.tag,
      locale: this.locale.locale,
      number,
      dateStyle: style === 'short' ? 'short' : 'long',
    };
  }

  /** Checks the attributes that only format or draw. */
  private checkOptions(): void {
    const fail = (
      attribute: string,
      value: string,
      key: MessageKey,
      example: string,
      params?: Record<string, string>,
    ) =>
      new VitrineDataError('bad-attribute', {
        attribute,
        value,
        reason: params ? { key, params } : { key },
        example,
      });
    try {
      formatNumber(1, { ...this.format.number, locale: this.format.tag });
    } catch (error) {
      const attribute = this.currency.trim() && /currency/i.test(String(error)) ? 'currency' : 'decimals';
      throw fail(
        attribute,
        attribute === 'currency' ? this.currency : String(this.decimals),
        'reason.number-format',
        attribute === 'currency' ? 'currency="EUR"' : 'decimals="1"',
        { detail: (error as Error).message },
      );
    }
    const style = this.dateFormat.trim().toLowerCase();
    if (style !== '' && style !== 'short' && style !== 'long') {
      throw fail('date-format', this.dateFormat, 'reason.chart-date-format', 'date-format="short"', {
        value: this.dateFormat,
      });
    }
    const renderer = this.renderer.trim().toLowerCase();
    if (renderer !== '' && renderer !== 'svg' && renderer !== 'canvas') {
      throw fail('renderer', this.renderer, 'reason.chart-renderer', 'renderer="canvas"', { value: this.renderer });
    }
    if (!Number.isFinite(this.height) || this.height < 50 || this.height > 5000) {
      throw fail('height', String(this.height), 'reason.limit', 'height="400"', { min: '50', max: '5000' });
    }
  }

  /** The model of the data shown, derived again only when the data or how it reads changed. */
  private deriveModel(): void {
    const d = this.data.value;
    const inputs = [d, this.format.tag, JSON.stringify(this.format), this.xTitle, this.yTitle];
    if (inputs.every((v, i) => v === this.modelInputs[i])) return;
    this.modelInputs = inputs;
    if (!d || this.data.status !== 'data') {
      this.model = undefined;
      return;
    }
    this.model = shapeModel(d.plan, d.result, d.meta, this.format, { x: this.xTitle, y: this.yTitle });
  }

  private settled(controller: DataController<ChartData>): void {
    if (controller.status === 'error' && controller.error) {
      warnOnce(this, controller.error);
      this.dispatchEvent(new VitrineDataErrorEvent(controller.error));
      return;
    }
    if (controller.stale && controller.error) {
      warnOnce(this, controller.error);
      return;
    }
    clearWarning(this);
    // Data: the load event follows the drawing (see draw()). No data: now.
    if (controller.status === 'empty') {
      this.releaseView();
      this.dispatchEvent(new VitrineDataLoadEvent([]));
    }
  }

  /** A wrong formatting or drawing attribute: one warning and one error event per distinct problem. */
  private reportOption(): void {
    const error = this.optionError;
    if (!error) {
      this.reportedOption = undefined;
      return;
    }
    if (error.message === this.reportedOption) return;
    this.reportedOption = error.message;
    warnOnce(this, error);
    this.dispatchEvent(new VitrineDataErrorEvent(error));
  }

  /** Draws, updates or releases the view to match the state. */
  private syncView(): void {
    const model = this.model;
    if (this.data.status !== 'data' || !model || this.drawError || this.optionError) {
      if (this.data.status !== 'data' || this.optionError) this.releaseView();
      return;
    }
    if (!this.near || this.width <= 0) return;
    let spec: JsonObject;
    try {
      spec = this.buildSpec(model);
    } catch (error) {
      this.failDrawing(error);
      return;
    }
    const key = this.specKey(spec);
    if (this.currentView && key === this.viewKey && model === this.viewModel) return;
    void this.draw(spec, key, model);
  }

  /** The spec without its width (a change of width is a resize, not a new chart). */
  private specKey(spec: JsonObject): string {
    return JSON.stringify({ ...spec, width: 0, renderer: this.rendererType() });
  }

  private rendererType(): 'svg' | 'canvas' {
    return this.renderer.trim().toLowerCase() === 'canvas' ? 'canvas' : 'svg';
  }

  private formatKeys() {
    return {
      value: `${this.formatPrefix}-value`,
      percent: `${this.formatPrefix}-percent`,
      period: `${this.formatPrefix}-period`,
    };
  }

  private buildSpec(model: ChartModel, width = this.width): JsonObject {
    const base = chartSpec(model, {
      width,
      height: this.height,
      config: chartConfig(readTokens(this)),
      formats: this.formatKeys(),
      legend: !this.noLegend,
      xTitle: this.xTitle,
      yTitle: this.yTitle,
    });
    return this.userSpec ? mergeSpec(base, this.userSpec) : base;
  }

  /** Registers this chart's formatters with the engine (axis labels call them). */
  private registerFormats(e: typeof Engine, model: ChartModel): void {
    const keys = this.formatKeys();
    const format = this.format;
    // A loop, not Math.max(...rows): spreading many rows overflows the call stack.
    let largest = 0;
    for (const r of model.rows) if (typeof r.y === 'number') largest = Math.max(largest, Math.abs(r.y));
    const axis: NumberFormatOptions = { ...format.number, locale: format.tag };
    if (axis.decimals === undefined && !axis.percent && largest >= 100_000) axis.compact = true;
    e.setFormat(keys.value, (v) => formatNumber(typeof v === 'number' ? v : Number(v), axis));
    e.setFormat(keys.percent, (v) => formatNumber(Number(v), { locale: format.tag, percent: true, decimals: 0 }));
    const unit = model.timeUnit;
    e.setFormat(keys.period, (v) =>
      unit ? formatPeriod(String(v), unit, { locale: format.tag, style: 'short' }) : String(v),
    );
  }

  private async draw(spec: JsonObject, key: string, model: ChartModel): Promise<void> {
    const generation = ++this.generation;
    const data = this.data.value;
    let e: typeof Engine;
    try {
      e = await loadEngine();
    } catch (error) {
      if (generation === this.generation) this.failDrawing(error);
      return;
    }
    if (generation !== this.generation || !this.isConnected) return;
    this.registerFormats(e, model);
    const rows = model.rows.map((row) => ({ ...row }));
    try {
      if (this.currentView && key === this.viewKey) {
        // Same chart, new data (a refresh): swapped in place, no flicker.
        await this.currentView.data(DATASET, rows).runAsync();
      } else {
        const target = document.createElement('div');
        const view = await e.createView(spec, rows, {
          dataset: DATASET,
          container: target,
          renderer: this.rendererType(),
          locale: vegaLocale(this.format.tag),
          tooltip: (_handler, event, item, value) => this.onTooltip(event, item, value),
        });
        if (generation !== this.generation || !this.isConnected) {
          view.finalize();
          return;
        }
        this.currentView?.finalize();
        this.currentView = view;
        view.addEventListener('click', (_event, item) => this.onMarkClick(item));
        this.renderRoot.querySelector('.vega')?.replaceChildren(target);
      }
    } catch (error) {
      if (generation === this.generation) this.failDrawing(error);
      return;
    }
    if (generation !== this.generation) return;
    this.viewKey = key;
    this.viewModel = model;
    this.drawn = true;
    await this.updateComplete;
    if (data && this.loaded !== data) {
      this.loaded = data;
      this.dispatchEvent(new VitrineDataLoadEvent(data.result.rows));
    }
  }

  private failDrawing(error: unknown): void {
    const failure =
      this.userSpec && !isVitrineDataError(error)
        ? new VitrineDataError('bad-attribute', {
            attribute: 'spec',
            value: this.spec.length > 80 ? `${this.spec.slice(0, 79)}…` : this.spec,
            reason: { key: 'reason.spec-invalid', params: { detail: (error as Error)?.message ?? String(error) } },
            example: '{"mark": {"cornerRadius": 3}}',
          })
        : error instanceof Error
          ? error
          : new Error(String(error));
    this.releaseView();
    this.drawError = failure;
    warnOnce(this, failure);
    this.dispatchEvent(new VitrineDataErrorEvent(failure));
  }

  /** Finalizes the view (timers, listeners) and forgets its formatters. */
  private releaseView(): void {
    this.generation += 1;
    const view = this.currentView;
    this.currentView = undefined;
    this.viewKey = '';
    this.viewModel = undefined;
    if (view) {
      view.finalize();
      this.renderRoot?.querySelector('.vega')?.replaceChildren();
    }
    if (this.drawn) this.drawn = false;
    this.hideTooltip();
    for (const key of Object.values(this.formatKeys())) engineModule?.deleteFormat(key);
  }

  /** Draws again from scratch (a theme change, back on the page). */
  private redraw(): void {
    this.releaseView();
    this.requestUpdate();
  }

  private onResize(width: number): void {
    const rounded = Math.floor(width);
    if (rounded === this.width) return;
    const first = this.width <= 0;
    this.width = rounded;
    if (first || !this.currentView) {
      this.syncView();
      return;
    }
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      const view = this.currentView;
      if (!view || this.width <= 0) return;
      void view
        .width(this.width)
        .runAsync()
        .catch(() => undefined);
    });
  }

  // ——— Tooltip ————————————————————————————————————————————————————————————

  private onTooltip(event: MouseEvent, _item: unknown, value: unknown): void {
    const model = this.viewModel;
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (!tooltip || !frame || !model || value === null || typeof value !== 'object') {
      this.hideTooltip();
      return;
    }
    const lines = this.tooltipLines(model, value as ChartRow);
    tooltip.replaceChildren(
      ...lines.map((line) => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
      }),
    );
    tooltip.hidden = false;
    const box = frame.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const left = Math.max(0, Math.min(x + 12, box.width - tooltip.offsetWidth));
    const top = y + 16 + tooltip.offsetHeight > box.height ? Math.max(0, y - 12 - tooltip.offsetHeight) : y + 16;
    // CSSOM, not a style attribute: allowed by a strict Content-Security-Policy.
    tooltip.style.setProperty('left', `${left}px`);
    tooltip.style.setProperty('top', `${top}px`);
  }

  private hideTooltip(): void {
    const tooltip = this.renderRoot?.querySelector<HTMLElement>('.tooltip');
    if (tooltip) tooltip.hidden = true;
  }

  /** The tooltip of a mark, as lines of text. */
  private tooltipLines(model: ChartModel, row: ChartRow): string[] {
    const { plan, labels } = model;
    const f = this.format;
    const lines: string[] = [];
    const number = (v: unknown) =>
      typeof v === 'number' ? formatValue(v, f) : v === null || v === undefined ? '–' : String(v);
    if (plan.kind === 'scatter') {
      if (row.c !== undefined) lines.push(`${labels.color ?? ''}: ${row.c}`);
      const position = (key: 'x' | 'y0', v: unknown) =>
        model.types[key] === 'period' && typeof v === 'number'
          ? formatDate(new Date(v), { locale: f.tag, style: f.dateStyle })
          : model.types[key] === 'number' && (key === 'x' ? plan.x : plan.y[0])?.role === 'measure'
            ? number(v)
            : String(v ?? '–');
      lines.push(`${labels.x}: ${position('x', row.x)}`);
      lines.push(`${labels.y[0] ?? ''}: ${position('y0', row.y)}`);
      if (typeof row.s === 'number') lines.push(`${labels.size ?? ''}: ${number(row.s)}`);
      return lines;
    }
    lines.push(`${labels.x}: ${row.t}`);
    if (plan.color) {
      lines.push(`${labels.color ?? ''}: ${row.c ?? ''}`);
      lines.push(`${labels.y[0] ?? ''}: ${number(row.y)}`);
    } else if (plan.y.length > 1) {
      lines.push(`${row.c ?? ''}: ${number(row.y)}`);
    } else {
      lines.push(`${labels.y[0] ?? ''}: ${number(row.y)}`);
    }
    if (typeof row.p === 'number') lines.push(translate(f.locale, 'chart.share', { share: formatShare(row.p, f) }));
    return lines;
  }

  // ——— Handlers ———————————————————————————————————————————————————————————

  private onRetry(): void {
    this.drawError = undefined;
    this.data.retry();
  }

  /** `cross-filter`: the category of the clicked mark, toggled on the bound source. */
  private onMarkClick(item: unknown): void {
    const datum = (item as { datum?: Partial<ChartRow> } | null | undefined)?.datum;
    if (datum) this.toggleCategory(datum);
  }

  /**
   * With `cross-filter`, the field and value a category selects on the bound source: bars, columns and
   * slices of one grouping field, or of a year, month or day (periods a filter can name); never "Others".
   */
  private categoryOf(datum: Partial<ChartRow>): { field: string; value: string } | undefined {
    const plan = this.data.value?.plan;
    if (!this.crossFilter || !plan || typeof datum.i !== 'number' || datum.o) return undefined;
    if (!['bar', 'column', 'pie', 'donut'].includes(plan.kind) || plan.x.role !== 'group') return undefined;
    const unit = plan.x.group.timeUnit;
    if (unit !== undefined && unit !== 'year' && unit !== 'month' && unit !== 'day') return undefined;
    const value = unit === undefined ? datum.x : datum.k;
    if (value === null || value === undefined) return undefined;
    return { field: plan.x.group.field, value: String(value) };
  }

  /** Toggles a category on the bound source (a click on its mark, or its button in the data table). */
  private toggleCategory(datum: Partial<ChartRow>): void {
    const category = this.categoryOf(datum);
    const source = findSource(this);
    if (!category || !isSourceReady(source)) return;
    source.toggleValue(category.field, category.value, { origin: this });
  }

  /** Whether a category is selected on the bound source (the pressed state of its table button). */
  private isSelected(category: { field: string; value: string }): boolean {
    const source = findSource(this);
    const condition = isSourceReady(source) ? source.selection(category.field) : undefined;
    return condition?.op === 'in' && condition.values.some((v) => String(v) === category.value);
  }

  private onToggleTable(): void {
    this.tableOpen = !this.tableOpen;
  }

  private onDownload(event: Event): void {
    const format = (event.currentTarget as HTMLElement).dataset.format;
    if (format === 'png' || format === 'svg' || format === 'csv') void this.download(format);
  }

  // ——— Public methods —————————————————————————————————————————————————————————

  /**
   * The data shown (the same rows as the table), as the text of a CSV file: UTF-8 with a byte-order mark,
   * `;` between fields (as Opendatasoft's own exports and French spreadsheets expect), CRLF line ends, a
   * header line of column labels, then raw values as text — numbers with a `.` and no grouping, periods as
   * their keys (`2024-03`, `2024-Q1`), an empty field for no value; a text that starts like a formula
   * (`=`, `+`, `-`, `@`) is prefixed with `'`. Empty when nothing is shown.
   */
  toCSV(): string {
    const model = this.model;
    return model ? toCsv(tableModel(model, this.format)) : '';
  }

  /** The chart as SVG markup, with its title and description (for a download). */
  async toSVG(): Promise<string> {
    return this.image('svg');
  }

  /** The chart as a PNG data URL, `scale` times its size on screen (default 2, sharp on any screen). */
  async toPNG(scale = 2): Promise<string> {
    return this.image('png', scale);
  }

  /** Saves the chart (`png`, `svg`) or the data shown (`csv`) as a file. */
  async download(format: 'png' | 'svg' | 'csv'): Promise<void> {
    let url: string;
    if (format === 'png') url = await this.toPNG();
    else {
      const text = format === 'svg' ? await this.toSVG() : this.toCSV();
      const type = format === 'svg' ? 'image/svg+xml' : 'text/csv;charset=utf-8';
      url = URL.createObjectURL(new Blob([text], { type }));
    }
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.fileName()}.${format}`;
    link.click();
    if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  private fileName(): string {
    const base = this.title || this.data.value?.meta.datasetId || 'chart';
    const name = base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60);
    return name || 'chart';
  }

  private async image(type: 'svg' | 'png', scale = 2): Promise<string> {
    const model = this.model;
    if (!model) throw new Error('The chart has no data to export yet.');
    const e = await loadEngine();
    this.registerFormats(e, model);
    const tokens = readTokens(this);
    const spec: JsonObject = { ...this.buildSpec(model, this.width || 600), background: tokens.background };
    if (this.title || this.description) {
      const title: JsonObject = { text: this.title || chartName(model, this.format) };
      if (this.description) title.subtitle = this.description;
      spec.title = title;
    }
    return e.renderImage(
      spec,
      model.rows.map((row) => ({ ...row })),
      type,
      { dataset: DATASET, locale: vegaLocale(this.format.tag), scale },
    );
  }

  // ——— Render ————————————————————————————————————————————————————————————

  private renderState() {
    const t = this.locale.locale;
    const { status, error } = this.data;
    const failure = status === 'error' ? error : (this.optionError ?? this.drawError);
    if (failure) {
      return html`<div part="error" class="state">${errorContent(failure, this.locale, this.onRetry)}</div>`;
    }
    if (status === 'empty') return html`<div part="empty" class="state">${translate(t, 'ui.no-data')}</div>`;
    if (status === 'loading' || !this.drawn) {
      return html`<div class="skeleton" aria-hidden="true"></div>
        <span class="visually-hidden">${translate(t, 'ui.loading')}</span>`;
    }
    return nothing;
  }

  private renderStale() {
    return html`<div class="stale" part="stale">${staleContent(this.data, this.locale, this.onRetry)}</div>`;
  }

  private renderToolbar() {
    const t = this.locale.locale;
    if (this.data.status !== 'data' || !this.drawn || this.drawError || this.optionError) return nothing;
    return html`<button
        part="button table-toggle"
        aria-expanded=${this.tableOpen ? 'true' : 'false'}
        aria-controls="table"
        @click=${this.onToggleTable}
      >
        ${translate(t, this.tableOpen ? 'chart.table.hide' : 'chart.table.show')}
      </button>
      <span class="downloads" role="group" aria-labelledby="downloads">
        <span id="downloads">${translate(t, 'chart.download')}</span>
        <button
          part="button download"
          data-format="png"
          aria-label=${translate(t, 'chart.download.png')}
          @click=${this.onDownload}
        >
          PNG
        </button>
        <button
          part="button download"
          data-format="svg"
          aria-label=${translate(t, 'chart.download.svg')}
          @click=${this.onDownload}
        >
          SVG
        </button>
        <button
          part="button download"
          data-format="csv"
          aria-label=${translate(t, 'chart.download.csv')}
          @click=${this.onDownload}
        >
          CSV
        </button>
      </span>`;
  }

  /**
   * A row's category: with `cross-filter`, a toggle button that selects it on the source — the
   * keyboard's way to do what a click on its mark does.
   */
  private renderRowHeader(text: string, index: number) {
    const record = this.model?.records[index];
    const plan = this.data.value?.plan;
    if (!record || !plan || record.others || record.filled || plan.x.role !== 'group') return text;
    const raw = record.row[plan.x.key];
    const unit = plan.x.group.timeUnit;
    const key =
      unit !== undefined && raw !== null && raw !== undefined ? periodKey(raw as string | number, unit) : undefined;
    const datum: Partial<ChartRow> = {
      i: index,
      x: raw === undefined || raw === null ? null : String(raw),
      ...(key ? { k: key } : {}),
    };
    const category = this.categoryOf(datum);
    if (!category) return text;
    return html`<button
      class="select"
      part="select"
      aria-pressed=${this.isSelected(category) ? 'true' : 'false'}
      @click=${() => this.toggleCategory(datum)}
    >
      ${text}
    </button>`;
  }

  private renderTable(table: TableModel | undefined, caption: string) {
    if (!this.tableOpen || !table) return nothing;
    return html`<table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${table.columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (row, index) =>
            html`<tr>
              ${row.map((cell, i) =>
                i === 0
                  ? html`<th scope="row">${this.renderRowHeader(cell.text, index)}</th>`
                  : html`<td class=${table.columns[i]?.numeric ? 'num' : ''}>${cell.text}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected override render() {
    const t = this.locale.locale;
    const failure = this.optionError ?? this.drawError;
    const model = this.data.status === 'data' && !failure ? this.model : undefined;
    const kind = translate(t, `chart.kind.${parseKind(this.type)}` as MessageKey & `chart.kind.${string}`);
    const generated = model ? chartName(model, this.format) : kind;
    const name = this.title || generated;
    const summary = model ? chartSummary(model, this.format, { name: Boolean(this.title) }) : '';
    const busy = !failure && (this.data.status === 'loading' || (this.data.status === 'data' && !this.drawn));
    const showChart = this.data.status === 'data' && !failure;
    return html`<div
      part="base"
      class="base"
      role="figure"
      aria-label=${name}
      title=""
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${this.title ? html`<div part="title" class="title">${this.title}</div>` : nothing}
      ${this.description ? html`<div part="description" class="description">${this.description}</div>` : nothing}
      <div class="frame">
        <div part="chart" class="chart" role="img" aria-label=${name} aria-describedby="summary" ?hidden=${!showChart}>
          <div class="vega"></div>
        </div>
        ${this.renderState()}
        <div part="tooltip" class="tooltip" aria-hidden="true" hidden></div>
      </div>
      <p part="summary" id="summary" class=${this.showSummary ? 'summary' : 'summary visually-hidden'}>
        ${[this.description, summary].filter(Boolean).join(' ')}
      </p>
      ${this.data.stale ? this.renderStale() : nothing}
      <div part="toolbar" class="toolbar">${this.renderToolbar()}</div>
      <div
        part="table-wrapper"
        class="table-wrapper"
        id="table"
        role="region"
        aria-label=${name}
        tabindex=${this.tableOpen ? '0' : '-1'}
        ?hidden=${!this.tableOpen}
      >
        ${this.renderTable(model ? tableModel(model, this.format) : undefined, name)}
      </div>
    </div>`;
  }
}

function parseKind(type: string): ChartKind {
  const kind = type.trim().toLowerCase();
  return (['bar', 'column', 'line', 'area', 'pie', 'donut', 'scatter'] as const).find((k) => k === kind) ?? 'column';
}
