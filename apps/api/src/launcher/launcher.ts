import { join } from 'node:path';
import { repoRoot } from '../common/repo-root';
import { loadAppConfig } from '../config/app-config';
import { resolveDatabase } from '../database/resolve-database';
import { runMigrations } from '../database/run-migrations';
import { ensureRedis } from '../redis/ensure-redis';
import { withCliContext } from '../cli/cli-context';
import { DemoSeedService } from '../demo/demo-seed.service';
import { superviseNode, waitForHttp, type SupervisedChild } from './child-process';

/** Demo pacing: the sandbox changes every minute, so the demo looks every half minute. */
const DEMO_DEFAULTS: NodeJS.ProcessEnv = {
  PLANNER_INTERVAL_MS: '10000',
  COLLECT_ACTIVE_INTERVAL_MS: '30000',
  COLLECT_DORMANT_INTERVAL_MS: '60000',
  FOLLOWER_SWEEP_INTERVAL_MS: '300000',
  FOLLOWER_SWEEP_DORMANT_INTERVAL_MS: '900000',
  // Queues, live events and the X spend of its own, should the demo run on a deployment's Redis.
  QUEUE_PREFIX: 'wardreach-demo',
  LOG_LEVEL: 'warn',
};

/**
 * `wardreach start`: the whole system on one machine. Uses DATABASE_URL or runs the embedded
 * database; uses REDIS_URL or starts a redis-server; migrates; in demo mode starts the sandbox
 * platforms and seeds the demo council on first run; then runs the API and the worker.
 */
export async function launch(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadAppConfig(env);
  const demo = config.WARDREACH_DEMO ?? !config.DATABASE_URL;
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
      const sandboxUrl = `http://127.0.0.1:${config.SANDBOX_PORT}`;
      children.push(
        superviseNode({
          name: 'sandbox',
          script: server('apps/sandbox/src/main.js'),
          env: { ...env, SANDBOX_PORT: String(config.SANDBOX_PORT) },
          restart: true,
        }),
      );
      await waitForHttp(`${sandboxUrl}/_sandbox/stats`, 60_000);
      Object.assign(childEnv, { ...DEMO_DEFAULTS, ...env, DATABASE_URL: database.url, REDIS_URL: redis.url });
      childEnv.BLUESKY_APPVIEW_URL = env.BLUESKY_APPVIEW_URL ?? sandboxUrl;
      childEnv.MASTODON_BASE_URL = env.MASTODON_BASE_URL ?? sandboxUrl;
      // The sandbox accepts any service account (mentions) and its own X token, so the demo shows both.
      if (!env.BLUESKY_SERVICE_HANDLE) {
        Object.assign(childEnv, {
          BLUESKY_SERVICE_HANDLE: 'wardreach-demo.bsky.social',
          BLUESKY_SERVICE_APP_PASSWORD: 'sandbox',
          BLUESKY_SERVICE_URL: sandboxUrl,
        });
      }
      if (!env.X_BEARER_TOKEN) {
        // The sandbox bills nothing, and at the demo's pacing its X sweeps (about $100 to $200 of reads
        // each at list prices, every five minutes) would spend a real month's budget in the first
        // minute, leaving X accounts never collected: against the sandbox alone, the budget is one they
        // do not reach in a month. The admin's status still shows the spend and a sweep's estimated cost.
        Object.assign(childEnv, {
          X_BEARER_TOKEN: 'sandbox-x-token',
          X_API_BASE_URL: sandboxUrl,
          X_MONTHLY_BUDGET_USD: env.X_MONTHLY_BUDGET_USD ?? '100000000',
        });
      }
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
