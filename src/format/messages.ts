/**
 * Translation tables (French and English) for every string Vitrine shows a person.
 *
 * Messages are plain text with `{name}` placeholders: the result is meant for `textContent`, a `title`
 * or a console warning, never for `innerHTML` (interpolated values come from attributes and datasets).
 * The English table is the reference: its keys and placeholders type every call to {@link translate}.
 */
import { type Locale, resolveLocale } from './locale.js';

const en = {
  // Errors a webmaster can act on, one per `VitrineDataError` kind (see src/data/errors.ts).
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
    '"{url}" is not a dataset address Vitrine recognises: {reason}. Paste the address of the dataset page, e.g. {example} (its API address works too).',

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

  // Words the components show.
  'ui.loading': 'Loading…',
  'ui.retry': 'Retry',
  'ui.no-data': 'No data',
  'ui.others': 'Others',
  'ui.empty-value': 'no value',
  'ui.stale': 'Data from {time}: the portal is not answering.',
  'reason.no-source': 'there is no vitrine-source element with id "{id}" on the page',
  'reason.compare': 'use previous, previous-year, or give compare-filter or compare-where',
  'reason.compare-date': 'a comparison with the previous period needs a date condition in filter, e.g. date = 2024',
  'reason.number-format': '{detail}',
  'measure.count': 'Number of records',
  'measure.count_distinct': 'Distinct values of {field}',
  'measure.sum': '{field}',
  'measure.avg': 'Average {field}',
  'measure.min': 'Minimum {field}',
  'measure.max': 'Maximum {field}',
  'measure.median': 'Median {field}',
  'figure.vs': 'vs {reference}',
  'figure.up': 'up {change} compared with {reference}',
  'figure.down': 'down {change} compared with {reference}',
  'figure.same': 'unchanged compared with {reference}',
  'figure.reference.previous': 'the previous period',
  'figure.reference.previous-year': 'the same period a year earlier',
  'figure.reference.other': 'the comparison',
  'figure.announce': '{label}: {value}',
  // chart
  'chart.kind.bar': 'Bar chart',
  'chart.kind.column': 'Column chart',
  'chart.kind.line': 'Line chart',
  'chart.kind.area': 'Area chart',
  'chart.kind.pie': 'Pie chart',
  'chart.kind.donut': 'Donut chart',
  'chart.kind.scatter': 'Scatter plot',
  'chart.table.show': 'Show as table',
  'chart.table.hide': 'Hide the table',
  'chart.download': 'Download',
  'chart.download.png': 'Download the chart as a PNG image',
  'chart.download.svg': 'Download the chart as an SVG image',
  'chart.download.csv': 'Download the data shown (CSV)',
  'chart.share': '{share} of the total',
  'chart.summary.of': '{kind} of {measure} by {dimension}.',
  'chart.summary.of-color': '{kind} of {measure} by {dimension} and {color}.',
  'chart.summary.scatter': '{kind} of {y} against {x}.',
  'chart.summary.extremes': 'Highest: {maxLabel} ({max}); lowest: {minLabel} ({min}).',
  'chart.summary.series-extremes': '{series}: highest {maxLabel} ({max}), lowest {minLabel} ({min}).',
  'chart.summary.share': 'Largest share: {label}, {share} of the total ({total}).',
  'chart.summary.others': 'All others together: {value}.',
  'chart.summary.trend.up': '{subject} rose from {first} ({start}) to {last} ({end}), {change}.',
  'chart.summary.trend.down': '{subject} fell from {first} ({start}) to {last} ({end}), {change}.',
  'chart.summary.trend.flat': '{subject} was {first} in {start} and the same in {end}.',
  'chart.summary.gaps.one': '{count} period has no data.',
  'chart.summary.gaps.other': '{count} periods have no data.',
  'chart.summary.points.one': '{count} point.',
  'chart.summary.points.other': '{count} points.',
  'chart.summary.range': '{label} goes from {min} to {max}.',
  'chart.summary.truncated': 'Only the first {count} groups are shown.',
  'reason.chart-type': '"{type}" is not a chart type (use bar, column, line, area, pie, donut or scatter)',
  'reason.chart-stack': '"{value}" is not a stacking mode (use none, normal or percent)',
  'reason.chart-renderer': '"{value}" is not a renderer (use svg or canvas)',
  'reason.chart-date-format': '"{value}" is not a date style (use short or long)',
  'reason.chart-x': 'the chart needs a field to group by',
  'reason.chart-one-value': '{type} charts show a single value: give one aggregate',
  'reason.chart-series': 'several values in y cannot be combined with a color field',
  'reason.chart-color': '{type} charts are coloured by x: remove color',
  'reason.chart-size': 'only scatter plots have a size',
  'reason.spec-json': 'it is not plain JSON ({detail})',
  'reason.spec-object': 'a JSON object is expected',
  'reason.spec-data': 'the data comes from src and cannot be replaced: remove "{key}"',
  'period.quarter': 'Q{quarter} {year}',
  'period.week': 'Week of {date}',
} as const;

const NBSP = '\u00a0';

/** French typography: no-break space inside « » and before : ; ? ! */
const fr: Record<MessageKey, string> = {
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
  'error.unsupported-url': `«${NBSP}{url}${NBSP}» n’est pas une adresse de jeu de données reconnue par Vitrine${NBSP}: {reason}. Collez l’adresse de la page du jeu de données, par exemple {example} (son adresse d’API convient aussi).`,

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

  'ui.loading': 'Chargement…',
  'ui.retry': 'Réessayer',
  'ui.no-data': 'Aucune donnée',
  'ui.others': 'Autres',
  'ui.empty-value': 'sans valeur',
  'ui.stale': `Données de {time}${NBSP}: le portail ne répond pas.`,
  'reason.no-source': 'il n’y a pas d’élément vitrine-source d’identifiant "{id}" sur la page',
  'reason.compare': 'utilisez previous, previous-year, ou indiquez compare-filter ou compare-where',
  'reason.compare-date': `la comparaison avec la période précédente demande une condition de date dans filter, par exemple date = 2024`,
  'reason.number-format': '{detail}',
  'measure.count': `Nombre d’enregistrements`,
  'measure.count_distinct': 'Valeurs distinctes de {field}',
  'measure.sum': '{field}',
  'measure.avg': '{field} (moyenne)',
  'measure.min': '{field} (minimum)',
  'measure.max': '{field} (maximum)',
  'measure.median': '{field} (médiane)',
  'figure.vs': 'vs {reference}',
  'figure.up': 'en hausse de {change} par rapport à {reference}',
  'figure.down': 'en baisse de {change} par rapport à {reference}',
  'figure.same': 'stable par rapport à {reference}',
  'figure.reference.previous': 'la période précédente',
  'figure.reference.previous-year': `la même période un an plus tôt`,
  'figure.reference.other': 'la comparaison',
  'figure.announce': `{label}${NBSP}: {value}`,
  // chart
  'chart.kind.bar': 'Graphique en barres',
  'chart.kind.column': 'Graphique en colonnes',
  'chart.kind.line': 'Graphique en courbes',
  'chart.kind.area': 'Graphique en aires',
  'chart.kind.pie': 'Graphique en secteurs',
  'chart.kind.donut': 'Graphique en anneau',
  'chart.kind.scatter': 'Nuage de points',
  'chart.table.show': 'Afficher le tableau',
  'chart.table.hide': 'Masquer le tableau',
  'chart.download': 'Télécharger',
  'chart.download.png': 'Télécharger le graphique en image PNG',
  'chart.download.svg': 'Télécharger le graphique en image SVG',
  'chart.download.csv': 'Télécharger les données affichées (CSV)',
  'chart.share': '{share} du total',
  'chart.summary.of': `{kind}${NBSP}: {measure} par {dimension}.`,
  'chart.summary.of-color': `{kind}${NBSP}: {measure} par {dimension} et {color}.`,
  'chart.summary.scatter': `{kind}${NBSP}: {y} en fonction de {x}.`,
  'chart.summary.extremes': `Maximum${NBSP}: {maxLabel} ({max})${NBSP}; minimum${NBSP}: {minLabel} ({min}).`,
  'chart.summary.series-extremes': `{series}${NBSP}: maximum {maxLabel} ({max}), minimum {minLabel} ({min}).`,
  'chart.summary.share': `Plus grande part${NBSP}: {label}, {share} du total ({total}).`,
  'chart.summary.others': `Tous les autres réunis${NBSP}: {value}.`,
  'chart.summary.trend.up': `{subject}${NBSP}: en hausse, de {first} ({start}) à {last} ({end}), {change}.`,
  'chart.summary.trend.down': `{subject}${NBSP}: en baisse, de {first} ({start}) à {last} ({end}), {change}.`,
  'chart.summary.trend.flat': `{subject}${NBSP}: {first} en {start} comme en {end}.`,
  'chart.summary.gaps.one': 'Aucune donnée pour {count} période.',
  'chart.summary.gaps.other': 'Aucune donnée pour {count} périodes.',
  'chart.summary.points.one': '{count} point.',
  'chart.summary.points.other': '{count} points.',
  'chart.summary.range': '{label} va de {min} à {max}.',
  'chart.summary.truncated': 'Seuls les {count} premiers groupes sont affichés.',
  'reason.chart-type': `«${NBSP}{type}${NBSP}» n’est pas un type de graphique (utilisez bar, column, line, area, pie, donut ou scatter)`,
  'reason.chart-stack': `«${NBSP}{value}${NBSP}» n’est pas un mode d’empilement (utilisez none, normal ou percent)`,
  'reason.chart-renderer': `«${NBSP}{value}${NBSP}» n’est pas un moteur de rendu (utilisez svg ou canvas)`,
  'reason.chart-date-format': `«${NBSP}{value}${NBSP}» n’est pas un style de date (utilisez short ou long)`,
  'reason.chart-x': 'le graphique demande un champ de regroupement',
  'reason.chart-one-value': `les graphiques {type} montrent une seule valeur${NBSP}: donnez un seul agrégat`,
  'reason.chart-series': 'plusieurs valeurs dans y ne se combinent pas avec un champ color',
  'reason.chart-color': `les graphiques {type} sont colorés selon x${NBSP}: retirez color`,
  'reason.chart-size': 'seuls les nuages de points ont une taille',
  'reason.spec-json': 'ce n’est pas du JSON simple ({detail})',
  'reason.spec-object': 'un objet JSON est attendu',
  'reason.spec-data': `les données viennent de src et ne peuvent pas être remplacées${NBSP}: retirez «${NBSP}{key}${NBSP}»`,
  'period.quarter': `T{quarter}${NBSP}{year}`,
  'period.week': 'Semaine du {date}',
};

/** The key of a translated message. */
export type MessageKey = keyof typeof en;

/** Placeholder names of a message template, e.g. `'dataset' | 'attribute'`. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/** The values a message needs, keyed by placeholder name. */
export type MessageParams<K extends MessageKey> = Record<PlaceholdersOf<(typeof en)[K]>, string | number>;

/** Arguments after the key: none for a message without placeholders, else its params object. */
export type MessageArgs<K extends MessageKey> = [PlaceholdersOf<(typeof en)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** The tables, for tests and tooling. Frozen: nothing may rewrite a message at run time. */
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = Object.freeze({
  en: Object.freeze({ ...en }),
  fr: Object.freeze({ ...fr }),
});

/**
 * Replaces `{name}` placeholders by the matching values. Unknown placeholders stay as written, so a
 * missing value shows rather than silently vanishing. The result is text, not HTML.
 */
export function interpolate(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * The message `key` in `locale` (a supported locale or any language tag), with its placeholders filled.
 *
 * @example translate('fr', 'ui.others') // 'Autres'
 * @example translate('en', 'period.quarter', { quarter: 1, year: 2024 }) // 'Q1 2024'
 */
export function translate<K extends MessageKey>(locale: Locale | string, key: K, ...args: MessageArgs<K>): string {
  const table = MESSAGES[resolveLocale(locale)];
  return interpolate(table[key], (args[0] ?? {}) as Record<string, unknown>);
}

/**
 * Like {@link translate} for keys only known at run time (e.g. built from an error kind). Unknown keys
 * return the key itself.
 */
export function translateDynamic(
  locale: Locale | string,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  const table = MESSAGES[resolveLocale(locale)] as Readonly<Record<string, string>>;
  const template = table[key];
  return template === undefined ? key : interpolate(template, params);
}

/** Whether `key` names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
