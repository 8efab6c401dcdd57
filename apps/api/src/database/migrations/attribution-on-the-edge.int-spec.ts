import type { DataSource } from 'typeorm';
import { attributionKey } from '../../attribution/follower-attributor';
import { seedRoster, TEST_ROSTER } from '../../testing/seed-roster';
import { CouncillorFollows1763800000019 } from './1763800000019-councillor-follows';
import { AttributionOnTheEdge1763800000020 } from './1763800000020-attribution-on-the-edge';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

const ACCOUNT_A = '00000000-0000-4000-8000-00000000000a';
const ACCOUNT_B = '00000000-0000-4000-8000-00000000000b';
const SEEN = new Date('2026-03-01T00:00:00Z');
const PLACED = new Date('2026-03-02T00:00:00Z');

/** Followers as the release before kept them: one row each, with the attribution of the last sweep. */
const FOLLOWERS = [
  { name: 'ann', attribution: 'ward', wardWeights: { E05000001: 1 }, evidenceKinds: ['place'] },
  {
    name: 'bob',
    attribution: 'council',
    wardWeights: { E05000002: 1 / 3, E05000001: 2 / 3 },
    evidenceKinds: ['postcode_sector', 'place'],
  },
  { name: 'cat', attribution: 'ward', wardWeights: { E05000001: 1 }, evidenceKinds: ['place'] },
  { name: 'dan', attribution: 'unknown', wardWeights: {}, evidenceKinds: [] },
] as const;

/** A pseudonym of 43 base64url characters whose key the SQL `pseudonym_key` reads. */
const pseudonymOf = (name: string): string => Buffer.from(name.padEnd(32, '.')).toString('base64url');

describe('migration 1763800000020 (attribution on the edge)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(CouncillorFollows1763800000019);
    dataSource = opened.dataSource;
    await seedRoster(dataSource, TEST_ROSTER);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle)
       VALUES ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'bluesky', 'ann-ward.bsky.social')`,
      [ACCOUNT_A, ACCOUNT_B, TEST_ROSTER.councillor],
    );
    for (const f of FOLLOWERS) {
      await dataSource.query(
        `INSERT INTO follower (id, platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
         VALUES (pseudonym_key($1), 'bluesky', $1, $2, $3::jsonb, $4::text[], $5)`,
        [pseudonymOf(f.name), f.attribution, JSON.stringify(f.wardWeights), f.evidenceKinds, PLACED],
      );
    }
    // Ann and Bob follow A, Ann and Cat follow B (Cat's edge lost); an edge whose follower row is gone.
    const edges: Array<[string, string, Date | null]> = [
      [ACCOUNT_A, 'ann', null],
      [ACCOUNT_A, 'bob', null],
      [ACCOUNT_B, 'ann', null],
      [ACCOUNT_B, 'cat', PLACED],
      [ACCOUNT_B, 'eve', null],
    ];
    for (const [account, name, lostAt] of edges) {
      await dataSource.query(
        `INSERT INTO follow_edge (account_id, follower_id, first_seen, lost_at, attribution_fp)
         VALUES ($1, pseudonym_key($2), $3, $4, 7)`,
        [account, pseudonymOf(name), SEEN, lostAt],
      );
    }
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const migrate = (direction: 'up' | 'down') =>
    runMigration(dataSource, new AttributionOnTheEdge1763800000020(), direction);

  it("puts each follower's attribution on their edges, stores each distinct one once, and gives each account its partition", async () => {
    await migrate('up');
    const rows: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT e.account_id, e.follower_id::text AS key, e.first_seen, e.lost_at, e.attributed_at, a.key AS attribution_key,
              e.tableoid::regclass::text AS partition
       FROM follow_edge e JOIN follower_attribution a ON a.id = e.attribution_id
       ORDER BY e.account_id, e.follower_id`,
    );
    const keyOf: Array<{ name: string; key: string }> = await dataSource.query(
      `SELECT n AS name, pseudonym_key(p)::text AS key FROM unnest($1::text[], $2::text[]) AS t(n, p)`,
      [['ann', 'bob', 'cat', 'eve'], ['ann', 'bob', 'cat', 'eve'].map(pseudonymOf)],
    );
    const nameOf = new Map(keyOf.map((k) => [k.key, k.name]));
    const expectedKey = (name: string): string => {
      const f = FOLLOWERS.find((x) => x.name === name);
      return f
        ? attributionKey({
            status: f.attribution,
            wardWeights: f.wardWeights,
            evidenceKinds: [...f.evidenceKinds],
          })
        : 'unknown||';
    };
    expect(
      rows
        .map((row) => ({
          account: row.account_id as string,
          name: nameOf.get(row.key as string),
          lost: row.lost_at !== null,
          attributedAt: (row.attributed_at as Date).toISOString(),
          attribution: row.attribution_key,
          partition: row.partition,
        }))
        .sort((a, b) => `${a.account}${a.name}`.localeCompare(`${b.account}${b.name}`)),
    ).toEqual(
      [
        [ACCOUNT_A, 'ann', false, PLACED],
        [ACCOUNT_A, 'bob', false, PLACED],
        [ACCOUNT_B, 'ann', false, PLACED],
        [ACCOUNT_B, 'cat', true, PLACED],
        [ACCOUNT_B, 'eve', false, SEEN],
      ].map(([account, name, lost, at]) => ({
        account,
        name,
        lost,
        attributedAt: (at as Date).toISOString(),
        // As the code spells it, so the next sweep finds nothing moved.
        attribution: expectedKey(name as string),
        partition: `follow_edge_of_${(account as string).replace(/-/g, '')}`,
      })),
    );
    const [{ attributions }]: Array<{ attributions: number }> = await dataSource.query(
      `SELECT count(*)::int AS attributions FROM follower_attribution`,
    );
    // ward (Ann and Cat), council (Bob), unknown (Dan, and Eve who had no row).
    expect(attributions).toBe(3);
    const tables: Array<{ name: string | null }> = await dataSource.query(
      `SELECT to_regclass('follower')::text AS name UNION ALL SELECT to_regclass('follower_reattribution')::text`,
    );
    expect(tables).toEqual([{ name: null }, { name: null }]);
  });

  it('goes down to the tables the release before reads, and up again', async () => {
    await migrate('up');
    await migrate('down');
    const [{ edges, followers }]: Array<{ edges: number; followers: number }> = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM follow_edge WHERE attribution_fp IS NULL) AS edges,
              (SELECT count(*)::int FROM follower) AS followers`,
    );
    // The edges stay, without fingerprints (so the next sweep writes every follower again).
    expect({ edges, followers }).toEqual({ edges: 5, followers: 0 });
    await migrate('up');
    const [{ unknown }]: Array<{ unknown: number }> = await dataSource.query(
      `SELECT count(*)::int AS unknown FROM follow_edge e JOIN follower_attribution a ON a.id = e.attribution_id
       WHERE a.key = 'unknown||'`,
    );
    expect(unknown).toBe(5);
  });
});
