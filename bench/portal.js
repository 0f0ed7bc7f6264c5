// @ts-check
/**
 * Speed of the local portal over real HTTP: the queries Vitrine's elements send most, on the largest
 * tables. Prints the median and the 95th percentile of several runs of each, after one warm-up.
 * Usage: `node bench/portal.js [runs]`.
 */
import { startPortal } from '../demo/portal/server.js';

const API = '/api/explore/v2.1/catalog/datasets';
const RUNS = Number(process.argv[2] ?? 15);

/** @type {[string, string, Record<string, string>][]} */
const CASES = [
  [
    'flights: group_by range(distance) + count + avg (200,000 rows)',
    'flights',
    { select: 'band, count(*) as n, avg(delay) as delay', group_by: 'range(distance, 500) as band', limit: '100' },
  ],
  [
    'flights: group_by delay band, where distance > 1000',
    'flights',
    { select: 'd, count(*) as n', group_by: 'range(delay, *, 0, 15, 60, *) as d', where: 'distance > 1000' },
  ],
  ['flights: one aggregate (key figure)', 'flights', { select: 'avg(delay) as d, count(*) as n' }],
  [
    'communes: group_by departement, top 10 by population',
    'communes-france',
    {
      select: 'departement, count(*) as n, sum(population) as pop',
      group_by: 'departement',
      order_by: 'pop desc',
      limit: '10',
    },
  ],
  ['communes: facets departement + region', 'communes-france', { facet: 'departement' }],
  [
    'zip codes: geo_cluster at zoom 4 (42,049 points)',
    'us-zipcodes',
    { select: 'c, count(*) as n', group_by: 'geo_cluster(geo_point_2d, 4) as c', limit: '20000' },
  ],
  ['zip codes: exports/geojson (all points)', 'us-zipcodes', {}],
];

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

export async function benchPortal(runs = RUNS) {
  const portal = await startPortal({ port: 0, quiet: true });
  const rows = [];
  try {
    for (const [name, dataset, query] of CASES) {
      const path = name.includes('exports/geojson')
        ? `${API}/${dataset}/exports/geojson`
        : name.includes('facets')
          ? `${API}/${dataset}/facets`
          : `${API}/${dataset}/records`;
      const url = new URL(path, portal.url);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const once = async () => {
        const t0 = performance.now();
        const res = await fetch(url);
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${new TextDecoder().decode(body)}`);
        return { ms: performance.now() - t0, bytes: body.byteLength };
      };
      await once();
      const times = [];
      let bytes = 0;
      for (let i = 0; i < runs; i += 1) {
        const r = await once();
        times.push(r.ms);
        bytes = r.bytes;
      }
      rows.push({ name, median: quantile(times, 0.5), p95: quantile(times, 0.95), bytes });
    }
  } finally {
    await portal.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchPortal();
  console.log(`Local portal over HTTP, ${RUNS} runs each after a warm-up (ms)`);
  console.log(`${'query'.padEnd(66)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'answer'.padStart(10)}`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(66)} ${r.median.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KB`,
    );
}
