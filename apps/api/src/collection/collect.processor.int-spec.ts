import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DelayedError } from 'bullmq';
import type { Job } from 'bullmq';
import { Client } from 'pg';
import { CliModule } from '../cli.module';
import type { JobData, JobName } from '../queue/queue.constants';
import { seedRoster } from '../testing/seed-roster';
import { startLocalHttpServer } from '../testing/local-http-server';
import type { LocalHttpServer } from '../testing/local-http-server';
import { createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CollectProcessor } from './collect.processor';

const COUNCIL = '00000000-0000-4000-8000-0000000000e1';
const WARD = '00000000-0000-4000-8000-0000000000e2';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000e3';
const ACCOUNT = '00000000-0000-4000-8000-0000000000e4';
const HANDLE = 'cllr-bea.bsky.social';
const RETRY_AFTER_S = 3600;

/**
 * A job the platform's rate limit delays: the run says rate_limited, and the account's next collection
 * is the delay's end, not the past slot it was due at. Real PostgreSQL and processor; the Bluesky
 * AppView is a local HTTP server that answers 429.
 */
describe('a delayed collect job', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: Client;
  let appView: LocalHttpServer;

  beforeAll(async () => {
    appView = await startLocalHttpServer((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_S) });
      response.end(JSON.stringify({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }));
    });
    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(testConfig({ DATABASE_URL: database.url, BLUESKY_APPVIEW_URL: appView.url })),
      { logger: false, abortOnError: false },
    );
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedRoster(db, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
  });

  afterAll(async () => {
    await db?.end();
    await context?.close();
    await database?.drop();
    await appView?.close();
  });

  async function addAccount(id: string, status: string, due: Date): Promise<void> {
    await db.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, status, status_reason, next_due_at)
       VALUES ($1, $2, 'bluesky', $3, $4, $5, $6)`,
      [id, COUNCILLOR, HANDLE, status, status === 'failing' ? 'timed out' : null, due],
    );
  }

  async function account(id: string) {
    const { rows } = await db.query<{ status: string; reason: string | null; due: Date }>(
      `SELECT status, status_reason AS reason, next_due_at AS due FROM platform_account WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  it('sets next_due_at to when the job runs again, leaving the status alone', async () => {
    const pastDue = new Date(Date.now() - 10 * 60_000);
    await addAccount(ACCOUNT, 'failing', pastDue);
    const moveToDelayed = jest.fn().mockResolvedValue(undefined);
    const job = {
      id: `collect-${ACCOUNT}`,
      data: { accountId: ACCOUNT },
      attemptsMade: 0,
      opts: { attempts: 6 },
      moveToDelayed,
    } as unknown as Job<JobData<JobName.CollectAccount>>;

    const before = Date.now();
    await expect(context.get(CollectProcessor).process(job, 'worker-token')).rejects.toBeInstanceOf(
      DelayedError,
    );
    const after = Date.now();

    expect(moveToDelayed).toHaveBeenCalledTimes(1);
    const [until] = moveToDelayed.mock.calls[0] as [number, string];
    expect(until).toBeGreaterThanOrEqual(before + RETRY_AFTER_S * 1000 - 2000);
    expect(until).toBeLessThanOrEqual(after + RETRY_AFTER_S * 1000 + 2000);

    const delayed = await account(ACCOUNT);
    expect(delayed.due.getTime()).toBe(until);
    expect(delayed).toMatchObject({ status: 'failing', reason: 'timed out' });
    const { rows: runs } = await db.query<{ status: string }>(
      `SELECT status FROM collection_run WHERE account_id = $1`,
      [ACCOUNT],
    );
    expect(runs).toEqual([{ status: 'rate_limited' }]);
  });
});
