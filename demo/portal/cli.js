#!/usr/bin/env node
// @ts-check
/**
 * `PORT=<n> npm run portal` starts the local portal alone. `HOST` chooses the interface
 * (default 127.0.0.1); VITRINE_PORTAL_DELAY_MS and VITRINE_PORTAL_FAULTS inject slowness and failures.
 */
import { startPortal, optionsFromEnv } from './server.js';

const portal = await startPortal({
  ...optionsFromEnv(process.env),
  port: Number(process.env.PORT ?? 8710),
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`Vitrine local portal: ${portal.url}/  (API: ${portal.url}/api/explore/v2.1/catalog/datasets)`);
const stop = () => portal.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
