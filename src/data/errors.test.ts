import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DataErrorDetails,
  type DataErrorKind,
  VitrineDataError,
  isAbortError,
  isVitrineDataError,
  statusKind,
} from './errors.js';

const NBSP = '\u00a0';
const url = 'https://data.example.fr/api/explore/v2.1/catalog/datasets/budget/records';

/** Every kind with typical details, and what its English and French messages must say. */
const cases: [DataErrorKind, DataErrorDetails, string, string][] = [
  [
    'not-found',
    { url, status: 404, dataset: 'budget', attribute: 'src' },
    'The portal does not know dataset "budget": check the src attribute (the dataset identifier is what follows /explore/dataset/ in the address of its page).',
    `Le portail ne connaît pas le jeu de données «${NBSP}budget${NBSP}»${NBSP}: vérifiez l’attribut src (l’identifiant du jeu de données est ce qui suit /explore/dataset/ dans l’adresse de sa page).`,
  ],
  [
    'bad-query',
    { url, status: 400, portalMessage: 'ODSQL query is malformed: Unknown field: anzahl', attribute: 'where' },
    'The portal rejected the query: "ODSQL query is malformed: Unknown field: anzahl". Check the where attribute.',
    `Le portail a refusé la requête${NBSP}: «${NBSP}ODSQL query is malformed: Unknown field: anzahl${NBSP}». Vérifiez l’attribut where.`,
  ],
  [
    'bad-query',
    { url, status: 400, portalMessage: 'Invalid value for limit API parameter' },
    'The portal rejected the query: "Invalid value for limit API parameter". Check the value, where and filter attributes.',
    `Le portail a refusé la requête${NBSP}: «${NBSP}Invalid value for limit API parameter${NBSP}». Vérifiez les attributs value, where et filter.`,
  ],
  [
    'unauthorized',
    { url, status: 401, dataset: 'budget' },
    'The portal refuses access to dataset "budget" (HTTP 401): it is private or restricted. Make it public on the portal, or ask the portal administrator.',
    `Le portail refuse l’accès au jeu de données «${NBSP}budget${NBSP}» (HTTP 401)${NBSP}: il est privé ou restreint. Rendez-le public sur le portail, ou demandez à l’administrateur du portail.`,
  ],
  [
    'rate-limited',
    { url, status: 429 },
    'The portal data.example.fr has received too many requests and asks to wait. Vitrine will try again later; if this happens often, lower the refresh rate or ask the portal administrator about the quota.',
    `Le portail data.example.fr a reçu trop de requêtes et demande d’attendre. Vitrine réessaiera plus tard${NBSP}; si cela se répète, espacez les actualisations ou interrogez l’administrateur du portail sur son quota.`,
  ],
  [
    'network',
    { url, attribute: 'src' },
    'The portal data.example.fr could not be reached. Check the address in the src attribute, the connection, and that the portal accepts requests from other sites (CORS).',
    'Le portail data.example.fr est injoignable. Vérifiez l’adresse dans l’attribut src, la connexion, et que le portail accepte les requêtes d’autres sites (CORS).',
  ],
  [
    'unavailable',
    { url, status: 503, attempts: 4 },
    'The portal data.example.fr is having trouble (HTTP 503) and still failed after 4 attempts. Your page is not at fault: try again later.',
    `Le portail data.example.fr rencontre un problème (HTTP 503) et échoue encore après 4${NBSP}tentatives. Votre page n’est pas en cause${NBSP}: réessayez plus tard.`,
  ],
  [
    'timeout',
    { url, timeout: 15000 },
    'The portal data.example.fr did not answer within 15 seconds. Try again later; if it keeps happening, filter the data to make the query lighter.',
    `Le portail data.example.fr n’a pas répondu en 15${NBSP}secondes. Réessayez plus tard${NBSP}; si cela se répète, filtrez les données pour alléger la requête.`,
  ],
  [
    'malformed',
    { url, status: 200, reason: { key: 'reason.html' }, attribute: 'src' },
    'The answer from data.example.fr could not be read as data (an HTML page was received instead). Check that the src attribute points to a dataset of an Opendatasoft portal.',
    'La réponse de data.example.fr n’a pas pu être lue comme des données (une page HTML a été reçue à la place). Vérifiez que l’attribut src désigne un jeu de données d’un portail Opendatasoft.',
  ],
  [
    'unknown-field',
    {
      field: 'popluation',
      attribute: 'value',
      dataset: 'communes-france',
      fields: ['code', 'nom', 'population'],
      suggestion: 'population',
    },
    'Unknown field "popluation" in the value attribute: did you mean "population"? Fields of communes-france are: code, nom, population.',
    `Champ inconnu «${NBSP}popluation${NBSP}» dans l’attribut value${NBSP}: vouliez-vous dire «${NBSP}population${NBSP}»${NBSP}? Les champs de communes-france sont${NBSP}: code, nom, population.`,
  ],
  [
    'unknown-field',
    { field: 'xyz', attribute: 'x', dataset: 'communes-france', fields: ['code', 'nom'] },
    'Unknown field "xyz" in the x attribute. Fields of communes-france are: code, nom.',
    `Champ inconnu «${NBSP}xyz${NBSP}» dans l’attribut x. Les champs de communes-france sont${NBSP}: code, nom.`,
  ],
  [
    'bad-attribute',
    { attribute: 'limit', value: '1000', reason: { key: 'reason.limit', params: { min: 0, max: 100 } }, example: '10' },
    'The limit attribute "1000" is not understood: the number must be a whole number between 0 and 100. Example: 10',
    `L’attribut limit «${NBSP}1000${NBSP}» n’est pas compris${NBSP}: le nombre doit être un entier entre 0 et 100. Exemple${NBSP}: 10`,
  ],
  [
    'unsupported-url',
    { attribute: 'src', value: 'https://x.fr/', reason: { key: 'reason.unknown-address' } },
    'The src attribute "https://x.fr/" is not a dataset address Vitrine recognises: no dataset identifier found in it. Paste the address of the dataset page, e.g. https://data.example.fr/explore/dataset/my-dataset/ (its API address works too).',
    `L’attribut src «${NBSP}https://x.fr/${NBSP}» n’est pas une adresse de jeu de données reconnue par Vitrine${NBSP}: aucun identifiant de jeu de données n’y figure. Collez l’adresse de la page du jeu de données, par exemple https://data.example.fr/explore/dataset/my-dataset/ (son adresse d’API convient aussi).`,
  ],
];

describe('VitrineDataError messages', () => {
  for (const [kind, details, en, fr] of cases) {
    it(`${kind} ${details.status ?? ''} ${details.suggestion === undefined ? '' : 'with suggestion'}`, () => {
      const error = new VitrineDataError(kind, details);
      assert.equal(error.message, en);
      assert.equal(error.localizedMessage('en-GB'), en);
      assert.equal(error.localizedMessage('fr-FR'), fr);
      assert.equal(error.localizedMessage('de'), en);
      assert.equal(error.name, 'VitrineDataError');
      assert.ok(error instanceof Error);
    });
  }

  it('says until when a rate limit lasts', () => {
    const error = new VitrineDataError('rate-limited', { url, resetTime: '2021-01-26T00:00:00Z' });
    assert.match(error.message, /asks to wait until Jan 26, 2021/);
    assert.match(error.localizedMessage('fr'), /demande d’attendre jusqu’à 26 janv\. 2021/);
  });

  it('marks what is worth retrying', () => {
    const retryable = ['network', 'unavailable', 'timeout', 'rate-limited'];
    for (const [kind] of cases) assert.equal(new VitrineDataError(kind).retryable, retryable.includes(kind), kind);
    // An HTML page where data was expected is often a maintenance page: worth a retry button.
    assert.ok(new VitrineDataError('malformed', { reason: { key: 'reason.html' } }).retryable);
    assert.ok(!new VitrineDataError('malformed', { reason: { key: 'reason.not-json' } }).retryable);
  });

  it('adds details without losing the others', () => {
    const error = new VitrineDataError('not-found', { url, status: 404 }, { cause: 'x' });
    const more = error.withDetails({ dataset: 'budget', attribute: 'source' });
    assert.equal(more.details.url, url);
    assert.equal(more.details.dataset, 'budget');
    assert.match(more.message, /check the source attribute/);
    assert.equal(more.cause, 'x');
    assert.ok(Object.isFrozen(more.details));
  });

  it('is recognised, also across copies of the library', () => {
    const error = new VitrineDataError('timeout');
    assert.ok(isVitrineDataError(error));
    assert.ok(isVitrineDataError(error, 'timeout', 'network'));
    assert.ok(!isVitrineDataError(error, 'network'));
    const foreign = Object.assign(new Error('x'), { name: 'VitrineDataError', kind: 'network' });
    assert.ok(isVitrineDataError(foreign, 'network'));
    assert.ok(!isVitrineDataError(new Error('x')));
    assert.ok(isAbortError(new DOMException('stop', 'AbortError')));
    assert.ok(!isAbortError(error));
  });

  it('maps statuses to kinds', () => {
    const expected: [number, DataErrorKind][] = [
      [400, 'bad-query'],
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [404, 'not-found'],
      [410, 'not-found'],
      [408, 'timeout'],
      [414, 'bad-query'],
      [429, 'rate-limited'],
      [500, 'unavailable'],
      [503, 'unavailable'],
      [504, 'timeout'],
    ];
    for (const [status, kind] of expected) assert.equal(statusKind(status), kind, String(status));
  });
});
