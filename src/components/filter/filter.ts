import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Dataset, RunOptions } from '../../data/dataset.js';
import { VitrineDataError } from '../../data/errors.js';
import { findField, type DatasetMetadata, type FieldInfo } from '../../data/metadata.js';
import type { Condition, Scalar } from '../../data/query.js';
import { formatPeriod } from '../../format/date.js';
import { translate } from '../../format/messages-filters.js';
import { formatNumber } from '../../format/number.js';
import { DataController } from '../../controllers/data-controller.js';
import { FilterBinding } from '../../controllers/filter-binding.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { errorContent, staleContent } from '../shared/state-views.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import {
  childUnit,
  containsPeriod,
  matching,
  periodUnit,
  periodValue,
  selectedValues,
  togglePeriod,
  visibleItems,
  type FacetItem,
} from './facet-model.js';
import { filterStyles } from './filter.styles.js';

/** How a filter shows its values. */
export type FilterDisplay = 'checkboxes' | 'select' | 'radio' | 'range';
const DISPLAYS: readonly FilterDisplay[] = ['checkboxes', 'select', 'radio', 'range'];

const NUMBERS = new Set(['int', 'double']);
const DATES = new Set(['date', 'datetime']);

/** What a filter keeps of its answer. */
interface FilterData {
  meta: DatasetMetadata;
  field: FieldInfo;
  display: FilterDisplay;
  /** The values (for dates: the years), with their counts under the other filters. */
  items: FacetItem[];
  /** Dates: the months of each expanded year, the days of each expanded month. */
  children: Map<string, FacetItem[]>;
  /** Range: the smallest and largest values under the other filters. */
  bounds?: { min: Scalar | null; max: Scalar | null };
}

/** Attribute names for the data layer's error messages. */
const ATTRIBUTES = { facet: 'field', measure: 'field', group: 'field', filter: 'filter', where: 'where' };

let instances = 0;

/**
 * A filter on one field of a `vitrine-source`: the field's values with their counts (which follow the
 * other active filters), as checkboxes (several values: any of them), a select or radio buttons (one
 * value), a year → month → day tree for a date, or a from–to range for a number or a date. Every
 * element bound to the source follows.
 *
 * @summary A facet filter with counts, or a range, on a source.
 * @tagname vitrine-filter
 * @csspart base - The filter's box.
 * @csspart fieldset - The group of controls (checkboxes, radio buttons, range inputs).
 * @csspart label - The field's name (the group's legend, or the select's label).
 * @csspart find - The box that finds a value in a long list.
 * @csspart list - The list of values.
 * @csspart item - One value: its control, its name and its count.
 * @csspart count - The number of records with a value.
 * @csspart expand - The button that shows the months of a year, or the days of a month.
 * @csspart more - The "show all" / "show fewer" button.
 * @csspart select - The select (`display="select"`).
 * @csspart input - The range inputs (`display="range"`).
 * @csspart hint - The smallest and largest values, under the range inputs.
 * @csspart empty - The "no values" message.
 * @csspart error - The message shown in place of the values when something is wrong.
 * @csspart retry - The retry button (network and portal errors).
 * @csspart stale - The notice shown under the values when a refresh failed (the values stay).
 * @cssprop [--vitrine-filter-min-height=8rem] - Height kept while loading, so the page does not move.
 * @cssprop [--vitrine-filter-max-height=20rem] - Height beyond which the list of values scrolls.
 * @cssprop [--vitrine-filter-label-size=1rem] - Size of the field's name.
 * @cssprop [--vitrine-filter-count-color=var(--vitrine-color-muted)] - Colour of the counts.
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
 * @cssprop --vitrine-color-border - Lines between rows, input borders (global token; default: the text colour at 20 %).
 * @cssprop [--vitrine-color-link=LinkText] - Links (global token).
 * @fires {VitrineDataLoadEvent} vitrine-data-load - The values arrived; `rows` are `{ value, name, count }`.
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The filter could not be shown; `error.message` says why.
 * @fires {VitrineFilterChangeEvent} vitrine-filter-change - A person changed the filter.
 */
export class VitrineFilter extends LitElement {
  static override styles = [hostStyles, stateStyles, filterStyles];

  /** Reactive properties and their attributes (each documented where it is declared, below). */
  static override properties = {
    source: {},
    field: {},
    display: {},
    label: {},
    limit: { type: Number },
    expanded: { state: true },
    showAll: { state: true },
    query: { state: true },
    rangeError: { state: true },
  };

  private readonly locale = new LocaleController(this);
  private readonly binding = new FilterBinding(this);
  private readonly data = new DataController<FilterData>(this, {
    isEmpty: (d) => d.display !== 'range' && d.items.length === 0,
    onSettled: (c) => this.settled(c),
  });

  /** Date periods whose months or days are shown. */
  private expanded: ReadonlySet<string> = new Set();
  /** Every value shown, not only the first `limit`. */
  private showAll = false;
  /** The text of the "find a value" box. */
  private query = '';
  /** The range's bounds are in the wrong order. */
  private rangeError = false;
  /** The last data shown, kept on screen while the next answer loads (counts change in place). */
  private shown: FilterData | undefined;
  private readonly idPrefix = `vitrine-filter-${(instances += 1)}`;
  private readonly ids = new Map<string, string>();

  /** The id of the `vitrine-source` to filter (or put the filter inside one). */
  source = '';

  /** The field whose values are listed, e.g. `departement`. */
  field = '';

  /**
   * `checkboxes` (default: several values, any of which matches), `select` or `radio` (one value),
   * `range` (from–to inputs, for a number or a date field). A date field shows years, whose months and
   * days unfold.
   */
  display: FilterDisplay | (string & {}) = 'checkboxes';

  /** The name shown above the values. Default: the field's label from the portal. */
  label = '';

  /** Values shown before a "show all" button (and a box to find a value). */
  limit = 10;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.binding.rebind();
    if (changed.has('field') && this.hasUpdated) {
      this.shown = undefined;
      this.expanded = new Set();
      this.query = '';
      this.showAll = false;
    }
    const field = this.field.trim();
    const attributes = [this.source, field, this.display];
    let config;
    try {
      config = this.binding.config({ except: field });
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.data.fail(JSON.stringify(attributes), error as Error);
      return;
    }
    const { dataset, where, filter } = config;
    const search = config.search ?? '';
    this.expandSelected();
    const expanded = [...this.expanded].sort();
    const key = JSON.stringify([dataset.ref, where, filter, search, field, this.display, expanded]);
    try {
      const display = this.displayValue();
      if (!field) {
        throw new VitrineDataError('bad-attribute', {
          attribute: 'field',
          value: '',
          reason: { key: 'reason.filter-needs-field' },
          example: 'field="departement"',
        });
      }
      this.data.setRefresh(config.refresh);
      this.data.run(key, async ({ signal, refresh }) => {
        const options = { signal, refresh, attributes: ATTRIBUTES };
        const meta = await dataset.metadata({ signal });
        const info = findField(meta, field);
        if (!info) {
          // The data layer's message lists the dataset's fields and suggests the closest one.
          await dataset.prepare({ kind: 'facets', facets: [field] }, options);
        }
        const fieldInfo = info as FieldInfo;
        const base = { where, filter, search };
        const result: FilterData = { meta, field: fieldInfo, display, items: [], children: new Map() };
        if (display === 'range') {
          if (!NUMBERS.has(fieldInfo.type) && !DATES.has(fieldInfo.type)) {
            throw new VitrineDataError('bad-attribute', {
              attribute: 'display',
              value: this.display,
              reason: { key: 'reason.range-type', params: { field, type: fieldInfo.type } },
              example: 'display="checkboxes"',
            });
          }
          result.bounds = DATES.has(fieldInfo.type)
            ? await this.dateBounds(dataset, base, field, options)
            : await this.numberBounds(dataset, base, field, options);
          return result;
        }
        const dates = DATES.has(fieldInfo.type);
        const [facets, ...levels] = await Promise.all([
          dataset.facets({ ...base, facets: [field] }, options),
          ...(dates && display === 'checkboxes' ? expanded : []).map((period) =>
            this.periods(dataset, base, field, period, options),
          ),
        ]);
        const values = facets.facets.find((f) => f.field === field)?.values ?? [];
        result.items = values.map((v) => ({
          value: dates ? periodValue(v.value) : v.value,
          name: v.name,
          count: v.count,
        }));
        // Years read in time order, as their months and days do (the portal may list them by count).
        if (dates) result.items.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        expanded.forEach((period, i) => result.children.set(period, levels[i] ?? []));
        return result;
      });
    } catch (error) {
      this.data.fail(key, error as Error);
    }
  }

  protected override updated(): void {
    // A select shows the source's value also after a person used it (options' `selected` no longer applies then).
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select');
    const current = this.selected()[0] ?? '';
    if (select && select.value !== current && [...select.options].some((o) => o.value === current)) {
      select.value = current;
    }
  }

  /** The smallest and largest numbers of `field` under the other filters. */
  private async numberBounds(
    dataset: Dataset,
    base: { where: readonly string[]; filter: readonly Condition[]; search: string },
    field: string,
    options: RunOptions,
  ): Promise<FilterData['bounds']> {
    const { rows } = await dataset.aggregate(
      {
        ...base,
        measures: [
          { op: 'min', field, as: 'min' },
          { op: 'max', field, as: 'max' },
        ],
      },
      options,
    );
    const row = rows[0] ?? {};
    return { min: (row.min ?? null) as Scalar | null, max: (row.max ?? null) as Scalar | null };
  }

  /**
   * The first and last dates of `field` under the other filters: the first record each way (the
   * aggregates of the data layer read numbers only).
   */
  private async dateBounds(
    dataset: Dataset,
    base: { where: readonly string[]; filter: readonly Condition[]; search: string },
    field: string,
    options: RunOptions,
  ): Promise<FilterData['bounds']> {
    const filter = [...base.filter, { field, op: 'not-null' } as const];
    const [first, last] = await Promise.all(
      [false, true].map((desc) =>
        dataset.records({ ...base, filter, fields: [field], sort: [{ by: field, desc }], limit: 1 }, options),
      ),
    );
    const value = (rows: Record<string, unknown>[] | undefined) => {
      const v = rows?.[0]?.[field];
      return typeof v === 'string' ? v : null;
    };
    return { min: value(first?.rows), max: value(last?.rows) };
  }

  /** The months of a year, or the days of a month, with their counts (grouped by the portal). */
  private async periods(
    dataset: Dataset,
    base: { where: readonly string[]; filter: readonly Condition[]; search: string },
    field: string,
    period: string,
    options: RunOptions,
  ): Promise<FacetItem[]> {
    const unit = childUnit(period);
    if (!unit) return [];
    const { rows } = await dataset.aggregate(
      {
        ...base,
        filter: [...base.filter, { field, op: 'in', values: [period] }],
        measures: [{ op: 'count', as: 'count' }],
        groupBy: [{ field, timeUnit: unit, as: 'period' }],
      },
      options,
    );
    return rows
      .filter((row) => typeof row.period === 'string' && typeof row.count === 'number' && row.count > 0)
      .map((row) => ({ value: String(row.period), name: String(row.period), count: Number(row.count) }));
  }

  /** `display` as one of the known displays, or a `bad-attribute` error naming it. */
  private displayValue(): FilterDisplay {
    const display = (this.display || 'checkboxes').trim().toLowerCase();
    if ((DISPLAYS as readonly string[]).includes(display)) return display as FilterDisplay;
    throw new VitrineDataError('bad-attribute', {
      attribute: 'display',
      value: this.display,
      reason: { key: 'reason.filter-display', params: { value: this.display } },
      example: 'display="select"',
    });
  }

  /** Unfolds the years and months that hold a selected period (e.g. restored from the page address). */
  private expandSelected(): void {
    const selected = this.selected();
    const wanted = new Set(this.expanded);
    for (const value of selected) {
      if (/^\d{4}-\d{2}/.test(value)) wanted.add(value.slice(0, 4));
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) wanted.add(value.slice(0, 7));
    }
    if (wanted.size !== this.expanded.size) this.expanded = wanted;
  }

  /** The condition the source holds for this filter's field. */
  private condition(): Condition | undefined {
    return this.binding.source?.selection(this.field.trim());
  }

  private selected(): string[] {
    return selectedValues(this.condition());
  }

  private settled(controller: DataController<FilterData>): void {
    if (controller.status === 'error' && controller.error) {
      this.shown = undefined;
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
    this.shown = d;
    this.dispatchEvent(new VitrineDataLoadEvent(d ? d.items.map((item) => ({ ...item })) : []));
  }

  // ——— Handlers ————————————————————————————————————————————————————————————

  private onToggle(value: string, dates: boolean): void {
    const source = this.binding.source;
    const field = this.field.trim();
    if (!source) return;
    if (dates) {
      const next = togglePeriod(this.selected(), value);
      source.setSelection(field, next.length > 0 ? { field, op: 'in', values: next } : null, { origin: this });
    } else {
      source.toggleValue(field, value, { origin: this });
    }
  }

  private onChoose(value: string): void {
    const source = this.binding.source;
    const field = this.field.trim();
    if (!source) return;
    source.setSelection(field, value ? { field, op: 'in', values: [value] } : null, { origin: this });
  }

  private onSelect(event: Event): void {
    this.onChoose((event.target as HTMLSelectElement).value);
  }

  private onRange(): void {
    const source = this.binding.source;
    const d = this.shown;
    const field = this.field.trim();
    if (!source || !d) return;
    const read = (id: string): Scalar | undefined => {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${this.idPrefix}-${id}`);
      const text = input?.value.trim() ?? '';
      if (text === '') return undefined;
      if (DATES.has(d.field.type)) return text;
      const n = input?.valueAsNumber ?? Number(text);
      return Number.isFinite(n) ? n : undefined;
    };
    const min = read('min');
    const max = read('max');
    if (min !== undefined && max !== undefined && (min as number | string) > (max as number | string)) {
      this.rangeError = true;
      return;
    }
    this.rangeError = false;
    let condition: Condition | null = null;
    if (min !== undefined && max !== undefined) condition = { field, op: 'between', min, max };
    else if (min !== undefined) condition = { field, op: 'ge', value: min };
    else if (max !== undefined) condition = { field, op: 'le', value: max };
    source.setSelection(field, condition, { origin: this });
  }

  private onExpand(value: string): void {
    const next = new Set(this.expanded);
    if (next.has(value)) {
      next.delete(value);
      for (const v of next) if (containsPeriod(value, v)) next.delete(v);
    } else next.add(value);
    this.expanded = next;
  }

  private onFind(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private onMore(): void {
    this.showAll = !this.showAll;
  }

  private onRetry(): void {
    this.data.retry();
  }

  // ——— Render ————————————————————————————————————————————————————————————

  /** A stable id for a value's control (values may hold any character). */
  private idFor(value: string): string {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = `${this.idPrefix}-v${this.ids.size}`;
      this.ids.set(value, id);
    }
    return id;
  }

  private number(count: number): string {
    return formatNumber(count, { locale: this.locale.tag, decimals: 0 });
  }

  /** The name of a value as shown: a month or a day written in the page's language. */
  private itemName(item: FacetItem, dates: boolean): string {
    if (!dates) return item.name;
    const unit = periodUnit(item.value);
    if (unit === 'year') return item.value;
    return formatPeriod(item.value, unit, { locale: this.locale.tag, style: unit === 'day' ? 'short' : 'long' });
  }

  private labelText(d: FilterData | undefined): string {
    return this.label.trim() || d?.field.label || this.field;
  }

  private renderItem(
    item: FacetItem,
    type: 'checkbox' | 'radio',
    selected: readonly string[],
    dates: boolean,
  ): TemplateResult {
    const id = this.idFor(item.value);
    const checked = selected.includes(item.value);
    const mixed = dates && !checked && selected.some((v) => containsPeriod(item.value, v));
    const unit = dates ? childUnit(item.value) : undefined;
    const open = unit !== undefined && type === 'checkbox' && this.expanded.has(item.value);
    const name = this.itemName(item, dates);
    return html`<li part="item" class="item">
      <div class="row">
        ${
          unit && type === 'checkbox'
            ? html`<button
                part="expand"
                class="expand"
                aria-expanded=${open ? 'true' : 'false'}
                aria-label=${translate(
                  this.locale.locale,
                  unit === 'month' ? 'filter.expand.months' : 'filter.expand.days',
                  {
                    period: name,
                  },
                )}
                @click=${() => this.onExpand(item.value)}
              >
                <span aria-hidden="true">${open ? '▾' : '▸'}</span>
              </button>`
            : nothing
        }
        <input
          id=${id}
          type=${type}
          name=${type === 'radio' ? `${this.idPrefix}-radio` : nothing}
          .checked=${live(checked)}
          .indeterminate=${mixed}
          @change=${() => (type === 'radio' ? this.onChoose(item.value) : this.onToggle(item.value, dates))}
        />
        <label for=${id}
          ><span class="name">${name}</span> <span part="count" class="count">${this.number(item.count)}</span></label
        >
      </div>
      ${open ? this.renderChildren(item.value, selected) : nothing}
    </li>`;
  }

  private renderChildren(period: string, selected: readonly string[]): TemplateResult {
    const children = this.shown?.children.get(period);
    if (!children) {
      return html`<ul class="list nested">
        <li class="item loading">${translate(this.locale.locale, 'ui.loading')}</li>
      </ul>`;
    }
    return html`<ul class="list nested">
      ${repeat(
        visibleItems(
          children,
          selected.filter((v) => containsPeriod(period, v) && periodUnit(v) === childUnit(period)),
          Number.MAX_SAFE_INTEGER,
          true,
        ),
        (item) => item.value,
        (item) => this.renderItem(item, 'checkbox', selected, true),
      )}
    </ul>`;
  }

  private renderList(d: FilterData, type: 'checkbox' | 'radio') {
    const t = this.locale.locale;
    const dates = DATES.has(d.field.type);
    const selected = this.selected();
    const top = dates ? selected.filter((v) => periodUnit(v) === 'year') : selected;
    const limit = Number.isInteger(this.limit) && this.limit > 0 ? this.limit : 10;
    const long = d.items.length > limit;
    const found = this.query.trim() ? matching(d.items, this.query) : d.items;
    const items = visibleItems(found, this.query.trim() ? [] : top, limit, this.showAll || this.query.trim() !== '');
    const all =
      type === 'radio'
        ? html`<li part="item" class="item">
            <div class="row">
              <input
                id=${`${this.idPrefix}-all`}
                type="radio"
                name=${`${this.idPrefix}-radio`}
                .checked=${live(selected.length === 0)}
                @change=${() => this.onChoose('')}
              />
              <label for=${`${this.idPrefix}-all`}><span class="name">${translate(t, 'filter.all')}</span></label>
            </div>
          </li>`
        : nothing;
    return html`${
        long
          ? html`<div class="find">
              <label class="visually-hidden" for=${`${this.idPrefix}-find`}>${translate(t, 'filter.find')}</label>
              <input
                part="find"
                id=${`${this.idPrefix}-find`}
                type="search"
                autocomplete="off"
                placeholder=${translate(t, 'filter.find')}
                .value=${this.query}
                @input=${this.onFind}
              />
            </div>`
          : nothing
      }
      <ul part="list" class="list" id=${`${this.idPrefix}-list`}>
        ${all}
        ${repeat(
          items,
          (item) => item.value,
          (item) => this.renderItem(item, type, selected, dates),
        )}
      </ul>
      ${
        this.query.trim() && found.length === 0
          ? html`<p class="none" role="status">${translate(t, 'filter.find-none')}</p>`
          : nothing
      }
      ${
        long && !this.query.trim()
          ? html`<button
              part="more"
              class="more"
              aria-expanded=${this.showAll ? 'true' : 'false'}
              aria-controls=${`${this.idPrefix}-list`}
              @click=${this.onMore}
            >
              ${this.showAll ? translate(t, 'filter.show-less') : translate(t, 'filter.show-more', { count: this.number(d.items.length) })}
            </button>`
          : nothing
      }`;
  }

  private renderSelect(d: FilterData) {
    const t = this.locale.locale;
    const selected = this.selected();
    const current = selected[0] ?? '';
    const items = visibleItems(d.items, current ? [current] : [], Number.MAX_SAFE_INTEGER, true);
    return html`<select part="select" id=${`${this.idPrefix}-select`} @change=${this.onSelect}>
      <option value="" ?selected=${current === ''}>${translate(t, 'filter.all')}</option>
      ${repeat(
        items,
        (item) => item.value,
        (item) =>
          html`<option value=${item.value} ?selected=${item.value === current}>
            ${this.itemName(item, DATES.has(d.field.type))} (${this.number(item.count)})
          </option>`,
      )}
    </select>`;
  }

  private renderRange(d: FilterData) {
    const t = this.locale.locale;
    const dates = DATES.has(d.field.type);
    const condition = this.condition();
    let from: Scalar | undefined;
    let to: Scalar | undefined;
    if (condition?.op === 'between') [from, to] = [condition.min, condition.max];
    else if (condition?.op === 'ge' || condition?.op === 'gt') from = condition.value;
    else if (condition?.op === 'le' || condition?.op === 'lt') to = condition.value;
    const text = (v: Scalar | null | undefined) =>
      v === null || v === undefined ? '' : dates ? String(v).slice(0, 10) : String(v);
    const min = text(d.bounds?.min);
    const max = text(d.bounds?.max);
    const shown = (v: Scalar | null | undefined) =>
      v === null || v === undefined
        ? ''
        : dates
          ? formatPeriod(String(v).slice(0, 10), 'day', { locale: this.locale.tag, style: 'short' })
          : formatNumber(Number(v), { locale: this.locale.tag });
    const hintId = `${this.idPrefix}-hint`;
    const input = (id: 'min' | 'max', value: Scalar | undefined, label: string) =>
      html`<span class="bound">
        <label for=${`${this.idPrefix}-${id}`}>${label}</label>
        <input
          part="input"
          id=${`${this.idPrefix}-${id}`}
          type=${dates ? 'date' : 'number'}
          step=${dates ? nothing : 'any'}
          inputmode=${dates ? nothing : 'decimal'}
          min=${min || nothing}
          max=${max || nothing}
          placeholder=${dates ? nothing : id === 'min' ? min : max}
          aria-describedby=${hintId}
          aria-invalid=${this.rangeError ? 'true' : 'false'}
          .value=${text(value)}
          @change=${this.onRange}
        />
      </span>`;
    return html`<div class="range">
        ${input('min', from, translate(t, 'filter.range.from'))} ${input('max', to, translate(t, 'filter.range.to'))}
      </div>
      <p part="hint" class="hint" id=${hintId}>
        ${min !== '' && max !== '' ? translate(t, 'filter.range.bounds', { min: shown(d.bounds?.min), max: shown(d.bounds?.max) }) : ''}
      </p>
      ${this.rangeError ? html`<p class="invalid" role="alert">${translate(t, 'filter.range.order')}</p>` : nothing}`;
  }

  private renderBody(d: FilterData | undefined) {
    const t = this.locale.locale;
    const { status, error } = this.data;
    if (status === 'error') {
      return html`<div part="error" class="state">${errorContent(error, this.locale, this.onRetry)}</div>`;
    }
    if (!d) {
      return html`<div class="skeleton" aria-hidden="true"></div>
        <span class="visually-hidden">${translate(t, 'ui.loading')}</span>`;
    }
    if (d.display !== 'range' && d.items.length === 0 && this.selected().length === 0) {
      return html`<div part="empty" class="state">${translate(t, 'filter.no-values')}</div>`;
    }
    switch (d.display) {
      case 'range':
        return this.renderRange(d);
      case 'select':
        return this.renderSelect(d);
      case 'radio':
        return this.renderList(d, 'radio');
      default:
        return this.renderList(d, 'checkbox');
    }
  }

  protected override render() {
    const { status } = this.data;
    // While new counts load, the last ones stay (a filter does not flicker when another one changes).
    const d = status === 'data' || status === 'empty' ? this.data.value : status === 'loading' ? this.shown : undefined;
    const label = this.labelText(d ?? this.shown);
    const busy = status === 'loading';
    const select = d?.display === 'select' && status !== 'error';
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${
        select
          ? html`<div part="fieldset" class="fieldset">
              <label part="label" class="label" for=${`${this.idPrefix}-select`}>${label}</label>
              ${this.renderBody(d)}
            </div>`
          : html`<fieldset part="fieldset" class="fieldset">
              <legend part="label" class="label">${label}</legend>
              ${this.renderBody(d)}
            </fieldset>`
      }
      ${
        this.data.stale && status !== 'error'
          ? html`<div class="stale" part="stale">${staleContent(this.data, this.locale, this.onRetry)}</div>`
          : nothing
      }
    </div>`;
  }
}
