// @ts-check
/**
 * `npm run storybook`: the local portal on port 8710 (the stories read its data; an already running
 * one is reused), the custom elements manifest, then Storybook's dev server on port 6006.
 */
import { spawn, execFileSync } from 'node:child_process';
import { startPortal } from '../demo/portal/server.js';

try {
  const portal = await startPortal({ port: 8710 });
  console.log(`Local portal: ${portal.url}/`);
} catch (error) {
  if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
  console.log('Port 8710 is taken: using the local portal already running there.');
}
execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', '.'],
  { stdio: 'ignore' },
);
const child = spawn('npx', ['storybook', 'dev', '-p', '6006', '--no-open', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
