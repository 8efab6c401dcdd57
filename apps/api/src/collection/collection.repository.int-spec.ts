import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { AccountCursors } from '../accounts/platform-account.entity';
import { PlatformAccountEntity } from '../accounts/platform-account.entity';
import { attributionKey } from '../attribution/follower-attributor';
import { followerKey, pseudonymiseWithKey } from '../common/pseudonymise';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import { AccountFactsRepository } from '../figures/account-facts.repository';
import { CollectionRepository, edgePartition, pendingEdgeTable } from './collection.repository';
import type { FollowerBatchLoad, FollowerRow } from './collection.repository';
import { FollowerSweepWriter } from './follower-sweep-writer';
import type { FollowerSweepTotals } from './follower-sweep-writer';

const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const WARD = '00000000-0000-4000-8000-0000000000a1';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000b1';
const ACCOUNT_A = '00000000-0000-4000-8000-00000000000a';
const ACCOUNT_B = '00000000-0000-4000-8000-00000000000b';
const SECRET = 'a test secret of at least thirty-two characters';

const T1 = new Date('2026-03-01T00:00:00Z');
const T2 = new Date('2026-03-08T00:00:00Z');
const T3 = new Date('2026-03-15T00:00:00Z');

/** Who each stored follower key stands for, so the tests read in names. */
const names = new Map<string, string>();

/** A follower row, with the pseudonym the tests name the person by. */
type Follower = FollowerRow & { pseudonym: string };

function follower(name: string, attribution: FollowerRow['attribution'] = 'unknown'): Follower {
  const pseudonymised = pseudonymiseWithKey(SECRET, 'bluesky', `did:plc:${name}`);
  names.set(followerKey(pseudonymised.keyHigh, pseudonymised.keyLow), name);
  return attributed(
    { ...pseudonymised, attribution, wardWeights: {}, evidenceKinds: [], attributionKey: '' },
    attribution === 'ward'
      ? { attribution, wardWeights: { E05000001: 1 }, evidenceKinds: ['place'] }
      : { attribution },
  );
}

/** The follower attributed otherwise, with the key of the new attribution. */
function attributed<T extends FollowerRow>(
  row: T,
  change: Partial<Pick<FollowerRow, 'attribution' | 'wardWeights' | 'evidenceKinds'>>,
): T {
  const next = { ...row, ...change };
  return {
    ...next,
    attributionKey: attributionKey({
      status: next.attribution,
      wardWeights: next.wardWeights,
      evidenceKinds: next.evidenceKinds,
    }),
  };
}

interface EdgeState {
  name: string;
  firstSeen: string;
  lostAt: string | null;
}

async function seed(dataSource: DataSource): Promise<void> {
  await seedRoster(dataSource, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
  await dataSource.query(
    `INSERT INTO platform_account (id, councillor_id, platform, handle)
     VALUES ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'mastodon', 'ann@example.social')`,
    [ACCOUNT_A, ACCOUNT_B, COUNCILLOR],
  );
}

async function edges(dataSource: DataSource, accountId: string): Promise<EdgeState[]> {
  const rows: Array<{ key: string; first_seen: Date; lost_at: Date | null }> = await dataSource.query(
    `SELECT follower_id::text AS key, first_seen, lost_at FROM follow_edge WHERE account_id = $1`,
    [accountId],
  );
  return rows
    .map((row) => ({
      name: names.get(row.key) ?? row.key,
      firstSeen: row.first_seen.toISOString(),
      lostAt: row.lost_at?.toISOString() ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Where each of the account's edges places its follower, and since when. */
async function attributions(
  dataSource: DataSource,
  accountId: string,
): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT e.follower_id::text AS key, a.attribution, a.ward_weights, a.evidence_kinds, e.attributed_at
     FROM follow_edge e JOIN follower_attribution a ON a.id = e.attribution_id WHERE e.account_id = $1`,
    [accountId],
  );
  return rows
    .map(({ key, ...row }) => ({
      name: names.get(key as string) ?? key,
      ...row,
      attributed_at: (row.attributed_at as Date).toISOString(),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/** Whether the account's first sweep is under way (its pending table), and whether it has its partition. */
async function tables(
  dataSource: DataSource,
  accountId: string,
): Promise<{ pending: boolean; partition: boolean }> {
  const [row]: Array<{ pending: boolean; partition: boolean }> = await dataSource.query(
    `SELECT to_regclass($1) IS NOT NULL AS pending, to_regclass($2) IS NOT NULL AS partition`,
    [pendingEdgeTable(accountId), edgePartition(accountId)],
  );
  return row;
}

/**
 * One whole sweep through the sweep writer the service uses, each page a batch in its own
 * transaction; returns gained and lost.
 */
async function sweep(
  repository: CollectionRepository,
  params: {
    accountId: string;
    platform: 'bluesky' | 'mastodon';
    startedAt: Date;
    pages: FollowerRow[][];
    resuming?: boolean;
  },
): Promise<{ gained: number; lost: number }> {
  const { gained, lost } = await sweepTotals(repository, params);
  return { gained, lost };
}

async function sweepTotals(
  repository: CollectionRepository,
  params: {
    accountId: string;
    platform: 'bluesky' | 'mastodon';
    startedAt: Date;
    pages: FollowerRow[][];
    /** Stop after this many pages, as a worker killed mid-sweep would. */
    crashAfter?: number;
    /** The sweep began before (its cursor was saved), and goes on from where it was. */
    resuming?: boolean;
  },
): Promise<FollowerSweepTotals> {
  const writer = new FollowerSweepWriter(repository, {
    accountId: params.accountId,
    platform: params.platform,
    sweepStartedAt: params.startedAt,
    resuming: params.resuming ?? false,
    batchRows: 1,
    now: () => params.startedAt,
    saveCursor: () => Promise.resolve(),
  });
  try {
    for (const [index, page] of params.pages.entries()) {
      if (index === params.crashAfter) return await writer.finished();
      await writer.add(page, index === params.pages.length - 1 ? null : String(index + 1));
    }
    return await writer.finished();
  } finally {
    await writer.settle();
  }
}

/** A fresh migrated database with the test council, and a repository over it. */
async function openSeeded(
  load?: FollowerBatchLoad,
): Promise<{ dataSource: DataSource; repository: CollectionRepository; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    poolSize: 4,
    entities: [PlatformAccountEntity],
  });
  await dataSource.initialize();
  await seed(dataSource);
  const repository = new CollectionRepository(dataSource);
  if (load) repository.useFollowerBatchLoad(load);
  return {
    dataSource,
    repository,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

describe.each<FollowerBatchLoad>(['copy', 'unnest'])(
  'CollectionRepository follower pages (%s load)',
  (load) => {
    let dataSource: DataSource;
    let repository: CollectionRepository;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ dataSource, repository, close } = await openSeeded(load));
    });

    afterEach(() => close());

    it('the machine PostgreSQL is detected as able to COPY', async () => {
      await expect(new CollectionRepository(dataSource).followerBatchLoad()).resolves.toBe('copy');
    });

    it('a first sweep stores every edge, first seen at the sweep start, in the account partition it ends with', async () => {
      const result = await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a', 'ward'), follower('b')], [follower('c', 'council')]],
      });
      expect(result).toEqual({ gained: 3, lost: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toEqual(
        ['a', 'b', 'c'].map((name) => ({ name, firstSeen: T1.toISOString(), lostAt: null })),
      );
      const [a] = await attributions(dataSource, ACCOUNT_A);
      expect(a).toMatchObject({
        name: 'a',
        attribution: 'ward',
        ward_weights: { E05000001: 1 },
        evidence_kinds: ['place'],
        attributed_at: T1.toISOString(),
      });
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: true });
      const partitions: Array<{ partition: string }> = await dataSource.query(
        `SELECT DISTINCT tableoid::regclass::text AS partition FROM follow_edge WHERE account_id = $1`,
        [ACCOUNT_A],
      );
      expect(partitions).toEqual([{ partition: edgePartition(ACCOUNT_A) }]);
      // Each distinct attribution is stored once, however many followers share it.
      const [{ stored }]: Array<{ stored: number }> = await dataSource.query(
        `SELECT count(*)::int AS stored FROM follower_attribution`,
      );
      expect(stored).toBe(3);
    });

    it('keeps what a first sweep has written out of every figure until the sweep ends', async () => {
      const totals = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a')], [follower('b')]],
        crashAfter: 1,
      });
      expect(totals).toMatchObject({ batches: 1, gained: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([]);
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: true, partition: false });
      const [{ pending }]: Array<{ pending: number }> = await dataSource.query(
        `SELECT count(*)::int AS pending FROM follow_edge_pending WHERE account_id = $1`,
        [ACCOUNT_A],
      );
      expect(pending).toBe(1);
    });

    it('a first sweep resumed after its worker died stores each follower once, and counts them all gained', async () => {
      const pages = [
        [follower('a'), follower('b')],
        [follower('b'), follower('c')],
      ];
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages,
        crashAfter: 1,
      });
      const resumed = await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: pages.slice(1),
        // As the service resumes: from the cursor of the last committed batch, with its start.
        resuming: true,
      });
      expect(resumed).toEqual({ gained: 3, lost: 0 });
      expect((await edges(dataSource, ACCOUNT_A)).map((e) => e.name)).toEqual(['a', 'b', 'c']);
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: true });
    });

    it("a first sweep not resumed starts over: a given-up sweep's pending edges are not kept", async () => {
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('gone')], [follower('a')]],
        crashAfter: 1,
      });
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T2,
          pages: [[follower('a')]],
        }),
      ).toEqual({ gained: 1, lost: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([
        { name: 'a', firstSeen: T2.toISOString(), lostAt: null },
      ]);
    });

    it('a first sweep whose account gained an edge another way meanwhile keeps that edge, and stores the rest', async () => {
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('a'), follower('b')], [follower('c')]],
        crashAfter: 1,
      });
      // An edge written outside the sweep lands in the default partition (the account has none yet).
      await repository.writeFollowerBatch({
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        sweepStartedAt: T1,
        followers: [follower('a', 'ward')],
      });
      const resumed = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('c')]],
        resuming: true,
      });
      expect(resumed).toMatchObject({ gained: 2, lost: 0 });
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([
        { name: 'a', firstSeen: T1.toISOString(), lostAt: null },
        { name: 'b', firstSeen: T2.toISOString(), lostAt: null },
        { name: 'c', firstSeen: T2.toISOString(), lostAt: null },
      ]);
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: false });
    });

    it('a first sweep that lists nobody leaves no partition, so the next one is a first sweep still', async () => {
      expect(
        await sweep(repository, { accountId: ACCOUNT_A, platform: 'bluesky', startedAt: T1, pages: [[]] }),
      ).toEqual({
        gained: 0,
        lost: 0,
      });
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: false });
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('a')]],
      });
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: true });
    });

    it('an account whose every edge was purged is swept as a first sweep again, into a new partition', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a')]],
      });
      await dataSource.query(`DELETE FROM follow_edge WHERE account_id = $1`, [ACCOUNT_A]);
      const again = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('b')], [follower('c')]],
        crashAfter: 1,
      });
      expect(again).toMatchObject({ batches: 1, gained: 0 });
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: true, partition: false });
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('c')]],
        resuming: true,
      });
      expect((await edges(dataSource, ACCOUNT_A)).map((e) => e.name)).toEqual(['b', 'c']);
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: true });
    });

    it('a pending table left beside the account partition is dropped, and the sweep goes on as a re-sweep', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a')]],
      });
      // As a worker that read the tables just before another's last batch committed would leave it.
      await dataSource.query(
        `CREATE TABLE ${pendingEdgeTable(ACCOUNT_A)} PARTITION OF follow_edge_pending FOR VALUES IN ('${ACCOUNT_A}')`,
      );
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T2,
          pages: [[attributed(follower('a'), { attribution: 'elsewhere' }), follower('b')]],
        }),
      ).toEqual({ gained: 1, lost: 0 });
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: true });
      expect((await attributions(dataSource, ACCOUNT_A)).map((f) => [f.name, f.attribution])).toEqual([
        ['a', 'elsewhere'],
        ['b', 'unknown'],
      ]);
    });

    it('first sweeps of several accounts ending at the same moment all attach, none waiting on another for ever', async () => {
      const accounts = Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-0000000001${i}0`);
      await dataSource.query(
        `INSERT INTO platform_account (id, councillor_id, platform, handle)
         SELECT a, $2, 'bluesky', 'extra-' || a FROM unnest($1::uuid[]) AS a`,
        [accounts, COUNCILLOR],
      );
      const pages = (account: number): FollowerRow[][] =>
        Array.from({ length: 3 }, (_, p) =>
          Array.from({ length: 20 }, (_, i) => follower(`p${account}-${p}-${i}`)),
        );
      const results = await Promise.all(
        accounts.map((accountId, i) =>
          sweep(repository, { accountId, platform: 'bluesky', startedAt: T1, pages: pages(i) }),
        ),
      );
      expect(results).toEqual(accounts.map(() => ({ gained: 60, lost: 0 })));
      for (const accountId of accounts) {
        expect(await tables(dataSource, accountId)).toEqual({ pending: false, partition: true });
      }
    });

    it('stores each follower under the key of their pseudonym, as SQL pseudonym_key() computes it', async () => {
      const everyone = Array.from({ length: 200 }, (_, i) => follower(`k${i}`));
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [everyone],
      });
      const [{ matched, total }]: Array<{ matched: number; total: number }> = await dataSource.query(
        `SELECT count(e.follower_id)::int AS matched, count(*)::int AS total
         FROM unnest($1::text[]) AS p(pseudonym)
         LEFT JOIN follow_edge e ON e.account_id = $2 AND e.follower_id = pseudonym_key(p.pseudonym)`,
        [everyone.map((f) => f.pseudonym), ACCOUNT_A],
      );
      expect({ matched, total }).toEqual({ matched: 200, total: 200 });
    });

    it('a re-sweep where nothing changed rewrites no edge', async () => {
      const everyone = [follower('a', 'ward'), follower('b'), follower('c')];
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [everyone],
      });
      const versions = `SELECT string_agg(xmin::text, ',' ORDER BY follower_id) AS edges FROM follow_edge`;
      const before: unknown = await dataSource.query(versions);
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T2,
          pages: [everyone],
        }),
      ).toEqual({ gained: 0, lost: 0 });
      expect(await dataSource.query(versions)).toEqual(before);
      const [{ records }]: Array<{ records: number }> = await dataSource.query(
        `SELECT count(*)::int AS records FROM follower_sweep_seen`,
      );
      expect(records).toBe(0);
    });

    it('a re-sweep sends the database only the edges that are new, back, or attributed otherwise', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a', 'ward'), follower('b'), follower('c')]],
      });
      const unchanged = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('a', 'ward')], [follower('b'), follower('c')]],
      });
      expect(unchanged).toMatchObject({ gained: 0, lost: 0, written: 0 });
      const changed = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T3,
        pages: [[follower('a'), follower('b'), follower('d')]],
      });
      // a's attribution moved, d is new, b is unchanged, c is lost.
      expect(changed).toMatchObject({ gained: 1, lost: 1, written: 2 });
      expect((await attributions(dataSource, ACCOUNT_A)).find((f) => f.name === 'a')).toMatchObject({
        attribution: 'unknown',
        attributed_at: T3.toISOString(),
      });
    });

    it("each account's sweep stores where it placed a follower on its own edge, and leaves the other's be", async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('x', 'ward')]],
      });
      await sweep(repository, {
        accountId: ACCOUNT_B,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('x', 'ward')]],
      });
      // x's profile changes before A's next sweep; B's next sweep still finds the old one.
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('x', 'elsewhere')]],
      });
      const b = await sweepTotals(repository, {
        accountId: ACCOUNT_B,
        platform: 'bluesky',
        startedAt: T3,
        pages: [[follower('x', 'ward')]],
      });
      expect(b).toMatchObject({ gained: 0, lost: 0, written: 0 });
      expect(
        (await attributions(dataSource, ACCOUNT_A)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([['x', 'elsewhere', T2.toISOString()]]);
      expect(
        (await attributions(dataSource, ACCOUNT_B)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([['x', 'ward', T1.toISOString()]]);
    });

    it('a sweep resumed after its worker died loses only the followers no batch of it saw', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [
          [follower('a'), follower('b')],
          [follower('c'), follower('d')],
        ],
      });
      const pages = [[follower('a'), follower('b')], [follower('c')]];
      // The worker commits the first batch of the T2 sweep and dies; another resumes from its cursor.
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages,
        crashAfter: 1,
      });
      const resumed = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: pages.slice(1),
        resuming: true,
      });
      expect(resumed).toMatchObject({ gained: 0, lost: 1 });
      expect(
        (await edges(dataSource, ACCOUNT_A)).filter((e) => e.lostAt !== null).map((e) => e.name),
      ).toEqual(['d']);
      const [{ records }]: Array<{ records: number }> = await dataSource.query(
        `SELECT count(*)::int AS records FROM follower_sweep_seen`,
      );
      expect(records).toBe(0);
    });

    it('a re-sweep gains nothing and rewrites only changed attributions', async () => {
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
        pages: [[follower('a', 'ward'), attributed(follower('b'), { attribution: 'elsewhere' })]],
      });
      expect(result).toEqual({ gained: 0, lost: 0 });
      expect((await edges(dataSource, ACCOUNT_A)).map((e) => [e.firstSeen, e.lostAt])).toEqual([
        [T1.toISOString(), null],
        [T1.toISOString(), null],
      ]);
      expect(
        (await attributions(dataSource, ACCOUNT_A)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([
        ['a', 'ward', T1.toISOString()],
        ['b', 'elsewhere', T2.toISOString()],
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
      expect((await edges(dataSource, ACCOUNT_A)).find((e) => e.name === 'b')?.lostAt).toBe(T2.toISOString());

      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T3,
          pages: [[follower('a'), follower('b')]],
        }),
      ).toEqual({ gained: 1, lost: 0 });
      // Their follow starts again: the account's figures count them among the followers gained since.
      expect((await edges(dataSource, ACCOUNT_A)).find((e) => e.name === 'b')).toEqual({
        name: 'b',
        firstSeen: T3.toISOString(),
        lostAt: null,
      });
      expect(await new AccountFactsRepository(dataSource).followEdgeChanges(ACCOUNT_A, T3)).toEqual([
        { firstSeenAt: T3, lostAt: null },
      ]);
    });

    it("only the sweep that saw a follower counts: an abandoned sweep's record does not", async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      // A sweep started at T2 saw b, then was abandoned; the sweep of T3 does not see b.
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('b')], [follower('a')]],
        crashAfter: 1,
      });
      expect(
        await sweep(repository, {
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          startedAt: T3,
          pages: [[follower('a')]],
        }),
      ).toEqual({ gained: 0, lost: 1 });
    });

    it('a sweep given up (the list hidden part-way) leaves no record of whom it saw, and loses nobody', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[follower('b')], [follower('a')]],
        crashAfter: 1,
      });
      await dataSource.query(`UPDATE platform_account SET cursors = $2::jsonb WHERE id = $1`, [
        ACCOUNT_A,
        JSON.stringify({ posts: 'p', followerSweep: { pageCursor: '1', startedAt: T2.toISOString() } }),
      ]);
      const records = async () => {
        const rows: unknown[] = await dataSource.query(
          `SELECT 1 FROM follower_sweep_seen WHERE account_id = $1`,
          [ACCOUNT_A],
        );
        return rows.length;
      };
      expect(await records()).toBeGreaterThan(0);
      await repository.abandonFollowerSweep(ACCOUNT_A);
      expect(await records()).toBe(0);
      const [row]: Array<{ cursors: unknown; standing: number }> = await dataSource.query(
        `SELECT cursors, (SELECT count(*)::int FROM follow_edge WHERE account_id = $1 AND lost_at IS NULL) AS standing
         FROM platform_account WHERE id = $1`,
        [ACCOUNT_A],
      );
      expect(row).toEqual({ cursors: { posts: 'p', followerSweep: null }, standing: 2 });
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

    it('a batch redone after its transaction rolled back stores it once', async () => {
      await expect(
        repository.transaction(async (manager) => {
          await repository.writeFollowerBatch(
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
      const odd = attributed(follower('odd'), {
        attribution: 'ward',
        wardWeights: { 'E05\t000\n001\\"': 0.5 },
        evidenceKinds: ['pla"ce', 'back\\slash', 'tab\there'],
      });
      await sweep(repository, { accountId: ACCOUNT_A, platform: 'bluesky', startedAt: T1, pages: [[odd]] });
      const [stored] = await attributions(dataSource, ACCOUNT_A);
      expect(stored).toMatchObject({
        name: 'odd',
        ward_weights: odd.wardWeights,
        evidence_kinds: odd.evidenceKinds,
      });
    });

    it("an account's first sweep stores where it places a follower another account already has, leaving that edge be", async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('moved', 'ward'), follower('same', 'ward')]],
      });
      const result = await sweep(repository, {
        accountId: ACCOUNT_B,
        platform: 'bluesky',
        startedAt: T2,
        pages: [[attributed(follower('moved'), { attribution: 'elsewhere' }), follower('same', 'ward')]],
      });
      expect(result).toEqual({ gained: 2, lost: 0 });
      expect(
        (await attributions(dataSource, ACCOUNT_B)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([
        ['moved', 'elsewhere', T2.toISOString()],
        ['same', 'ward', T2.toISOString()],
      ]);
      expect(
        (await attributions(dataSource, ACCOUNT_A)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([
        ['moved', 'ward', T1.toISOString()],
        ['same', 'ward', T1.toISOString()],
      ]);
    });

    it('followers sent as new to the account whose edge exists after all are merged, not duplicated', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a')]],
      });
      const gained = await repository.writeFollowerBatch({
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        sweepStartedAt: T2,
        followers: [],
        newToAccount: [follower('a'), follower('b')],
      });
      expect(gained).toBe(1);
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([
        { name: 'a', firstSeen: T1.toISOString(), lostAt: null },
        { name: 'b', firstSeen: T2.toISOString(), lostAt: null },
      ]);
    });

    it('an edge new to the account that another transaction inserts meanwhile is merged, not duplicated', async () => {
      const shared = follower('shared', 'ward');
      let other: Promise<number> | undefined;
      await repository.transaction(async (manager) => {
        await repository.writeFollowerBatch(
          { accountId: ACCOUNT_A, platform: 'bluesky', sweepStartedAt: T1, followers: [shared] },
          manager,
        );
        // Sent as new to the account: its insert waits on the uncommitted edge, then meets it.
        other = repository.writeFollowerBatch({
          accountId: ACCOUNT_A,
          platform: 'bluesky',
          sweepStartedAt: T2,
          followers: [],
          newToAccount: [
            attributed(shared, { attribution: 'elsewhere', wardWeights: {}, evidenceKinds: [] }),
          ],
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      if (!other) throw new Error('the second batch never started');
      await expect(other).resolves.toBe(0);
      expect(
        (await attributions(dataSource, ACCOUNT_A)).map((f) => [f.name, f.attribution, f.attributed_at]),
      ).toEqual([['shared', 'elsewhere', T2.toISOString()]]);
      expect(await edges(dataSource, ACCOUNT_A)).toEqual([
        { name: 'shared', firstSeen: T1.toISOString(), lostAt: null },
      ]);
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
      expect(await edges(dataSource, ACCOUNT_A)).toHaveLength(400);
      expect(await edges(dataSource, ACCOUNT_B)).toHaveLength(400);
    });

    it('deleting an account deletes its edges, its partition and a first sweep under way', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      await sweepTotals(repository, {
        accountId: ACCOUNT_B,
        platform: 'mastodon',
        startedAt: T1,
        pages: [[follower('c')], [follower('d')]],
        crashAfter: 1,
      });
      // And an edge written outside any sweep, in the default partition.
      await repository.writeFollowerBatch({
        accountId: ACCOUNT_B,
        platform: 'mastodon',
        sweepStartedAt: T1,
        followers: [follower('e')],
      });
      await dataSource.query(`DELETE FROM councillor WHERE id = $1`, [COUNCILLOR]);
      const [{ count }]: Array<{ count: number }> = await dataSource.query(
        `SELECT (SELECT count(*) FROM follow_edge) + (SELECT count(*) FROM follow_edge_pending) AS count`,
      );
      expect(Number(count)).toBe(0);
      expect(await tables(dataSource, ACCOUNT_A)).toEqual({ pending: false, partition: false });
      expect(await tables(dataSource, ACCOUNT_B)).toEqual({ pending: false, partition: false });
    });
  },
);

describe('FollowerSweepWriter', () => {
  let dataSource: DataSource;
  let repository: CollectionRepository;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ dataSource, repository, close } = await openSeeded());
  });

  afterEach(() => close());

  function writer(
    saved: Array<string | null>,
    fail?: (cursor: string | null) => boolean,
  ): FollowerSweepWriter {
    return new FollowerSweepWriter(repository, {
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: T1,
      resuming: false,
      batchRows: 5,
      now: () => T1,
      saveCursor: async (manager, cursor) => {
        if (fail?.(cursor)) throw new Error(`cursor ${cursor} could not be saved`);
        await manager.query(`SELECT 1`);
        saved.push(cursor);
      },
    });
  }

  const pages = Array.from({ length: 5 }, (_, p) =>
    Array.from({ length: 3 }, (_, i) => follower(`w${p}-${i}`)),
  );

  it("gathers pages into batches and saves the cursor after each batch's last page", async () => {
    const saved: Array<string | null> = [];
    const sweepWriter = writer(saved);
    for (const [index, page] of pages.entries()) {
      await sweepWriter.add(page, index === pages.length - 1 ? null : `after-${index}`);
    }
    // 3 + 3 ≥ 5 → batch; 3 + 3 ≥ 5 → batch; the last page (3) ends the sweep.
    expect(await sweepWriter.finished()).toEqual({
      gained: 15,
      lost: 0,
      batches: 3,
      listHidden: false,
      written: 15,
    });
    expect(saved).toEqual(['after-1', 'after-3', null]);
    expect(await edges(dataSource, ACCOUNT_A)).toHaveLength(15);
  });

  it('a sweep that finds no follower while the profile counts some marks nobody lost', async () => {
    const everyone = [follower('x1'), follower('x2'), follower('x3')];
    await sweep(repository, { accountId: ACCOUNT_A, platform: 'bluesky', startedAt: T1, pages: [everyone] });
    const emptySweep = (startedAt: Date, profileFollowers: number): Promise<FollowerSweepTotals> => {
      const sweepWriter = new FollowerSweepWriter(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        sweepStartedAt: startedAt,
        resuming: false,
        batchRows: 5,
        profileFollowers,
        now: () => startedAt,
        saveCursor: () => Promise.resolve(),
      });
      return sweepWriter.add([], null).then(() => sweepWriter.finished());
    };
    // The platform lists nobody, yet the profile counts three: a hidden list.
    await expect(emptySweep(T2, 3)).resolves.toMatchObject({ lost: 0, listHidden: true });
    expect((await edges(dataSource, ACCOUNT_A)).map((e) => e.lostAt)).toEqual([null, null, null]);
    // The profile counts nobody either: everyone left.
    await expect(emptySweep(T3, 0)).resolves.toMatchObject({ lost: 3, listHidden: false });
    expect((await edges(dataSource, ACCOUNT_A)).every((e) => e.lostAt === T3.toISOString())).toBe(true);
  });

  it('two workers sweeping one account never interleave batches: the one whose cursor moved stops', async () => {
    const accounts = new AccountsRepository(dataSource.getRepository(PlatformAccountEntity), dataSource);
    // Each worker keeps the cursors it loaded, and saves with every batch as the service does.
    const worker = (): FollowerSweepWriter => {
      const cursors: AccountCursors = {};
      return new FollowerSweepWriter(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        sweepStartedAt: T1,
        resuming: false,
        batchRows: 3,
        now: () => T1,
        saveCursor: async (manager, pageCursor) => {
          const expected = cursors.followerSweep ?? null;
          cursors.followerSweep = pageCursor === null ? null : { pageCursor, startedAt: T1.toISOString() };
          await accounts.saveFollowerSweepCursors(ACCOUNT_A, cursors, expected, manager);
        },
      });
    };
    const first = worker();
    const second = worker();
    await first.add(pages[0], 'after-0');
    await first.finished();
    // The second started from the same (empty) cursor: its first batch finds the first's cursor.
    await second.add(pages[0], 'after-0');
    await expect(second.finished()).rejects.toThrow(/moved on in another worker/);
    await first.add(pages[1], null);
    expect(await first.finished()).toMatchObject({ gained: 6, lost: 0 });
    expect(await edges(dataSource, ACCOUNT_A)).toHaveLength(6);
  });

  it('a batch that fails rejects the sweep, and the batch after it is never written', async () => {
    const saved: Array<string | null> = [];
    const sweepWriter = writer(saved, (cursor) => cursor === 'after-1');
    const added = (async () => {
      for (const [index, page] of pages.entries()) {
        await sweepWriter.add(page, index === pages.length - 1 ? null : `after-${index}`);
      }
      return sweepWriter.finished();
    })();
    await expect(added).rejects.toThrow('cursor after-1 could not be saved');
    await sweepWriter.settle();
    expect(saved).toEqual([]);
    expect(await edges(dataSource, ACCOUNT_A)).toEqual([]);
  });
});

describe('CollectionRepository follower pages: COPY and unnest loads', () => {
  it('store the same rows and report the same counts for the same sweeps', async () => {
    const outcomes: Array<{ counts: unknown[]; attributions: unknown[]; edges: unknown[] }> = [];
    for (const load of ['copy', 'unnest'] as const) {
      const database = await createTestDatabase();
      const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 2 });
      await dataSource.initialize();
      try {
        await seed(dataSource);
        const repository = new CollectionRepository(dataSource);
        repository.useFollowerBatchLoad(load);
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
                .map((f, i) => (i % 5 === 0 ? attributed(f, { attribution: 'council' }) : f)),
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
          attributions: await attributions(dataSource, ACCOUNT_A),
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

describe('CollectionRepository interactions', () => {
  it('a post that mentions two councillors is an interaction of each, stored once for each', async () => {
    const { dataSource, repository, close } = await openSeeded();
    try {
      const ACCOUNT_C = '00000000-0000-4000-8000-00000000000c';
      await dataSource.query(
        `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES ($1, $2, 'bluesky', 'ann-ward.bsky.social')`,
        [ACCOUNT_C, COUNCILLOR],
      );
      const mention = {
        externalId: 'at://did:plc:resident/app.bsky.feed.post/3lmention',
        url: 'https://bsky.app/profile/did:plc:resident/post/3lmention',
        kind: 'mention' as const,
        createdAt: '2026-03-01T10:00:00Z',
        authorPseudonym: follower('resident').pseudonym,
        inReplyToExternalId: null,
        answeredAt: null,
      };
      const store = (accountId: string) =>
        repository.upsertInteractions({ accountId, platform: 'bluesky', interactions: [mention] });
      await expect(store(ACCOUNT_A)).resolves.toBe(1);
      await expect(store(ACCOUNT_C)).resolves.toBe(1);
      // Collected again by either: nothing new.
      await expect(store(ACCOUNT_A)).resolves.toBe(0);
      const rows: Array<{ account_id: string }> = await dataSource.query(
        `SELECT account_id FROM interaction ORDER BY account_id`,
      );
      expect(rows.map((row) => row.account_id)).toEqual([ACCOUNT_A, ACCOUNT_C]);
    } finally {
      await close();
    }
  });
});
