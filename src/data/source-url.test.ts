import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VitrineDataError } from './errors.js';
import { type BaseFilters, datasetApiUrl, datasetKey, detectSource } from './source-url.js';

interface Accepted {
  url: string;
  origin: string;
  id: string;
  apiBase?: string;
  filters?: Partial<BaseFilters>;
  ignored?: string[];
}

const PARIS = 'https://opendata.paris.fr';
const VELIB = 'velib-disponibilite-en-temps-reel';

const accepted: Accepted[] = [
  // Explore dataset pages and their sub-pages.
  { url: `${PARIS}/explore/dataset/${VELIB}/`, origin: PARIS, id: VELIB },
  { url: `${PARIS}/explore/dataset/${VELIB}`, origin: PARIS, id: VELIB },
  { url: `${PARIS}/explore/dataset/${VELIB}/information/`, origin: PARIS, id: VELIB },
  {
    url: `${PARIS}/explore/dataset/${VELIB}/information/?disjunctive.name&disjunctive.is_installed`,
    origin: PARIS,
    id: VELIB,
  },
  {
    url: `${PARIS}/explore/dataset/${VELIB}/table/?disjunctive.nom_arrondissement_communes&refine.nom_arrondissement_communes=Paris`,
    origin: PARIS,
    id: VELIB,
    filters: { refine: [{ field: 'nom_arrondissement_communes', value: 'Paris' }] },
  },
  {
    url: `${PARIS}/explore/dataset/${VELIB}/map/?location=12,48.85889,2.34692&basemap=jawg.streets`,
    origin: PARIS,
    id: VELIB,
  },
  {
    url: `${PARIS}/explore/dataset/${VELIB}/table/?q=bastille&sort=-capacity`,
    origin: PARIS,
    id: VELIB,
    filters: { q: 'bastille' },
  },
  {
    url: `${PARIS}/explore/dataset/${VELIB}/analyze/?dataChart=eyJxdWVyaWVzIjpbXX0%3D`,
    origin: PARIS,
    id: VELIB,
  },
  {
    url: 'https://data.opendatasoft.com/explore/dataset/arrondissements@parisdata/table/',
    origin: 'https://data.opendatasoft.com',
    id: 'arrondissements@parisdata',
  },
  {
    url: 'https://data.opendatasoft.com/explore/dataset/arrondissements%40parisdata/',
    origin: 'https://data.opendatasoft.com',
    id: 'arrondissements@parisdata',
  },
  {
    url: 'https://public.opendatasoft.com/explore/dataset/geonames-all-cities-with-a-population-1000/table/?disjunctive.cou_name_en&sort=name&refine.cou_name_en=France&refine.cou_name_en=Belgium',
    origin: 'https://public.opendatasoft.com',
    id: 'geonames-all-cities-with-a-population-1000',
    filters: {
      refine: [
        { field: 'cou_name_en', value: 'France' },
        { field: 'cou_name_en', value: 'Belgium' },
      ],
    },
  },
  {
    url: 'https://public.opendatasoft.com/explore/dataset/geonames-all-cities-with-a-population-1000/map/?exclude.feature_code=PPLX&q=population%3E%3D100000#',
    origin: 'https://public.opendatasoft.com',
    id: 'geonames-all-cities-with-a-population-1000',
    filters: { exclude: [{ field: 'feature_code', value: 'PPLX' }], where: ['population >= 100000'] },
  },
  // Custom domains.
  {
    url: 'https://data.iledefrance.fr/explore/dataset/gares-et-stations-du-reseau-ferre-dile-de-france-donnee-generalisee/export/',
    origin: 'https://data.iledefrance.fr',
    id: 'gares-et-stations-du-reseau-ferre-dile-de-france-donnee-generalisee',
  },
  {
    url: 'https://data.rennesmetropole.fr/explore/dataset/budget-primitif/table/?refine.exercice=2024&refine.section=Fonctionnement',
    origin: 'https://data.rennesmetropole.fr',
    id: 'budget-primitif',
    filters: {
      refine: [
        { field: 'exercice', value: '2024' },
        { field: 'section', value: 'Fonctionnement' },
      ],
    },
  },
  {
    url: 'https://opendata.lillemetropole.fr/explore/embed/dataset/mel_communes/map/?static=false&datasetcard=false',
    origin: 'https://opendata.lillemetropole.fr',
    id: 'mel_communes',
  },
  {
    url: 'https://data.example.fr/explore/dataset/commerces-ouverts/download/?format=csv&timezone=Europe/Berlin&use_labels_for_header=true',
    origin: 'https://data.example.fr',
    id: 'commerces-ouverts',
  },
  // Filters in the `#` part.
  {
    url: 'https://data.example.fr/explore/dataset/commerces-ouverts/table/#refine.categorie=Boulangerie&q=pain',
    origin: 'https://data.example.fr',
    id: 'commerces-ouverts',
    filters: { refine: [{ field: 'categorie', value: 'Boulangerie' }], q: 'pain' },
  },
  {
    url: 'https://data.example.fr/explore/dataset/commerces-ouverts/map/#/?refine.categorie=Caf%C3%A9',
    origin: 'https://data.example.fr',
    id: 'commerces-ouverts',
    filters: { refine: [{ field: 'categorie', value: 'Café' }] },
  },
  // API v2.1.
  {
    url: `${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}/records?limit=20`,
    origin: PARIS,
    id: VELIB,
  },
  {
    url: `${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}/records?where=capacity%20%3E%2030&refine=nom_arrondissement_communes%3A%22Paris%22&exclude=is_renting%3ANON`,
    origin: PARIS,
    id: VELIB,
    filters: {
      where: ['capacity > 30'],
      refine: [{ field: 'nom_arrondissement_communes', value: 'Paris' }],
      exclude: [{ field: 'is_renting', value: 'NON' }],
    },
  },
  {
    url: `${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}/exports/csv?lang=fr&timezone=Europe%2FParis&use_labels=true&delimiter=%3B`,
    origin: PARIS,
    id: VELIB,
  },
  { url: `${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}`, origin: PARIS, id: VELIB },
  { url: `${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}/facets?facet=name`, origin: PARIS, id: VELIB },
  // API v2.0.
  {
    url: 'https://data.example.fr/api/explore/v2.0/catalog/datasets/budget-2024/records?where=annee%3D2024',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
    filters: { where: ['annee=2024'] },
  },
  {
    url: 'https://data.example.fr/api/v2/catalog/datasets/budget-2024/exports/json',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
  },
  // API v1.
  {
    url: `${PARIS}/api/records/1.0/search/?dataset=${VELIB}&q=&rows=10&facet=name&refine.nom_arrondissement_communes=Paris`,
    origin: PARIS,
    id: VELIB,
    filters: { refine: [{ field: 'nom_arrondissement_communes', value: 'Paris' }] },
  },
  {
    url: 'https://data.example.fr/api/records/1.0/download/?dataset=budget-2024&format=csv&exclude.section=Investissement',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
    filters: { exclude: [{ field: 'section', value: 'Investissement' }] },
  },
  {
    url: 'https://data.example.fr/api/datasets/1.0/budget-2024/',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
  },
  // Local portals, prefixes, and addresses without a scheme.
  {
    url: 'http://localhost:8710/explore/dataset/communes-france/',
    origin: 'http://localhost:8710',
    id: 'communes-france',
  },
  {
    url: 'http://127.0.0.1:8710/explore/dataset/communes-france/table/?refine.region=84',
    origin: 'http://127.0.0.1:8710',
    id: 'communes-france',
    filters: { refine: [{ field: 'region', value: '84' }] },
  },
  { url: 'localhost:8710/explore/dataset/communes-france/', origin: 'http://localhost:8710', id: 'communes-france' },
  { url: 'data.example.fr/explore/dataset/budget-2024/', origin: 'https://data.example.fr', id: 'budget-2024' },
  {
    url: '  https://data.example.fr/explore/dataset/budget-2024/  ',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
  },
  {
    url: 'https://example.org/proxy/ods/api/explore/v2.1/catalog/datasets/budget-2024/records',
    origin: 'https://example.org',
    id: 'budget-2024',
    apiBase: 'https://example.org/proxy/ods/api/explore/v2.1',
  },
  {
    url: 'https://data.example.fr/fr/explore/dataset/budget-2024/',
    origin: 'https://data.example.fr',
    id: 'budget-2024',
  },
];

describe('detectSource: accepted addresses', () => {
  for (const c of accepted) {
    it(c.url.trim(), () => {
      const ref = detectSource(c.url);
      assert.equal(ref.kind, 'explore');
      assert.equal(ref.origin, c.origin);
      assert.equal(ref.datasetId, c.id);
      assert.equal(ref.apiBase, c.apiBase ?? `${c.origin}/api/explore/v2.1`);
      assert.deepEqual(ref.baseFilters.refine, c.filters?.refine ?? []);
      assert.deepEqual(ref.baseFilters.exclude, c.filters?.exclude ?? []);
      assert.deepEqual(ref.baseFilters.where, c.filters?.where ?? []);
      assert.equal(ref.baseFilters.q, c.filters?.q);
      if (c.ignored !== undefined) assert.deepEqual(ref.ignored, c.ignored);
    });
  }
  it('covers at least 25 address shapes', () => assert.ok(accepted.length >= 25));
});

describe('detectSource: details', () => {
  it('resolves relative addresses against a base', () => {
    const ref = detectSource('/explore/dataset/communes-france/', { base: 'http://127.0.0.1:9000/demo/figures.html' });
    assert.equal(ref.origin, 'http://127.0.0.1:9000');
    assert.equal(ref.datasetId, 'communes-france');
  });
  it('combines a bare identifier with a portal address', () => {
    const ref = detectSource('communes-france', { portal: 'http://127.0.0.1:9000/' });
    assert.equal(datasetApiUrl(ref), 'http://127.0.0.1:9000/api/explore/v2.1/catalog/datasets/communes-france');
    assert.equal(ref.pageUrl, 'http://127.0.0.1:9000/explore/dataset/communes-france/');
  });
  it('accepts the explore kind override and its synonyms', () => {
    for (const kind of ['explore', 'Explore', 'opendatasoft', 'ods']) {
      assert.equal(detectSource('https://d.example.fr/explore/dataset/x/', { kind }).kind, 'explore');
    }
  });
  it('lists filters it cannot carry', () => {
    const ref = detectSource(
      'https://d.example.fr/explore/dataset/x/table/?q.timerange.date=date:[2020-01-01 TO 2020-12-31]&geofilter.distance=48.8,2.3,1000&apikey=secret&refine.ok=1',
    );
    assert.deepEqual(ref.ignored, ['q.timerange.date', 'geofilter.distance', 'apikey']);
    assert.deepEqual(ref.baseFilters.refine, [{ field: 'ok', value: '1' }]);
  });
  it('reads the v1 q forms field:value and field>=number, keeps other text as full text', () => {
    const a = detectSource('https://d.example.fr/explore/dataset/x/?q=categorie:"Boulangerie pâtisserie"');
    assert.deepEqual(a.baseFilters.refine, [{ field: 'categorie', value: 'Boulangerie pâtisserie' }]);
    const b = detectSource("https://d.example.fr/explore/dataset/x/?q=rue de l'Église: travaux");
    assert.equal(b.baseFilters.q, "rue de l'Église: travaux");
    assert.deepEqual(b.baseFilters.where, []);
  });
  it('unquotes v2 refine values, and keeps the text after the first colon', () => {
    const ref = detectSource(
      'https://d.example.fr/api/explore/v2.1/catalog/datasets/x/records?refine=heure:"12:30"&refine=d:2020/05',
    );
    assert.deepEqual(ref.baseFilters.refine, [
      { field: 'heure', value: '12:30' },
      { field: 'd', value: '2020/05' },
    ]);
  });
  it('gives a stable key per dataset', () => {
    assert.equal(
      datasetKey(detectSource(`${PARIS}/explore/dataset/${VELIB}/table/?q=a`)),
      datasetKey(detectSource(`${PARIS}/api/explore/v2.1/catalog/datasets/${VELIB}/records`)),
    );
  });
  it('returns frozen references', () => {
    const ref = detectSource(`${PARIS}/explore/dataset/${VELIB}/`);
    assert.ok(Object.isFrozen(ref));
    assert.ok(Object.isFrozen(ref.baseFilters));
  });
});

const rejected: [input: string, reason: string, options?: Parameters<typeof detectSource>[1]][] = [
  ['', 'reason.empty'],
  ['   ', 'reason.empty'],
  ['communes-france', 'reason.not-a-url'],
  ['not a url at all', 'reason.not-a-url'],
  ['javascript:alert(1)', 'reason.scheme'],
  ['ftp://data.example.fr/explore/dataset/x/', 'reason.scheme'],
  ['data:text/html,<script>alert(1)</script>', 'reason.scheme'],
  ['https://data.example.fr/explore/', 'reason.catalog'],
  ['https://data.example.fr/explore/?sort=modified&q=budget', 'reason.catalog'],
  ['https://data.example.fr/api/explore/v2.1/catalog/datasets', 'reason.catalog'],
  ['https://data.example.fr/pages/accueil/', 'reason.custom-page'],
  ['https://data.example.fr/', 'reason.unknown-address'],
  ['https://www.data.gouv.fr/fr/datasets/communes-de-france/', 'reason.unknown-address'],
  ['https://data.example.fr/api/records/1.0/search/?q=paris', 'reason.missing-dataset-param'],
  ['https://data.example.fr/explore/dataset/bad%20id/', 'reason.bad-dataset-id'],
  ['https://data.example.fr/explore/dataset/x/', 'reason.portal-kind', { kind: 'ckan' }],
];

describe('detectSource: rejected addresses', () => {
  for (const [input, reason, options] of rejected) {
    it(`${JSON.stringify(input)} → ${reason}`, () => {
      assert.throws(
        () => detectSource(input, options),
        (error: unknown) => {
          assert.ok(error instanceof VitrineDataError);
          assert.equal(error.kind, 'unsupported-url');
          assert.equal(error.details.reason?.key, reason);
          // The message names the attribute's value and shows an accepted form.
          assert.match(error.message, /https:\/\/data\.example\.fr\/explore\/dataset\/my-dataset\//);
          assert.match(error.localizedMessage('fr'), /Collez l’adresse de la page du jeu de données/);
          return true;
        },
      );
    });
  }

  it('messages say what is wrong, in English and French', () => {
    try {
      detectSource('https://data.example.fr/explore/');
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof VitrineDataError);
      assert.equal(
        error.message,
        'The src attribute "https://data.example.fr/explore/" is not a dataset address Vitrine recognises: this is the catalogue, not a dataset (open a dataset and copy the address of its page). Paste the address of the dataset page, e.g. https://data.example.fr/explore/dataset/my-dataset/ (its API address works too).',
      );
      assert.equal(
        error.localizedMessage('fr-FR'),
        'L’attribut src «\u00a0https://data.example.fr/explore/\u00a0» n’est pas une adresse de jeu de données reconnue par Vitrine\u00a0: c’est le catalogue, pas un jeu de données (ouvrez un jeu de données et copiez l’adresse de sa page). Collez l’adresse de la page du jeu de données, par exemple https://data.example.fr/explore/dataset/my-dataset/ (son adresse d’API convient aussi).',
      );
    }
  });

  it('names the attribute it was given', () => {
    assert.throws(
      () => detectSource('nope', { attribute: 'source' }),
      (e: unknown) => e instanceof VitrineDataError && e.details.attribute === 'source',
    );
  });
});
