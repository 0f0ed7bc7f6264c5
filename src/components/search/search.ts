import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { translate } from '../../format/messages-filters.js';
import { FilterBinding } from '../../controllers/filter-binding.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SourcePendingError } from '../../controllers/source-binding.js';
import { clearWarning, errorMessage, warnOnce } from '../../controllers/report.js';
import { VitrineDataErrorEvent } from '../../events/data-events.js';
import { hostStyles, stateStyles } from '../../styles/host.js';
import { searchStyles } from './search.styles.js';

let instances = 0;

/**
 * A full-text search box on a `vitrine-source`: every element bound to the source shows the records
 * that contain the words. The search runs a moment after typing stops (`delay`), at once on Enter;
 * the clear button (or Escape) removes it.
 *
 * @summary Full-text search on a source.
 * @tagname vitrine-search
 * @csspart base - The search box's frame (a search landmark).
 * @csspart label - The label above the input.
 * @csspart input - The text input.
 * @csspart clear - The button that clears the search.
 * @csspart error - The message shown in place of the box when something is wrong.
 * @cssprop [--vitrine-search-min-height=4.5rem] - Height kept before the code arrives.
 * @cssprop [--vitrine-search-width=100%] - Width of the input.
 * @cssprop --vitrine-font-family - Font of the element (global token; default: the page's).
 * @cssprop [--vitrine-font-size=1rem] - Base text size (global token).
 * @cssprop --vitrine-color-text - Text colour (global token; default: the page's).
 * @cssprop --vitrine-color-muted - Secondary text: counts, notes, loading messages (global token; default: the text colour, lighter).
 * @cssprop [--vitrine-color-error=#ce0500] - Error messages (global token).
 * @cssprop [--vitrine-color-focus=#0a76f6] - The focus ring (global token).
 * @cssprop [--vitrine-focus-width=2px] - Width of the focus ring (global token).
 * @cssprop --vitrine-color-skeleton - Placeholders while loading (global token; default: the text colour at 12 %).
 * @cssprop [--vitrine-color-background=Canvas] - Background of sticky headers, inputs and exported images (global token).
 * @cssprop --vitrine-color-border - Lines between rows, input borders (global token; default: the text colour at 20 %).
 * @fires {VitrineFilterChangeEvent} vitrine-filter-change - A person searched (or cleared the search).
 * @fires {VitrineDataErrorEvent} vitrine-data-error - The box cannot work (no source); `error.message` says why.
 */
export class VitrineSearch extends LitElement {
  static override styles = [hostStyles, stateStyles, searchStyles];

  /** Reactive properties and their attributes (each documented where it is declared, below). */
  static override properties = {
    source: {},
    label: {},
    placeholder: {},
    delay: { type: Number },
    text: { state: true },
  };

  private readonly locale = new LocaleController(this);
  private readonly binding = new FilterBinding(this);

  /** What the input holds. */
  private text = '';
  /** The source's search when last seen (a change by anything else shows in the input). */
  private seen = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A typing session has already added its history entry. */
  private typing = false;
  private error: Error | undefined;
  private readonly idPrefix = `vitrine-search-${(instances += 1)}`;

  /** The id of the `vitrine-source` to search (or put the box inside one). */
  source = '';

  /** The label above the input. Default: "Search" in the page's language. */
  label = '';

  /** A hint inside the empty input, e.g. `Name, city…`. */
  placeholder = '';

  /** Milliseconds after the last key press before the search runs (default 300). */
  delay = 300;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.binding.rebind();
    let failure: Error | undefined;
    try {
      const current = this.binding.require().search;
      // Cleared or restored elsewhere ("clear all", back and forward): shown here, unless a person is typing.
      if (current !== this.seen && this.timer === undefined) this.text = current;
      this.seen = current;
    } catch (error) {
      if (!(error instanceof SourcePendingError)) failure = error as Error;
    }
    if (failure?.message !== this.error?.message) {
      this.error = failure;
      if (failure) {
        warnOnce(this, failure);
        this.dispatchEvent(new VitrineDataErrorEvent(failure));
      } else clearWarning(this);
    }
  }

  // ——— Handlers ————————————————————————————————————————————————————————————

  private onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.cancel();
    const delay = Number.isFinite(this.delay) && this.delay >= 0 ? this.delay : 300;
    this.timer = setTimeout(() => this.apply('typing'), delay);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.apply();
    }
  }

  private onClear(): void {
    this.text = '';
    this.apply();
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  /**
   * Searches now (what the input holds). While the person types, the first pause adds a history entry
   * and the next ones update it; Enter and the clear button start a new one.
   */
  private apply(how: 'typing' | 'now' = 'now'): void {
    this.cancel();
    const source = this.binding.source;
    if (!source) return;
    const history = how === 'typing' && this.typing ? 'replace' : 'push';
    this.typing = how === 'typing';
    source.setSearch(this.text, { origin: this, history });
    this.seen = source.search;
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // ——— Render ————————————————————————————————————————————————————————————

  protected override render() {
    const t = this.locale.locale;
    if (this.error) {
      return html`<div part="base" class="base" aria-busy="false">
        <div part="error" class="state">
          <span>${errorMessage(this.error, this.locale.tag)}</span>
        </div>
      </div>`;
    }
    const id = `${this.idPrefix}-input`;
    const label = this.label.trim() || translate(t, 'search.label');
    return html`<div part="base" class="base" role="search" aria-label=${label} aria-busy="false">
      <label part="label" class="label" for=${id}>${label}</label>
      <div class="field">
        <input
          part="input"
          id=${id}
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          placeholder=${this.placeholder || nothing}
          .value=${live(this.text)}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
        ${
          this.text
            ? html`<button part="clear" class="clear" aria-label=${translate(t, 'search.clear')} @click=${this.onClear}>
                <span aria-hidden="true">×</span>
              </button>`
            : nothing
        }
      </div>
    </div>`;
  }
}
