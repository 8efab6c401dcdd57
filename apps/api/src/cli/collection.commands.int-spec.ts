import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { CollectionStatusResponse } from '@wardreach/contracts';
import { Client } from 'pg';
import { seedRoster } from '../testing/seed-roster';
import { TEST_REDIS_URL, createTestDatabase } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { registerCollectionCommands } from './collection.commands';
import { capturedCli } from '../testing/captured-cli';

const IDS = {
  council: '00000000-0000-4000-8000-0000000000e1',
  ward: '00000000-0000-4000-8000-0000000000e2',
  councillor: '00000000-0000-4000-8000-0000000000e3',
};
const ACTIVE = '00000000-0000-4000-8000-0000000000e4';
const GONE = '00000000-0000-4000-8000-0000000000e5';
const FEED = '00000000-0000-4000-8000-0000000000e6';

/**
 * `wardreach collection status|resume` against the machine's PostgreSQL and Redis, as an admin runs
 * them: what they print, and what resuming changes.
 */
describe('wardreach collection', () => {
  let database: TestDatabase;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedRoster(db, IDS, { councillor: 'Cllr Ann Example' });
    await db.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, status, status_reason, last_collected_at,
                                     next_due_at, next_follower_sweep_at)
       VALUES ($1, $4, 'bluesky', 'ann.bsky.social', 'active', NULL, '2026-11-23T10:00:00Z', '2026-11-23T10:15:00Z', '2026-11-23T16:00:00Z'),
              ($2, $4, 'mastodon', 'ann@mastodon.example', 'gone', 'ann@mastodon.example has moved to ann@elsewhere.example', '2026-11-20T09:00:00Z',
               now() + interval '365 days', now()),
              ($3, $4, 'rss', 'https://ann.example/feed.xml', 'active', NULL, NULL, '2026-11-23T10:25:00Z', now())`,
      [ACTIVE, GONE, FEED, IDS.councillor],
    );
    await db.query(
      `INSERT INTO collection_run (account_id, started_at, finished_at, status, requests, items, error)
       VALUES ($1, '2026-11-23T10:00:00Z', '2026-11-23T10:00:02Z', 'succeeded', 5, 42, NULL),
              ($2, '2026-11-20T09:00:00Z', '2026-11-20T09:00:01Z', 'failed', 1, 0, 'mastodon GET /api/v1/accounts/lookup: gone')`,
      [ACTIVE, GONE],
    );
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  async function run(...args: string[]) {
    return runWith({}, ...args);
  }

  async function runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
    const { program, stdout, stderr, setExitCode, run: output } = capturedCli();
    registerCollectionCommands(
      program,
      {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `wrtest${randomBytes(4).toString('hex')}`,
        WARDREACH_SECRET_KEY: 'collection-commands spec secret of 32 characters',
        LOG_LEVEL: 'error',
        ...env,
      },
      { stdout, stderr, setExitCode },
    );
    await program.parseAsync(['collection', ...args], { from: 'user' });
    return output();
  }

  it('reads the demo’s settings when run against the demo', async () => {
    // The demo's X budget is set by the demo (its X is the sandbox's, which bills nothing); a command
    // that read the default budget and namespace would show a different deployment from the API's.
    const { stdout, exitCode } = await runWith({ WARDREACH_DEMO: 'true' }, 'status', '--json');
    expect(exitCode).toBeNull();
    const status = JSON.parse(stdout) as CollectionStatusResponse;
    expect(status.x?.monthlyBudgetUsd).toBe(100_000_000);
  });

  it('prints every account, flagged ones first with why, the queues and X spending', async () => {
    const { stdout, exitCode } = await run('status');
    expect(exitCode).toBeNull();
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('3 account(s): 1 gone, 2 active. Times are UTC.');
    expect(stdout).toMatch(/^queue collect: 0 waiting, 0 active, 0 delayed, 0 failed$/m);
    expect(stdout).toMatch(
      /^X: \$0\.00 spent of \$100\.00 this month \(renews \d{4}-\d{2}-01 00:00\); a full sweep is estimated at \$0\.00$/m,
    );
    const table = lines.slice(lines.findIndex((line) => line.startsWith('ACCOUNT')));
    expect(table[0].split(/\s{2,}/)).toEqual([
      'ACCOUNT',
      'COUNCILLOR',
      'PLATFORM',
      'HANDLE',
      'STATUS',
      'LAST COLLECTED',
      'LAST RUN',
      'NEXT DUE',
      'NEXT SWEEP',
    ]);
    // Flagged first, no longer scheduled (no next collection or sweep), with the reason under it.
    expect(table[1].split(/\s{2,}/)).toEqual([
      GONE,
      'Cllr Ann Example',
      'mastodon',
      'ann@mastodon.example',
      'gone',
      '2026-11-20 09:00',
      'failed, 0 item(s)',
      '—',
      '—',
    ]);
    expect(table[2]).toBe('  gone: ann@mastodon.example has moved to ann@elsewhere.example');
    expect(table[3].split(/\s{2,}/)).toEqual([
      ACTIVE,
      'Cllr Ann Example',
      'bluesky',
      'ann.bsky.social',
      'active',
      '2026-11-23 10:00',
      'succeeded, 42 item(s)',
      '2026-11-23 10:15',
      '2026-11-23 16:00',
    ]);
    // A feed is never swept for followers, and has not been collected yet.
    expect(table[4].split(/\s{2,}/)).toEqual([
      FEED,
      'Cllr Ann Example',
      'rss',
      'https://ann.example/feed.xml',
      'active',
      '—',
      'none yet',
      '2026-11-23 10:25',
      '—',
    ]);
  });

  it('says at once when Redis, where the queues and X spending are kept, does not answer', async () => {
    expect(await runWith({ REDIS_URL: 'redis://127.0.0.1:1' }, 'status')).toEqual({
      stdout: '',
      stderr:
        'wardreach collection status: Redis (REDIS_URL) does not answer: the queues and X spending are kept there. Is the deployment’s Redis running?\n',
      exitCode: 2,
    });
  });

  it('prints the API’s answer with --json', async () => {
    const { stdout } = await run('status', '--json');
    const status = JSON.parse(stdout) as CollectionStatusResponse;
    expect(status.accounts.map((account) => [account.id, account.status])).toEqual([
      [GONE, 'gone'],
      [ACTIVE, 'active'],
      [FEED, 'active'],
    ]);
    expect(status.x.monthlyBudgetUsd).toBe(100);
  });

  it('resumes a flagged account, leaves an unflagged one, and refuses what is not an account', async () => {
    expect(await run('resume', GONE)).toEqual({
      stdout: `account ${GONE} is due now\n`,
      stderr: '',
      exitCode: null,
    });
    const { rows } = await db.query<{ status: string; due: boolean }>(
      `SELECT status, next_due_at <= now() AS due FROM platform_account WHERE id = $1`,
      [GONE],
    );
    expect(rows).toEqual([{ status: 'active', due: true }]);
    expect((await run('resume', ACTIVE)).stdout).toBe(
      `account ${ACTIVE} was not flagged: it stays as planned\n`,
    );
    expect(await run('resume', '00000000-0000-4000-8000-0000000000ff')).toMatchObject({
      stderr: 'wardreach collection resume: no account 00000000-0000-4000-8000-0000000000ff\n',
      exitCode: 2,
    });
    expect(await run('resume', 'ann.bsky.social')).toMatchObject({
      stderr:
        'wardreach collection resume: "ann.bsky.social" is not an account id (a UUID, as status lists it)\n',
      exitCode: 2,
    });
  });
});
