// The where clause: comparisons, precedence, IN lists and ranges, multivalued fields, nulls,
// booleans, like, search/suggest/startswith, bare strings, escapes, dates, repeated where params.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRecords, matchRows, ODSQLError } from '../../demo/portal/odsql/index.js';

const dataset = {
  fields: [
    { name: 'name', label: 'Name', type: 'text', annotations: {} },
    { name: 'city', label: 'City', type: 'text', annotations: { facet: [] } },
    { name: 'tags', label: 'Tags', type: 'text', annotations: { facet: [], multivalued: [','] } },
    { name: 'pop', label: 'Pop', type: 'int', annotations: {} },
    { name: 'price', label: 'Price', type: 'double', annotations: {} },
    { name: 'open', label: 'Open', type: 'boolean', annotations: {} },
    { name: 'code', label: 'Code', type: 'text', annotations: {} },
    { name: 'opened', label: 'Opened', type: 'date', annotations: {} },
    { name: 'note', label: 'Note', type: 'text', annotations: {} },
  ],
  rows: [
    {
      name: 'Café de la Gare',
      city: 'Paris',
      tags: ['bio', 'vrac'],
      pop: 120,
      price: 2.5,
      open: true,
      code: '75001',
      opened: '2019-03-10',
      note: 'Ouvert le dimanche',
    },
    {
      name: 'Boulangerie Éclair',
      city: 'Lyon',
      tags: ['pain'],
      pop: 45,
      price: 1.2,
      open: false,
      code: '69001',
      opened: '2020-05-17',
      note: null,
    },
    {
      name: 'Le ") OR (" Bar',
      city: 'Paris',
      tags: ['bar', 'bio'],
      pop: 300,
      price: null,
      open: true,
      code: '75011',
      opened: '2020-05-02',
      note: 'Bar à vins',
    },
    {
      name: 'Épicerie du Marché',
      city: 'Marseille',
      tags: [],
      pop: null,
      price: 3.75,
      open: null,
      code: '13001',
      opened: '2020-11-30',
      note: 'épices, thé',
    },
    {
      name: 'paris plage',
      city: 'Bordeaux',
      tags: ['vrac'],
      pop: 15,
      price: 0.5,
      open: true,
      code: '33000',
      opened: null,
      note: 'Plage',
    },
    {
      name: "L'Orée",
      city: null,
      tags: null,
      pop: 15,
      price: 10,
      open: false,
      code: null,
      opened: '2021-01-01',
      note: 'Parisienne',
    },
  ],
};

/**
 * Row numbers (into dataset.rows) matching the where clauses.
 * @param {...string} where
 */
function match(...where) {
  return matchRows(dataset, { where }).map((r) => dataset.rows.indexOf(r));
}

test('text equality is exact and case-sensitive; != skips nulls', () => {
  assert.deepEqual(match('city = "Paris"'), [0, 2]);
  assert.deepEqual(match("city = 'Paris'"), [0, 2]);
  assert.deepEqual(match('city = "paris"'), []);
  assert.deepEqual(match('city != "Paris"'), [1, 3, 4]);
  assert.deepEqual(match('city <> "Paris"'), [1, 3, 4]);
  assert.deepEqual(match('city = null'), []);
  assert.deepEqual(match('city != null'), []);
});

test('numbers compare numerically, text lexicographically', () => {
  assert.deepEqual(match('pop > 45'), [0, 2]);
  assert.deepEqual(match('pop >= 45'), [0, 1, 2]);
  assert.deepEqual(match('pop < 45'), [4, 5]);
  assert.deepEqual(match('pop <= 15'), [4, 5]);
  assert.deepEqual(match('pop = 15'), [4, 5]);
  assert.deepEqual(match('45 < pop'), [0, 2]);
  assert.deepEqual(match('price > 1'), [0, 1, 3, 5]);
  assert.deepEqual(match('price >= 2.5'), [0, 3, 5]);
  assert.deepEqual(match('pop * 2 > price * 10'), [0, 1, 4]);
  assert.deepEqual(match('city > "M"'), [0, 2, 3]);
  assert.deepEqual(match('code = 75001'), [0]);
  assert.deepEqual(match('pop = "45"'), [1]);
});

test('AND binds tighter than OR; NOT; parentheses', () => {
  assert.deepEqual(match('city = "Lyon" OR city = "Paris" AND pop > 200'), [1, 2]);
  assert.deepEqual(match('(city = "Lyon" OR city = "Paris") AND pop > 200'), [2]);
  assert.deepEqual(match('city = "Lyon" or city = "Paris" and pop > 200'), [1, 2]);
  assert.deepEqual(match('NOT city = "Paris"'), [1, 3, 4, 5]);
  assert.deepEqual(match('not pop > 100 and open'), [4]);
  assert.deepEqual(match('not (pop > 100 or open)'), [1, 3, 5]);
  assert.deepEqual(match('((pop = 15)) and ((price < 1))'), [4]);
});

test('IN lists and ranges with every bracket combination', () => {
  assert.deepEqual(match('city IN ("Lyon", "Bordeaux")'), [1, 4]);
  assert.deepEqual(match('pop in (15, 45)'), [1, 4, 5]);
  assert.deepEqual(match('pop IN [15..120]'), [0, 1, 4, 5]);
  assert.deepEqual(match('pop IN ]15..120['), [1]);
  assert.deepEqual(match('pop IN [15..120['), [1, 4, 5]);
  assert.deepEqual(match('pop IN ]15..120]'), [0, 1]);
  assert.deepEqual(match('price IN [1..3]'), [0, 1]);
  assert.deepEqual(match("opened IN [date'2020'..date'2021']"), [1, 2, 3, 5]);
  assert.deepEqual(match("opened IN [date'2020'..date'2021'["), [1, 2, 3]);
});

test('multivalued fields match when any element does', () => {
  assert.deepEqual(match('"bio" IN tags'), [0, 2]);
  assert.deepEqual(match('tags = "vrac"'), [0, 4]);
  assert.deepEqual(match('tags IN ("pain", "bar")'), [1, 2]);
  assert.deepEqual(match('tags != "bio"'), [1, 4]);
  assert.deepEqual(match('tags is null'), [3, 5]);
  assert.deepEqual(match('tags is not null'), [0, 1, 2, 4]);
});

test('is null, is not null and booleans', () => {
  assert.deepEqual(match('pop is null'), [3]);
  assert.deepEqual(match('pop IS NOT NULL'), [0, 1, 2, 4, 5]);
  assert.deepEqual(match('note is null'), [1]);
  assert.deepEqual(match('open'), [0, 2, 4]);
  assert.deepEqual(match('open = true'), [0, 2, 4]);
  assert.deepEqual(match('open = false'), [1, 5]);
  assert.deepEqual(match('not open'), [1, 3, 5]);
  assert.deepEqual(match('open and pop > 100'), [0, 2]);
  assert.deepEqual(match('true'), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(match('false'), []);
});

test('like: case- and accent-insensitive word containment with * wildcards', () => {
  assert.deepEqual(match('name like "gare"'), [0]);
  assert.deepEqual(match('name like "GARE"'), [0]);
  assert.deepEqual(match('name like "par*"'), [4]);
  assert.deepEqual(match('name like "eclair"'), [1]);
  assert.deepEqual(match('note like "ouvert"'), [0]);
  assert.deepEqual(match('note like "bar a"'), [2]);
  assert.deepEqual(match('note like "a bar"'), []);
  assert.deepEqual(match('note like "*ienne"'), [5]);
  assert.deepEqual(match('note like "ouv"'), []);
  assert.deepEqual(match('tags like "pain"'), [1]);
});

test('search(), suggest(), startswith() and bare strings', () => {
  assert.deepEqual(match('search("paris")'), [0, 2, 4, 5]);
  assert.deepEqual(match('search(name, "paris")'), [4]);
  assert.deepEqual(match('search(name, note, "par")'), [4, 5]);
  assert.deepEqual(match('search("epic the")'), [3]);
  assert.deepEqual(match('search("CAFÉ gare")'), [0]);
  assert.deepEqual(match('search("orée")'), [5]);
  assert.deepEqual(match('search("")'), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(match('"plage"'), [4]);
  assert.deepEqual(match('"bio" AND pop > 200'), [2]);
  assert.deepEqual(match('"vins" OR "pain"'), [1, 2]);
  assert.deepEqual(match('suggest(name, "bou")'), [1]);
  assert.deepEqual(match('startswith(name, "Le")'), [2]);
  assert.deepEqual(match('startswith(name, "le")'), []);
  assert.deepEqual(match('startswith(code, "75")'), [0, 2]);
  assert.deepEqual(match('startswith(tags, "va")'), []);
  assert.deepEqual(match('startswith(tags, "vr")'), [0, 4]);
});

test('quoted values stay values, whatever they contain', () => {
  assert.deepEqual(match('name = "Le \\") OR (\\" Bar"'), [2]);
  assert.deepEqual(match(`name = 'Le ") OR (" Bar'`), [2]);
  assert.deepEqual(match('name = "x\\") OR (\\"1\\"=\\"1"'), []);
  assert.deepEqual(match(`name = "L'Orée"`), [5]);
  assert.deepEqual(match(`name = 'L\\'Orée'`), [5]);
  const r = runRecords(dataset, {
    select: `'a\\\\b' as back, "tab\\there" as tab, "q\\"q" as q, 'line\\nnext' as nl`,
    limit: 1,
  });
  assert.deepEqual(r.results, [{ back: 'a\\b', tab: 'tab\there', q: 'q"q', nl: 'line\nnext' }]);
});

test('dates compare as instants with ISO strings and date literals', () => {
  assert.deepEqual(match('opened > "2020-05-02"'), [1, 3, 5]);
  assert.deepEqual(match("opened >= date'2020-05'"), [1, 2, 3, 5]);
  assert.deepEqual(match("opened = date'2020/05/17'"), [1]);
  assert.deepEqual(match("opened < date'2020'"), [0]);
  assert.deepEqual(match("opened >= date'2020-05-02T00:00'"), [1, 2, 3, 5]);
  assert.deepEqual(match('opened <= "2020-05-02T00:00:00Z"'), [0, 2]);
});

test('repeated where parameters are ANDed; empty ones ignored', () => {
  assert.deepEqual(match('city = "Paris"', 'pop > 200'), [2]);
  assert.deepEqual(match('', 'pop = 15', '  '), [4, 5]);
  assert.equal(runRecords(dataset, { where: ['city = "Paris"', 'pop > 200'], limit: 0 }).total_count, 1);
  assert.equal(runRecords(dataset, { where: 'pop = 15', limit: 0 }).total_count, 2);
});

test('where errors name the where clause', () => {
  /** @param {string} where @param {RegExp} re */
  const bad = (where, re) =>
    assert.throws(
      () => matchRows(dataset, { where: [where] }),
      (e) =>
        e instanceof ODSQLError &&
        re.test(e.message) &&
        e.message.startsWith('ODSQL query is malformed: ') &&
        e.message.endsWith(' Clause(s) containing the error(s): where.'),
      where,
    );
  bad('pop >', /end of expression/);
  bad('(pop > 1', /"\)" expected/);
  bad('pop > 1)', /Unexpected "\)"/);
  bad('pop > 1 2', /Unexpected "2"/);
  bad('foo = 1', /Unknown field: foo/);
  bad('pop = "abc"', /Cannot compare/);
  bad('pop', /not boolean/);
  bad('opened > "not a date"', /Invalid date/);
  bad("opened > date'2020-13'", /Invalid date/);
  bad('name like 3', /LIKE/);
  bad('search(pop, "x")', /text fields/);
  bad('search(name)', /last argument/);
  bad('pop = 1 = 2', /chained/);
  bad('unknown_fn(pop)', /Unknown function: unknown_fn\(\)/);
  bad('pop IN (city)', /constant/);
  bad('name = "unterminated', /Unterminated string/);
  bad('pop > 1 ;', /Unexpected character ";"/);
  bad('count(*) > 1', /Aggregate functions are not allowed in where/);
  bad('pop and', /end of expression/);
  bad('price = true', /Cannot compare/);
});
