/**
 * The texts of the errors a webmaster can act on (one per `VitrineDataError` kind, see src/data/errors.ts)
 * and of the reasons inserted into them, in French and English, with the same conventions as messages.ts;
 * and how an error's details fill them in ({@link describeError}).
 *
 * They are apart from the other messages because a working page never shows them: the CDN build loads
 * this module the first time an error is shown (see error-texts.ts); the npm build imports it at once.
 * @module
 */
import type { DataErrorDetails, DataErrorKind } from '../data/errors.js';
import type { Locale } from './locale.js';

const en = {
  // Errors a webmaster can act on, one per `VitrineDataError` kind.
  'error.not-found':
    'The portal does not know dataset "{dataset}": check the {attribute} attribute (the dataset identifier is what follows /explore/dataset/ in the address of its page).',
  'error.bad-query': 'The portal rejected the query: "{message}". Check the {attribute} attribute.',
  'error.bad-query.generic':
    'The portal rejected the query: "{message}". Check the value, where and filter attributes.',
  'error.unauthorized':
    'The portal refuses access to dataset "{dataset}" (HTTP {status}): it is private or restricted. Make it public on the portal, or ask the portal administrator.',
  'error.rate-limited':
    'The portal {host} has received too many requests and asks to wait. Vitrine will try again later; if this happens often, lower the refresh rate or ask the portal administrator about the quota.',
  'error.rate-limited.until':
    'The portal {host} has received too many requests and asks to wait until {time}. If this happens often, lower the refresh rate or ask the portal administrator about the quota.',
  'error.network':
    'The portal {host} could not be reached. Check the address in the {attribute} attribute, the connection, and that the portal accepts requests from other sites (CORS).',
  'error.unavailable':
    'The portal {host} is having trouble (HTTP {status}) and still failed after {attempts} attempts. Your page is not at fault: try again later.',
  'error.timeout':
    'The portal {host} did not answer within {seconds} seconds. Try again later; if it keeps happening, filter the data to make the query lighter.',
  'error.malformed':
    'The answer from {host} could not be read as data ({reason}). Check that the {attribute} attribute points to a dataset of an Opendatasoft portal.',
  'error.unknown-field': 'Unknown field "{field}" in the {attribute} attribute. Fields of {dataset} are: {fields}.',
  'error.unknown-field.suggest':
    'Unknown field "{field}" in the {attribute} attribute: did you mean "{suggestion}"? Fields of {dataset} are: {fields}.',
  'error.bad-attribute': 'The {attribute} attribute "{value}" is not understood: {reason}. Example: {example}',
  'error.unsupported-url':
    'The {attribute} attribute "{url}" is not a dataset address Vitrine recognises: {reason}. Paste the address of the dataset page, e.g. {example} (its API address works too).',

  // Reasons, inserted into the messages above as {reason}.
  'reason.empty': 'the attribute is empty',
  'reason.not-a-url': 'it is not a web address',
  'reason.scheme': 'only http and https addresses are accepted',
  'reason.catalog': 'this is the catalogue, not a dataset (open a dataset and copy the address of its page)',
  'reason.custom-page': 'this is a page of the portal, not a dataset',
  'reason.portal-kind': 'portals of kind "{kind}" are not supported yet (supported: {supported})',
  'reason.unknown-address': 'no dataset identifier found in it',
  'reason.missing-dataset-param': 'the dataset parameter is missing',
  'reason.bad-dataset-id': '"{id}" is not a valid dataset identifier',
  'reason.filter-field': 'a field name is expected at "{text}"',
  'reason.filter-operator': 'an operator (=, !=, <, <=, >, >=, ~, ^=, is empty) is expected after "{field}"',
  'reason.filter-value': 'a value is expected after "{field} {operator}"',
  'reason.filter-quote': 'a quote opened at "{text}" is never closed',
  'reason.filter-trailing': 'unexpected text "{text}" after a value (quote values that contain spaces or ;)',
  'reason.filter-range': '"{value}" is not a range such as 1000..5000',
  'reason.expected-number': '"{value}" is not a number',
  'reason.expected-number-or-date': '"{value}" is neither a number nor a date (YYYY, YYYY-MM or YYYY-MM-DD)',
  'reason.expected-date': '"{value}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm)',
  'reason.expected-boolean': '"{value}" is not true or false',
  'reason.measure-syntax': 'an aggregate such as count(*) or sum(field) is expected',
  'reason.measure-op': '"{op}" is not an aggregate (use count, sum, avg, min, max, median or count_distinct)',
  'reason.measure-needs-field': '{op} needs a field, e.g. {op}(population)',
  'reason.measure-numeric': '{op} needs a numeric field, and "{field}" is of type {type}',
  'reason.measure-orderable': '{op} needs a number or a date field, and "{field}" is of type {type}',
  'reason.time-unit': '"{unit}" is not a time unit (use year, quarter, month, week, day or hour)',
  'reason.date-field': '"{field}" is not a date field (it is of type {type})',
  'reason.geo-field': '"{field}" is not a geographic point field (it is of type {type})',
  'reason.limit': 'the number must be a whole number between {min} and {max}',
  'reason.offset': 'offset + limit must not exceed {max}',
  'reason.sort-key': '"{key}" is neither a field nor a computed value of this query',
  'reason.others': 'an "others" group needs exactly one grouping field and a limit',
  'reason.field-name': '"{field}" is not a valid field name',
  'reason.not-json': 'it is not JSON',
  'reason.html': 'an HTML page was received instead',
  'reason.truncated': 'it was cut short',
  'reason.shape': 'its structure is not the expected one',
  'reason.no-source': 'there is no vitrine-source element with id "{id}" on the page',
  'reason.compare': 'use previous, previous-year, or give compare-filter or compare-where',
  'reason.compare-date': 'a comparison with the previous period needs a date condition in filter, e.g. date = 2024',
  'reason.number-format': '{detail}',
} as const;

const NBSP = '\u00a0';

/** French typography: no-break space inside « » and before : ; ? ! */
const fr: Record<ErrorMessageKey, string> = {
  'error.not-found': `Le portail ne connaît pas le jeu de données «${NBSP}{dataset}${NBSP}»${NBSP}: vérifiez l’attribut {attribute} (l’identifiant du jeu de données est ce qui suit /explore/dataset/ dans l’adresse de sa page).`,
  'error.bad-query': `Le portail a refusé la requête${NBSP}: «${NBSP}{message}${NBSP}». Vérifiez l’attribut {attribute}.`,
  'error.bad-query.generic': `Le portail a refusé la requête${NBSP}: «${NBSP}{message}${NBSP}». Vérifiez les attributs value, where et filter.`,
  'error.unauthorized': `Le portail refuse l’accès au jeu de données «${NBSP}{dataset}${NBSP}» (HTTP {status})${NBSP}: il est privé ou restreint. Rendez-le public sur le portail, ou demandez à l’administrateur du portail.`,
  'error.rate-limited': `Le portail {host} a reçu trop de requêtes et demande d’attendre. Vitrine réessaiera plus tard${NBSP}; si cela se répète, espacez les actualisations ou interrogez l’administrateur du portail sur son quota.`,
  'error.rate-limited.until': `Le portail {host} a reçu trop de requêtes et demande d’attendre jusqu’à {time}. Si cela se répète, espacez les actualisations ou interrogez l’administrateur du portail sur son quota.`,
  'error.network': `Le portail {host} est injoignable. Vérifiez l’adresse dans l’attribut {attribute}, la connexion, et que le portail accepte les requêtes d’autres sites (CORS).`,
  'error.unavailable': `Le portail {host} rencontre un problème (HTTP {status}) et échoue encore après {attempts}${NBSP}tentatives. Votre page n’est pas en cause${NBSP}: réessayez plus tard.`,
  'error.timeout': `Le portail {host} n’a pas répondu en {seconds}${NBSP}secondes. Réessayez plus tard${NBSP}; si cela se répète, filtrez les données pour alléger la requête.`,
  'error.malformed': `La réponse de {host} n’a pas pu être lue comme des données ({reason}). Vérifiez que l’attribut {attribute} désigne un jeu de données d’un portail Opendatasoft.`,
  'error.unknown-field': `Champ inconnu «${NBSP}{field}${NBSP}» dans l’attribut {attribute}. Les champs de {dataset} sont${NBSP}: {fields}.`,
  'error.unknown-field.suggest': `Champ inconnu «${NBSP}{field}${NBSP}» dans l’attribut {attribute}${NBSP}: vouliez-vous dire «${NBSP}{suggestion}${NBSP}»${NBSP}? Les champs de {dataset} sont${NBSP}: {fields}.`,
  'error.bad-attribute': `L’attribut {attribute} «${NBSP}{value}${NBSP}» n’est pas compris${NBSP}: {reason}. Exemple${NBSP}: {example}`,
  'error.unsupported-url': `L’attribut {attribute} «${NBSP}{url}${NBSP}» n’est pas une adresse de jeu de données reconnue par Vitrine${NBSP}: {reason}. Collez l’adresse de la page du jeu de données, par exemple {example} (son adresse d’API convient aussi).`,

  'reason.empty': 'l’attribut est vide',
  'reason.not-a-url': 'ce n’est pas une adresse web',
  'reason.scheme': 'seules les adresses http et https sont acceptées',
  'reason.catalog':
    'c’est le catalogue, pas un jeu de données (ouvrez un jeu de données et copiez l’adresse de sa page)',
  'reason.custom-page': 'c’est une page du portail, pas un jeu de données',
  'reason.portal-kind': `les portails de type «${NBSP}{kind}${NBSP}» ne sont pas encore pris en charge (pris en charge${NBSP}: {supported})`,
  'reason.unknown-address': 'aucun identifiant de jeu de données n’y figure',
  'reason.missing-dataset-param': 'le paramètre dataset manque',
  'reason.bad-dataset-id': `«${NBSP}{id}${NBSP}» n’est pas un identifiant de jeu de données valide`,
  'reason.filter-field': `un nom de champ est attendu à «${NBSP}{text}${NBSP}»`,
  'reason.filter-operator': `un opérateur (=, !=, <, <=, >, >=, ~, ^=, is empty) est attendu après «${NBSP}{field}${NBSP}»`,
  'reason.filter-value': `une valeur est attendue après «${NBSP}{field} {operator}${NBSP}»`,
  'reason.filter-quote': `un guillemet ouvert à «${NBSP}{text}${NBSP}» n’est jamais fermé`,
  'reason.filter-trailing': `texte inattendu «${NBSP}{text}${NBSP}» après une valeur (mettez entre guillemets les valeurs qui contiennent des espaces ou des ;)`,
  'reason.filter-range': `«${NBSP}{value}${NBSP}» n’est pas un intervalle comme 1000..5000`,
  'reason.expected-number': `«${NBSP}{value}${NBSP}» n’est pas un nombre`,
  'reason.expected-number-or-date': `«${NBSP}{value}${NBSP}» n’est ni un nombre ni une date (AAAA, AAAA-MM ou AAAA-MM-JJ)`,
  'reason.expected-date': `«${NBSP}{value}${NBSP}» n’est pas une date (AAAA, AAAA-MM, AAAA-MM-JJ ou AAAA-MM-JJThh:mm)`,
  'reason.expected-boolean': `«${NBSP}{value}${NBSP}» ne vaut ni true ni false`,
  'reason.measure-syntax': 'un agrégat comme count(*) ou sum(champ) est attendu',
  'reason.measure-op': `«${NBSP}{op}${NBSP}» n’est pas un agrégat (utilisez count, sum, avg, min, max, median ou count_distinct)`,
  'reason.measure-needs-field': '{op} demande un champ, par exemple {op}(population)',
  'reason.measure-numeric': `{op} demande un champ numérique, or «${NBSP}{field}${NBSP}» est de type {type}`,
  'reason.measure-orderable': `{op} demande un champ numérique ou date, or «${NBSP}{field}${NBSP}» est de type {type}`,
  'reason.time-unit': `«${NBSP}{unit}${NBSP}» n’est pas une unité de temps (utilisez year, quarter, month, week, day ou hour)`,
  'reason.date-field': `«${NBSP}{field}${NBSP}» n’est pas un champ date (il est de type {type})`,
  'reason.geo-field': `«${NBSP}{field}${NBSP}» n’est pas un champ de points géographiques (il est de type {type})`,
  'reason.limit': 'le nombre doit être un entier entre {min} et {max}',
  'reason.offset': 'offset + limit ne doit pas dépasser {max}',
  'reason.sort-key': `«${NBSP}{key}${NBSP}» n’est ni un champ ni une valeur calculée par cette requête`,
  'reason.others': `un groupe «${NBSP}autres${NBSP}» demande exactement un champ de regroupement et une limite`,
  'reason.field-name': `«${NBSP}{field}${NBSP}» n’est pas un nom de champ valide`,
  'reason.not-json': 'ce n’est pas du JSON',
  'reason.html': 'une page HTML a été reçue à la place',
  'reason.truncated': 'elle est tronquée',
  'reason.shape': 'sa structure n’est pas celle attendue',
  'reason.no-source': 'il n’y a pas d’élément vitrine-source d’identifiant "{id}" sur la page',
  'reason.compare': 'utilisez previous, previous-year, ou indiquez compare-filter ou compare-where',
  'reason.compare-date': `la comparaison avec la période précédente demande une condition de date dans filter, par exemple date = 2024`,
  'reason.number-format': '{detail}',
};

/** The key of an error or reason text. */
export type ErrorMessageKey = keyof typeof en;

/** The English table: the reference for keys and placeholders. */
export type ErrorMessages = typeof en;

/** The tables, by language. */
export const ERROR_MESSAGES: { readonly en: ErrorMessages; readonly fr: Readonly<Record<ErrorMessageKey, string>> } = {
  en,
  fr,
};

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

/**
 * The message of an error of `kind` with `details` in `locale`, written with `t` (the `translateDynamic`
 * of messages.ts, given by src/data/errors.ts: a reason may be a key of either table).
 */
export function describeError(
  kind: DataErrorKind,
  d: DataErrorDetails,
  locale: Locale,
  t: (locale: Locale, key: string, params?: Readonly<Record<string, unknown>>) => string,
): string {
  const reason = d.reason === undefined ? '' : t(locale, d.reason.key, d.reason.params);
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
      return t(locale, 'error.not-found', common);
    case 'bad-query':
      return t(locale, d.attribute === undefined ? 'error.bad-query.generic' : 'error.bad-query', {
        ...common,
        message: d.portalMessage ?? `HTTP ${String(d.status ?? '?')}`,
      });
    case 'unauthorized':
      return t(locale, 'error.unauthorized', common);
    case 'rate-limited': {
      if (d.resetTime !== undefined) {
        const time = new Date(d.resetTime);
        if (!Number.isNaN(time.getTime())) {
          const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
          return t(locale, 'error.rate-limited.until', { ...common, time: text });
        }
      }
      return t(locale, 'error.rate-limited', common);
    }
    case 'network':
      return t(locale, 'error.network', common);
    case 'unavailable':
      return t(locale, 'error.unavailable', { ...common, attempts: d.attempts ?? 1 });
    case 'timeout':
      return t(locale, 'error.timeout', {
        ...common,
        seconds: Math.round((d.timeout ?? 15_000) / 100) / 10,
      });
    case 'malformed':
      return t(locale, 'error.malformed', {
        ...common,
        reason: reason === '' ? t(locale, 'reason.shape') : reason,
      });
    case 'unknown-field':
      return t(locale, d.suggestion === undefined ? 'error.unknown-field' : 'error.unknown-field.suggest', {
        ...common,
        field: d.field ?? '?',
        suggestion: d.suggestion,
        fields: (d.fields ?? []).join(', '),
      });
    case 'bad-attribute':
      return t(locale, 'error.bad-attribute', {
        ...common,
        value: d.value ?? '',
        example: d.example ?? '',
      });
    case 'unsupported-url':
      return t(locale, 'error.unsupported-url', {
        ...common,
        url: d.value ?? d.url ?? '',
        example: d.example ?? URL_EXAMPLE,
      });
  }
}
