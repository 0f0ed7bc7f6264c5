/**
 * The strings of vitrine-table, in French and English (conventions in messages.ts). Loaded with the
 * element's code, not by pages without it.
 * @module
 */
import { NBSP, defineMessages } from './messages.js';

const en = {
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
} as const;

const fr: Record<keyof typeof en, string> = {
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
};

/** The templates of this table, in the reference language (types {@link translate}). */
export type TableMessages = typeof en;

/** {@link translate} of messages.ts, with this table loaded. */
export const translate = defineMessages(en, fr);
