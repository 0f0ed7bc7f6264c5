/**
 * Typed errors of the data layer.
 *
 * Every failure a widget can meet — a wrong address, an unknown field, a portal that refuses or does
 * not answer — is a {@link VitrineDataError} with a `kind` and the details needed to say what to do,
 * in French or in English ({@link VitrineDataError.localizedMessage}). `message` is the English text,
 * so a console warning is readable as is.
 */
import { type Locale, resolveLocale } from '../format/locale.js';
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

const DEFAULT_ATTRIBUTE = 'src';
const URL_EXAMPLE = 'https://data.example.fr/explore/dataset/my-dataset/';

function hostOf(url: string | undefined): string {
  if (url === undefined) return '?';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function localized(kind: DataErrorKind, d: DataErrorDetails, locale: Locale): string {
  const reason = d.reason === undefined ? '' : translateDynamic(locale, d.reason.key, d.reason.params);
  const host = hostOf(d.url);
  const common = {
    host,
    dataset: d.dataset ?? '?',
    attribute: d.attribute ?? DEFAULT_ATTRIBUTE,
    status: d.status ?? '?',
    reason,
  };
  switch (kind) {
    case 'not-found':
      return translateDynamic(locale, 'error.not-found', common);
    case 'bad-query':
      return translateDynamic(locale, d.attribute === undefined ? 'error.bad-query.generic' : 'error.bad-query', {
        ...common,
        message: d.portalMessage ?? `HTTP ${String(d.status ?? '?')}`,
      });
    case 'unauthorized':
      return translateDynamic(locale, 'error.unauthorized', common);
    case 'rate-limited': {
      if (d.resetTime !== undefined) {
        const time = new Date(d.resetTime);
        if (!Number.isNaN(time.getTime())) {
          const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
          return translateDynamic(locale, 'error.rate-limited.until', { ...common, time: text });
        }
      }
      return translateDynamic(locale, 'error.rate-limited', common);
    }
    case 'network':
      return translateDynamic(locale, 'error.network', common);
    case 'unavailable':
      return translateDynamic(locale, 'error.unavailable', { ...common, attempts: d.attempts ?? 1 });
    case 'timeout':
      return translateDynamic(locale, 'error.timeout', {
        ...common,
        seconds: Math.round((d.timeout ?? 15_000) / 100) / 10,
      });
    case 'malformed':
      return translateDynamic(locale, 'error.malformed', {
        ...common,
        reason: reason === '' ? translateDynamic(locale, 'reason.shape') : reason,
      });
    case 'unknown-field':
      return translateDynamic(
        locale,
        d.suggestion === undefined ? 'error.unknown-field' : 'error.unknown-field.suggest',
        {
          ...common,
          field: d.field ?? '?',
          suggestion: d.suggestion,
          fields: (d.fields ?? []).join(', '),
        },
      );
    case 'bad-attribute':
      return translateDynamic(locale, 'error.bad-attribute', {
        ...common,
        value: d.value ?? '',
        example: d.example ?? '',
      });
    case 'unsupported-url':
      return translateDynamic(locale, 'error.unsupported-url', {
        ...common,
        url: d.value ?? d.url ?? '',
        example: d.example ?? URL_EXAMPLE,
      });
  }
}

/** Error kinds worth trying again later without changing the page. */
const RETRYABLE: ReadonlySet<DataErrorKind> = new Set(['network', 'unavailable', 'timeout', 'rate-limited']);

/** A failure of the data layer, with a kind, details, and messages in French and English. */
export class VitrineDataError extends Error {
  override readonly name = 'VitrineDataError';
  readonly kind: DataErrorKind;
  readonly details: Readonly<DataErrorDetails>;

  constructor(kind: DataErrorKind, details: DataErrorDetails = {}, options?: { cause?: unknown }) {
    super(localized(kind, details, 'en'), options);
    this.kind = kind;
    this.details = Object.freeze({ ...details });
  }

  /** The message in `locale` (a language tag; French and English are shipped, others fall back to English). */
  localizedMessage(locale: string): string {
    return localized(this.kind, this.details, resolveLocale(locale));
  }

  /**
   * Whether trying again later may succeed without changing the page (network, timeout, 5xx, 429):
   * a widget shows a retry button for these, and a short message for the others.
   */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** A copy with more details (e.g. the dataset and attribute, added by a layer that knows them). */
  withDetails(more: DataErrorDetails): VitrineDataError {
    return new VitrineDataError(this.kind, { ...this.details, ...more }, { cause: this.cause });
  }
}

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
