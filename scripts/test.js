// @ts-check
/**
 * `npm test`: every test, with one closing line `N passed, N failed` over all of them.
 * - node's test runner (through tsx): the data layer, the formatting, the local portal, over real HTTP;
 * - the same runner, after the build, on what it made: test/package (the npm package as a site's build
 *   installs it) and test/demo (every demo page in Chromium, as `npm start` serves it);
 * - web-test-runner in headless Chromium: the elements, against the local portal.
 * The browser tests run against a fresh build (the CDN bundle is tested as a page loads it); `--no-build`
 * skips it. Options: `--only node|built|browser`; extra arguments after `--` go to the chosen runner.
 * Exits non-zero when any test failed or a runner could not run.
 */
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

/** Node test files: everything under the DOM-free folders and test/portal, test/node. */
const NODE_DIRS = ['src/data', 'src/format', 'test/portal', 'test/node', 'bench/test'];
const BROWSER_ONLY = /\.browser\.test\.ts$/;
/** Tests of what the build made (the npm package, the demo pages), run after it. */
const BUILT_DIRS = ['test/package', 'test/demo'];

/** @param {string} dir */
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => /\.test\.(js|ts)$/.test(f) && !BROWSER_ONLY.test(f))
    .sort();
}

/**
 * @param {string} command
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(command, argv, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const tmp = await mkdtemp(join(tmpdir(), 'vitrine-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

/**
 * Runs node's test runner on `files` and adds its counts to the totals.
 * @param {string[]} files
 * @param {string} name
 */
async function nodeTests(files, name) {
  const tap = join(tmp, `${name}.tap`);
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? await readFile(tap, 'utf8') : '';
  const count = (/** @type {string} */ key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (code !== 0 && count('fail') + count('cancelled') === 0) broken = true;
}

if (only !== 'browser' && only !== 'built') {
  const files = extra.length > 0 ? extra : NODE_DIRS.flatMap(testFiles);
  console.log(`\n▶ node tests (${files.length} files)`);
  await nodeTests(files, 'node');
}

if (only !== 'node' && !args.includes('--no-build')) {
  console.log('\n▶ build (the tests of the build and the browser tests use dist/)');
  if ((await run(process.execPath, ['scripts/build.js'])) !== 0) {
    console.log('The build failed: counted as one failure.');
    totals.failed += 1;
  }
}

if (only === undefined || only === 'built') {
  const files = only === 'built' && extra.length > 0 ? extra : BUILT_DIRS.flatMap(testFiles);
  console.log(`\n▶ tests of the build (${files.length} files: the npm package, the demo pages)`);
  await nodeTests(files, 'built');
}

if (only !== 'node' && only !== 'built') {
  ensureChromium();
  const counts = join(tmp, 'browser.json');
  console.log('\n▶ browser tests (web-test-runner, headless Chromium)');
  const code = await run(
    'npx',
    ['web-test-runner', '--config', 'web-test-runner.config.js', ...(only === 'browser' ? extra : [])],
    {
      ...process.env,
      VITRINE_COUNTS_FILE: counts,
    },
  );
  if (existsSync(counts)) {
    const c = JSON.parse(await readFile(counts, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    if (code !== 0 && c.failed === 0) broken = true;
  } else if (code !== 0) broken = true;
}

await rm(tmp, { recursive: true, force: true });
if (broken) {
  totals.failed += 1;
  console.log('A test runner stopped before reporting (see above): counted as one failure.');
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
