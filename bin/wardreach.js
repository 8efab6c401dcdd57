#!/usr/bin/env node
// `npx wardreach …`: builds what is missing or out of date, then runs the compiled command line.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const cli = join(root, 'dist', 'server', 'apps', 'api', 'src', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx|css|html|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(stamp) || !existsSync(cli)) return true;
  const built = statSync(stamp).mtimeMs;
  return ['apps', 'libs'].some((dir) => newestSource(join(root, dir)) > built);
}

if (stale()) {
  process.stderr.write('wardreach: building (first run or sources changed)…\n');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
require(cli)
  .buildProgram()
  .parseAsync(process.argv)
  .catch((error) => {
    process.stderr.write(`wardreach: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
