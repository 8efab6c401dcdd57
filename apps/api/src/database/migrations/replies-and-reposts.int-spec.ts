import type { DataSource, MigrationInterface } from 'typeorm';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { RepliesRead1763800000009 } from './1763800000009-replies-read';
import { RepostsWithoutOriginal1763800000010 } from './1763800000010-reposts-without-original';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const IDS = TEST_ROSTER;
const ACCOUNT = '00000000-0000-4000-8000-00000000000a';
const PROFILE = 'https://bsky.app/profile/ann.bsky.social';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('migrations 1763800000009 (replies read) and 1763800000010 (reposts without the original)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(RepostsWithoutOriginal1763800000010);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, url) VALUES ($1, $2, 'bluesky', 'ann.bsky.social', $3)`,
      [ACCOUNT, IDS.councillor, PROFILE],
    );
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const run = (migration: MigrationInterface, direction: 'up' | 'down') =>
    runMigration(dataSource, migration, direction);

  async function post(
    externalId: string,
    values: { kind?: string; replies?: number; inReplyTo?: string; createdAt?: Date },
  ) {
    await dataSource.query(
      `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, likes, reposts, replies, quotes, in_reply_to)
       VALUES ($1, 'bluesky', $2, $3, $7, $4, 7, 3, $5, 1, $6)`,
      [
        ACCOUNT,
        externalId,
        `https://bsky.app/profile/someone.bsky.social/post/${externalId}`,
        values.kind ?? 'original',
        values.replies ?? 0,
        values.inReplyTo ?? null,
        values.createdAt ?? new Date(Date.now() - 60 * DAY_MS),
      ],
    );
  }

  async function reply(externalId: string, inReplyTo: string) {
    await dataSource.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym, in_reply_to)
       VALUES ($1, 'bluesky', $2, 'https://bsky.app/x', 'reply', now(), 'p', $3)`,
      [ACCOUNT, externalId, inReplyTo],
    );
  }

  it('starts each post’s replies read from the replies stored under it, capped at its count', async () => {
    await run(new RepliesRead1763800000009(), 'down');
    await post('five', { replies: 5 });
    await post('one', { replies: 1 });
    await post('none', { replies: 0 });
    await reply('r1', 'five');
    await reply('r2', 'five');
    await post('own-answer', { kind: 'reply', inReplyTo: 'five' });
    await reply('r3', 'one');
    await reply('r4', 'one');
    // A recent Bluesky post whose stored replies (nested ones among them) reach its count is read once more.
    await post('recent', { replies: 2, createdAt: new Date(Date.now() - 2 * DAY_MS) });
    await reply('r5', 'recent');
    await reply('r6', 'recent');
    await run(new RepliesRead1763800000009(), 'up');
    const rows: Array<{ external_id: string; replies_read: number }> = await dataSource.query(
      `SELECT external_id, replies_read FROM post ORDER BY external_id`,
    );
    expect(rows).toEqual([
      { external_id: 'five', replies_read: 3 },
      { external_id: 'none', replies_read: 0 },
      { external_id: 'one', replies_read: 1 },
      { external_id: 'own-answer', replies_read: 0 },
      { external_id: 'recent', replies_read: 0 },
    ]);
  });

  it("clears reposts of the original's engagement and address, and leaves other posts alone", async () => {
    await post('mine', { replies: 2 });
    await post('shared', { kind: 'repost', replies: 4 });
    // Keyed, before, by the reposted post (a resident's DID) when the AppView gave no repost record URI.
    await post('at://did:plc:resident/app.bsky.feed.post/3kabc#repost:did:plc:ann', {
      kind: 'repost',
      createdAt: new Date('2026-03-01T09:30:00.250Z'),
    });
    await run(new RepostsWithoutOriginal1763800000010(), 'up');
    const rows: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT external_id, url, likes, reposts, replies, quotes FROM post ORDER BY external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: 'at://did:plc:ann/app.bsky.feed.repost#2026-03-01T09:30:00.250Z',
        url: PROFILE,
        likes: 0,
        reposts: 0,
        replies: 0,
        quotes: 0,
      },
      {
        external_id: 'mine',
        url: 'https://bsky.app/profile/someone.bsky.social/post/mine',
        likes: 7,
        reposts: 3,
        replies: 2,
        quotes: 1,
      },
      { external_id: 'shared', url: PROFILE, likes: 0, reposts: 0, replies: 0, quotes: 0 },
    ]);
  });
});
