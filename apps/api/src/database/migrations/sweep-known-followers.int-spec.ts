import type { DataSource } from 'typeorm';
import { SweepKnownFollowers1763800000006 } from './1763800000006-sweep-known-followers';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const ACCOUNT = '00000000-0000-4000-8000-00000000000a';
const STARTED = new Date('2026-03-01T00:00:00Z');
const KEYS = ['-9223372036854775808', '-1', '0', '4294967295', '9223372036854775807'];

describe('migration 1763800000006 (sweep known followers)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(SweepKnownFollowers1763800000006);
    dataSource = opened.dataSource;
    await dataSource.query(`INSERT INTO council (code, name) VALUES ('E08000099', 'Testshire')`);
    await dataSource.query(
      `INSERT INTO ward (council_id, code, name) SELECT id, 'E05000001', 'Alder' FROM council`,
    );
    await dataSource.query(
      `INSERT INTO councillor (council_id, ward_id, name) SELECT council_id, id, 'Ann' FROM ward`,
    );
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) SELECT $1, id, 'bluesky', 'ann.bsky.social' FROM councillor`,
      [ACCOUNT],
    );
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const migrate = (direction: 'up' | 'down') =>
    runMigration(dataSource, new SweepKnownFollowers1763800000006(), direction);

  it("keeps a sweep's record of whom it saw, in order, across up and down", async () => {
    await migrate('down');
    await dataSource.query(
      `INSERT INTO follower_sweep_seen (account_id, sweep_started_at, follower_ids) VALUES ($1, $2, $3::bigint[]), ($1, $2, '{}')`,
      [ACCOUNT, STARTED, KEYS],
    );
    await migrate('up');
    const packed: Array<{ keys: Buffer }> = await dataSource.query(
      `SELECT follower_keys AS keys FROM follower_sweep_seen ORDER BY length(follower_keys) DESC`,
    );
    const read = (keys: Buffer): string[] =>
      Array.from({ length: keys.length / 8 }, (_, i) => keys.readBigInt64BE(i * 8).toString());
    expect(packed.map((row) => read(row.keys))).toEqual([KEYS, []]);

    await migrate('down');
    const arrays: Array<{ ids: string[] }> = await dataSource.query(
      `SELECT follower_ids::text[] AS ids FROM follower_sweep_seen ORDER BY cardinality(follower_ids) DESC`,
    );
    expect(arrays.map((row) => row.ids)).toEqual([KEYS, []]);
  });

  it('leaves edges stored before it without a fingerprint, and removes the column on the way down', async () => {
    await migrate('down');
    await dataSource.query(
      `INSERT INTO follow_edge (account_id, follower_id, first_seen) VALUES ($1, 42, $2)`,
      [ACCOUNT, STARTED],
    );
    await migrate('up');
    expect(await dataSource.query(`SELECT follower_id, attribution_fp FROM follow_edge`)).toEqual([
      { follower_id: '42', attribution_fp: null },
    ]);
    await migrate('down');
    const columns: Array<{ column_name: string }> = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'follow_edge' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('attribution_fp');
  });
});
