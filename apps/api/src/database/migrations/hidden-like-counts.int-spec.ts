import type { DataSource } from 'typeorm';
import { CollectionRepository, type PostRow } from '../../collection/collection.repository';
import { AccountFactsRepository } from '../../figures/account-facts.repository';
import { accountSnapshot } from '../../testing/account-snapshot.fixture';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { HiddenLikeCounts1763800000014 } from './1763800000014-hidden-like-counts';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const IDS = TEST_ROSTER;
const ACCOUNT = '00000000-0000-4000-8000-00000000000a';

function video(externalId: string, likes: number | null): PostRow {
  return {
    externalId,
    url: `https://www.youtube.com/watch?v=${externalId}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    kind: 'original',
    text: 'Ward surgery dates',
    likes,
    reposts: 0,
    replies: 2,
    quotes: 0,
    links: [],
    inReplyTo: null,
  };
}

describe('migration 1763800000014 (hidden like counts)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(HiddenLikeCounts1763800000014);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id)
       VALUES ($1, $2, 'youtube', '@cllrann', 'UCcllrAnn000000000000000')`,
      [ACCOUNT, IDS.councillor],
    );
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const run = (direction: 'up' | 'down') =>
    runMigration(dataSource, new HiddenLikeCounts1763800000014(), direction);

  it('stores a like count the platform withholds as unknown, and the count once it is shown', async () => {
    const posts = new CollectionRepository(dataSource);
    const facts = new AccountFactsRepository(dataSource);
    await posts.upsertPosts({
      accountId: ACCOUNT,
      platform: 'youtube',
      posts: [video('vidA', null), video('vidB', 4)],
    });
    const read = async () =>
      (await facts.posts(ACCOUNT, new Date('2026-11-01T00:00:00Z'))).map((post) => post.likes).sort();
    expect(await read()).toEqual([4, null]);

    // The channel shows vidA's likes again.
    await posts.upsertPosts({ accountId: ACCOUNT, platform: 'youtube', posts: [video('vidA', 9)] });
    expect(await read()).toEqual([4, 9]);
  });

  it('gives the snapshots taken before it no hidden likes, and going down counts hidden likes as none', async () => {
    await run('down');
    const { likesHidden30d: _hidden, ...before } = accountSnapshot('2026-11-21', {
      followers: 40,
      engagement30d: 12,
    });
    await dataSource.query(
      `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, local_share, figures, computed_at)
       VALUES ($1, '2026-11-21', 40, 0, 12, NULL, $2::jsonb, now())`,
      [ACCOUNT, JSON.stringify(before)],
    );
    await run('up');
    const figures = async (): Promise<unknown> => {
      const rows: Array<{ figures: unknown }> = await dataSource.query(
        `SELECT figures FROM account_snapshot`,
      );
      return rows[0].figures;
    };
    expect(await figures()).toEqual({ ...before, likesHidden30d: 0 });

    await new CollectionRepository(dataSource).upsertPosts({
      accountId: ACCOUNT,
      platform: 'youtube',
      posts: [video('vidA', null)],
    });
    await run('down');
    expect(await dataSource.query(`SELECT likes FROM post`)).toEqual([{ likes: 0 }]);
    expect(await figures()).toEqual(before);
    await run('up');
  });
});
