import { join } from 'node:path';
import { repoRoot } from '../common/repo-root';
import { loadAppConfig } from '../config/app-config';
import { resolveDatabase } from '../database/resolve-database';
import { runMigrations } from '../database/run-migrations';
import { ensureRedis } from '../redis/ensure-redis';
import { withCliContext } from '../cli/cli-context';
import { DemoSeedService } from '../demo/demo-seed.service';
import { superviseNode, waitForHttp, type SupervisedChild } from './child-process';
import { demoEnvironment, isDemo, sandboxUrl as demoSandboxUrl } from './demo-environment';

/**
 * `wardreach start`: the whole system on one machine. Uses DATABASE_URL or runs the embedded
 * database; uses REDIS_URL or starts a redis-server; migrates; in demo mode starts the sandbox
 * platforms and seeds the demo council on first run; then runs the API and the worker.
 */
export async function launch(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadAppConfig(env);
  const demo = isDemo(config);
  const root = repoRoot();
  const server = (entry: string) => join(root, 'dist', 'server', entry);
  const cleanups: Array<() => Promise<void>> = [];
  const children: SupervisedChild[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write('\nstopping wardreach…\n');
    await Promise.allSettled(children.map((child) => child.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const database = await resolveDatabase(config, { advertise: true });
    cleanups.push(() => database.release());
    process.stdout.write(
      database.embedded
        ? `embedded PostgreSQL (PGlite) at ${database.url}, data in ${config.WARDREACH_DATA_DIR}/\n`
        : 'using DATABASE_URL\n',
    );
    const redis = await ensureRedis(config.REDIS_URL);
    cleanups.push(() => redis.stop());
    if (redis.url !== config.REDIS_URL) process.stdout.write(`started redis-server at ${redis.url}\n`);
    const applied = await runMigrations(database.url);
    if (applied.length) process.stdout.write(`applied migrations: ${applied.join(', ')}\n`);

    const childEnv: NodeJS.ProcessEnv = { ...env, DATABASE_URL: database.url, REDIS_URL: redis.url };
    if (demo) {
      const sandboxUrl = demoSandboxUrl(config);
      children.push(
        superviseNode({
          name: 'sandbox',
          script: server('apps/sandbox/src/main.js'),
          env: { ...env, SANDBOX_PORT: String(config.SANDBOX_PORT) },
          restart: true,
        }),
      );
      await waitForHttp(`${sandboxUrl}/_sandbox/stats`, 60_000);
      Object.assign(childEnv, demoEnvironment(env, sandboxUrl), {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
      });
      await withCliContext(async (context) => {
        const seeder = context.get(DemoSeedService);
        if (!(await seeder.isSeeded())) {
          process.stdout.write('seeding the demo council from the sandbox platforms…\n');
          await seeder.seed(sandboxUrl);
        }
      }, childEnv);
    }
    children.push(
      superviseNode({ name: 'api', script: server('apps/api/src/main.js'), env: childEnv, restart: true }),
    );
    children.push(
      superviseNode({
        name: 'worker',
        script: server('apps/api/src/worker.js'),
        env: childEnv,
        restart: true,
      }),
    );
    await waitForHttp(`http://127.0.0.1:${config.PORT}/api/health`, 90_000);
    process.stdout.write(
      `\nwardreach is running: http://localhost:${config.PORT}\n(API docs at http://localhost:${config.PORT}/api/docs; Ctrl+C stops)\n\n`,
    );
  } catch (error) {
    process.stderr.write(`wardreach start: ${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown(1);
  }
}
