// `npm test`: typecheck, build, then every test tier (unit, repo, DOM, real browsers) in one
// vitest run, closing with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './ensure-browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const extra = process.argv.slice(2);

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

ensureBrowsers();
// Without the page corpus its tests are skipped: say so once, not only in the skipped count.
const corpus = resolve(process.env.TERMLIGHT_CORPUS ?? join(root, '../shared/corpus'));
if (!existsSync(join(corpus, 'ai'))) console.log(`No page corpus at ${corpus}: its tests will be skipped (set TERMLIGHT_CORPUS to the corpus folder).`);
step('Typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Build', process.execPath, ['build.mjs', '--quiet']);

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results/vitest.json');
console.log('\n▶ Tests: unit, repo, DOM, and the built extension in Chromium and Firefox');
const run = spawnSync(bin('vitest'), ['run', '-c', 'test/vitest.config.ts', '--reporter=default',
  '--reporter=json', `--outputFile.json=${report}`, ...extra], { cwd: root, stdio: 'inherit' });

let summary = null;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load fails no single test: count it so the line never reads "0 failed".
  const failed = r.numFailedTests || (r.success ? 0 : Math.max(1, r.numFailedTestSuites));
  summary = { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
} catch {
  // No report means vitest itself failed before running tests.
}
if (summary) console.log(`\nTests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(run.status ?? 1);
