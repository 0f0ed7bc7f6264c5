import { html, nothing } from 'lit';
import { isVitrineDataError } from '../../data/errors.js';
import { resolveIntlLocale } from '../../format/locale.js';
import { translate } from '../../format/messages.js';
import { errorMessage } from '../../controllers/report.js';
import type { LocaleController } from '../../controllers/locale-controller.js';

/**
 * What every element shows in place of its widget when something is wrong: the message in the page's
 * language and, when trying again may help (network, portal trouble), a retry button. Wrap it in the
 * element's own `part="error"` box.
 */
export function errorContent(error: Error | undefined, locale: LocaleController, onRetry: () => void) {
  return html`<span>${error ? errorMessage(error, locale.tag) : ''}</span> ${
      error && isVitrineDataError(error) && error.retryable
        ? html`<button part="retry" class="retry" @click=${onRetry}>${translate(locale.locale, 'ui.retry')}</button>`
        : nothing
    }`;
}

/**
 * The note shown with the last data when a refresh failed: when that data arrived, and a retry button.
 * Wrap it in the element's own `part="stale"` box.
 */
export function staleContent(data: { updatedAt: Date | undefined }, locale: LocaleController, onRetry: () => void) {
  // An instant, in the reader's zone, short (what formatDate of format/date.ts writes, without loading it).
  const time = data.updatedAt
    ? new Intl.DateTimeFormat(resolveIntlLocale(locale.tag), { dateStyle: 'short', timeStyle: 'short' }).format(
        data.updatedAt,
      )
    : '';
  return html`<span>${translate(locale.locale, 'ui.stale', { time })}</span>
    <button part="retry" class="retry" @click=${onRetry}>${translate(locale.locale, 'ui.retry')}</button>`;
}
