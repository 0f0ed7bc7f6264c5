import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VitrineDataError } from '../../data/errors.js';
import { formatFilter, parseFilter } from '../../data/filter.js';
import type { Condition, Scalar } from '../../data/query.js';
import { warnOnce } from '../../controllers/report.js';
import { VitrineFilterChangeEvent, type FilterSelection } from '../../events/filter-events.js';

export type { FilterSelection } from '../../events/filter-events.js';

/** What the filter state needs of the `vitrine-source` that holds it. */
export interface FilterStateHost extends ReactiveControllerHost, HTMLElement {
  /** The `sync-url` attribute: null when absent, '' to name the URL parameter after the id, else its name. */
  syncUrl: string | null;
}

/** Options of a change to the filter state. Every field is optional. */
export interface FilterChangeOptions {
  /**
   * The element a person used (a filter, the search box, a chip, a chart): the change is a user action.
   * It fires `vitrine-filter-change` from that element and, with `sync-url`, adds a history entry (the
   * back button undoes it). Without it (code, the page address) neither happens.
   */
  origin?: Element;
  /**
   * With `origin`: `replace` updates the current history entry instead of adding one (a search refined
   * as the person types is one step back, not one per pause). Default `push`.
   */
  history?: 'push' | 'replace';
}

/** What the source does when its filter state changes. */
export interface FilterStateHooks {
  /** At each change, synchronously (the source gives its configuration a new version). */
  changed(): void;
  /** Once per tick after one or more changes (the source tells its bound elements). */
  flushed(): void;
}

/** The parameters of the page address that hold a source's filters: `<name>` and `<name>.q`. */
export function urlParameters(name: string): { filter: string; search: string } {
  return { filter: name, search: `${name}.q` };
}

const same = (a: Condition | undefined, b: Condition | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The filters a person sets on a `vitrine-source` (through filter widgets, a search box, clicks on a
 * chart or a map, or the page address), apart from the source's own `filter` and `where` attributes:
 * - one condition per field: facet values ORed inside a field (`in`), or a range; fields ANDed;
 * - one full-text search;
 * - changes made in the same tick are told once (one `vitrine-source-change`, so every bound element
 *   queries once);
 * - optionally kept in the page address (`sync-url`): `?<name>=<filter text>&<name>.q=<search>`, in the
 *   neutral filter syntax; restored on load and on back/forward; a user action adds a history entry,
 *   a change by code replaces the current one.
 */
export class FilterState implements ReactiveController {
  private readonly conditionsByField = new Map<string, Condition>();
  private searchText = '';
  private scheduled = false;
  /** A user action happened this tick: the address gets a new history entry. */
  private userAction = false;
  /** This tick's changes are not from the address: write it. */
  private addressStale = false;
  /** The URL parameter name in use ('' when not syncing). */
  private parameter = '';
  private readonly onPopState = () => this.readAddress();

  constructor(
    private readonly host: FilterStateHost,
    private readonly hooks: FilterStateHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    this.followSyncAttribute();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  hostUpdated(): void {
    this.followSyncAttribute();
  }

  /** Every selection, one per field, in the order they were made. */
  get selections(): readonly FilterSelection[] {
    return [...this.conditionsByField].map(([field, condition]) => ({ field, condition }));
  }

  /** The full-text search ('' for none). */
  get search(): string {
    return this.searchText;
  }

  /** The condition on `field`, if any. */
  selection(field: string): Condition | undefined {
    return this.conditionsByField.get(field);
  }

  /** The conditions of every selection, but the one on `except` (a facet's own). */
  conditions(except?: string): Condition[] {
    return [...this.conditionsByField].filter(([field]) => field !== except).map(([, condition]) => condition);
  }

  /** Sets (or, with null or an empty list of values, removes) the condition on `field`. */
  set(field: string, condition: Condition | null, options: FilterChangeOptions = {}): void {
    const next =
      condition === null || ((condition.op === 'in' || condition.op === 'not-in') && condition.values.length === 0)
        ? undefined
        : condition.field === field
          ? condition
          : { ...condition, field };
    if (same(next, this.conditionsByField.get(field))) return;
    if (next === undefined) this.conditionsByField.delete(field);
    else this.conditionsByField.set(field, next);
    this.changed(options, field);
  }

  /** Adds `value` to the values selected on `field`, or removes it when it is there. */
  toggle(field: string, value: Scalar, options: FilterChangeOptions = {}): void {
    const text = String(value);
    const current = this.conditionsByField.get(field);
    const values = current?.op === 'in' ? current.values.map(String) : [];
    const next = values.includes(text) ? values.filter((v) => v !== text) : [...values, text];
    this.set(field, next.length > 0 ? { field, op: 'in', values: next } : null, options);
  }

  /** Sets the full-text search ('' for none). */
  setSearch(text: string, options: FilterChangeOptions = {}): void {
    const next = text.trim();
    if (next === this.searchText) return;
    this.searchText = next;
    this.changed(options, undefined);
  }

  /** Removes every selection and the search. */
  clear(options: FilterChangeOptions = {}): void {
    if (this.conditionsByField.size === 0 && this.searchText === '') return;
    this.conditionsByField.clear();
    this.searchText = '';
    this.changed(options, undefined);
  }

  private changed(options: FilterChangeOptions, field: string | undefined, fromAddress = false): void {
    this.hooks.changed();
    if (!fromAddress) this.addressStale = true;
    if (options.origin) {
      if (options.history !== 'replace') this.userAction = true;
      options.origin.dispatchEvent(new VitrineFilterChangeEvent(this.host.id, this.selections, this.searchText, field));
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.addressStale && this.parameter) this.writeAddress(this.userAction);
    this.addressStale = false;
    this.userAction = false;
    this.hooks.flushed();
  }

  // ——— The page address ————————————————————————————————————————————————————————

  /** Starts (or stops) following the address when `sync-url` or the id changes. */
  private followSyncAttribute(): void {
    const sync = this.host.syncUrl;
    const name = sync === null || sync === undefined ? '' : sync.trim() || this.host.id;
    if (sync !== null && sync !== undefined && !name) {
      warnOnce(
        this.host,
        new VitrineDataError('bad-attribute', {
          attribute: 'sync-url',
          value: sync,
          reason: { key: 'reason.sync-url' },
          example: '<vitrine-source id="shops" sync-url>',
        }),
      );
    }
    if (name === this.parameter) return;
    this.parameter = name;
    if (name) this.readAddress();
  }

  /** Takes the filters from the page address (on load, back and forward). */
  private readAddress(): void {
    const name = this.parameter;
    if (!name) return;
    const names = urlParameters(name);
    const params = new URLSearchParams(location.search);
    const text = params.get(names.filter) ?? '';
    const search = (params.get(names.search) ?? '').trim();
    let conditions: Condition[] = [];
    try {
      conditions = [...parseFilter(text, 'sync-url')];
    } catch (error) {
      // A hand-edited address: say why in the console, and show the data unfiltered.
      warnOnce(this.host, error as Error);
    }
    const next = new Map<string, Condition>();
    for (const condition of conditions) next.set(condition.field, condition);
    const current = formatFilter(this.conditions());
    if (formatFilter([...next.values()]) === current && search === this.searchText) return;
    this.conditionsByField.clear();
    for (const [field, condition] of next) this.conditionsByField.set(field, condition);
    this.searchText = search;
    this.changed({}, undefined, true);
  }

  /** Writes the filters to the page address: a new history entry for a user action, else in place. */
  private writeAddress(push: boolean): void {
    const names = urlParameters(this.parameter);
    const url = new URL(location.href);
    const text = formatFilter(this.conditions());
    if (text) url.searchParams.set(names.filter, text);
    else url.searchParams.delete(names.filter);
    if (this.searchText) url.searchParams.set(names.search, this.searchText);
    else url.searchParams.delete(names.search);
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}
