import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UnconfiguredCollector } from '@wardreach/collectors';
import type { Job } from 'bullmq';
import { Client } from 'pg';
import { CliModule } from '../cli.module';
import { CredentialsService } from '../credentials/credentials.service';
import type { JobData, JobName } from '../queue/queue.constants';
import { seedRoster } from '../testing/seed-roster';
import { startLocalHttpServer } from '../testing/local-http-server';
import type { LocalHttpServer } from '../testing/local-http-server';
import { createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CollectProcessor } from './collect.processor';
import { CollectorSetFactory } from './collector-set.factory';

const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const WARD = '00000000-0000-4000-8000-0000000000c2';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000c3';
const X_ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const YOUTUBE_ACCOUNT = '00000000-0000-4000-8000-0000000000a2';
const BLUESKY_ACCOUNT = '00000000-0000-4000-8000-0000000000a3';
const HANDLE = 'cllr-ann.bsky.social';

/** A collect job as BullMQ hands it to the processor, on its first attempt of six. */
function collectJob(accountId: string): Job<JobData<JobName.CollectAccount>> {
  return { id: `collect-${accountId}`, data: { accountId }, attemptsMade: 0, opts: { attempts: 6 } } as never;
}

/**
 * What flags an account for the admin, and what puts it back: a stored credential that no longer
 * decrypts, a handle taken over by another account, and a credential set again. Real PostgreSQL,
 * the real processor and collectors; the Bluesky AppView is a local HTTP server.
 */
describe('accounts flagged for the admin', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: Client;
  let appView: LocalHttpServer;
  /** The DID the AppView answers for the councillor's handle. */
  let did = 'did:plc:ann0000000000000000000000';

  beforeAll(async () => {
    appView = await startLocalHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://appview');
      if (url.pathname !== '/xrpc/app.bsky.actor.getProfile' || url.searchParams.get('actor') !== HANDLE) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'InvalidRequest', message: 'Profile not found' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          did,
          handle: HANDLE,
          displayName: 'Cllr Ann',
          followersCount: 10,
          followsCount: 5,
          postsCount: 3,
          indexedAt: '2026-01-01T00:00:00.000Z',
          createdAt: '2025-01-01T00:00:00.000Z',
        }),
      );
    });

    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(testConfig({ DATABASE_URL: database.url, BLUESKY_APPVIEW_URL: appView.url })),
      { logger: false, abortOnError: false },
    );
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedRoster(db, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
    await db.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id) VALUES
         ($1, $4, 'x', 'CllrAnn', NULL), ($2, $4, 'youtube', '@CllrAnn', NULL), ($3, $4, 'bluesky', $5, $6)`,
      [X_ACCOUNT, YOUTUBE_ACCOUNT, BLUESKY_ACCOUNT, COUNCILLOR, HANDLE, did],
    );
  });

  afterAll(async () => {
    await db?.end();
    await context?.close();
    await database?.drop();
    await appView?.close();
  });

  async function account(id: string) {
    const { rows } = await db.query<{
      status: string;
      reason: string | null;
      externalId: string | null;
      due: Date;
    }>(
      `SELECT status, status_reason AS reason, external_id AS "externalId", next_due_at AS due FROM platform_account WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  it('a stored credential that does not decrypt flags its own platform, saying why, and no other', async () => {
    // Stored under another WARDREACH_SECRET_KEY (or altered): well-formed, but it will not decrypt.
    await db.query(
      `INSERT INTO platform_credential (platform, name, ciphertext) VALUES ('x', 'bearer_token', 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA')`,
    );
    const { values, unreadable } = await context.get(CredentialsService).decrypted();
    expect(values).toEqual({});
    expect(unreadable).toEqual([{ platform: 'x', name: 'bearer_token' }]);
    const set = await context.get(CollectorSetFactory).create();
    expect(set.collectors.x).toBeInstanceOf(UnconfiguredCollector);
    expect(set.collectors.bluesky).not.toBeInstanceOf(UnconfiguredCollector);

    await expect(context.get(CollectProcessor).process(collectJob(X_ACCOUNT), undefined)).rejects.toThrow(
      /not readable with this WARDREACH_SECRET_KEY/,
    );
    expect(await account(X_ACCOUNT)).toMatchObject({ status: 'unauthorised' });
    expect((await account(X_ACCOUNT)).reason).toMatch(/the stored x bearer_token is not readable/);
    const { rows: runs } = await db.query<{ status: string }>(
      `SELECT status FROM collection_run WHERE account_id = $1`,
      [X_ACCOUNT],
    );
    expect(runs).toEqual([{ status: 'failed' }]);
    expect(await account(BLUESKY_ACCOUNT)).toMatchObject({ status: 'active' });
  });

  it('setting the credential again puts that platform’s unauthorised accounts back in the plan, due now', async () => {
    await db.query(
      `UPDATE platform_account SET status = 'unauthorised', status_reason = 'refused' WHERE id = $1`,
      [YOUTUBE_ACCOUNT],
    );
    const before = new Date();
    await expect(context.get(CredentialsService).set('x', 'bearer_token', 'AAAA-new-token')).resolves.toEqual(
      {
        resumed: 1,
      },
    );
    const x = await account(X_ACCOUNT);
    expect(x).toMatchObject({ status: 'active', reason: null });
    expect(x.due.getTime()).toBeLessThanOrEqual(Date.now());
    expect(x.due.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // Another platform's flag is that platform's credential to mend.
    expect(await account(YOUTUBE_ACCOUNT)).toMatchObject({ status: 'unauthorised', reason: 'refused' });
    const set = await context.get(CollectorSetFactory).create();
    expect(set.collectors.x).not.toBeInstanceOf(UnconfiguredCollector);
  });

  it('a handle that now names another account is flagged gone, and nothing of the stranger is stored', async () => {
    did = 'did:plc:someoneelse00000000000000';
    await expect(
      context.get(CollectProcessor).process(collectJob(BLUESKY_ACCOUNT), undefined),
    ).rejects.toThrow(/now names a different account/);
    const flagged = await account(BLUESKY_ACCOUNT);
    expect(flagged).toMatchObject({ status: 'gone', externalId: 'did:plc:ann0000000000000000000000' });
    expect(flagged.reason).toContain('did:plc:someoneelse00000000000000');
    const { rows } = await db.query(`SELECT 1 FROM post WHERE account_id = $1`, [BLUESKY_ACCOUNT]);
    expect(rows).toEqual([]);
  });
});
