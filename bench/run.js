// @ts-check
/**
 * `npm run bench`: every benchmark, printed as tables, with the date and the machine.
 */
import os from 'node:os';
import { benchPortal } from './portal.js';

console.log(
  `Vitrine benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
const rows = await benchPortal();
console.log('Local portal over HTTP (ms, median / p95 of 15 runs after a warm-up)');
for (const r of rows)
  console.log(
    `  ${r.name.padEnd(66)} ${r.median.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KB`,
  );
