#!/usr/bin/env node
// `npm test`: format, lint, type-check and build, then every Jest project (unit, dashboard,
// integration against the machine's PostgreSQL and Redis, end-to-end). Ends with one line
// `N passed, N failed` summed over every suite, which CI reads. Each non-Jest step counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const jestArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;

function step(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

step('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
// The module-boundary rule reads Nx's project graph; on a fresh clone it must be computed first.
spawnSync(bin('nx'), ['show', 'projects'], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, NX_DAEMON: 'false' },
});
step('lint (eslint, type-aware, zero warnings)', bin('eslint'), ['.', '--max-warnings', '0']);
const built = step('type-check and build the server (tsc)', process.execPath, [
  join(root, 'scripts/build.mjs'),
  'server',
]);
step('type-check the dashboard (tsc)', bin('tsc'), ['-p', 'apps/dashboard/tsconfig.json', '--noEmit']);
step('build the dashboard (vite)', process.execPath, [join(root, 'scripts/build.mjs'), 'dashboard']);

// Unit, dashboard and integration suites in parallel; the end-to-end suites (each runs the whole
// pipeline, one a browser) one at a time, so they do not starve each other on a small machine.
function jest(label, args) {
  const report = join(mkdtempSync(join(tmpdir(), 'wardreach-jest-')), 'report.json');
  process.stdout.write(`\n▶ jest (${label})\n`);
  const run = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...args, ...jestArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WARDREACH_BUILT: built ? '1' : '0' },
  });
  let suiteFailures = 0;
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A suite that failed to run (syntax error, failed hook) has no failed test of its own: count it.
    suiteFailures = results.testResults.filter(
      (suite) => suite.status === 'failed' && suite.assertionResults.every((t) => t.status !== 'failed'),
    ).length;
    failed += suiteFailures;
    if (run.status !== 0 && results.numFailedTests === 0 && suiteFailures === 0) failed += 1;
  } else {
    failed += 1;
  }
}
jest('unit, dashboard, integration', ['--selectProjects', 'unit', 'dashboard', 'integration']);
jest('end-to-end', ['--selectProjects', 'e2e', '--runInBand']);

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
