import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VitrineDataError } from '../../data/errors.js';
import type { DatasetMetadata, FieldInfo } from '../../data/metadata.js';
import { parseLimit, parseSort, type Sort } from '../../data/query.js';
import { resolveIntlLocale } from '../../format/locale.js';
import { translate } from '../../format/messages-table.js';
import { formatNumber } from '../../format/number.js';
import { DataController } from '../../controllers/data-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourceBinding, SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { VitrinePageChangeEvent, VitrineSortChangeEvent } from '../../events/table-events.js';
import { errorContent, staleContent } from '../shared/state-views.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import { GEO_TYPES, cellParts, isNumeric, isSortable, type CellFormat, type CellPart } from './cells.js';
import { tableStyles } from './table.styles.js';

/** What a table keeps of one page of data. */
interface TableData {
  meta: DatasetMetadata;
  /** The columns shown, in order. */
  columns: FieldInfo[];
  rows: Record<string, unknown>[];
  /** Matching records; undefined when the portal does not say. */
  total: number | undefined;
  /** Index of the first row shown. */
  offset: number;
  /** Rows asked for. */
  limit: number;
  /** The page size in force. */
  pageSize: number;
  /** The sort the rows are in. */
  sort: Sort[];
  /** The CSV export of every matching record (undefined with `no-download`). */
  csv: string | undefined;
}

/**
 * Most rows the portal gives per request, and how deep a page may start (`offset + limit`): the Explore
 * API's limits (the data layer does not expose them per portal yet).
 */
const MAX_PAGE_SIZE = 100;
const WINDOW = 10_000;

const FIELD_NAME = /^[A-Za-z0-9_]+$/;

/** Attribute names for the data layer's error messages. */
const ATTRIBUTES = { select: 'columns', sort: 'sort', where: 'where', filter: 'filter', limit: 'page-size' };

/** What to announce politely after the next answer. */
type Pending = 'page' | undefined;

/**
 * A table of a dataset's records: the columns you name (labels and types from the portal), sorted and
 * paged by the portal, numbers and dates written for the page's language, links only for http(s)
 * addresses, a row count and a CSV download of every matching record.
 *
 * @summary A sortable, paged table of a dataset's records.
 * @tagname vitrine-table
 * @csspart base - The table's box (title, toolbar, table, pager).
 * @csspart title - The title above the table (the table's caption for screen readers).
 * @csspart toolbar - The line above the table: the row count and the download link.
 * @csspart count - The number of matching rows.
 * @csspart download - The link to the CSV file of every matching row.
 * @csspart scroller - The box that scrolls the table sideways on narrow screens (focusable).
 * @csspart table - The table.
 * @csspart header - Each column header cell.
 * @csspart sort-button - The button in a column header that sorts by that column.
 * @csspart cell - Each data cell.
 * @csspart link - A link in a cell (http(s) addresses and files only).
 * @csspart pager - The line under the table: previous and next buttons and the status.
 * @csspart button - The previous and next buttons.
 * @csspart previous - The previous button (also `button`).
 * @csspart next - The next button (also `button`).
 * @csspart status - "Rows 11–20 of 34,969".
 * @csspart note - The notice shown at the last page the portal lets a table reach.
 * @csspart empty - The "no data" message.
 * @csspart error - The message shown in place of the table when something is wrong.
 * @csspart retry - The retry button (network and portal errors).
 * @csspart stale - The notice shown with the last rows when a refresh failed.
 * @cssprop [--vitrine-table-row-height=2.5rem] - Height of a row of one line; `page-size` rows are reserved while loading.
 * @cssprop [--vitrine-table-header-height=2.75rem] - Height of the header row.
 * @cssprop [--vitrine-table-max-height=min(40rem, 80vh)] - Height beyond which the table scrolls inside its box, under a sticky header (a length).
 * @cssprop [--vitrine-table-cell-max-width=20rem] - Width beyond which text wraps in a cell.
 * @cssprop [--vitrine-table-font-size=0.875rem] - Size of the table's text.
 * @cssprop [--vitrine-table-title-size=1.125rem] - Size of the title.
 * @cssprop [--vitrine-table-header-background=var(--vitrine-color-background, Canvas)] - Background of the sticky header.
 * @cssprop [--vitrine-table-stripe=transparent] - Background of every other row.
 * @cssprop [--vitrine-color-border=color-mix(in srgb, currentColor 20%, transparent)] - Lines between rows.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop [--vitrine-color-background=Canvas] - Background of sticky headers, inputs and exported images (global token).
 * @cssprop --vitrine-color-hover - Row and button hover (global token; default: the text colour at 8 %).
 * @cssprop [--vitrine-color-link=LinkText] - Links (global token).
 * @fires {VitrineDataLoadEvent} vitrine-data-load - A page of rows arrived and is shown; `rows` are its records.
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The table could not be shown; `error.message` says why.
 * @fires {VitrineSortChangeEvent} vitrine-sort-change - A person sorted the table; `sort` is the new sort (`-population`).
 * @fires {VitrinePageChangeEvent} vitrine-page-change - A person moved to another page; `page` counts from 1.
 */
export class VitrineTable extends LitElement {
  static override styles = [hostStyles, stateStyles, tableStyles];

  private readonly locale = new LocaleController(this);
  private readonly binding = new SourceBinding(this);
  private readonly data = new DataController<TableData>(this, {
    isEmpty: (d) => d.rows.length === 0 && d.offset === 0,
    onSettled: (c) => this.settled(c),
  });

  /** The sort a person chose by clicking a header; undefined: the `sort` attribute's. */
  @state() private chosenSort: Sort[] | undefined;
  /** The sort asked for now (the headers show it, also while its rows load). */
  private currentSort: Sort[] = [];
  /** Polite announcement (a new sort, a new page). */
  @state() private announcement = '';
  /** The last page shown, kept on screen while the next one loads. */
  private shown: TableData | undefined;
  /** What the query depends on, but for the page and the sort: when it changes, back to page 1. */
  private scope: string | undefined;
  private pending: Pending;

  /**
   * The dataset: its portal page as in the address bar (`https://…/explore/dataset/<id>/`) or an API URL.
   * Not needed with `source`.
   */
  @property() src = '';

  /** The id of a `vitrine-source` to use (or put the table inside one). */
  @property() source = '';

  /** Portal kind, when it cannot be recognised from `src` (only `explore` for now). */
  @property() portal = '';

  /** The fields to show, in order, separated by commas: `nom,departement,population`. Default: every field but geographic ones. */
  @property() columns = '';

  /** A condition in the portal's query language (ODSQL on Opendatasoft), e.g. `departement = '01'`. */
  @property() where = '';

  /** Portal-neutral conditions, e.g. `departement = 01 | 02; population >= 1000; date = 2024`. */
  @property() filter = '';

  /** The initial order: a field, `-` first for descending (`-population`); several separated by commas. Default: the portal's. */
  @property() sort = '';

  /** Rows per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /**
   * The page shown, from 1. It follows the previous and next buttons, and goes back to 1 when the
   * filters, the columns or the sort change. A page beyond the portal's 10,000-row window shows the last reachable one.
   */
  @property({ type: Number }) page = 1;

  /** The caption above the table; it names the table for screen readers. Default: the dataset's title. */
  @property() override title = '';

  /** Fetch again every this many seconds (minimum 2); while the portal does not answer, the last rows stay. */
  @property({ type: Number }) refresh = 0;

  /** No CSV download link. */
  @property({ type: Boolean, attribute: 'no-download' }) noDownload = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.binding.rebind();
    if (changed.has('sort') && this.hasUpdated) {
      this.chosenSort = undefined;
      if (!changed.has('page')) this.page = 1;
    }
    const attributes = [this.src, this.source, this.portal, this.columns, this.where, this.filter];
    let config;
    try {
      config = this.binding.config();
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.data.fail(JSON.stringify(attributes), error as Error);
      return;
    }
    const { dataset, where, filter, refresh, version, ...more } = config;
    const search = (config as { search?: string }).search?.trim() ?? '';
    const scope = JSON.stringify([dataset.ref, where, filter, more, this.columns, this.pageSize, this.noDownload]);
    if (this.scope !== undefined && scope !== this.scope && !changed.has('page')) this.page = 1;
    this.scope = scope;
    this.data.setRefresh(refresh);
    let key = JSON.stringify([scope, version, this.sort]);
    try {
      const pageSize = this.pageSizeValue();
      const columns = this.columnNames();
      const sort = this.chosenSort ?? (this.sort.trim() ? parseSort(this.sort, 'sort') : []);
      this.currentSort = sort;
      // The portal lists the first 10,000 rows only: a page beyond them shows the last reachable one.
      const lastPage = Math.ceil(WINDOW / pageSize);
      const page = Number.isInteger(this.page) && this.page >= 1 ? Math.min(this.page, lastPage) : 1;
      const offset = (page - 1) * pageSize;
      const limit = Math.min(pageSize, WINDOW - offset);
      key = JSON.stringify([scope, version, sort, offset, limit]);
      const noDownload = this.noDownload;
      this.data.run(key, async ({ signal, refresh: again }) => {
        const meta = await dataset.metadata({ signal });
        const fields =
          columns.length > 0 ? columns : meta.fields.filter((f) => !GEO_TYPES.has(f.type)).map((f) => f.name);
        const base = search ? { where, filter, search } : { where, filter };
        const read = (at: number, count: number) =>
          dataset.records(
            { ...base, fields, sort, limit: count, offset: at },
            { signal, refresh: again, attributes: ATTRIBUTES },
          );
        const [first, csv] = await Promise.all([
          read(offset, limit),
          noDownload
            ? undefined
            : dataset.exportUrl({ ...base, format: 'csv', fields, sort }, { signal, attributes: ATTRIBUTES }),
        ]);
        let result = first;
        let at = offset;
        // A page past the end (the data shrank, or `page` is too large): show the last one.
        if (result.rows.length === 0 && offset > 0 && result.total !== undefined && result.total > 0) {
          at = Math.floor((Math.min(result.total, WINDOW) - 1) / pageSize) * pageSize;
          result = await read(at, Math.min(pageSize, WINDOW - at));
        }
        const byName = new Map(meta.fields.map((f) => [f.name, f]));
        return {
          meta,
          columns: fields.map(
            (name) => byName.get(name) ?? { name, label: name, type: 'text', multivalued: false, facet: false },
          ),
          rows: result.rows,
          total: result.total,
          offset: at,
          limit: Math.min(pageSize, WINDOW - at),
          pageSize,
          sort,
          csv,
        };
      });
    } catch (error) {
      this.data.fail(key, error as Error);
    }
  }

  protected override updated(): void {
    // Rows reserved while loading (set through the CSSOM: allowed under a strict CSP, unlike a style attribute).
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    const rows = this.safePageSize();
    if (base && base.style.getPropertyValue('--_rows') !== String(rows))
      base.style.setProperty('--_rows', String(rows));
  }

  /** `page-size` as a number, or a `bad-attribute` error naming it. */
  private pageSizeValue(): number {
    const text = Number.isFinite(this.pageSize) ? String(this.pageSize) : (this.getAttribute('page-size') ?? '');
    return parseLimit(text, 'page-size', 1, MAX_PAGE_SIZE);
  }

  private safePageSize(): number {
    try {
      return this.pageSizeValue();
    } catch {
      return 10;
    }
  }

  /** The `columns` attribute as field names (checked against the dataset when the query runs). */
  private columnNames(): string[] {
    const names = this.columns
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const bad = names.find((name) => !FIELD_NAME.test(name));
    if (bad !== undefined) {
      throw new VitrineDataError('bad-attribute', {
        attribute: 'columns',
        value: this.columns,
        reason: { key: 'reason.field-name', params: { field: bad } },
        example: 'nom,departement,population',
      });
    }
    return [...new Set(names)];
  }

  private settled(controller: DataController<TableData>): void {
    if (controller.status === 'error' && controller.error) {
      this.shown = undefined;
      this.pending = undefined;
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
    if (this.pending === 'page' && d) this.announcement = this.rangeText(d);
    this.pending = undefined;
    this.dispatchEvent(new VitrineDataLoadEvent(d ? d.rows : []));
  }

  private onSort(field: FieldInfo): void {
    const current = this.currentSort[0];
    const desc = current?.by === field.name ? !current.desc : false;
    this.chosenSort = desc ? [{ by: field.name, desc: true }] : [{ by: field.name }];
    this.page = 1;
    this.pending = undefined;
    this.announcement = translate(this.locale.locale, desc ? 'table.sorted.desc' : 'table.sorted.asc', {
      column: field.label,
    });
    this.dispatchEvent(new VitrineSortChangeEvent(desc ? `-${field.name}` : field.name));
  }

  private onPage(step: -1 | 1): void {
    const d = this.shown;
    if (!d || this.data.status === 'loading') return;
    if (step === -1 ? d.offset === 0 : this.isLastPage(d)) return;
    this.page = Math.floor(d.offset / d.pageSize) + 1 + step;
    this.pending = 'page';
    this.dispatchEvent(new VitrinePageChangeEvent(this.page));
  }

  private onRetry(): void {
    this.data.retry();
  }

  /** No page after this one: the last matching row is shown, or the portal's window ends here. */
  private isLastPage(d: TableData): boolean {
    if (this.atWindowEnd(d)) return true;
    if (d.total !== undefined) return d.offset + d.rows.length >= d.total;
    return d.rows.length < d.limit;
  }

  /** The next page would start beyond the portal's window, and there are rows beyond it. */
  private atWindowEnd(d: TableData): boolean {
    return d.offset + d.limit >= WINDOW && (d.total === undefined || d.total > WINDOW);
  }

  private number(value: number): string {
    return formatNumber(value, { locale: this.locale.tag, decimals: 0 });
  }

  private rangeText(d: TableData): string {
    const t = this.locale.locale;
    const from = this.number(d.rows.length === 0 ? d.offset : d.offset + 1);
    const to = this.number(d.offset + d.rows.length);
    return d.total === undefined
      ? translate(t, 'table.range-open', { from, to })
      : translate(t, 'table.range', { from, to, total: this.number(d.total) });
  }

  private countText(total: number): string {
    const form = new Intl.PluralRules(resolveIntlLocale(this.locale.tag)).select(total) === 'one' ? 'one' : 'other';
    return translate(this.locale.locale, form === 'one' ? 'table.count.one' : 'table.count.other', {
      count: this.number(total),
    });
  }

  private titleText(d: TableData | undefined): string {
    return this.title.trim() || d?.meta.title || d?.meta.datasetId || '';
  }

  private renderCell(parts: CellPart[]) {
    if (parts.length === 0) {
      return html`<span aria-hidden="true">–</span
        ><span class="visually-hidden">${translate(this.locale.locale, 'ui.empty-value')}</span>`;
    }
    return parts.map(
      (p, i) =>
        html`${i > 0 ? ', ' : ''}${
          p.href === undefined ? p.text : html`<a part="link" href=${p.href} rel="noopener noreferrer">${p.text}</a>`
        }`,
    );
  }

  private renderHeader(field: FieldInfo) {
    const first = this.currentSort[0];
    const active = first?.by === field.name;
    const direction = active ? (first.desc ? 'descending' : 'ascending') : undefined;
    const numeric = isNumeric(field);
    const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
    return html`<th part="header" scope="col" class=${numeric ? 'num' : ''} aria-sort=${direction ?? nothing}>
      ${
        isSortable(field)
          ? html`<button part="sort-button" class="sort ${active ? 'active' : ''}" @click=${() => this.onSort(field)}>
              <span class="label">${field.label}</span><span class="arrow" aria-hidden="true">${arrow}</span>
            </button>`
          : html`<span class="label">${field.label}</span>`
      }
    </th>`;
  }

  private renderTable(d: TableData) {
    const format: CellFormat = { tag: this.locale.tag, locale: this.locale.locale };
    const [head, ...rest] = d.columns;
    return html`<table part="table">
      <caption class="visually-hidden">
        ${this.titleText(d)}
      </caption>
      <thead>
        <tr>
          ${d.columns.map((field) => this.renderHeader(field))}
        </tr>
      </thead>
      <tbody>
        ${d.rows.map(
          (row) =>
            html`<tr>
              ${
                head
                  ? html`<th part="cell" scope="row" class=${isNumeric(head) ? 'num' : ''}>
                      <span class="v">${this.renderCell(cellParts(row[head.name], head, format))}</span>
                    </th>`
                  : nothing
              }
              ${rest.map(
                (field) =>
                  html`<td part="cell" class=${isNumeric(field) ? 'num' : ''}>
                    <span class="v">${this.renderCell(cellParts(row[field.name], field, format))}</span>
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderState() {
    const t = this.locale.locale;
    const { status, error } = this.data;
    switch (status) {
      case 'loading':
        return html`<div class="skeleton" aria-hidden="true"></div>
          <span class="visually-hidden">${translate(t, 'ui.loading')}</span>`;
      case 'empty':
        return html`<div part="empty" class="state">${translate(t, 'ui.no-data')}</div>`;
      case 'error':
        return html`<div part="error" class="state">${errorContent(error, this.locale, this.onRetry)}</div>`;
      case 'data':
        // Only past the last row (the data shrank since the page was chosen).
        return html`<div part="empty" class="state">${translate(t, 'ui.no-data')}</div>`;
    }
  }

  private renderPager(d: TableData | undefined) {
    const t = this.locale.locale;
    // Without rows the pager keeps its place, unseen (and out of the tab order): nothing moves when they come.
    const shown = d !== undefined && d.rows.length > 0;
    const first = !shown || d.offset === 0;
    const last = !shown || this.isLastPage(d);
    return html`<div part="pager" class="pager ${shown ? '' : 'unseen'}" aria-hidden=${shown ? nothing : 'true'}>
      <span part="status" class="status">${shown ? this.rangeText(d) : ''}</span>
      <span class="pages">
        <button
          part="button previous"
          class="page"
          aria-disabled=${first ? 'true' : 'false'}
          @click=${() => this.onPage(-1)}
        >
          <span aria-hidden="true">‹</span> ${translate(t, 'table.previous')}
        </button>
        <button part="button next" class="page" aria-disabled=${last ? 'true' : 'false'} @click=${() => this.onPage(1)}>
          ${translate(t, 'table.next')} <span aria-hidden="true">›</span>
        </button>
      </span>
    </div>`;
  }

  private renderStale() {
    return html`<div class="stale" part="stale">${staleContent(this.data, this.locale, this.onRetry)}</div>`;
  }

  protected override render() {
    const t = this.locale.locale;
    const { status } = this.data;
    const busy = status === 'loading';
    // While the next page loads, the last one stays (dimmed), so nothing moves and focus stays put.
    const d =
      status === 'data' ? this.data.value : busy && this.shown && this.shown.rows.length > 0 ? this.shown : undefined;
    const title = this.titleText(d ?? (status === 'error' ? undefined : this.shown));
    const table = d !== undefined && d.rows.length > 0;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      <div part="title" class="title" id="title" aria-hidden=${table ? 'true' : nothing}>${title}</div>
      <div part="toolbar" class="toolbar">
        <span part="count" class="count">${d?.total !== undefined ? this.countText(d.total) : ''}</span>
        ${
          d?.csv !== undefined
            ? html`<a part="download" class="download" href=${d.csv} download>${translate(t, 'table.download')}</a>`
            : nothing
        }
      </div>
      ${
        table
          ? html`<div
              part="scroller"
              class="scroller ${busy ? 'busy' : ''}"
              role="region"
              aria-labelledby="title"
              tabindex="0"
            >
              ${this.renderTable(d)}
            </div>`
          : html`<div part="scroller" class="scroller">${this.renderState()}</div>`
      }
      ${this.renderPager(d)}
      ${
        d && this.atWindowEnd(d)
          ? html`<p part="note" class="note">${translate(t, 'table.window', { max: this.number(WINDOW) })}</p>`
          : nothing
      }
      ${status === 'data' && this.data.stale ? this.renderStale() : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
