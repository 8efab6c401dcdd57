import type { DataSource } from 'typeorm';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { BlueskyLinksByDid1763800000018 } from './1763800000018-bluesky-links-by-did';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const IDS = TEST_ROSTER;
const BSKY = '00000000-0000-4000-8000-00000000000a';
const MASTO = '00000000-0000-4000-8000-00000000000b';

describe('migration 1763800000018 (Bluesky replies and mentions linked by their author’s DID)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(BlueskyLinksByDid1763800000018);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES
         ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'mastodon', 'ann@colne.social')`,
      [BSKY, MASTO, IDS.councillor],
    );
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  it('rewrites stored Bluesky links from the post’s URI, and leaves other platforms’', async () => {
    const interaction = (account: string, platform: string, externalId: string, url: string) =>
      dataSource.query(
        `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
         VALUES ($1, $2, $3, $4, 'reply', '2026-11-01T09:00:00Z', 'pseudonym')`,
        [account, platform, externalId, url],
      );
    await interaction(
      BSKY,
      'bluesky',
      'at://did:plc:r3s1dentaaaaaaaaaaaaaaaa/app.bsky.feed.post/3lbx3r9kk4e2c',
      'https://bsky.app/profile/jo-bloggs.bsky.social/post/3lbx3r9kk4e2c',
    );
    await interaction(MASTO, 'mastodon', '111000000000000001', 'https://colne.social/@jo/111000000000000001');
    await runMigration(dataSource, new BlueskyLinksByDid1763800000018(), 'up');
    expect(await dataSource.query(`SELECT platform, url FROM interaction ORDER BY platform`)).toEqual([
      {
        platform: 'bluesky',
        url: 'https://bsky.app/profile/did:plc:r3s1dentaaaaaaaaaaaaaaaa/post/3lbx3r9kk4e2c',
      },
      { platform: 'mastodon', url: 'https://colne.social/@jo/111000000000000001' },
    ]);
  });
});
