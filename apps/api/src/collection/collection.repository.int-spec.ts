import { DataSource } from 'typeorm';
import { createTestDatabase } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CollectionRepository } from './collection.repository';
import type { FollowerPageLoad, FollowerRow } from './collection.repository';

const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const WARD = '00000000-0000-4000-8000-0000000000a1';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000b1';
const ACCOUNT_A = '00000000-0000-4000-8000-00000000000a';
const ACCOUNT_B = '00000000-0000-4000-8000-00000000000b';

const T1 = new Date('2026-03-01T00:00:00Z');
const T2 = new Date('2026-03-08T00:00:00Z');
const T3 = new Date('2026-03-15T00:00:00Z');

function follower(name: string, attribution: FollowerRow['attribution'] = 'unknown'): FollowerRow {
  return {
    pseudonym: `p-${name}`,
    attribution,
    wardWeights: attribution === 'ward' ? { E05000001: 1 } : {},
    evidenceKinds: attribution === 'ward' ? ['place'] : [],
  };
}

interface EdgeState {
  pseudonym: string;
  firstSeen: string;
  lastSeen: string;
  lostAt: string | null;
}

async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query(`INSERT INTO council (id, code, name) VALUES ($1, 'E08000099', 'Testshire')`, [
    COUNCIL,
  ]);
  await dataSource.query(
    `INSERT INTO ward (id, council_id, code, name) VALUES ($1, $2, 'E05000001', 'Alder')`,
    [WARD, COUNCIL],
  );
  await dataSource.query(
    `INSERT INTO councillor (id, council_id, ward_id, name) VALUES ($1, $2, $3, 'Ann')`,
    [COUNCILLOR, COUNCIL, WARD],
  );
  await dataSource.query(
    `INSERT INTO platform_account (id, councillor_id, platform, handle)
     VALUES ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'mastodon', 'ann@example.social')`,
    [ACCOUNT_A, ACCOUNT_B, COUNCILLOR],
  );
}

async function edges(dataSource: DataSource, accountId: string): Promise<EdgeState[]> {
  const rows: Array<{ pseudonym: string; first_seen: Date; last_seen: Date; lost_at: Date | null }> =
    await dataSource.query(
      `SELECT f.pseudonym, e.first_seen, e.last_seen, e.lost_at
       FROM follow_edge e JOIN follower f ON f.id = e.follower_id WHERE e.account_id = $1 ORDER BY f.pseudonym`,
      [accountId],
    );
  return rows.map((row) => ({
    pseudonym: row.pseudonym,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    lostAt: row.lost_at?.toISOString() ?? null,
  }));
}

async function followers(dataSource: DataSource): Promise<unknown[]> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at FROM follower ORDER BY platform, pseudonym`,
  );
  return rows.map((row) => ({ ...row, attributed_at: (row.attributed_at as Date).toISOString() }));
}

/** One whole sweep, page by page, each page in a transaction; returns gained and lost. */
async function sweep(
  repository: CollectionRepository,
  params: { accountId: string; platform: 'bluesky' | 'mastodon'; startedAt: Date; pages: FollowerRow[][] },
): Promise<{ gained: number; lost: number }> {
  let gained = 0;
  for (const page of params.pages) {
    gained += await repository.transaction((manager) =>
      repository.upsertFollowerPage(
        {
          accountId: params.accountId,
          platform: params.platform,
          sweepStartedAt: params.startedAt,
          followers: page,
        },
        manager,
      ),
    );
  }
  const lost = await repository.finishFollowerSweep({
    accountId: params.accountId,
    sweepStartedAt: params.startedAt,
    now: params.startedAt,
  });
  return { gained, lost };
}

describe.each<FollowerPageLoad>(['copy', 'unnest'])(
  'CollectionRepository follower pages (%s load)',
  (load) => {
    let database: TestDatabase;
    let dataSource: DataSource;
    let repository: CollectionRepository;

    beforeEach(async () => {
      database = await createTestDatabase();
      dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4 });
      await dataSource.initialize();
      await seed(dataSource);
      repository = new CollectionRepository(dataSource);
      repository.useFollowerPageLoad(load);
    });

    afterEach(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    it('the machine PostgreSQL is detected as able to COPY', async () => {
      await expect(new CollectionRepository(dataSource).followerPageLoad()).resolves.toBe('copy');
    });

    it('a first sweep stores every follower and edge, seen at the sweep start', async () => {
      const result = await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a', 'ward'), follower('b')], [follower('c', 'council')]],
      });
      expect(result).toEqual({ gained: 3, lost: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toEqual(
        ['p-a', 'p-b', 'p-c'].map((pseudonym) => ({
          pseudonym,
          firstSeen: T1.toISOString(),
          lastSeen: T1.toISOString(),
          lostAt: null,
        })),
      );
      const [a] = (await followers(dataSource)) as Array<Record<string, unknown>>;
      expect(a).toMatchObject({
        pseudonym: 'p-a',
        attribution: 'ward',
        ward_weights: { E05000001: 1 },
        evidence_kinds: ['place'],
      });
    });

    it('a re-sweep gains nothing, moves last_seen, and rewrites only changed attributions', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a', 'ward'), follower('b')]],
      });
      const result = await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('a', 'ward'), follower('b', 'elsewhere')]],
      });
      expect(result).toEqual({ gained: 0, lost: 0 });
      expect((await edges(dataSource, ACCOUNT_A)).map((e) => [e.firstSeen, e.lastSeen])).toEqual([
        [T1.toISOString(), T2.toISOString()],
        [T1.toISOString(), T2.toISOString()],
      ]);
      expect(
        ((await followers(dataSource)) as Array<Record<string, unknown>>).map((f) => [
          f.attribution,
          f.attributed_at,
        ]),
      ).toEqual([
        ['ward', T1.toISOString()],
        ['elsewhere', T2.toISOString()],
      ]);
    });

    it('a follower missing from a sweep is lost, and one who comes back is gained again', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T2,
          pages: [[follower('a')]],
        }),
      ).toEqual({ gained: 0, lost: 1 });
      expect((await edges(dataSource, ACCOUNT_A)).find((e) => e.pseudonym === 'p-b')?.lostAt).toBe(
        T2.toISOString(),
      );

      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T3,
          pages: [[follower('a'), follower('b')]],
        }),
      ).toEqual({ gained: 1, lost: 0 });
      expect((await edges(dataSource, ACCOUNT_A)).find((e) => e.pseudonym === 'p-b')).toEqual({
        pseudonym: 'p-b',
        firstSeen: T1.toISOString(),
        lastSeen: T3.toISOString(),
        lostAt: null,
      });
    });

    it('duplicates within a page and across pages of one sweep count once', async () => {
      const result = await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [
          [follower('a'), follower('a'), follower('b')],
          [follower('b'), follower('c')],
        ],
      });
      expect(result).toEqual({ gained: 3, lost: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toHaveLength(3);
    });

    it('a page redone after its transaction rolled back stores it once', async () => {
      await expect(
        repository.transaction(async (manager) => {
          await repository.upsertFollowerPage(
            { accountId: ACCOUNT_A, platform: 'bluesky', sweepStartedAt: T1, followers: [follower('a')] },
            manager,
          );
          throw new Error('crash before the cursor was saved');
        }),
      ).rejects.toThrow('crash');
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([]);
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T1,
          pages: [[follower('a')]],
        }),
      ).toEqual({ gained: 1, lost: 0 });
    });

    it('values with tabs, newlines, backslashes and quotes arrive intact', async () => {
      const odd: FollowerRow = {
        pseudonym: 'p-odd\\x',
        attribution: 'ward',
        wardWeights: { 'E05\t000\n001\\"': 0.5 },
        evidenceKinds: ['pla"ce', 'back\\slash', 'tab\there'],
      };
      await sweep(repository, { accountId: ACCOUNT_A, platform: 'bluesky', startedAt: T1, pages: [[odd]] });
      const [stored] = (await followers(dataSource)) as Array<Record<string, unknown>>;
      expect(stored).toMatchObject({
        pseudonym: odd.pseudonym,
        ward_weights: odd.wardWeights,
        evidence_kinds: odd.evidenceKinds,
      });
    });

    it('two accounts sweeping shared followers at the same time neither deadlock nor duplicate', async () => {
      const shared = Array.from({ length: 400 }, (_, i) => follower(`s${i.toString().padStart(3, '0')}`));
      const pagesOf = (rows: FollowerRow[]): FollowerRow[][] =>
        Array.from({ length: Math.ceil(rows.length / 50) }, (_, i) => rows.slice(i * 50, i * 50 + 50));
      // The same followers in opposite orders, pages running interleaved on separate connections.
      const [a, b] = await Promise.all([
        sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T1,
          pages: pagesOf(shared),
        }),
        sweep(repository, {
          accountId: ACCOUNT_B,
          platform: 'bluesky',
          startedAt: T1,
          pages: pagesOf([...shared].reverse()),
        }),
      ]);
      expect(a).toEqual({ gained: 400, lost: 0 });
      expect(b).toEqual({ gained: 400, lost: 0 });
      const [{ count }]: Array<{ count: number }> = await dataSource.query(
        `SELECT count(*)::int AS count FROM follower`,
      );
      expect(count).toBe(400);
    });
  },
);

describe('CollectionRepository follower pages: COPY and unnest loads', () => {
  it('store the same rows and report the same counts for the same sweeps', async () => {
    const outcomes: Array<{ counts: unknown[]; followers: unknown[]; edges: unknown[] }> = [];
    for (const load of ['copy', 'unnest'] as const) {
      const database = await createTestDatabase();
      const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 2 });
      await dataSource.initialize();
      try {
        await seed(dataSource);
        const repository = new CollectionRepository(dataSource);
        repository.useFollowerPageLoad(load);
        const everyone = Array.from({ length: 120 }, (_, i) =>
          follower(`f${i.toString().padStart(3, '0')}`, i % 3 === 0 ? 'ward' : 'unknown'),
        );
        const counts = [
          await sweep(repository, {
            accountId: ACCOUNT_A,
            platform: 'bluesky',
            startedAt: T1,
            pages: [everyone.slice(0, 70), everyone.slice(60)],
          }),
          await sweep(repository, {
            accountId: ACCOUNT_A,
            platform: 'bluesky',
            startedAt: T2,
            pages: [
              everyone
                .filter((_, i) => i % 7 !== 0)
                .map((f, i) => (i % 5 === 0 ? { ...f, attribution: 'council' as const } : f)),
            ],
          }),
          await sweep(repository, {
            accountId: ACCOUNT_A,
            platform: 'bluesky',
            startedAt: T3,
            pages: [everyone],
          }),
        ];
        outcomes.push({
          counts,
          followers: await followers(dataSource),
          edges: await edges(dataSource, ACCOUNT_A),
        });
      } finally {
        await dataSource.destroy();
        await database.drop();
      }
    }
    const [copied, unnested] = outcomes;
    expect(copied?.counts).toEqual([
      { gained: 120, lost: 0 },
      { gained: 0, lost: 18 },
      { gained: 18, lost: 0 },
    ]);
    expect(unnested).toEqual(copied);
  });
});
