/**
 * Translation tables (French and English) for every string Vitrine shows a person.
 *
 * Messages are plain text with `{name}` placeholders: the result is meant for `textContent`, a `title`
 * or a console warning, never for `innerHTML` (interpolated values come from attributes and datasets).
 * The English table is the reference: its keys and placeholders type every call to {@link translate}.
 * The texts of errors and of their reasons are in messages-errors.ts, which a page loads only when it
 * shows an error (see error-texts.ts); `translate` finds them all the same.
 */
import { errorTexts } from './error-texts.js';
import { type Locale, resolveLocale } from './locale.js';
import type { ErrorMessageKey, ErrorMessages } from './messages-errors.js';

const en = {
  // Words the components show.
  'ui.loading': 'Loading…',
  'ui.retry': 'Retry',
  'ui.no-data': 'No data',
  'ui.others': 'Others',
  'ui.empty-value': 'no value',
  'ui.stale': 'Data from {time}: the portal is not answering.',
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
  'chart.download.csv': 'Download the data shown as a CSV file',
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
  'reason.spec-invalid': 'Vega-Lite cannot draw it ({detail})',
  // map
  'map.name': 'Map: {dataset}',
  'map.table.show': 'Show the data as a table',
  'map.table.hide': 'Hide the table',
  'map.table.caption': 'What the map shows in its current view',
  'map.table.range': 'Rows {from} to {to} of {total}',
  'map.table.previous': 'Previous rows',
  'map.table.next': 'Next rows',
  'map.table.none': 'Nothing in view: zoom out or move the map.',
  'map.table.cluster': 'Group of {count} points',
  'map.table.feature': 'Item {index}',
  'map.table.count': 'Points',
  'map.table.location': 'Location',
  'map.legend.title': 'Legend',
  'map.legend.range': '{from} to {to}',
  'map.legend.clusters': 'Circles group nearby points; the number says how many.',
  'map.legend.heatmap': 'Density of points',
  'map.legend.heatmap.low': 'fewer',
  'map.legend.heatmap.high': 'more',
  'map.legend.size': 'Size: {field}',
  'map.summary.points': 'Points shown: {count}.',
  'map.summary.clusters': 'Points: {count}, grouped by proximity; zoom in to separate them.',
  'map.summary.clusters-server': 'Points: {count}, grouped by the portal at each zoom level.',
  'map.summary.heatmap': 'Density of the points ({count}).',
  'map.summary.shapes': 'Shapes shown: {count}.',
  'map.summary.choropleth':
    '{value} by {key} over {count} areas. Highest: {maxName} ({max}). Lowest: {minName} ({min}).',
  'map.summary.missing': 'Areas without data: {count}.',
  'map.summary.unmatched': 'Values of {field} that match no area: {count}.',
  'map.summary.color': 'Colour: {field}, from {min} to {max}.',
  'map.summary.categories': 'Colour: {field} ({values}).',
  'map.summary.size': 'Size: {field}, from {min} to {max}.',
  'map.summary.truncated': 'Only the first {shown} of {total} records are drawn.',
  'map.summary.keys': 'Arrow keys move the map, + and − zoom; the table lists what is in view.',
  'map.error.engine': 'The map could not be drawn ({reason}). The data is still available as a table.',
  'map.ui.zoom-in': 'Zoom in',
  'map.ui.zoom-out': 'Zoom out',
  'map.ui.reset-bearing': 'Reset north',
  'map.ui.fullscreen-enter': 'Show the map full screen',
  'map.ui.fullscreen-exit': 'Exit full screen',
  'map.ui.close-popup': 'Close',
  'map.ui.attribution': 'Show or hide the sources',
  'map.ui.cooperative-windows': 'Use Ctrl + scroll to zoom the map',
  'map.ui.cooperative-mac': 'Use ⌘ + scroll to zoom the map',
  'map.ui.cooperative-mobile': 'Use two fingers to move the map',
  'reason.map-mode': 'use points, clusters, heatmap, choropleth or shapes',
  'reason.map-no-geo': 'the dataset has no geographic field (geo_point_2d or geo_shape)',
  'reason.map-geo-field': '"{field}" is not a geographic field (it is of type {type})',
  'reason.map-key': 'a choropleth needs the field that names each area, e.g. key="code"',
  'reason.map-join': 'write the boundary property, then a colon and the field, e.g. join="code:departement"',
  'reason.map-areas': 'a choropleth needs areas: a geo_shape field in the dataset, or a GeoJSON address in boundaries',
  'reason.map-join-none': 'no area of the boundaries has a "{property}" matching a value of {field}',
  'reason.map-color': '"{value}" is not a colour',
  'reason.map-scale': 'use quantile, equal or continuous',
  'reason.map-numeric': '"{field}" must be a number field (it is of type {type})',
  'reason.map-height': 'a CSS length is expected, e.g. 400px or 30rem',
  // table
  'table.count.one': '{count} row',
  'table.count.other': '{count} rows',
  'table.range': 'Rows {from}–{to} of {total}',
  'table.range-open': 'Rows {from}–{to}',
  'table.previous': 'Previous page',
  'table.next': 'Next page',
  'table.sorted.asc': 'Sorted by {column}, ascending',
  'table.sorted.desc': 'Sorted by {column}, descending',
  'table.download': 'Download all rows (CSV)',
  'table.window':
    'The portal gives access to the first {max} rows only: sort or filter to reach the others, or download the CSV file.',
  'table.yes': 'Yes',
  'table.no': 'No',
  'table.point': 'lat. {lat}, long. {lon}',
  'table.shape': 'Shape: {type}',
  'table.file': 'File',
  // filters
  'filter.all': 'All',
  'filter.no-values': 'No values',
  'filter.find': 'Find a value',
  'filter.find-none': 'No value matches',
  'filter.show-more': 'Show all ({count})',
  'filter.show-less': 'Show fewer',
  'filter.expand.months': 'Show the months of {period}',
  'filter.expand.days': 'Show the days of {period}',
  'filter.range.from': 'From',
  'filter.range.to': 'To',
  'filter.range.bounds': 'Values from {min} to {max}',
  'filter.range.order': 'The first value is above the second: the range is not applied.',
  'search.label': 'Search',
  'search.clear': 'Clear the search',
  'filters.title': 'Active filters',
  'filters.none': 'No active filter',
  'filters.chip': '{label}: {value}',
  'filters.name': '{label} {value}',
  'filters.remove': 'Remove filter: {filter}',
  'filters.clear': 'Clear all',
  'filters.search': 'Search',
  'filters.between': 'from {min} to {max}',
  'filters.at-least': 'at least {value}',
  'filters.at-most': 'at most {value}',
  'reason.filter-source': 'a filter acts on a vitrine-source: give its id in source, or put the element inside it',
  'reason.filter-needs-field': 'the filter needs the field whose values it lists',
  'reason.filter-display': '"{value}" is not a display (use checkboxes, select, radio or range)',
  'reason.range-type': 'a range needs a number or a date field ("{field}" is of type {type})',
  'reason.sync-url': 'the source needs an id, or a parameter name in sync-url',
  'period.quarter': 'Q{quarter} {year}',
  'period.week': 'Week of {date}',
} as const;

const NBSP = '\u00a0';

/** French typography: no-break space inside « » and before : ; ? ! */
const fr: Record<keyof typeof en, string> = {
  'ui.loading': 'Chargement…',
  'ui.retry': 'Réessayer',
  'ui.no-data': 'Aucune donnée',
  'ui.others': 'Autres',
  'ui.empty-value': 'sans valeur',
  'ui.stale': `Données de {time}${NBSP}: le portail ne répond pas.`,
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
  'chart.download.csv': 'Télécharger les données affichées en fichier CSV',
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
  'reason.spec-invalid': 'Vega-Lite ne peut pas le dessiner ({detail})',
  // map
  'map.name': `Carte${NBSP}: {dataset}`,
  'map.table.show': 'Afficher les données sous forme de tableau',
  'map.table.hide': 'Masquer le tableau',
  'map.table.caption': 'Ce que montre la carte dans sa vue actuelle',
  'map.table.range': 'Lignes {from} à {to} sur {total}',
  'map.table.previous': 'Lignes précédentes',
  'map.table.next': 'Lignes suivantes',
  'map.table.none': `Rien dans la vue${NBSP}: dézoomez ou déplacez la carte.`,
  'map.table.cluster': `Groupe de {count}${NBSP}points`,
  'map.table.feature': 'Élément {index}',
  'map.table.count': 'Points',
  'map.table.location': 'Position',
  'map.legend.title': 'Légende',
  'map.legend.range': 'de {from} à {to}',
  'map.legend.clusters': `Les cercles regroupent les points proches${NBSP}; le nombre indique combien.`,
  'map.legend.heatmap': 'Densité des points',
  'map.legend.heatmap.low': 'moins',
  'map.legend.heatmap.high': 'plus',
  'map.legend.size': `Taille${NBSP}: {field}`,
  'map.summary.points': `Points affichés${NBSP}: {count}.`,
  'map.summary.clusters': `Points${NBSP}: {count}, regroupés par proximité${NBSP}; zoomez pour les séparer.`,
  'map.summary.clusters-server': `Points${NBSP}: {count}, regroupés par le portail à chaque niveau de zoom.`,
  'map.summary.heatmap': 'Densité des points ({count}).',
  'map.summary.shapes': `Formes affichées${NBSP}: {count}.`,
  'map.summary.choropleth': `{value} par {key} sur {count}${NBSP}zones. Valeur la plus élevée${NBSP}: {maxName} ({max}). La plus basse${NBSP}: {minName} ({min}).`,
  'map.summary.missing': `Zones sans donnée${NBSP}: {count}.`,
  'map.summary.unmatched': `Valeurs de {field} sans zone correspondante${NBSP}: {count}.`,
  'map.summary.color': `Couleur${NBSP}: {field}, de {min} à {max}.`,
  'map.summary.categories': `Couleur${NBSP}: {field} ({values}).`,
  'map.summary.size': `Taille${NBSP}: {field}, de {min} à {max}.`,
  'map.summary.truncated': 'Seuls les {shown} premiers enregistrements sur {total} sont dessinés.',
  'map.summary.keys': `Les flèches déplacent la carte, + et − zooment${NBSP}; le tableau liste ce qui est visible.`,
  'map.error.engine':
    'La carte n’a pas pu être dessinée ({reason}). Les données restent disponibles sous forme de tableau.',
  'map.ui.zoom-in': 'Zoomer',
  'map.ui.zoom-out': 'Dézoomer',
  'map.ui.reset-bearing': 'Réorienter vers le nord',
  'map.ui.fullscreen-enter': 'Afficher la carte en plein écran',
  'map.ui.fullscreen-exit': 'Quitter le plein écran',
  'map.ui.close-popup': 'Fermer',
  'map.ui.attribution': 'Afficher ou masquer les sources',
  'map.ui.cooperative-windows': 'Utilisez Ctrl + molette pour zoomer la carte',
  'map.ui.cooperative-mac': 'Utilisez ⌘ + molette pour zoomer la carte',
  'map.ui.cooperative-mobile': 'Utilisez deux doigts pour déplacer la carte',
  'reason.map-mode': 'utilisez points, clusters, heatmap, choropleth ou shapes',
  'reason.map-no-geo': 'le jeu de données n’a pas de champ géographique (geo_point_2d ou geo_shape)',
  'reason.map-geo-field': `«${NBSP}{field}${NBSP}» n’est pas un champ géographique (il est de type {type})`,
  'reason.map-key': 'une carte choroplèthe demande le champ qui nomme chaque zone, par exemple key="code"',
  'reason.map-join':
    'indiquez la propriété des contours, deux-points, puis le champ, par exemple join="code:departement"',
  'reason.map-areas': `une carte choroplèthe demande des zones${NBSP}: un champ geo_shape dans le jeu de données, ou l’adresse d’un GeoJSON dans boundaries`,
  'reason.map-join-none': `aucune zone des contours n’a de «${NBSP}{property}${NBSP}» égal à une valeur de {field}`,
  'reason.map-color': `«${NBSP}{value}${NBSP}» n’est pas une couleur`,
  'reason.map-scale': 'utilisez quantile, equal ou continuous',
  'reason.map-numeric': `«${NBSP}{field}${NBSP}» doit être un champ numérique (il est de type {type})`,
  'reason.map-height': 'une longueur CSS est attendue, par exemple 400px ou 30rem',
  // table
  'table.count.one': '{count} ligne',
  'table.count.other': '{count} lignes',
  'table.range': 'Lignes {from} à {to} sur {total}',
  'table.range-open': 'Lignes {from} à {to}',
  'table.previous': 'Page précédente',
  'table.next': 'Page suivante',
  'table.sorted.asc': 'Trié par {column}, ordre croissant',
  'table.sorted.desc': 'Trié par {column}, ordre décroissant',
  'table.download': 'Télécharger toutes les lignes (CSV)',
  'table.window': `Le portail ne donne accès qu’aux {max} premières lignes${NBSP}: triez ou filtrez pour atteindre les autres, ou téléchargez le fichier CSV.`,
  'table.yes': 'Oui',
  'table.no': 'Non',
  'table.point': 'lat. {lat}, long. {lon}',
  'table.shape': `Forme${NBSP}: {type}`,
  'table.file': 'Fichier',
  // filters
  'filter.all': 'Tout',
  'filter.no-values': 'Aucune valeur',
  'filter.find': 'Chercher une valeur',
  'filter.find-none': 'Aucune valeur ne correspond',
  'filter.show-more': 'Tout afficher ({count})',
  'filter.show-less': 'Afficher moins',
  'filter.expand.months': 'Afficher les mois de {period}',
  'filter.expand.days': 'Afficher les jours de {period}',
  'filter.range.from': 'De',
  'filter.range.to': 'À',
  'filter.range.bounds': 'Valeurs de {min} à {max}',
  'filter.range.order': `La première valeur dépasse la seconde${NBSP}: l’intervalle n’est pas appliqué.`,
  'search.label': 'Rechercher',
  'search.clear': 'Effacer la recherche',
  'filters.title': 'Filtres actifs',
  'filters.none': 'Aucun filtre actif',
  'filters.chip': `{label}${NBSP}: {value}`,
  'filters.name': '{label} {value}',
  'filters.remove': `Retirer le filtre${NBSP}: {filter}`,
  'filters.clear': 'Tout effacer',
  'filters.search': 'Recherche',
  'filters.between': 'de {min} à {max}',
  'filters.at-least': 'au moins {value}',
  'filters.at-most': 'au plus {value}',
  'reason.filter-source': `un filtre agit sur une vitrine-source${NBSP}: indiquez son identifiant dans source, ou placez l’élément à l’intérieur`,
  'reason.filter-needs-field': 'le filtre a besoin du champ dont il liste les valeurs',
  'reason.filter-display': `«${NBSP}{value}${NBSP}» n’est pas un affichage (utilisez checkboxes, select, radio ou range)`,
  'reason.range-type': `un intervalle demande un champ nombre ou date («${NBSP}{field}${NBSP}» est de type {type})`,
  'reason.sync-url': 'la source a besoin d’un identifiant, ou d’un nom de paramètre dans sync-url',
  'period.quarter': `T{quarter}${NBSP}{year}`,
  'period.week': 'Semaine du {date}',
};

/** The key of a translated message (errors and reasons included, see messages-errors.ts). */
export type MessageKey = keyof typeof en | ErrorMessageKey;

/** Every template by key, in the reference language. */
type Templates = typeof en & ErrorMessages;

/** Placeholder names of a message template, e.g. `'dataset' | 'attribute'`. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

/** The values a message needs, keyed by placeholder name. */
export type MessageParams<K extends MessageKey> = Record<PlaceholdersOf<Templates[K]>, string | number>;

/** Arguments after the key: none for a message without placeholders, else its params object. */
export type MessageArgs<K extends MessageKey> = [PlaceholdersOf<Templates[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/**
 * The tables, for tests and tooling. Frozen: nothing may rewrite a message at run time. The error and
 * reason texts are in them when they are bundled (npm build, Node); the CDN build loads those later.
 */
export const MESSAGES = Object.freeze({
  en: Object.freeze({ ...errorTexts()?.ERROR_MESSAGES.en, ...en }),
  fr: Object.freeze({ ...errorTexts()?.ERROR_MESSAGES.fr, ...fr }),
}) as Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>>;

const has = (table: object | undefined, key: string): boolean =>
  table !== undefined && Object.prototype.hasOwnProperty.call(table, key);

/** The template of `key` in the table of `locale`, or undefined (unknown key, error texts not loaded yet). */
function templateOf(locale: Locale | string, key: string): string | undefined {
  const language = resolveLocale(locale);
  const table = MESSAGES[language] as Readonly<Record<string, string>>;
  if (has(table, key)) return table[key];
  const errors = errorTexts()?.ERROR_MESSAGES[language] as Readonly<Record<string, string>> | undefined;
  return has(errors, key) ? errors?.[key] : undefined;
}

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
  return interpolate(templateOf(locale, key) ?? key, (args[0] ?? {}) as Record<string, unknown>);
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
  const text = templateOf(locale, key);
  return text === undefined ? key : interpolate(text, params);
}

/** Whether `key` names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return has(en, key) || has(errorTexts()?.ERROR_MESSAGES.en, key);
}
