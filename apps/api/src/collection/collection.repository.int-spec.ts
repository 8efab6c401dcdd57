import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { AccountCursors } from '../accounts/platform-account.entity';
import { PlatformAccountEntity } from '../accounts/platform-account.entity';
import { attributionFingerprint } from '../attribution/follower-attributor';
import { pseudonymiseWithKey } from '../common/pseudonymise';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import { AccountFactsRepository } from '../figures/account-facts.repository';
import { CollectionRepository } from './collection.repository';
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

/** Who each stored pseudonym stands for, so the tests read in names. */
const names = new Map<string, string>();

function follower(name: string, attribution: FollowerRow['attribution'] = 'unknown'): FollowerRow {
  const pseudonymised = pseudonymiseWithKey(SECRET, 'bluesky', `did:plc:${name}`);
  names.set(pseudonymised.pseudonym, name);
  return attributed(
    { ...pseudonymised, attribution, wardWeights: {}, evidenceKinds: [], fingerprint: 0 },
    attribution === 'ward'
      ? { attribution, wardWeights: { E05000001: 1 }, evidenceKinds: ['place'] }
      : { attribution },
  );
}

/** The follower attributed otherwise, with the fingerprint of the new attribution. */
function attributed(
  row: FollowerRow,
  change: Partial<Pick<FollowerRow, 'attribution' | 'wardWeights' | 'evidenceKinds'>>,
): FollowerRow {
  const next = { ...row, ...change };
  return {
    ...next,
    fingerprint: attributionFingerprint({
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
  const rows: Array<{ pseudonym: string; first_seen: Date; lost_at: Date | null }> = await dataSource.query(
    `SELECT f.pseudonym, e.first_seen, e.lost_at
     FROM follow_edge e JOIN follower f ON f.id = e.follower_id WHERE e.account_id = $1`,
    [accountId],
  );
  return rows
    .map((row) => ({
      name: names.get(row.pseudonym) ?? row.pseudonym,
      firstSeen: row.first_seen.toISOString(),
      lostAt: row.lost_at?.toISOString() ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function followers(dataSource: DataSource): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at FROM follower`,
  );
  return rows
    .map(({ pseudonym, ...row }) => ({
      name: names.get(pseudonym as string) ?? pseudonym,
      ...row,
      attributed_at: (row.attributed_at as Date).toISOString(),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/**
 * One whole sweep through the sweep writer the service uses, each page a batch in its own
 * transaction; returns gained and lost.
 */
async function sweep(
  repository: CollectionRepository,
  params: { accountId: string; platform: 'bluesky' | 'mastodon'; startedAt: Date; pages: FollowerRow[][] },
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
    /** When the account's last sweep began; by default the dawn of time (every reattribution counts). */
    fingerprintsSince?: Date | null;
  },
): Promise<FollowerSweepTotals> {
  const writer = new FollowerSweepWriter(repository, {
    accountId: params.accountId,
    platform: params.platform,
    sweepStartedAt: params.startedAt,
    fingerprintsSince: params.fingerprintsSince === undefined ? new Date(0) : params.fingerprintsSince,
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

    it('a first sweep stores every follower and edge, first seen at the sweep start', async () => {
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
      const [a] = await followers(dataSource);
      expect(a).toMatchObject({
        name: 'a',
        attribution: 'ward',
        ward_weights: { E05000001: 1 },
        evidence_kinds: ['place'],
      });
    });

    it('stores each follower under the key of their pseudonym, as SQL pseudonym_key() computes it', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [Array.from({ length: 200 }, (_, i) => follower(`k${i}`))],
      });
      const [{ mismatched, total }]: Array<{ mismatched: number; total: number }> = await dataSource.query(
        `SELECT count(*) FILTER (WHERE id <> pseudonym_key(pseudonym))::int AS mismatched, count(*)::int AS total FROM follower`,
      );
      expect({ mismatched, total }).toEqual({ mismatched: 0, total: 200 });
    });

    it('a re-sweep where nothing changed rewrites no edge and no follower', async () => {
      const everyone = [follower('a', 'ward'), follower('b'), follower('c')];
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [everyone],
      });
      const versions = `SELECT (SELECT string_agg(xmin::text, ',' ORDER BY follower_id) FROM follow_edge) AS edges,
                               (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM follower) AS followers`;
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

    it('a re-sweep sends the merge only the followers that are new, back, or attributed otherwise', async () => {
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
      expect((await followers(dataSource)).find((f) => f.name === 'a')).toMatchObject({
        attribution: 'unknown',
      });
    });

    it("a follower reattributed by another account's sweep is compared again, so the latest profile wins", async () => {
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
      // x's profile changes; A's sweep stores the change. Then it changes back, and B's sweep sees that.
      await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        fingerprintsSince: T1,
        pages: [[follower('x', 'elsewhere')]],
      });
      const b = await sweepTotals(repository, {
        accountId: ACCOUNT_B,
        platform: 'bluesky',
        startedAt: T3,
        fingerprintsSince: T1,
        pages: [[follower('x', 'ward')]],
      });
      expect(b).toMatchObject({ gained: 0, lost: 0, written: 1 });
      expect((await followers(dataSource)).map((f) => [f.name, f.attribution])).toEqual([['x', 'ward']]);
      // Nothing reattributed since B's sweep began: the next one trusts its fingerprints again.
      const again = await sweepTotals(repository, {
        accountId: ACCOUNT_B,
        platform: 'bluesky',
        startedAt: new Date(T3.getTime() + 1000),
        fingerprintsSince: new Date(T3.getTime() + 1),
        pages: [[follower('x', 'ward')]],
      });
      expect(again).toMatchObject({ written: 0 });
    });

    it('a sweep with no trusted base sends every standing follower to be compared', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      const totals = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        fingerprintsSince: null,
        pages: [[follower('a'), follower('b')]],
      });
      expect(totals).toMatchObject({ gained: 0, lost: 0, written: 2 });
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

    it('edges stored without a fingerprint (before it existed) are sent once, then never again', async () => {
      const everyone = [follower('a', 'ward'), follower('b')];
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [everyone],
      });
      await dataSource.query(`UPDATE follow_edge SET attribution_fp = NULL`);
      const first = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T2,
        pages: [everyone],
      });
      expect(first).toMatchObject({ gained: 0, lost: 0, written: 2 });
      const [{ unprinted }]: Array<{ unprinted: number }> = await dataSource.query(
        `SELECT count(*)::int AS unprinted FROM follow_edge WHERE attribution_fp IS NULL`,
      );
      expect(unprinted).toBe(0);
      const second = await sweepTotals(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T3,
        pages: [everyone],
      });
      expect(second).toMatchObject({ gained: 0, lost: 0, written: 0 });
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
      expect((await followers(dataSource)).map((f) => [f.name, f.attribution, f.attributed_at])).toEqual([
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
      const [stored] = await followers(dataSource);
      expect(stored).toMatchObject({
        name: 'odd',
        ward_weights: odd.wardWeights,
        evidence_kinds: odd.evidenceKinds,
      });
    });

    it('refuses a pseudonym whose 64-bit key another pseudonym already holds, storing nothing of it', async () => {
      const first = follower('a');
      await sweep(repository, { accountId: ACCOUNT_A, platform: 'bluesky', startedAt: T1, pages: [[first]] });
      // Same first 64 bits (the first 11 characters and the top bits of the 12th), another person.
      const twin: FollowerRow = {
        ...first,
        pseudonym: `${first.pseudonym.slice(0, 12)}${first.pseudonym.slice(12).split('').reverse().join('')}`,
      };
      expect(twin.pseudonym).not.toBe(first.pseudonym);
      await expect(
        sweep(repository, { accountId: ACCOUNT_B, platform: 'bluesky', startedAt: T1, pages: [[twin]] }),
      ).rejects.toThrow(/key collision/);
      expect(await edges(dataSource, ACCOUNT_B)).toEqual([]);
    });

    it("a first sweep reattributes a follower another account's sweep stored, and leaves an unchanged one be", async () => {
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
      expect((await followers(dataSource)).map((f) => [f.name, f.attribution, f.attributed_at])).toEqual([
        ['moved', 'elsewhere', T2.toISOString()],
        ['same', 'ward', T1.toISOString()],
      ]);
      expect((await edges(dataSource, ACCOUNT_B)).map((e) => e.name)).toEqual(['moved', 'same']);
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

    /**
     * Writes B's batch while A's transaction holds an uncommitted insert of `shared`: B's insert waits
     * on A's row, then meets it committed. Resolves with what B's batch gained.
     */
    async function whileASweepInserts(
      shared: FollowerRow,
      batchOfB: { followers: FollowerRow[]; newToAccount?: FollowerRow[] },
    ): Promise<number> {
      let other: Promise<number> | undefined;
      await repository.transaction(async (manager) => {
        await repository.writeFollowerBatch(
          { accountId: ACCOUNT_A, platform: 'bluesky', sweepStartedAt: T1, followers: [shared] },
          manager,
        );
        other = repository.writeFollowerBatch({
          accountId: ACCOUNT_B,
          platform: 'bluesky',
          sweepStartedAt: T2,
          ...batchOfB,
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      if (!other) throw new Error("B's batch never started");
      return other;
    }

    it('a follower another sweep inserts first, while this batch waits, is taken as known', async () => {
      const shared = follower('shared');
      await expect(whileASweepInserts(shared, { followers: [shared] })).resolves.toBe(1);
      expect(await followers(dataSource)).toHaveLength(1);
      expect(await edges(dataSource, ACCOUNT_B)).toEqual([
        { name: 'shared', firstSeen: T2.toISOString(), lostAt: null },
      ]);
    });

    it('a follower new to the account that another sweep inserts meanwhile is compared, not skipped', async () => {
      const shared = follower('shared', 'ward');
      // B's insert skips A's row, which the snapshot of B's statement cannot see.
      const elsewhere = attributed(shared, { attribution: 'elsewhere', wardWeights: {}, evidenceKinds: [] });
      await expect(whileASweepInserts(shared, { followers: [], newToAccount: [elsewhere] })).resolves.toBe(1);
      expect((await followers(dataSource)).map((f) => [f.name, f.attribution, f.attributed_at])).toEqual([
        ['shared', 'elsewhere', T2.toISOString()],
      ]);
      expect((await edges(dataSource, ACCOUNT_B)).map((e) => e.name)).toEqual(['shared']);
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

    it('deleting an account deletes its edges', async () => {
      await sweep(repository, {
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        startedAt: T1,
        pages: [[follower('a'), follower('b')]],
      });
      await dataSource.query(`DELETE FROM councillor WHERE id = $1`, [COUNCILLOR]);
      const [{ count }]: Array<{ count: number }> = await dataSource.query(
        `SELECT count(*)::int AS count FROM follow_edge`,
      );
      expect(count).toBe(0);
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
      fingerprintsSince: null,
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
        fingerprintsSince: null,
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
        fingerprintsSince: null,
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
    const outcomes: Array<{ counts: unknown[]; followers: unknown[]; edges: unknown[] }> = [];
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
