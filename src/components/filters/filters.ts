import { LitElement, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DatasetMetadata } from '../../data/metadata.js';
import { translate } from '../../format/messages-filters.js';
import { DataController } from '../../controllers/data-controller.js';
import { FilterBinding, findSource } from '../../controllers/filter-binding.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, errorMessage, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent, VitrineDataLoadEvent } from '../../events/data-events.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import { chipsOf, type Chip } from './chips.js';
import { filtersStyles } from './filters.styles.js';

let instances = 0;

/**
 * The filters active on a `vitrine-source`, as chips a person can remove one by one, and a "clear all"
 * button: the values checked in `vitrine-filter`s, the ranges, the search of `vitrine-search`, and the
 * values clicked on a chart or a map with `cross-filter`. Labels come from the portal; values are text.
 *
 * One summary for a whole source (not one per filter): a page shows it once, near the results, and it
 * also lists what was set without any filter widget (a click on a chart, the page address).
 *
 * @summary The active filters of a source, with remove buttons and "clear all".
 * @tagname vitrine-filters
 * @csspart base - The summary's box (a region named by its title).
 * @csspart title - The title ("Active filters").
 * @csspart list - The list of chips.
 * @csspart chip - One active filter: its text and its remove button.
 * @csspart remove - The button that removes one filter.
 * @csspart clear - The "clear all" button.
 * @csspart empty - The "no active filter" message.
 * @csspart error - The message shown when the summary cannot work (no source).
 * @cssprop [--vitrine-filters-chip-background=color-mix(in srgb, var(--vitrine-color-accent, currentColor) 12%, transparent)] - Background of a chip.
 * @cssprop [--vitrine-filters-chip-radius=1rem] - Corner radius of a chip.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop --vitrine-color-accent - Accent: figures, single series, points and lines, selected filters (global token).
 * @cssprop [--vitrine-color-link=LinkText] - Links (global token).
 * @fires {VitrineFilterChangeEvent} vitrine-filter-change - A person removed a filter or cleared them all.
 * @fires {VitrineDataLoadEvent} vitrine-data-load - The labels arrived; `rows` are the chips shown.
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The summary cannot work; `error.message` says why.
 */
export class VitrineFilters extends LitElement {
  static override styles = [hostStyles, stateStyles, filtersStyles];

  /** Reactive properties and their attributes (each documented where it is declared, below). */
  static override properties = {
    source: {},
    label: {},
  };

  private readonly locale = new LocaleController(this);
  private readonly binding = new FilterBinding(this);
  /** The dataset's field labels (shown in the chips); the chips work without them. */
  private readonly data = new DataController<DatasetMetadata>(this, { onSettled: (c) => this.settled(c) });

  /** Where focus goes after the next render (a chip was removed): the index of a chip, or -1 for the message. */
  private pendingFocus: number | undefined;
  /** The source could not be found. */
  private bindingError: Error | undefined;
  private readonly idPrefix = `vitrine-filters-${(instances += 1)}`;

  /** The id of the `vitrine-source` whose filters are shown (or put the summary inside one). */
  source = '';

  /** The title of the summary. Default: "Active filters" in the page's language. */
  label = '';

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.binding.rebind();
    try {
      const { dataset } = this.binding.config();
      this.bindingError = undefined;
      this.data.run(JSON.stringify(dataset.ref), ({ signal }) => dataset.metadata({ signal }));
    } catch (error) {
      if (error instanceof SourcePendingError) return;
      this.bindingError = error as Error;
      this.data.fail(JSON.stringify([this.source]), error as Error);
    }
  }

  protected override updated(): void {
    const focus = this.pendingFocus;
    if (focus === undefined) return;
    this.pendingFocus = undefined;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="remove"]')];
    const target =
      buttons.length === 0 || focus < 0
        ? this.renderRoot.querySelector<HTMLElement>('[part~="empty"]')
        : buttons[Math.min(focus, buttons.length - 1)];
    target?.focus();
  }

  private settled(controller: DataController<DatasetMetadata>): void {
    if (controller.status === 'error' && controller.error) {
      warnOnce(this, controller.error);
      this.dispatchEvent(new VitrineDataErrorEvent(controller.error));
      return;
    }
    clearWarning(this);
    this.dispatchEvent(new VitrineDataLoadEvent(this.chips().map((chip) => ({ ...chip }))));
  }

  /** The chips of the source's filters now. */
  private chips(): Chip[] {
    const source = this.binding.source;
    if (!source) return [];
    const meta = this.data.status === 'data' ? this.data.value : undefined;
    const format = { tag: this.locale.tag, locale: this.locale.locale };
    return chipsOf(source.selections, source.search, meta, format, this.pageLabels());
  }

  /** The labels the page gives fields on the filters of the same source (`label="État"`): chips use them too. */
  private pageLabels(): Map<string, string> {
    const labels = new Map<string, string>();
    const source = this.binding.source;
    for (const filter of document.querySelectorAll<HTMLElement & { source?: string }>('vitrine-filter')) {
      const field = filter.getAttribute('field')?.trim();
      const label = filter.getAttribute('label')?.trim();
      if (!field || !label || labels.has(field)) continue;
      if (findSource(filter, filter.getAttribute('source') ?? '') === source) labels.set(field, label);
    }
    return labels;
  }

  // ——— Handlers ————————————————————————————————————————————————————————————

  private onRemove(chip: Chip, index: number): void {
    const source = this.binding.source;
    if (!source) return;
    const options = { origin: this };
    if ('search' in chip.remove) source.setSearch('', options);
    else if (chip.remove.value !== undefined) source.toggleValue(chip.remove.field, chip.remove.value, options);
    else source.setSelection(chip.remove.field, null, options);
    this.pendingFocus = index;
    this.requestUpdate();
  }

  private onClear(): void {
    this.binding.source?.clearSelections({ origin: this });
    this.pendingFocus = -1;
    this.requestUpdate();
  }

  // ——— Render ————————————————————————————————————————————————————————————

  protected override render() {
    const t = this.locale.locale;
    if (this.bindingError) {
      return html`<div part="base" class="base" aria-busy="false">
        <div part="error" class="state">${errorMessage(this.bindingError, this.locale.tag)}</div>
      </div>`;
    }
    const chips = this.chips();
    const titleId = `${this.idPrefix}-title`;
    // Labels load once per dataset; until then (or if they cannot), chips name the fields.
    const busy = this.data.status === 'loading' && this.binding.source !== undefined;
    return html`<div
      part="base"
      class="base"
      role="region"
      aria-labelledby=${titleId}
      aria-busy=${busy ? 'true' : 'false'}
    >
      <span part="title" class="title" id=${titleId}>${this.label.trim() || translate(t, 'filters.title')}</span>
      ${
        chips.length === 0
          ? html`<span part="empty" class="empty" tabindex="-1">${translate(t, 'filters.none')}</span>`
          : html`<ul part="list" class="list">
                ${repeat(
                  chips,
                  (chip) => chip.key,
                  (chip, i) => {
                    const name = translate(t, 'filters.name', { label: chip.label, value: chip.value });
                    return html`<li part="chip" class="chip">
                      <span class="text"
                        >${translate(t, 'filters.chip', { label: chip.label, value: chip.value })}</span
                      >
                      <button
                        part="remove"
                        class="remove"
                        aria-label=${translate(t, 'filters.remove', { filter: name })}
                        @click=${() => this.onRemove(chip, i)}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>`;
                  },
                )}
              </ul>
              <button part="clear" class="clear" @click=${this.onClear}>${translate(t, 'filters.clear')}</button>`
      }
    </div>`;
  }
}
