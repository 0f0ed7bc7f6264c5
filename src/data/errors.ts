/**
 * Typed errors of the data layer.
 *
 * Every failure a widget can meet — a wrong address, an unknown field, a portal that refuses or does
 * not answer — is a {@link VitrineDataError} with a `kind` and the details needed to say what to do,
 * in French or in English ({@link VitrineDataError.localizedMessage}). `message` is the English text,
 * so a console warning is readable as is.
 *
 * The texts are in src/format/messages-errors.ts. The CDN build loads them the first time an error is
 * shown: until {@link loadErrorTexts} has settled, a message names only the error kind (and the attribute).
 */
import { errorTexts, loadErrorTexts } from '../format/error-texts.js';
import { resolveLocale } from '../format/locale.js';
import { type MessageKey, translateDynamic } from '../format/messages.js';

/** What went wrong. */
export type DataErrorKind =
  /** The portal does not know the dataset (HTTP 404/410). */
  | 'not-found'
  /** The portal rejected the query (HTTP 400); `portalMessage` carries its own words. */
  | 'bad-query'
  /** Private or restricted data (HTTP 401/403). */
  | 'unauthorized'
  /** Too many requests (HTTP 429); `retryAfter` says how long to wait when the portal said so. */
  | 'rate-limited'
  /** The portal could not be reached (DNS, refused or dropped connection, CORS). */
  | 'network'
  /** The portal answered with a server error (HTTP 5xx) on every attempt. */
  | 'unavailable'
  /** No answer within the time allowed (or HTTP 408). */
  | 'timeout'
  /** The answer is not the JSON expected (HTML page, truncated body, wrong structure). */
  | 'malformed'
  /** An attribute names a field the dataset does not have. */
  | 'unknown-field'
  /** An attribute's value cannot be understood. */
  | 'bad-attribute'
  /** `src` is not an address Vitrine can read a dataset from. */
  | 'unsupported-url';

/** A translatable fragment: a message key and its values. */
export interface Reason {
  key: MessageKey;
  params?: Readonly<Record<string, string | number>>;
}

/** What is known about a failure. Every field is optional; messages use what is there. */
export interface DataErrorDetails {
  /** The request URL. */
  url?: string;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** The portal's own error text (400 bodies, 429 bodies). */
  portalMessage?: string;
  /** The portal's error code (`ODSQLError`, `InvalidRESTParameterError`, `10002`…). */
  portalCode?: string;
  /** The dataset identifier. */
  dataset?: string;
  /** The attribute the problem comes from (`src`, `value`, `filter`, `where`…). */
  attribute?: string;
  /** The attribute's value as written. */
  value?: string;
  /** The unknown or misused field. */
  field?: string;
  /** The fields the dataset does have (unknown-field). */
  fields?: readonly string[];
  /** The nearest known field name (unknown-field). */
  suggestion?: string;
  /** Why the value is not understood (bad-attribute, unsupported-url, malformed). */
  reason?: Reason;
  /** An accepted form of the attribute. */
  example?: string;
  /** Seconds to wait before trying again (rate-limited). */
  retryAfter?: number;
  /** When the quota resets, ISO 8601 (rate-limited). */
  resetTime?: string;
  /** The timeout that expired, in ms. */
  timeout?: number;
  /** How many attempts were made. */
  attempts?: number;
}

/** Error kinds worth trying again later without changing the page. */
const RETRYABLE: ReadonlySet<DataErrorKind> = new Set(['network', 'unavailable', 'timeout', 'rate-limited']);

/** A failure of the data layer, with a kind, details, and messages in French and English. */
export class VitrineDataError extends Error {
  override readonly name = 'VitrineDataError';
  readonly kind: DataErrorKind;
  readonly details: Readonly<DataErrorDetails>;

  constructor(kind: DataErrorKind, details: DataErrorDetails = {}, options?: { cause?: unknown }) {
    // Without the texts yet (CDN build), `message` is read from the prototype, once they are there.
    super(errorTexts()?.describeError(kind, details, 'en', translateDynamic), options);
    this.kind = kind;
    this.details = Object.freeze({ ...details });
  }

  /** The message in `locale` (a language tag: French, English, or a language loaded on first use once its texts are there; else English). */
  localizedMessage(locale: string): string {
    const texts = errorTexts();
    if (texts) return texts.describeError(this.kind, this.details, resolveLocale(locale), translateDynamic);
    void loadErrorTexts();
    return this.details.attribute === undefined ? this.kind : `${this.kind} (${this.details.attribute})`;
  }

  /**
   * Whether trying again later may succeed without changing the page (network, timeout, 5xx, 429, and
   * an HTML page where data was expected: often a portal's maintenance page): a widget shows a retry
   * button for these, and a short message for the others.
   */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind) || (this.kind === 'malformed' && this.details.reason?.key === 'reason.html');
  }

  /** A copy with more details (e.g. the dataset and attribute, added by a layer that knows them). */
  withDetails(more: DataErrorDetails): VitrineDataError {
    return new VitrineDataError(this.kind, { ...this.details, ...more }, { cause: this.cause });
  }
}

// The English message of an error made before the texts were loaded, as it reads now; it can be set.
Object.defineProperty(VitrineDataError.prototype, 'message', {
  configurable: true,
  get(this: VitrineDataError): string {
    return this.localizedMessage('en');
  },
  set(this: VitrineDataError, value: string) {
    Object.defineProperty(this, 'message', { value, writable: true, configurable: true });
  },
});

/** Whether `error` is a {@link VitrineDataError} (of one of `kinds`, when given). */
export function isVitrineDataError(error: unknown, ...kinds: DataErrorKind[]): error is VitrineDataError {
  // Duck-typed too: a page that loads two copies of Vitrine has two VitrineDataError classes.
  const ok =
    error instanceof VitrineDataError ||
    (error instanceof Error &&
      error.name === 'VitrineDataError' &&
      typeof (error as { kind?: unknown }).kind === 'string');
  return ok && (kinds.length === 0 || kinds.includes((error as VitrineDataError).kind));
}

/** Whether `error` is the rejection of an aborted signal (not a failure to show). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The error kind for an HTTP error status. */
export function statusKind(status: number): DataErrorKind {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'unavailable';
  return 'bad-query';
}
