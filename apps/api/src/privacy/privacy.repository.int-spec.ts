import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import { CollectionRepository } from '../collection/collection.repository';
import type { FollowerRow } from '../collection/collection.repository';
import { FollowerSweepWriter } from '../collection/follower-sweep-writer';
import { pseudonymise, pseudonymiseWithKey } from '../common/pseudonymise';
import { EXCLUDE_RESIDENT_DATA } from '../common/resident-data-lock';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import { PrivacyRepository } from './privacy.repository';

const SECRET = 'a test secret of at least thirty-two characters';
const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const WARD = '00000000-0000-4000-8000-0000000000a1';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000b1';
const ACCOUNT_A = '00000000-0000-4000-8000-00000000000a';
const ACCOUNT_B = '00000000-0000-4000-8000-00000000000b';
const LONG_AGO = new Date('2025-01-01T00:00:00Z');
const SWEPT = new Date('2026-03-01T00:00:00Z');
const RETENTION = {
  lostBefore: new Date('2026-01-01T00:00:00Z'),
  interactionsBefore: new Date('2025-01-01T00:00:00Z'),
  reattributionsBefore: new Date('2026-01-01T00:00:00Z'),
};

function resident(name: string): FollowerRow {
  return {
    ...pseudonymiseWithKey(SECRET, 'bluesky', `did:plc:${name}`),
    attribution: 'unknown',
    wardWeights: {},
    evidenceKinds: [],
    fingerprint: 0,
  };
}

/**
 * Erasure and retention against collection writes running at the same time, on the machine's
 * PostgreSQL: the resident-data lock makes each wait for the other, and a batch written after an
 * erasure drops the erased person even though its sweep read the suppression list before.
 */
describe('PrivacyRepository alongside collection', () => {
  let dataSource: DataSource;
  let collection: CollectionRepository;
  let privacy: PrivacyRepository;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase();
    drop = () => database.drop();
    dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4 });
    await dataSource.initialize();
    await seedRoster(dataSource, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle)
       VALUES ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'bluesky', 'ann-ward.bsky.social')`,
      [ACCOUNT_A, ACCOUNT_B, COUNCILLOR],
    );
    collection = new CollectionRepository(dataSource);
    privacy = new PrivacyRepository(dataSource);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await drop();
  });

  async function storedFollowers(): Promise<string[]> {
    const rows: Array<{ pseudonym: string }> = await dataSource.query(
      `SELECT pseudonym FROM follower ORDER BY pseudonym`,
    );
    return rows.map((row) => row.pseudonym);
  }

  async function edgesOf(pseudonym: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await dataSource.query(
      `SELECT account_id FROM follow_edge WHERE follower_id = pseudonym_key($1) ORDER BY account_id`,
      [pseudonym],
    );
    return rows.map((row) => row.account_id);
  }

  /** Edges whose follower row is gone: missing from every figure, which joins the two. */
  async function orphanEdges(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await dataSource.query(
      `SELECT count(*)::int AS n FROM follow_edge e WHERE NOT EXISTS (SELECT 1 FROM follower f WHERE f.id = e.follower_id)`,
    );
    return n;
  }

  /** Runs `work` alongside a batch of `rows` new to account B, whose transaction stays open until it is waited for. */
  async function whileABatchIsOpen(rows: FollowerRow[], work: () => Promise<unknown>): Promise<void> {
    const runner: QueryRunner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await collection.writeFollowerBatch(
        {
          accountId: ACCOUNT_B,
          platform: 'bluesky',
          sweepStartedAt: SWEPT,
          followers: [],
          newToAccount: rows,
        },
        runner.manager,
      );
      let settled = false;
      const running = work().finally(() => {
        settled = true;
      });
      running.catch(() => undefined);
      // The work either waits on the lock (as it must) or, were there none, runs to its end first.
      for (let i = 0; i < 200 && !settled && (await waitingOnAdvisoryLocks()) === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await runner.commitTransaction();
      await running;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async function waitingOnAdvisoryLocks(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    return n;
  }

  it('an erasure is not undone by a follower sweep that read the suppression list before it', async () => {
    const [ann, bob, cat] = [resident('ann'), resident('bob'), resident('cat')];
    const writer = new FollowerSweepWriter(collection, {
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: SWEPT,
      fingerprintsSince: null,
      batchRows: 1,
      now: () => SWEPT,
      saveCursor: () => Promise.resolve(),
    });
    await writer.add([ann], '1');
    await expect(privacy.erase('bluesky', bob.pseudonym)).resolves.toEqual({ followers: 0, interactions: 0 });
    // The sweep's next page still holds Bob: the service filtered it with the list it read at the start.
    await writer.add([bob, cat], null);
    await writer.finished();
    expect(await storedFollowers()).toEqual([ann.pseudonym, cat.pseudonym].sort());
    expect(await edgesOf(bob.pseudonym)).toEqual([]);
    expect(await edgesOf(cat.pseudonym)).toEqual([ACCOUNT_A]);
  });

  it('an erasure waits for a follower batch in flight, then deletes what it wrote', async () => {
    const dan = resident('dan');
    await whileABatchIsOpen([dan], () => privacy.erase('bluesky', dan.pseudonym));
    expect(await storedFollowers()).toEqual([]);
    expect(await edgesOf(dan.pseudonym)).toEqual([]);
  });

  it('an interaction by someone erased after the collection read the suppression list is not stored', async () => {
    const author = pseudonymise(SECRET, 'bluesky', 'did:plc:eve');
    await privacy.erase('bluesky', author);
    const reply = {
      externalId: 'at://did:plc:eve/app.bsky.feed.post/1',
      url: 'https://bsky.app/profile/did:plc:eve/post/1',
      kind: 'reply' as const,
      createdAt: '2026-03-01T10:00:00Z',
      inReplyToExternalId: null,
      answeredAt: null,
    };
    await expect(
      collection.upsertInteractions({
        accountId: ACCOUNT_A,
        platform: 'bluesky',
        interactions: [
          { ...reply, authorPseudonym: author },
          { ...reply, externalId: `${reply.externalId}-other`, authorPseudonym: 'someone-else' },
        ],
      }),
    ).resolves.toBe(1);
    const rows: Array<{ author_pseudonym: string }> = await dataSource.query(
      `SELECT author_pseudonym FROM interaction`,
    );
    expect(rows).toEqual([{ author_pseudonym: 'someone-else' }]);
  });

  it('a retention purge waits for a follower batch in flight, so no edge is left without its follower', async () => {
    const fay = resident('fay');
    // Fay followed account A and left long ago: the purge deletes that edge, and her, unless she
    // has another edge by then.
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [fay],
    });
    await dataSource.query(`UPDATE follow_edge SET lost_at = $1`, [LONG_AGO]);
    // Meanwhile a sweep of account B finds her following it.
    await whileABatchIsOpen([fay], () => privacy.purge(RETENTION));
    expect(await orphanEdges()).toBe(0);
    expect(await storedFollowers()).toEqual([fay.pseudonym]);
    expect(await edgesOf(fay.pseudonym)).toEqual([ACCOUNT_B]);
  });

  it('a purge with no collection running deletes followers left without edges', async () => {
    const gus = resident('gus');
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [gus],
    });
    await dataSource.query(`UPDATE follow_edge SET lost_at = $1`, [LONG_AGO]);
    await expect(privacy.purge(RETENTION)).resolves.toEqual({ edges: 1, followers: 1, interactions: 0 });
    expect(await storedFollowers()).toEqual([]);
  });

  /** The follower keys a sweep of `account` begun at `startedAt` has recorded as seen. */
  async function seenKeys(account: string, startedAt: Date): Promise<string[]> {
    const rows: Array<{ keys: Buffer }> = await dataSource.query(
      `SELECT follower_keys AS keys FROM follower_sweep_seen WHERE account_id = $1 AND sweep_started_at = $2`,
      [account, startedAt],
    );
    const keys: string[] = [];
    for (const { keys: packed } of rows)
      for (let at = 0; at + 8 <= packed.length; at += 8) keys.push(packed.readBigInt64BE(at).toString());
    return keys.sort();
  }

  const keyOf = (row: FollowerRow) => ((BigInt(row.keyHigh) << 32n) | BigInt(row.keyLow >>> 0)).toString();

  async function recordSeen(account: string, startedAt: Date, rows: FollowerRow[]): Promise<void> {
    const keys = Buffer.alloc(rows.length * 8);
    rows.forEach((row, i) => {
      keys.writeInt32BE(row.keyHigh, i * 8);
      keys.writeInt32BE(row.keyLow, i * 8 + 4);
    });
    await dataSource.transaction((manager) =>
      collection.recordSweepSeen({ accountId: account, sweepStartedAt: startedAt, keys }, manager),
    );
  }

  it('erasure takes the person out of the record a sweep in progress keeps of whom it saw', async () => {
    const [ida, jon, kit] = [resident('ida'), resident('jon'), resident('kit')];
    await recordSeen(ACCOUNT_A, SWEPT, [ida, jon]);
    await recordSeen(ACCOUNT_A, SWEPT, [kit, jon]);
    await recordSeen(ACCOUNT_B, SWEPT, [kit]);
    await privacy.erase('bluesky', jon.pseudonym);
    expect(await seenKeys(ACCOUNT_A, SWEPT)).toEqual([keyOf(ida), keyOf(kit)].sort());
    expect(await seenKeys(ACCOUNT_B, SWEPT)).toEqual([keyOf(kit)]);
  });

  it('a sweep that lists someone again after they were erased mid-sweep does not record them as seen', async () => {
    const [ann, bob, cat] = [resident('ann'), resident('bob'), resident('cat')];
    const writer = new FollowerSweepWriter(collection, {
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: SWEPT,
      fingerprintsSince: null,
      batchRows: 1,
      now: () => SWEPT,
      saveCursor: () => Promise.resolve(),
    });
    await writer.add([ann, bob], 'p2');
    await writer.add([cat], 'p3');
    await writer.settle();
    await privacy.erase('bluesky', bob.pseudonym);
    expect(await seenKeys(ACCOUNT_A, SWEPT)).not.toContain(keyOf(bob));
    // The sweep filtered its pages with the erasure list read before Bob's erasure: a later page
    // lists him again (a batch with nothing to write, only whom it saw).
    await writer.add([bob], 'p4');
    await writer.add([cat], 'p5');
    await writer.settle();
    expect(await seenKeys(ACCOUNT_A, SWEPT)).toEqual([keyOf(ann), keyOf(cat), keyOf(cat)].sort());
    expect(await storedFollowers()).toEqual([ann.pseudonym, cat.pseudonym].sort());
    expect(await edgesOf(bob.pseudonym)).toEqual([]);
    // Nor does the end of the sweep mark him lost or write anything of him back.
    await writer.add([], null);
    await expect(writer.finished()).resolves.toMatchObject({ lost: 0 });
    expect(await edgesOf(bob.pseudonym)).toEqual([]);
    expect(await storedFollowers()).toEqual([ann.pseudonym, cat.pseudonym].sort());
  });

  it('a re-sweep batch with nothing to write waits for an erasure in progress before recording whom it saw', async () => {
    const [ann, bob] = [resident('ann'), resident('bob')];
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [ann, bob],
    });
    const writer = new FollowerSweepWriter(collection, {
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: SWEPT,
      fingerprintsSince: LONG_AGO,
      batchRows: 1,
      now: () => SWEPT,
      saveCursor: () => Promise.resolve(),
    });
    // An erasure of Bob holds the lock exclusively while the sweep's next page, still listing him
    // and Ann as they were, is written.
    const erasure: QueryRunner = dataSource.createQueryRunner();
    await erasure.connect();
    await erasure.startTransaction();
    try {
      await erasure.query(EXCLUDE_RESIDENT_DATA);
      await writer.add([ann, bob], 'p2');
      let waited = false;
      for (let i = 0; i < 200 && !waited; i += 1) {
        waited = (await waitingOnAdvisoryLocks()) > 0;
        if (!waited) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(waited).toBe(true);
      await erasure.query(`DELETE FROM follow_edge WHERE follower_id = pseudonym_key($1)`, [bob.pseudonym]);
      await erasure.query(`DELETE FROM follower WHERE pseudonym = $1`, [bob.pseudonym]);
      await erasure.query(`INSERT INTO erasure_suppression (platform, pseudonym) VALUES ('bluesky', $1)`, [
        bob.pseudonym,
      ]);
      await erasure.commitTransaction();
    } finally {
      if (erasure.isTransactionActive) await erasure.rollbackTransaction();
      await erasure.release();
    }
    await writer.settle();
    expect(await seenKeys(ACCOUNT_A, SWEPT)).toEqual([keyOf(ann)]);
  });

  it('retention drops the records of old sweeps no longer under way, and restarts a flagged account’s', async () => {
    const [lea, max, ned] = [resident('lea'), resident('max'), resident('ned')];
    const BEFORE = new Date(LONG_AGO.getTime() - 24 * 60 * 60 * 1000);
    // A: flagged gone in the middle of a sweep begun long ago.
    await recordSeen(ACCOUNT_A, LONG_AGO, [lea]);
    // B: a sweep begun long ago still under way (an X sweep held by the monthly budget), and the
    // record of an older one that never finished.
    await recordSeen(ACCOUNT_B, LONG_AGO, [max]);
    await recordSeen(ACCOUNT_B, BEFORE, [ned]);
    const cursor = (startedAt: Date) =>
      JSON.stringify({ followerSweep: { pageCursor: 'p2', startedAt: startedAt.toISOString() } });
    await dataSource.query(`UPDATE platform_account SET status = 'gone', cursors = $2::jsonb WHERE id = $1`, [
      ACCOUNT_A,
      cursor(LONG_AGO),
    ]);
    await dataSource.query(`UPDATE platform_account SET cursors = $2::jsonb WHERE id = $1`, [
      ACCOUNT_B,
      cursor(LONG_AGO),
    ]);
    await privacy.purge(RETENTION);
    expect(await seenKeys(ACCOUNT_A, LONG_AGO)).toEqual([]);
    expect(await seenKeys(ACCOUNT_B, LONG_AGO)).toEqual([keyOf(max)]);
    expect(await seenKeys(ACCOUNT_B, BEFORE)).toEqual([]);
    const rows: Array<{ id: string; sweep: unknown }> = await dataSource.query(
      `SELECT id, cursors->'followerSweep' AS sweep FROM platform_account ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: ACCOUNT_A, sweep: null },
      { id: ACCOUNT_B, sweep: { pageCursor: 'p2', startedAt: LONG_AGO.toISOString() } },
    ]);
  });

  it("erasure unlinks councillors' replies from the person's posts, and leaves other replies linked", async () => {
    const did = 'did:plc:hal';
    const author = pseudonymise(SECRET, 'bluesky', did);
    const replyOf = (name: string, inReplyTo: string) => ({
      externalId: `at://did:plc:ann/app.bsky.feed.post/${name}`,
      url: `https://bsky.app/profile/ann.bsky.social/post/${name}`,
      createdAt: '2026-03-01T11:00:00Z',
      kind: 'reply' as const,
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      links: [],
      text: '',
      inReplyTo: { externalId: inReplyTo, authorExternalId: null },
    });
    const halsPost = `at://${did}/app.bsky.feed.post/1`;
    const otherPost = 'at://did:plc:ivy/app.bsky.feed.post/1';
    await collection.upsertPosts({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      posts: [
        replyOf('r1', halsPost),
        replyOf('r2', `at://${did}/app.bsky.feed.post/2`),
        replyOf('r3', otherPost),
      ],
    });
    await collection.upsertInteractions({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      interactions: [
        {
          externalId: halsPost,
          url: 'https://bsky.app/profile/hal.bsky.social/post/1',
          kind: 'mention',
          createdAt: '2026-03-01T10:00:00Z',
          authorPseudonym: author,
          inReplyToExternalId: null,
          answeredAt: null,
        },
      ],
    });
    await privacy.erase('bluesky', author, did);
    const rows: Array<{ external_id: string; in_reply_to: string | null }> = await dataSource.query(
      `SELECT external_id, in_reply_to FROM post ORDER BY external_id`,
    );
    expect(rows.map((row) => row.in_reply_to)).toEqual([null, null, otherPost]);
  });
});
