import type { DataSource } from 'typeorm';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { ThreadRepliesOriginal1763800000016 } from './1763800000016-thread-replies-original';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const IDS = TEST_ROSTER;
const ANN = '00000000-0000-4000-8000-00000000000a';
const ANN_AGAIN = '00000000-0000-4000-8000-00000000000b';

describe('migration 1763800000016 (a reply to the account’s own post is its thread: an original post)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(ThreadRepliesOriginal1763800000016);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES
         ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'bluesky', 'ann-ward.bsky.social')`,
      [ANN, ANN_AGAIN, IDS.councillor],
    );
    const post = (account: string, id: string, kind: string, inReplyTo: string | null) =>
      dataSource.query(
        `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, in_reply_to)
         VALUES ($1, 'bluesky', $2, 'https://bsky.app/' || $2, '2026-11-01T09:00:00Z', $3, $4)`,
        [account, id, kind, inReplyTo],
      );
    await post(ANN, 'bins', 'original', null);
    await post(ANN, 'bins-2', 'reply', 'bins'); // her thread
    await post(ANN, 'to-resident', 'reply', 'a-residents-post'); // a conversation
    await post(ANN_AGAIN, 'from-other-account', 'reply', 'bins'); // answers another account's post
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const run = (direction: 'up' | 'down') =>
    runMigration(dataSource, new ThreadRepliesOriginal1763800000016(), direction);
  const kinds = async () =>
    Object.fromEntries(
      (
        await dataSource.query<Array<{ external_id: string; kind: string }>>(
          `SELECT external_id, kind FROM post ORDER BY external_id`,
        )
      ).map((row) => [row.external_id, row.kind]),
    );

  it('makes stored replies to the same account’s own posts originals, and back', async () => {
    await run('down');
    expect(await kinds()).toEqual({
      bins: 'original',
      'bins-2': 'reply',
      'to-resident': 'reply',
      'from-other-account': 'reply',
    });
    await run('up');
    expect(await kinds()).toEqual({
      bins: 'original',
      'bins-2': 'original',
      'to-resident': 'reply',
      'from-other-account': 'reply',
    });
    await run('down');
    expect((await kinds())['bins-2']).toBe('reply');
  });
});
