import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { VitrineDataError } from '../../data/errors.js';
import { parseFilter } from '../../data/filter.js';
import { findField, type DatasetMetadata } from '../../data/metadata.js';
import { parseMeasure, type Filter, type Measure } from '../../data/query.js';
import type * as DateFormatting from '../../format/date.js';
import { formatNumber, type NumberFormatOptions } from '../../format/number.js';
import { translate, translateDynamic } from '../../format/messages.js';
import { DataController } from '../../controllers/data-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourceBinding, SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { errorContent, staleContent } from '../shared/state-views.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import { figureStyles } from './figure.styles.js';

type Scalar = string | number | boolean | null;

/** What a figure shows once its data arrived. */
interface FigureData {
  value: Scalar;
  /** The comparison value, when `compare` is set. */
  reference?: Scalar;
  /** How to name the comparison ("2013", "the previous period"). */
  referenceLabel?: string;
  meta: DatasetMetadata;
  measure: Measure;
}

const DATE_TEXT = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The date formatting, loaded by the first figure that shows a date (most show numbers only). */
let dates: typeof DateFormatting | undefined;
const loadDates = async () => (dates ??= await import('../../format/date.js'));

/**
 * A key figure: one number computed by the portal (a count, a sum, an average…), with a label, a unit,
 * locale formatting, and optionally a comparison with another period or another filter.
 *
 * @summary One headline number computed by the portal.
 * @tagname vitrine-figure
 * @csspart base - The figure's box.
 * @csspart label - The label above the number.
 * @csspart value - The formatted number.
 * @csspart delta - The comparison (trend arrow, change, reference).
 * @csspart empty - The "no data" message.
 * @csspart error - The message shown in place of the figure when something is wrong.
 * @csspart retry - The retry button (network and portal errors).
 * @csspart stale - The note shown with the last value when a refresh failed.
 * @cssprop [--vitrine-figure-size=2.5rem] - Size of the number.
 * @cssprop [--vitrine-figure-weight=700] - Weight of the number.
 * @cssprop [--vitrine-figure-color=var(--vitrine-color-accent, inherit)] - Colour of the number.
 * @cssprop [--vitrine-figure-label-size=0.9375rem] - Size of the label.
 * @cssprop [--vitrine-figure-label-color=inherit] - Colour of the label.
 * @cssprop [--vitrine-figure-min-height=6rem] - Height kept while loading, so the page does not move.
 * @cssprop [--vitrine-figure-align=start] - Text alignment.
 * @cssprop [--vitrine-figure-padding=0.75rem 0] - Padding of the box.
 * @cssprop [--vitrine-color-positive=#18753c] - Colour of a good change.
 * @cssprop [--vitrine-color-negative=#ce0500] - Colour of a bad change.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop --vitrine-color-accent - Accent: figures, single series, points and lines, selected filters (global token).
 * @fires {VitrineDataLoadEvent} vitrine-data-load - The value arrived and is shown.
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The value could not be shown; `error.message` says why.
 */
export class VitrineFigure extends LitElement {
  static override styles = [hostStyles, stateStyles, figureStyles];

  /** Reactive properties and their attributes (each documented where it is declared, below). */
  static override properties = {
    src: {},
    source: {},
    portal: {},
    value: {},
    where: {},
    filter: {},
    label: {},
    unit: {},
    compact: { type: Boolean },
    decimals: { type: Number },
    percent: { type: Boolean },
    currency: {},
    compare: {},
    compareFilter: { attribute: 'compare-filter' },
    compareWhere: { attribute: 'compare-where' },
    compareLabel: { attribute: 'compare-label' },
    delta: {},
    lowerIsBetter: { type: Boolean, attribute: 'lower-is-better' },
    refresh: { type: Number },
  };

  private readonly locale = new LocaleController(this);
  private readonly binding = new SourceBinding(this);
  private readonly data = new DataController<FigureData>(this, {
    isEmpty: (d) => d.value === null,
    onSettled: (c) => this.settled(c),
  });

  /** Text for the live region: the new value after a refresh. */
  private announcement = '';
  private lastShown: string | undefined;

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Not needed with `source`.
   */
  src = '';

  /** The id of a `vitrine-source` to use (or put the figure inside one). */
  source = '';

  /** Portal kind, when it cannot be recognised from `src` (only `explore` for now). */
  portal = '';

  /** What to compute: `count(*)`, `sum(field)`, `avg(field)`, `min(field)`, `max(field)`, `median(field)`, `count_distinct(field)`. */
  value = 'count(*)';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), e.g. `departement = '01'`. */
  where = '';

  /** Portal-neutral conditions, e.g. `departement = 01 | 02; population >= 1000; date = 2024`. */
  filter = '';

  /** The label above the number. Default: the field's label from the portal. */
  label = '';

  /** A unit written after the number (`habitants`, `km`, `%`). For money use `currency`. */
  unit = '';

  /** Short form: `69 M` rather than `68 952 941`. */
  compact = false;

  /** Exactly this many decimals. */
  decimals: number | undefined;

  /** The value is a ratio written as a percentage (0.125 → 12.5 %). */
  percent = false;

  /** An ISO 4217 currency code (`EUR`): the value is written as money. */
  currency = '';

  /**
   * Compare with the previous period (`previous`) or the same period a year earlier (`previous-year`) of the
   * date condition in `filter`. Or give `compare-filter` / `compare-where` for any other comparison.
   */
  compare = '';

  /** The comparison value uses these neutral conditions instead of `filter`. */
  compareFilter = '';

  /** The comparison value uses this condition instead of `where`. */
  compareWhere = '';

  /** How to name the comparison, e.g. `2023` or `last year`. Default: the period, when known. */
  compareLabel = '';

  /** How to show the change: `percent` (default), `value` or `both`. */
  delta: 'percent' | 'value' | 'both' = 'percent';

  /** A decrease is good news (unemployment, delays): colours the change accordingly. */
  lowerIsBetter = false;

  /** Fetch again every this many seconds (minimum 2), announcing changes politely to screen readers. */
  refresh = 0;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.binding.rebind();
    const attributes = [this.src, this.source, this.portal, this.value, this.where, this.filter];
    const compare = [this.compare, this.compareFilter, this.compareWhere];
    let config;
    try {
      config = this.binding.config();
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.data.fail(JSON.stringify(attributes), error as Error);
      return;
    }
    const key = JSON.stringify([...attributes, ...compare, config.version, config.dataset.ref.datasetId]);
    try {
      const measure = parseMeasure(this.value, 'value');
      this.numberOptions(1);
      const ownFilter = parseFilter(this.filter, 'filter');
      const baseFilter = config.filter.slice(0, config.filter.length - ownFilter.length);
      const baseWhere = this.where.trim() ? config.where.slice(0, -1) : config.where;
      const compareMode = this.compareMode();
      const compareFilter = this.compareFilter.trim() ? parseFilter(this.compareFilter, 'compare-filter') : undefined;
      const { dataset, where, filter } = config;
      this.data.setRefresh(config.refresh);
      this.data.run(key, async ({ signal, refresh }) => {
        const options = { signal, refresh, attributes: { measure: 'value' } };
        const meta = await dataset.metadata({ signal });
        const main = dataset.aggregate({ measures: [{ ...measure, as: 'value' }], where, filter }, options);
        let other: ReturnType<typeof dataset.aggregate> | undefined;
        let referenceLabel: string | undefined;
        if (compareMode === 'previous' || compareMode === 'previous-year') {
          const shifted = await this.shiftedFilter(meta, filter, compareMode);
          referenceLabel = shifted.label;
          other = dataset.aggregate(
            { measures: [{ ...measure, as: 'value' }], where, filter: shifted.filter },
            options,
          );
        } else if (compareMode === 'other') {
          const otherWhere = this.compareWhere.trim() ? [...baseWhere, this.compareWhere.trim()] : where;
          const otherFilter = compareFilter ? [...baseFilter, ...compareFilter] : filter;
          other = dataset.aggregate(
            { measures: [{ ...measure, as: 'value' }], where: otherWhere, filter: otherFilter },
            { ...options, attributes: { measure: 'value', filter: 'compare-filter', where: 'compare-where' } },
          );
        }
        const [a, b] = await Promise.all([main, other]);
        const result: FigureData = { value: (a.rows[0]?.value ?? null) as Scalar, meta, measure };
        if ([result.value, b?.rows[0]?.value].some((v) => typeof v === 'string' && DATE_TEXT.test(v.slice(0, 10))))
          await loadDates();
        if (b) {
          result.reference = (b.rows[0]?.value ?? null) as Scalar;
          if (referenceLabel !== undefined) result.referenceLabel = referenceLabel;
        }
        return result;
      });
    } catch (error) {
      this.data.fail(key, error as Error);
    }
  }

  private compareMode(): 'none' | 'previous' | 'previous-year' | 'other' {
    const mode = this.compare.trim();
    if (mode === '') return this.compareFilter.trim() || this.compareWhere.trim() ? 'other' : 'none';
    if (mode === 'previous' || mode === 'previous-year') return mode;
    throw new VitrineDataError('bad-attribute', {
      attribute: 'compare',
      value: mode,
      reason: { key: 'reason.compare' },
      example: 'filter="date = 2024" compare="previous"',
    });
  }

  /** The filter moved to the previous period, and a name for that period. */
  private async shiftedFilter(meta: DatasetMetadata, filter: Filter, mode: 'previous' | 'previous-year') {
    // Comparison periods are code of their own, loaded by the figures that compare.
    const { previousPeriodFilter } = await import('../../data/period.js');
    const dates = new Set(meta.fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => f.name));
    const condition = filter.find((c) => dates.has(c.field));
    const shifted = condition
      ? previousPeriodFilter(filter, condition.field, mode === 'previous' ? 'period' : 'year')
      : null;
    if (!condition || !shifted) {
      throw new VitrineDataError('bad-attribute', {
        attribute: 'compare',
        value: this.compare,
        reason: { key: 'reason.compare-date' },
        example: 'filter="date = 2024" compare="previous"',
      });
    }
    const moved = shifted.find((c) => c.field === condition.field);
    let label: string | undefined;
    if (moved?.op === 'in' && moved.values.length === 1 && DATE_TEXT.test(String(moved.values[0]))) {
      const text = String(moved.values[0]);
      label = (await loadDates()).formatPeriod(text, text.length === 4 ? 'year' : text.length === 7 ? 'month' : 'day', {
        locale: this.locale.tag,
      });
    }
    return { filter: shifted, label };
  }

  private numberOptions(value: number): NumberFormatOptions {
    const options: NumberFormatOptions = { locale: this.locale.tag, compact: this.compact, percent: this.percent };
    if (this.decimals !== undefined && this.decimals !== null) options.decimals = this.decimals;
    if (this.currency.trim()) options.currency = this.currency.trim();
    if (this.unit.trim()) options.unit = this.unit.trim();
    try {
      formatNumber(value, options);
    } catch (error) {
      const attribute = this.currency.trim() && /currency/i.test(String(error)) ? 'currency' : 'decimals';
      throw new VitrineDataError('bad-attribute', {
        attribute,
        value: attribute === 'currency' ? this.currency : String(this.decimals),
        reason: { key: 'reason.number-format', params: { detail: (error as Error).message } },
        example: attribute === 'currency' ? 'currency="EUR"' : 'decimals="1"',
      });
    }
    return options;
  }

  private settled(controller: DataController<FigureData>): void {
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
    const d = controller.value;
    const shown = d ? this.formatValue(d) : translate(this.locale.locale, 'ui.no-data');
    // Announce a changed value after a refresh, not the first load (the page reader reads that anyway).
    if (this.lastShown !== undefined && shown !== this.lastShown && d) {
      this.announcement = translate(this.locale.locale, 'figure.announce', { label: this.labelText(d), value: shown });
    }
    this.lastShown = shown;
    this.dispatchEvent(new VitrineDataLoadEvent(d ? [{ value: d.value, reference: d.reference ?? null }] : []));
  }

  private labelText(d: FigureData | undefined): string {
    if (this.label) return this.label;
    if (!d) return '';
    const { measure, meta } = d;
    const field = measure.field ? (findField(meta, measure.field)?.label ?? measure.field) : '';
    return translateDynamic(this.locale.locale, `measure.${measure.op}`, { field });
  }

  private formatValue(d: FigureData, value: Scalar = d.value): string {
    if (typeof value === 'string' && DATE_TEXT.test(value.slice(0, 10)) && dates)
      return dates.formatDate(value, { locale: this.locale.tag });
    if (typeof value !== 'number') return value === null ? '–' : String(value);
    return formatNumber(value, this.numberOptions(value));
  }

  private onRetry(): void {
    this.data.retry();
  }

  private renderDelta(d: FigureData) {
    if (d.reference === undefined) return nothing;
    const t = this.locale.locale;
    const reference =
      this.compareLabel ||
      d.referenceLabel ||
      translate(
        t,
        this.compare === 'previous-year'
          ? 'figure.reference.previous-year'
          : this.compare === 'previous'
            ? 'figure.reference.previous'
            : 'figure.reference.other',
      );
    if (typeof d.value !== 'number' || typeof d.reference !== 'number') return nothing;
    const diff = d.value - d.reference;
    const ratio = d.reference !== 0 ? diff / Math.abs(d.reference) : undefined;
    const percentText =
      ratio === undefined
        ? undefined
        : formatNumber(ratio, {
            locale: this.locale.tag,
            percent: true,
            decimals: Math.abs(ratio) < 0.1 ? 1 : 0,
            sign: 'exceptZero',
          });
    const valueText = formatNumber(diff, { ...this.numberOptions(diff), sign: 'exceptZero' });
    const shown =
      this.delta === 'value' || percentText === undefined
        ? valueText
        : this.delta === 'both'
          ? `${percentText} (${valueText})`
          : percentText;
    const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
    const good = direction === 'same' ? '' : (direction === 'up') !== this.lowerIsBetter ? 'good' : 'bad';
    const unsigned = shown.replace(/^[+\u2212-]/, '').replace(/\(([+\u2212-])/, '(');
    const spoken =
      direction === 'same'
        ? translate(t, 'figure.same', { reference })
        : translate(t, direction === 'up' ? 'figure.up' : 'figure.down', { change: unsigned, reference });
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬';
    return html`<div part="delta" class="delta ${good}">
      <span aria-hidden="true">${arrow} ${shown}</span>
      <span class="reference" aria-hidden="true">${translate(t, 'figure.vs', { reference })}</span>
      <span class="visually-hidden">${spoken}</span>
    </div>`;
  }

  private renderBody() {
    const t = this.locale.locale;
    const { status, value: d, error } = this.data;
    switch (status) {
      case 'loading':
        return html`<div part="value" class="value"><span class="skeleton"></span></div>
          <span class="visually-hidden">${translate(t, 'ui.loading')}</span>`;
      case 'empty':
        return html`<div part="empty" class="state">${translate(t, 'ui.no-data')}</div>`;
      case 'error':
        return html`<div part="error" class="state">${errorContent(error, this.locale, this.onRetry)}</div>`;
      case 'data':
        return d
          ? html`<div part="value" class="value">${this.formatValue(d)}</div>
              ${this.renderDelta(d)} ${this.data.stale ? this.renderStale() : nothing}`
          : nothing;
    }
  }

  private renderStale() {
    return html`<div class="stale" part="stale">${staleContent(this.data, this.locale, this.onRetry)}</div>`;
  }

  protected override render() {
    const label = this.labelText(this.data.value);
    const busy = this.data.status === 'loading';
    return html`<div part="base" class="base" role="group" aria-labelledby="label" aria-busy=${busy ? 'true' : 'false'}>
      <div part="label" class="label" id="label">${label}</div>
      ${this.renderBody()}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
