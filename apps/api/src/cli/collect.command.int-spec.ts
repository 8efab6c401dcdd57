import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { BudgetSpentError } from '@wardreach/collectors';
import { CliModule } from '../cli.module';
import { RedisRateLimitGate } from '../collection/redis-rate-limit-gate';
import { CredentialsService } from '../credentials/credentials.service';
import { startLocalHttpServer } from '../testing/local-http-server';
import type { LocalHttpServer } from '../testing/local-http-server';
import { TEST_REDIS_URL, createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { COLLECT_FAILED_EXIT_CODE, COLLECT_USAGE_EXIT_CODE, registerCollectCommand } from './collect.command';
import { capturedCli } from '../testing/captured-cli';

const SECRET = 'test-secret-key-of-at-least-thirty-two-characters';
const STORED_X_TOKEN = 'AAAA-stored-x-bearer-token';
const NOW = new Date('2047-03-15T12:00:00Z');
/** This run's deployment namespace in Redis, where the month's X spend is kept. */
const QUEUE_PREFIX = `wrtest${randomBytes(4).toString('hex')}`;
const BUDGET_KEY = `${QUEUE_PREFIX}:x-budget:2047-03`;
const BLUESKY_DID = 'did:plc:w4xbqz7nvhkcm2ta5ldr3e6p';

/**
 * `wardreach collect` for the credentialed platforms, as a deployment runs it: the credential the
 * admin stored (none in the environment), and the X monthly budget the workers share in Redis. Real
 * PostgreSQL and Redis; X's API is a local HTTP server.
 */
describe('wardreach collect with the deployment’s stored credentials and shared budgets', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let redis: Redis;
  let xApi: LocalHttpServer;
  let requests: Array<{ path: string; authorization: string | undefined }>;
  /** Bluesky's AppView, one per test on a port of its own (so its rate-limit windows are its own). */
  let bluesky: LocalHttpServer | null = null;
  let blueskyRequests: string[];
  /** Headers every Bluesky answer carries. */
  let blueskyHeaders: Record<string, string>;

  beforeAll(async () => {
    requests = [];
    xApi = await startLocalHttpServer((request, response) => {
      requests.push({
        path: new URL(request.url ?? '/', 'http://x').pathname,
        authorization: request.headers.authorization,
      });
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }),
      );
    });
    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(testConfig({ DATABASE_URL: database.url, WARDREACH_SECRET_KEY: SECRET })),
      { logger: false, abortOnError: false },
    );
    await context.get(CredentialsService).set('x', 'bearer_token', STORED_X_TOKEN);
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    await redis?.del(BUDGET_KEY);
    await redis?.quit();
    await context?.close();
    await database?.drop();
    await xApi?.close();
  });

  beforeEach(async () => {
    requests = [];
    blueskyRequests = [];
    blueskyHeaders = {};
    await redis.del(BUDGET_KEY);
  });

  afterEach(async () => {
    if (!bluesky) return;
    // The windows the gate keeps for this AppView's host (`RedisRateLimitGate`'s keys).
    const window = `wardreach:ratelimit:bluesky:${new URL(bluesky.url).host}`;
    await redis.del(window, `${window}:in-flight`);
    await bluesky.close();
    bluesky = null;
  });

  /** A Bluesky AppView with one account (no posts, no followers), recording every request. */
  async function startBluesky(): Promise<string> {
    bluesky = await startLocalHttpServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://bsky').pathname;
      blueskyRequests.push(path);
      const author = { did: BLUESKY_DID, handle: 'cllr-hana.bsky.social', displayName: 'Cllr Hana' };
      const body =
        path === '/xrpc/app.bsky.actor.getProfile'
          ? { ...author, followersCount: 0, followsCount: 0, postsCount: 0 }
          : path === '/xrpc/app.bsky.feed.getAuthorFeed'
            ? { feed: [] }
            : path === '/xrpc/app.bsky.graph.getFollowers'
              ? { subject: author, followers: [] }
              : null;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json', ...blueskyHeaders });
      response.end(JSON.stringify(body ?? { error: 'NotFound' }));
    });
    return bluesky.url;
  }

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const { program, stdout, stderr, setExitCode, run: output } = capturedCli();
    registerCollectCommand(
      program,
      {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        WARDREACH_SECRET_KEY: SECRET,
        WARDREACH_DATA_DIR: join(tmpdir(), `wardreach-collect-int-${randomBytes(6).toString('hex')}`),
        X_API_BASE_URL: xApi.url,
        X_MONTHLY_BUDGET_USD: '1',
        QUEUE_PREFIX,
        LOG_LEVEL: 'error',
        ...env,
      },
      { stdout, stderr, setExitCode, now: () => NOW },
    );
    await program.parseAsync(['collect', ...args], { from: 'user' });
    return output();
  }

  it('reads X with the bearer token the admin stored when the environment has none', async () => {
    const result = await run(['--platform', 'x', '--handle', 'CllrAnn', '--json']);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0].authorization).toBe(`Bearer ${STORED_X_TOKEN}`);
    // X refused it (401): a bad request of the admin's to mend, never the token in the message.
    expect(result.exitCode).toBe(COLLECT_USAGE_EXIT_CODE);
    expect(result.stderr).toMatch(/^Not allowed: /);
    expect(result.stderr).not.toContain(STORED_X_TOKEN);
  });

  it('stops before the monthly X budget the workers share in Redis would be passed: nothing is read', async () => {
    await redis.set(BUDGET_KEY, '1');
    const result = await run(['--platform', 'x', '--handle', 'CllrAnn', '--json']);
    expect(result.exitCode).toBe(COLLECT_FAILED_EXIT_CODE);
    expect(result.stderr).toMatch(/^Collection failed \(rate-limited\): x .*monthly read budget spent until/);
    expect(result.stdout).toBe('');
    expect(requests).toEqual([]);
    expect(await redis.get(BUDGET_KEY)).toBe('1');
  });

  it('refuses X when Redis, where the budget is kept, does not answer', async () => {
    const result = await run(['--platform', 'x', '--handle', 'CllrAnn', '--json'], {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(result.exitCode).toBe(COLLECT_FAILED_EXIT_CODE);
    expect(result.stderr).toMatch(/^Not collecting from x: REDIS_URL is not reachable/);
    expect(requests).toEqual([]);
  });

  it('keeps to the rate-limit window the workers share in Redis on every platform: a spent Bluesky window sends nothing', async () => {
    const appView = await startBluesky();
    // A worker's request was answered with the budget spent until an hour from now.
    const workerGate = new RedisRateLimitGate(redis);
    const permit = await workerGate.acquire({
      platform: 'bluesky',
      host: new URL(appView).host,
      timeoutMs: 1_000,
    });
    await permit.settle({ limit: 3000, remaining: 0, resetAt: new Date(Date.now() + 3_600_000) });

    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social', '--json'], {
      BLUESKY_APPVIEW_URL: appView,
    });
    expect(blueskyRequests).toEqual([]);
    expect(result.exitCode).toBe(COLLECT_FAILED_EXIT_CODE);
    expect(result.stderr).toMatch(/^Collection failed \(rate-limited\): bluesky .*rate limited until/);
    expect(result.stdout).toBe('');
  });

  it('spends the window the workers share: an answer saying the budget is spent holds the workers back too', async () => {
    const appView = await startBluesky();
    blueskyHeaders = {
      'ratelimit-limit': '3000',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    };
    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social', '--json'], {
      BLUESKY_APPVIEW_URL: appView,
    });
    // The profile was read; what that answer said was left stops the rest.
    expect(blueskyRequests).toEqual(['/xrpc/app.bsky.actor.getProfile']);
    expect(result.exitCode).toBe(COLLECT_FAILED_EXIT_CODE);
    const workerGate = new RedisRateLimitGate(redis);
    await expect(
      workerGate.acquire({ platform: 'bluesky', host: new URL(appView).host, timeoutMs: 1_000 }),
    ).rejects.toBeInstanceOf(BudgetSpentError);
  });

  it('collects Bluesky when Redis does not answer, keeping to its limits by itself, and warns on stderr only', async () => {
    const appView = await startBluesky();
    const started = Date.now();
    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social', '--json'], {
      BLUESKY_APPVIEW_URL: appView,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(result.exitCode).toBeNull();
    expect(result.stderr).toBe(
      "warning: REDIS_URL is not reachable: this run keeps to bluesky's rate limits by itself, not with the windows the workers share there\n",
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      platform: 'bluesky',
      profile: { externalId: BLUESKY_DID },
      posts: [],
    });
    expect(blueskyRequests).toContain('/xrpc/app.bsky.actor.getProfile');
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
