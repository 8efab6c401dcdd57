#!/usr/bin/env node
// Builds the server (API, worker, sandbox, libs) with tsc and the dashboard with Vite into dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // 'server' | 'dashboard' | undefined (both)

function run(label, command, args) {
  process.stdout.write(`build: ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
if (only !== 'dashboard') {
  run('server (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
  run('server (path aliases)', bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
}
if (only !== 'server' && existsSync(join(root, 'apps/dashboard/vite.config.mts'))) {
  run('dashboard (vite)', bin('vite'), [
    'build',
    '--config',
    'apps/dashboard/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());
