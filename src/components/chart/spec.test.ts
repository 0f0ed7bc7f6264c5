/**
 * The chart's pure parts, without a portal or a view: reading attributes, the query, shaping the
 * answer (gaps, others, series, shares), the Vega-Lite spec, merging the `spec` attribute, the CSV
 * file, the summary, the theme and the vega locale. (They run in the browser with the other component
 * tests; nothing here touches the DOM but `Intl`.)
 */
import { expect } from '@open-wc/testing';
import type { AggregateResult } from '../../data/explore.js';
import type { DatasetMetadata } from '../../data/metadata.js';
import { isVitrineDataError } from '../../data/errors.js';
import {
  nextPeriodKey,
  parsePlan,
  periodRange,
  planQuery,
  resolvePlan,
  shapeModel,
  tableModel,
  toCsv,
  type ChartAttributes,
  type ChartFormat,
} from './model.js';
import { FORMAT_FUNCTION, chartSpec, mergeSpec, parseSpecAttribute, type JsonObject } from './spec.js';
import { chartName, chartSummary } from './summary.js';
import { LIGHT_PALETTE, chartConfig, luminance, parseColor } from './theme.js';
import { vegaLocale } from './vega-locale.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const META: DatasetMetadata = {
  datasetId: 'test',
  features: [],
  fields: [
    { name: 'departement', label: 'Département', type: 'text', multivalued: false, facet: true },
    { name: 'region', label: 'Région', type: 'text', multivalued: false, facet: true },
    { name: 'population', label: 'Population', type: 'int', multivalued: false, facet: false },
    { name: 'date', label: 'Date', type: 'date', multivalued: false, facet: false },
    { name: 'temp', label: 'Température', type: 'double', multivalued: false, facet: false },
  ],
};

const EN: ChartFormat = { tag: 'en', locale: 'en', number: {}, dateStyle: 'long' };
const FR: ChartFormat = { tag: 'fr', locale: 'fr', number: {}, dateStyle: 'long' };

function attrs(over: Partial<ChartAttributes>): ChartAttributes {
  return {
    type: '',
    x: '',
    y: '',
    color: '',
    size: '',
    stack: '',
    sort: '',
    limit: '',
    others: false,
    timeUnit: '',
    ...over,
  };
}

function errorOf(fn: () => unknown): { attribute?: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isVitrineDataError(error)) return { attribute: error.details.attribute, message: error.message };
    throw error;
  }
  throw new Error('no error');
}

const result = (rows: AggregateResult['rows'], more: Partial<AggregateResult> = {}): AggregateResult => ({
  rows,
  truncated: false,
  ...more,
});

describe('chart model', () => {
  it('reads the attributes: kind, categories, aggregates, sort in the chart’s words', () => {
    const plan = parsePlan(attrs({ type: 'bar', x: 'departement', y: 'sum(population)', sort: '-y', limit: '5' }));
    expect(plan.kind).to.equal('bar');
    expect(plan.stack).to.equal('none');
    expect(plan.x).to.deep.include({ role: 'group', key: 'x' });
    expect(planQuery(plan)).to.deep.equal({
      measures: [{ op: 'sum', field: 'population', as: 'y0' }],
      groupBy: [{ field: 'departement', as: 'x' }],
      sort: [{ by: 'y0', desc: true }],
      limit: 5,
    });
    expect(parsePlan(attrs({ x: 'departement', y: 'sum(population)', sort: 'departement' })).sort).to.deep.equal([
      { by: 'x' },
    ]);
    expect(parsePlan(attrs({ x: 'departement', y: 'sum(population)', sort: '-sum(population)' })).sort).to.deep.equal([
      { by: 'y0', desc: true },
    ]);
    expect(parsePlan(attrs({ x: 'region', color: 'departement', sort: 'color, -y' })).sort).to.deep.equal([
      { by: 'c' },
      { by: 'y0', desc: true },
    ]);
  });

  it('defaults: columns of record counts; areas stack; a time unit from the attribute or the call', () => {
    const plan = parsePlan(attrs({ x: 'region' }));
    expect(plan.kind).to.equal('column');
    expect(planQuery(plan).measures).to.deep.equal([{ op: 'count', as: 'y0' }]);
    expect(parsePlan(attrs({ type: 'area', x: 'region', color: 'departement' })).stack).to.equal('normal');
    expect(parsePlan(attrs({ x: 'region', color: 'departement', stack: '100%' })).stack).to.equal('percent');
    expect(planQuery(parsePlan(attrs({ type: 'line', x: 'date', timeUnit: 'month' }))).groupBy).to.deep.equal([
      { field: 'date', timeUnit: 'month', as: 'x' },
    ]);
    expect(planQuery(parsePlan(attrs({ type: 'line', x: 'quarter(date)' }))).groupBy).to.deep.equal([
      { field: 'date', timeUnit: 'quarter', as: 'x' },
    ]);
    // A date field on x without a unit is grouped by day.
    const resolved = resolvePlan(parsePlan(attrs({ type: 'line', x: 'date' })), META);
    expect(resolved.x.role === 'group' && resolved.x.group.timeUnit).to.equal('day');
  });

  it('scatter plots: aggregates per group, or field × field counting records', () => {
    const aggregates = planQuery(
      parsePlan(attrs({ type: 'scatter', x: 'avg(temp)', y: 'sum(population)', color: 'region' })),
    );
    expect(aggregates.groupBy).to.deep.equal([{ field: 'region', as: 'c' }]);
    expect(aggregates.measures.map((m) => m.as)).to.deep.equal(['x', 'y0']);
    const fields = planQuery(parsePlan(attrs({ type: 'scatter', x: 'temp', y: 'population' })));
    expect(fields.groupBy!.map((g) => g.as)).to.deep.equal(['x', 'y0']);
    expect(fields.measures).to.deep.equal([{ op: 'count', as: 's' }]);
    const sized = planQuery(parsePlan(attrs({ type: 'scatter', x: 'temp', y: 'population', size: 'count(*)' })));
    expect(sized.measures).to.deep.equal([{ op: 'count', as: 's' }]);
  });

  it('names the attribute to fix', () => {
    expect(errorOf(() => parsePlan(attrs({ type: 'camembert', x: 'a' })))).to.include({ attribute: 'type' });
    expect(errorOf(() => parsePlan(attrs({ x: '' })))).to.include({ attribute: 'x' });
    expect(errorOf(() => parsePlan(attrs({ x: 'sum(population)' })))).to.include({ attribute: 'x' });
    expect(errorOf(() => parsePlan(attrs({ type: 'pie', x: 'a', y: 'count(*), sum(b)' })))).to.include({
      attribute: 'y',
    });
    expect(errorOf(() => parsePlan(attrs({ type: 'pie', x: 'a', color: 'b' })))).to.include({ attribute: 'color' });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', y: 'sum(b), sum(c)', color: 'd' })))).to.include({
      attribute: 'color',
    });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', size: 'count(*)' })))).to.include({ attribute: 'size' });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', stack: 'tall' })))).to.include({ attribute: 'stack' });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', limit: 'ten' })))).to.include({ attribute: 'limit' });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', others: true })))).to.include({ attribute: 'others' });
    expect(errorOf(() => parsePlan(attrs({ x: 'month(date)', limit: '3', others: true })))).to.include({
      attribute: 'others',
    });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', sort: '-nope' })))).to.include({ attribute: 'sort' });
    expect(errorOf(() => parsePlan(attrs({ x: 'a', timeUnit: 'fortnight' })))).to.include({ attribute: 'x' });
    const unknown = errorOf(() => resolvePlan(parsePlan(attrs({ x: 'region', color: 'departemnt' })), META));
    expect(unknown.attribute).to.equal('color');
    expect(unknown.message).to.contain('did you mean "departement"');
    expect(errorOf(() => resolvePlan(parsePlan(attrs({ x: 'region', y: 'sum(region)' })), META)).attribute).to.equal(
      'y',
    );
  });

  it('counts periods, across years and units', () => {
    expect(nextPeriodKey('2012-12', 'month')).to.equal('2013-01');
    expect(nextPeriodKey('2012-Q4', 'quarter')).to.equal('2013-Q1');
    expect(nextPeriodKey('2012-12-31', 'week')).to.equal('2013-01-07');
    expect(nextPeriodKey('2012-12-31T23:00', 'hour')).to.equal('2013-01-01T00:00');
    expect(nextPeriodKey('2012', 'year')).to.equal('2013');
    expect(periodRange('2012-11', '2013-02', 'month')).to.deep.equal(['2012-11', '2012-12', '2013-01', '2013-02']);
    expect(periodRange('2012-01-01', '2012-12-31', 'day')).to.have.length(366);
    expect(periodRange('2000-01-01', '2012-12-31', 'hour', 1000)).to.equal(null);
  });

  it('fills the missing periods of a time series with empty values, for every series', () => {
    const plan = resolvePlan(
      parsePlan(attrs({ type: 'line', x: 'month(date)', y: 'avg(temp)', color: 'region' })),
      META,
    );
    const model = shapeModel(
      plan,
      result([
        { x: '2012-01', c: 'A', y0: 1 },
        { x: '2012-01', c: 'B', y0: 2 },
        { x: '2012-04', c: 'A', y0: 3 },
      ]),
      META,
      EN,
    );
    expect(model.gaps).to.equal(2);
    expect(model.records.map((r) => [r.row.x, r.filled ?? false])).to.deep.equal([
      ['2012-01', false],
      ['2012-01', false],
      ['2012-02', true],
      ['2012-03', true],
      ['2012-04', false],
    ]);
    const b = model.rows.filter((r) => r.c === 'B');
    expect(b.map((r) => [r.k, r.y])).to.deep.equal([
      ['2012-01', 2],
      ['2012-02', null],
      ['2012-03', null],
      ['2012-04', null],
    ]);
    expect(model.rows[0]).to.include({ k: '2012-01', x: Date.UTC(2012, 0, 1), t: 'January 2012' });
    // Counting: a series absent from a period that has data counted no record there.
    const counts = shapeModel(
      { ...plan, y: parsePlan(attrs({ x: 'a' })).y },
      result([
        { x: '2012-01', c: 'A', y0: 1 },
        { x: '2012-01', c: 'B', y0: 2 },
        { x: '2012-03', c: 'A', y0: 3 },
      ]),
      META,
      EN,
    );
    expect(counts.rows.filter((r) => r.c === 'B').map((r) => [r.k, r.y])).to.deep.equal([
      ['2012-01', 2],
      ['2012-02', null],
      ['2012-03', 0],
    ]);
  });

  it('adds the "others" bucket, folds several aggregates into series, and computes shares', () => {
    const top = parsePlan(
      attrs({ type: 'pie', x: 'departement', y: 'sum(population)', sort: '-y', limit: '2', others: true }),
    );
    const pie = shapeModel(
      top,
      result(
        [
          { x: '59', y0: 60 },
          { x: '75', y0: 30 },
        ],
        { others: { y0: 10 } },
      ),
      META,
      FR,
    );
    expect(pie.rows.map((r) => [r.x, r.y, r.p, r.o ?? false])).to.deep.equal([
      ['59', 60, 0.6, false],
      ['75', 30, 0.3, false],
      ['Autres', 10, 0.1, true],
    ]);
    const series = shapeModel(
      parsePlan(attrs({ x: 'region', y: 'sum(population), avg(temp)' })),
      result([{ x: '11', y0: 5, y1: 1.5 }]),
      META,
      EN,
    );
    expect(series.rows.map((r) => [r.x, r.c, r.y])).to.deep.equal([
      ['11', 'Population', 5],
      ['11', 'Average Température', 1.5],
    ]);
    const percent = shapeModel(
      parsePlan(attrs({ x: 'region', color: 'departement', stack: 'percent' })),
      result([
        { x: 'A', c: '1', y0: 1 },
        { x: 'A', c: '2', y0: 3 },
        { x: 'B', c: '1', y0: 2 },
      ]),
      META,
      EN,
    );
    expect(percent.rows.map((r) => r.p)).to.deep.equal([0.25, 0.75, 1]);
    const empty = shapeModel(parsePlan(attrs({ x: 'region' })), result([{ x: null, y0: 4 }]), META, FR);
    expect(empty.rows[0]!.x).to.equal('sans valeur');
  });

  it('writes the table and the CSV file of the data shown', () => {
    const plan = parsePlan(
      attrs({ x: 'departement', y: 'sum(population), avg(temp)', sort: '-y', limit: '2', others: true }),
    );
    const model = shapeModel(
      plan,
      result(
        [
          { x: '=HYPERLINK("x")', y0: 1234567, y1: 12.345 },
          { x: 'Saint-Denis; "Nord"', y0: 5, y1: null },
        ],
        { others: { y0: 7, y1: 1 } },
      ),
      META,
      FR,
    );
    const table = tableModel(model, FR);
    expect(table.columns.map((c) => c.label)).to.deep.equal(['Département', 'Population', 'Température (moyenne)']);
    expect(table.rows[0]!.map((c) => c.text)).to.deep.equal(['=HYPERLINK("x")', `1${NNBSP}234${NNBSP}567`, '12,35']);
    expect(table.rows[1]![2]!.text).to.equal('–');
    expect(toCsv(table)).to.equal(
      '\ufeffDépartement;Population;Température (moyenne)\r\n' +
        '"\'=HYPERLINK(""x"")";1234567;12.345\r\n' +
        '"Saint-Denis; ""Nord""";5;\r\n' +
        'Autres;7;1\r\n',
    );
    const time = shapeModel(
      resolvePlan(parsePlan(attrs({ type: 'column', x: 'quarter(date)' })), META),
      result([
        { x: '2012-Q1', y0: 1 },
        { x: '2012-Q3', y0: 2 },
      ]),
      META,
      FR,
    );
    expect(toCsv(tableModel(time, FR))).to.equal(
      '\ufeffDate;Nombre d’enregistrements\r\n2012-Q1;1\r\n2012-Q2;\r\n2012-Q3;2\r\n',
    );
    expect(tableModel(time, FR).rows.map((r) => r[0]!.text)).to.deep.equal([
      `T1${NBSP}2012`,
      `T2${NBSP}2012`,
      `T3${NBSP}2012`,
    ]);
  });
});

describe('chart spec', () => {
  const bars = () =>
    shapeModel(
      parsePlan(attrs({ type: 'bar', x: 'departement', y: 'sum(population)' })),
      result([
        { x: '<img src=x onerror=alert(1)>', y0: 2 },
        { x: '" + alert(1) + "', y0: 1 },
      ]),
      META,
      EN,
    );

  it('draws bars across, with the data kept out of the spec', () => {
    const spec = chartSpec(bars(), { width: 400, height: 200, formats: { value: 'v', percent: 'p', period: 't' } });
    expect(spec.data).to.deep.equal({ name: 'table' });
    expect(spec.mark).to.deep.include({ type: 'bar', aria: false });
    const encoding = spec.encoding as JsonObject;
    expect(encoding.y).to.deep.include({ field: 'x', type: 'nominal', sort: null, title: 'Département' });
    expect(encoding.x).to.deep.include({ field: 'y', type: 'quantitative', title: 'Population' });
    expect((encoding.x as JsonObject).axis).to.deep.include({ formatType: 'vitrineFormat', format: 'v' });
    const text = JSON.stringify(spec);
    expect(text).to.not.contain('alert');
    expect(text).to.not.contain('onerror');
  });

  it('uses a band per period for time columns, a continuous UTC axis for lines, a hole for donuts', () => {
    const month = resolvePlan(parsePlan(attrs({ type: 'column', x: 'month(date)' })), META);
    const columns = chartSpec(shapeModel(month, result([{ x: '2012-01', y0: 1 }]), META, EN));
    expect((columns.encoding as JsonObject).x).to.deep.include({ field: 'k', type: 'ordinal' });
    expect(columns.mark).to.deep.include({ invalid: 'show' });
    const line = chartSpec(shapeModel({ ...month, kind: 'line' }, result([{ x: '2012-01', y0: 1 }]), META, EN));
    expect((line.encoding as JsonObject).x).to.deep.include({ field: 'x', type: 'temporal', scale: { type: 'utc' } });
    const donut = chartSpec(
      shapeModel(parsePlan(attrs({ type: 'donut', x: 'region' })), result([{ x: 'a', y0: 1 }]), META, EN),
    );
    expect(donut.mark).to.deep.include({ type: 'arc', innerRadius: { expr: 'min(width, height) * 0.27' } });
    const grouped = chartSpec(
      shapeModel(
        parsePlan(attrs({ x: 'region', color: 'departement' })),
        result([{ x: 'a', c: 'b', y0: 1 }]),
        META,
        EN,
      ),
      { legend: false },
    );
    expect((grouped.encoding as JsonObject).xOffset).to.deep.equal({ field: 'c', sort: null });
    expect((grouped.encoding as JsonObject).color).to.deep.include({ legend: null, title: 'Département' });
  });

  it('merges the spec attribute: objects key by key, arrays replaced, no prototype pollution', () => {
    const over = parseSpecAttribute(
      '{"mark": {"cornerRadius": 3}, "config": {"range": {"category": ["#000"]}}, "__proto__": {"polluted": true}}',
    )!;
    const merged = mergeSpec(
      chartSpec(bars(), { config: { range: { category: ['#111', '#222'] }, font: 'serif' } }),
      over,
    );
    expect(merged.mark).to.deep.include({ type: 'bar', cornerRadius: 3 });
    expect((merged.config as JsonObject).range).to.deep.equal({ category: ['#000'] });
    expect((merged.config as JsonObject).font).to.equal('serif');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(merged)).to.equal(Object.prototype);
  });

  it('names the format function as the engine registers it', async () => {
    const engine = await import('./engine.js');
    expect(engine.FORMAT_FUNCTION).to.equal(FORMAT_FUNCTION);
  });

  it('rejects a spec attribute that is not a plain JSON object, or that replaces the data', () => {
    expect(parseSpecAttribute('  ')).to.equal(undefined);
    for (const [text, reason] of [
      ["{mark: 'bar'}", 'not plain JSON'],
      ['() => 1', 'not plain JSON'],
      ['[1, 2]', 'a JSON object is expected'],
      ['"bar"', 'a JSON object is expected'],
      ['{"datasets": {}}', 'remove "datasets"'],
    ] as const) {
      const error = errorOf(() => parseSpecAttribute(text));
      expect(error.attribute, text).to.equal('spec');
      expect(error.message, text).to.contain(reason);
    }
  });
});

describe('chart summary', () => {
  const top = () =>
    shapeModel(
      parsePlan(attrs({ type: 'bar', x: 'departement', y: 'sum(population)', sort: '-y', limit: '3', others: true })),
      result(
        [
          { x: '59', y0: 2615635 },
          { x: '75', y0: 2103778 },
          { x: '13', y0: 2087658 },
        ],
        { others: { y0: 100 } },
      ),
      META,
      EN,
    );

  it('says what the chart shows, its extremes and its others bucket', () => {
    expect(chartSummary(top(), EN)).to.equal(
      'Bar chart of Population by Département. Highest: 59 (2,615,635); lowest: 13 (2,087,658). All others together: 100.',
    );
    expect(chartName(top(), FR)).to.equal(`Graphique en barres${NBSP}: Population par Département.`);
  });

  it('gives the trend of a time series and its gaps, in French', () => {
    const plan = resolvePlan(parsePlan(attrs({ type: 'line', x: 'year(date)', y: 'avg(temp)' })), META);
    const model = shapeModel(
      plan,
      result([
        { x: '2012', y0: 10 },
        { x: '2014', y0: 12.5 },
      ]),
      META,
      FR,
    );
    expect(chartSummary(model, FR, { name: false })).to.equal(
      `Température (moyenne)${NBSP}: en hausse, de 10 (2012) à 12,5 (2014), +25,0${NBSP}%. ` +
        `Maximum${NBSP}: 2014 (12,5)${NBSP}; minimum${NBSP}: 2012 (10). Aucune donnée pour 1 période.`,
    );
  });

  it('describes series one by one, shares of a pie, and scatter plots', () => {
    const series = shapeModel(
      parsePlan(attrs({ x: 'region', y: 'sum(population), avg(temp)' })),
      result([
        { x: 'A', y0: 5, y1: 1 },
        { x: 'B', y0: 7, y1: 0.5 },
      ]),
      META,
      EN,
    );
    expect(chartSummary(series, EN)).to.equal(
      'Column chart of Population and Average Température by Région. ' +
        'Population: highest B (7), lowest A (5). Average Température: highest A (1), lowest B (0.5).',
    );
    const pie = shapeModel(
      parsePlan(attrs({ type: 'pie', x: 'region' })),
      result([
        { x: 'A', y0: 3 },
        { x: 'B', y0: 1 },
      ]),
      META,
      EN,
    );
    expect(chartSummary(pie, EN)).to.contain('Largest share: A, 75.0% of the total (4).');
    const scatter = shapeModel(
      parsePlan(attrs({ type: 'scatter', x: 'avg(temp)', y: 'sum(population)', color: 'region' })),
      result([
        { c: 'A', x: 1, y0: 10 },
        { c: 'B', x: 3, y0: 30 },
      ]),
      META,
      EN,
    );
    expect(chartSummary(scatter, EN)).to.equal(
      'Scatter plot of Population against Average Température. 2 points. Average Température goes from 1 to 3. Population goes from 10 to 30.',
    );
  });
});

describe('chart theme and locale', () => {
  it('reads colours and builds a config with the palette', () => {
    expect(parseColor('rgb(30, 30, 30)')).to.deep.equal([30, 30, 30]);
    expect(parseColor('#fff')).to.deep.equal([255, 255, 255]);
    expect(luminance([255, 255, 255])).to.be.closeTo(1, 1e-9);
    const config = chartConfig({
      font: 'Marianne, sans-serif',
      text: '#161616',
      muted: '#555',
      grid: '#ddd',
      background: '#fff',
      accent: '#000091',
      palette: LIGHT_PALETTE,
      dark: false,
      fontSize: 12,
    });
    expect(config.range).to.deep.equal({ category: LIGHT_PALETTE });
    expect(config.mark).to.deep.equal({ color: '#000091' });
    expect(config.font).to.equal('Marianne, sans-serif');
  });

  it('every default series colour has at least 4.5:1 contrast on white', () => {
    for (const colour of LIGHT_PALETTE) {
      const ratio = 1.05 / (luminance(parseColor(colour)!) + 0.05);
      expect(ratio, colour).to.be.at.least(4.5);
    }
  });

  it('gives vega the page language’s numbers and dates', () => {
    const fr = vegaLocale('fr');
    expect(fr.number).to.deep.include({ decimal: ',', thousands: NNBSP });
    expect(fr.time.months[0]).to.equal('janvier');
    expect(fr.time.days[0]).to.equal('dimanche');
    expect(fr.time.date).to.equal('%d/%m/%Y');
    const en = vegaLocale('en-US');
    expect(en.number).to.deep.include({ decimal: '.', thousands: ',' });
    expect(en.time.shortMonths[11]).to.equal('Dec');
    expect(en.time.date).to.equal('%m/%d/%Y');
  });
});
