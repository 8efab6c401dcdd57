import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../apps/api/src/config/app-config';

const root = join(__dirname, '..', '..');
const workerScript = join(root, 'dist', 'server', 'apps', 'api', 'src', 'worker.js');

/** The compiled worker is what production runs; build it if this run has not (npm test builds first). */
export function ensureServerBuilt(): void {
  if (existsSync(workerScript) && process.env.WARDREACH_BUILT === '1') return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the server failed');
}

/** Starts the real worker process with the pipeline's configuration. */
export function spawnWorker(config: AppConfig): ChildProcess {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
  const child = spawn(process.execPath, [workerScript], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`),
  );
  return child;
}

export function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** The dashboard's production build, which the API serves; built here if this run has not. */
export function ensureDashboardBuilt(): void {
  if (existsSync(join(root, 'dist', 'dashboard', 'index.html')) && process.env.WARDREACH_BUILT === '1')
    return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'dashboard'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the dashboard failed');
}
