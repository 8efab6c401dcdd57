import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp, dashboardDir } from '../../apps/api/src/api-app';
import { CliModule } from '../../apps/api/src/cli.module';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { WorkerService } from '../../apps/api/src/queue/worker.service';
import { createTestDatabase, testConfig } from '../../apps/api/src/testing/test-environment';
import type { TestDatabase } from '../../apps/api/src/testing/test-environment';
import { WorkerModule } from '../../apps/api/src/worker.module';
import { createSandbox } from '../../apps/sandbox/src';
import type { Sandbox, SandboxOptions } from '../../apps/sandbox/src';

/**
 * The real pipeline in one process: the sandbox platforms over HTTP, a fresh PostgreSQL database,
 * the machine's Redis (with a queue prefix of this run's own), the API and a worker.
 */
export interface PipelineHarness {
  sandbox: Sandbox;
  sandboxUrl: string;
  database: TestDatabase;
  config: AppConfig;
  api: NestFastifyApplication;
  apiUrl: string;
  worker: INestApplicationContext | null;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startPipeline(
  params: {
    sandbox?: SandboxOptions;
    env?: Record<string, string>;
    worker?: boolean;
    dashboard?: boolean;
    /** Searches Bluesky mentions with a service account on the sandbox (which accepts any). */
    blueskyServiceAccount?: boolean;
  } = {},
): Promise<PipelineHarness> {
  // Limits generous enough that a test sweep is never delayed a whole window (the rate-limit tests set their own).
  // History ends ten minutes ago, so the changes of the first ticks are already in the past.
  const sandbox = createSandbox({
    seed: 7,
    tickMs: 0,
    anchor: new Date(Date.now() - 10 * 60_000),
    rateLimit: { limit: 1_000_000, windowMs: 60_000 },
    ...params.sandbox,
  });
  const { url: sandboxUrl } = await sandbox.listen(0, '127.0.0.1');
  const database = await createTestDatabase();
  const config = testConfig({
    DATABASE_URL: database.url,
    BLUESKY_APPVIEW_URL: sandboxUrl,
    MASTODON_BASE_URL: sandboxUrl,
    PLANNER_INTERVAL_MS: '3600000',
    HTTP_TIMEOUT_MS: '5000',
    ...(params.blueskyServiceAccount
      ? {
          BLUESKY_SERVICE_HANDLE: 'wardreach-monitor.bsky.social',
          BLUESKY_SERVICE_APP_PASSWORD: 'sandbox',
          BLUESKY_SERVICE_URL: sandboxUrl,
        }
      : {}),
    ...params.env,
  });
  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
  try {
    await cli.get(DemoSeedService).seed(sandboxUrl);
  } finally {
    await cli.close();
  }
  const api = await createApiApp(config, { staticDir: params.dashboard ? dashboardDir() : null });
  await api.listen(0, '127.0.0.1');
  const apiUrl = await api.getUrl();

  const harness: PipelineHarness = {
    sandbox,
    sandboxUrl,
    database,
    config,
    api,
    apiUrl: apiUrl.replace('[::1]', '127.0.0.1'),
    worker: null,
    async startWorker() {
      if (harness.worker) return;
      harness.worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        logger: false,
      });
      harness.worker.get(WorkerService).start();
    },
    async stopWorker() {
      await harness.worker?.close();
      harness.worker = null;
    },
    async close() {
      await harness.stopWorker();
      await api.close();
      await sandbox.close();
      await database.drop();
    },
  };
  if (params.worker !== false) await harness.startWorker();
  return harness;
}

export async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | null = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
