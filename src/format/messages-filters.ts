/**
 * The strings of vitrine-filter, vitrine-search and vitrine-filters, in French and English (conventions in messages.ts). Loaded with the
 * element's code, not by pages without it.
 * @module
 */
import { NBSP, defineMessages } from './messages.js';

const en = {
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
} as const;

const fr: Record<keyof typeof en, string> = {
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
};

/** The templates of this table, in the reference language (types {@link translate}). */
export type FilterMessages = typeof en;

/** {@link translate} of messages.ts, with this table loaded. */
export const translate = defineMessages(en, fr);
