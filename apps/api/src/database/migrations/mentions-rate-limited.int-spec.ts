import type { DataSource } from 'typeorm';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { MentionsRateLimited1763800000015 } from './1763800000015-mentions-rate-limited';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const IDS = TEST_ROSTER;
const LIMITED = '00000000-0000-4000-8000-00000000000a';
const REFUSED = '00000000-0000-4000-8000-00000000000b';

describe('migration 1763800000015 (mentions left out while the search account is rate limited)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(MentionsRateLimited1763800000015);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, IDS);
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const run = (direction: 'up' | 'down') =>
    runMigration(dataSource, new MentionsRateLimited1763800000015(), direction);
  const insert = (id: string, handle: string, mentions: string) =>
    dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, mentions) VALUES ($1, $2, 'bluesky', $3, $4)`,
      [id, IDS.councillor, handle, mentions],
    );
  const stored = async () =>
    (
      await dataSource.query<Array<{ id: string; mentions: string | null }>>(
        `SELECT id, mentions FROM platform_account ORDER BY id`,
      )
    ).map((row) => [row.id, row.mentions]);

  it('lets an account say its mentions were left out for a rate limit, and still refuses unknown values', async () => {
    await insert(LIMITED, 'cllr-a.bsky.social', 'service-account-rate-limited');
    await insert(REFUSED, 'cllr-b.bsky.social', 'service-account-refused');
    await expect(
      dataSource.query(`UPDATE platform_account SET mentions = 'sometimes' WHERE id = $1`, [REFUSED]),
    ).rejects.toThrow(/platform_account_mentions_check/);

    await run('down');
    // The older schema cannot say it: not known until the account's next collection.
    expect(await stored()).toEqual([
      [LIMITED, null],
      [REFUSED, 'service-account-refused'],
    ]);
    await expect(
      dataSource.query(
        `UPDATE platform_account SET mentions = 'service-account-rate-limited' WHERE id = $1`,
        [LIMITED],
      ),
    ).rejects.toThrow(/platform_account_mentions_check/);

    await run('up');
    await dataSource.query(
      `UPDATE platform_account SET mentions = 'service-account-rate-limited' WHERE id = $1`,
      [LIMITED],
    );
    expect(await stored()).toEqual([
      [LIMITED, 'service-account-rate-limited'],
      [REFUSED, 'service-account-refused'],
    ]);
  });
});
