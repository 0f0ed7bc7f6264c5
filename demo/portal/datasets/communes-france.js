// @ts-check
/**
 * `communes-france`: the current communes of France (INSEE's Code officiel géographique, 2026) with
 * their legal population, from @etalab/decoupage-administratif.
 */
import { FACET, PACKAGES, SORTABLE, field, lazyRows, readPackageJson } from './util.js';

/** @typedef {import('./index.js').DatasetDef} DatasetDef */

const PKG = PACKAGES.decoupage;

/**
 * @typedef {object} SourceCommune
 * @property {string} code
 * @property {string} nom
 * @property {string} type
 * @property {string} departement
 * @property {string} region
 * @property {string} zone
 * @property {string} [arrondissement]
 * @property {string} [siren]
 * @property {string[]} [codesPostaux]
 * @property {number} [population]
 */

async function build() {
  const [communes, departements, regions] = await Promise.all([
    /** @type {Promise<SourceCommune[]>} */ (readPackageJson(PKG.name, 'data/communes.json')),
    /** @type {Promise<{code: string, nom: string}[]>} */ (readPackageJson(PKG.name, 'data/departements.json')),
    /** @type {Promise<{code: string, nom: string}[]>} */ (readPackageJson(PKG.name, 'data/regions.json')),
  ]);
  const departementNames = new Map(departements.map((d) => [d.code, d.nom]));
  const regionNames = new Map(regions.map((r) => [r.code, r.nom]));
  return communes
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      departement: c.departement,
      region: c.region,
      population: c.population ?? null,
      codes_postaux: c.codesPostaux && c.codesPostaux.length > 0 ? c.codesPostaux : null,
      nom_departement: departementNames.get(c.departement) ?? null,
      nom_region: regionNames.get(c.region) ?? null,
      zone: c.zone,
      arrondissement: c.arrondissement || null,
      siren: c.siren ?? null,
    }));
}

/** @type {DatasetDef} */
export default {
  id: 'communes-france',
  metas: {
    title: 'Communes de France et population légale',
    description:
      "Les 34 969 communes actuelles du Code officiel géographique 2026 de l'INSEE (métropole, départements et collectivités d'outre-mer), avec leur département, leur région, leur population légale et leurs codes postaux (La Poste), tels que les publie le paquet @etalab/decoupage-administratif 6.0.0.",
    license: 'Licence Ouverte / Open Licence',
    license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
    source:
      'INSEE (Code officiel géographique, populations légales), La Poste (codes postaux), via @etalab/decoupage-administratif 6.0.0, data/communes.json',
    publisher: 'Etalab (data.gouv.fr)',
    modified: PKG.published,
    language: 'fr',
    keyword: ['communes', 'population', 'COG', 'INSEE', 'codes postaux', 'découpage administratif'],
    theme: ['Territoires'],
  },
  fields: [
    field(
      'code',
      'Code INSEE',
      'text',
      SORTABLE(),
      'Code officiel géographique de la commune (5 caractères, « 2A »/« 2B » en Corse).',
    ),
    field('nom', 'Nom', 'text', SORTABLE()),
    field('departement', 'Département', 'text', FACET(), 'Code du département (ou de la collectivité d’outre-mer).'),
    field('region', 'Région', 'text', FACET(), 'Code de la région (ou de la collectivité d’outre-mer).'),
    field(
      'population',
      'Population',
      'int',
      SORTABLE(),
      'Population légale municipale selon le paquet ; vide quand le paquet n’en donne pas (Terres australes, Clipperton).',
    ),
    field('codes_postaux', 'Codes postaux', 'text', { multivalued: [','] }),
    field('nom_departement', 'Nom du département', 'text', FACET()),
    field('nom_region', 'Nom de la région', 'text', FACET()),
    field(
      'zone',
      'Zone',
      'text',
      FACET(),
      'metro (métropole), drom (départements et régions d’outre-mer) ou com (collectivités d’outre-mer).',
    ),
    field(
      'arrondissement',
      'Arrondissement',
      'text',
      {},
      'Code de l’arrondissement départemental ; vide quand le paquet n’en donne pas.',
    ),
    field('siren', 'SIREN', 'text', {}, 'Numéro SIREN de la commune ; vide quand le paquet n’en donne pas.'),
  ],
  features: ['analyze'],
  load: lazyRows(build),
};
