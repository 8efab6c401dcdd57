#!/usr/bin/env node
// `npm run bench`: builds the server, then runs every benchmark in dist/server/apps/api/src/bench
// (`*.bench.js`, each exporting one `run…Bench({ log })`) one after another in this process, so the
// ratios each prints are measured side by side on the same machine and PostgreSQL.
// `node scripts/bench.mjs ingestion collection` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), 'server'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const folder = join(root, 'dist/server/apps/api/src/bench');
if (!existsSync(folder)) {
  process.stderr.write(`bench: ${folder} is missing after the build\n`);
  process.exit(1);
}
const wanted = process.argv.slice(2);
const benches = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.js'))
  .map((file) => ({ name: file.replace(/\.bench\.js$/, ''), file: join(folder, file) }))
  .filter((bench) => wanted.length === 0 || wanted.includes(bench.name))
  .sort((a, b) => a.name.localeCompare(b.name));

const require = createRequire(import.meta.url);
const log = (line) => process.stdout.write(`${line}\n`);
let failed = false;
for (const bench of benches) {
  const module = require(bench.file);
  const run = Object.entries(module).find(
    ([name, value]) => /^run\w*Bench$/.test(name) && typeof value === 'function',
  );
  if (!run) {
    process.stderr.write(`bench: ${bench.file} exports no run…Bench function\n`);
    failed = true;
    continue;
  }
  log(`\n== ${bench.name} (${run[0]}) ==`);
  const started = Date.now();
  try {
    await run[1]({ log });
  } catch (error) {
    failed = true;
    process.stderr.write(
      `bench: ${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  log(`== ${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s ==`);
}
process.exit(failed ? 1 : 0);
