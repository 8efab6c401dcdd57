import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import { CollectionRepository } from '../collection/collection.repository';
import { EdgeList } from '../collection/edge-list';
import type { FollowerRow } from '../collection/collection.repository';
import { FollowerSweepWriter } from '../collection/follower-sweep-writer';
import { followerKey, pseudonymise, pseudonymiseWithKey } from '../common/pseudonymise';
import { EXCLUDE_RESIDENT_DATA } from '../common/resident-data-lock';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import {
  CivicAccountsRepository,
  ErasedCivicAccountError,
} from '../council-figures/civic-accounts.repository';
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
};

/** The pseudonym of each follower key the tests wrote. */
const pseudonyms = new Map<string, string>();

/** A follower row, with the pseudonym the tests name the person by. */
type Resident = FollowerRow & { pseudonym: string };

function resident(name: string): Resident {
  const pseudonymised = pseudonymiseWithKey(SECRET, 'bluesky', `did:plc:${name}`);
  pseudonyms.set(followerKey(pseudonymised.keyHigh, pseudonymised.keyLow), pseudonymised.pseudonym);
  return {
    ...pseudonymised,
    attribution: 'unknown',
    wardWeights: {},
    evidenceKinds: [],
    attributionKey: 'unknown||',
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

  /** The pseudonyms of everyone with an edge, standing or lost, or pending in a first sweep under way. */
  async function storedFollowers(): Promise<string[]> {
    const rows: Array<{ key: string }> = await dataSource.query(
      `SELECT follower_id::text AS key FROM follow_edge UNION SELECT follower_id::text FROM follow_edge_pending`,
    );
    return rows.map((row) => pseudonyms.get(row.key) ?? row.key).sort();
  }

  async function edgesOf(pseudonym: string): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await dataSource.query(
      `SELECT account_id FROM (SELECT account_id, follower_id FROM follow_edge
                               UNION ALL SELECT account_id, follower_id FROM follow_edge_pending) e
       WHERE follower_id = pseudonym_key($1) ORDER BY account_id`,
      [pseudonym],
    );
    return rows.map((row) => row.account_id);
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

  /** A sweep of account A begun at `startedAt`, each page a batch, as the service writes one. */
  function sweepWriter(startedAt: Date): FollowerSweepWriter {
    return new FollowerSweepWriter(collection, {
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: startedAt,
      resuming: false,
      batchRows: 1,
      now: () => startedAt,
      saveCursor: () => Promise.resolve(),
    });
  }

  async function waitingOnAdvisoryLocks(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    return n;
  }

  it('exports and erases an account registered as a civic organisation’s, which cannot be registered again', async () => {
    const soleTrader = resident('jo');
    const civic = new CivicAccountsRepository(dataSource);
    const register = () =>
      civic.insert({
        councilId: COUNCIL,
        wardId: WARD,
        name: 'Jo Bloggs (sole trader)',
        platform: 'bluesky',
        handle: 'jo.example',
        externalId: 'did:plc:jojojojojojojojojojojojo',
        pseudonym: soleTrader.pseudonym,
      });
    await register();
    expect((await privacy.record('bluesky', soleTrader.pseudonym)).civicAccounts).toEqual([
      expect.objectContaining({
        name: 'Jo Bloggs (sole trader)',
        council: 'Testshire',
        ward: 'Alder',
        handle: 'jo.example',
        externalId: 'did:plc:jojojojojojojojojojojojo',
      }),
    ]);
    await expect(privacy.erase('bluesky', soleTrader.pseudonym)).resolves.toMatchObject({ civicAccounts: 1 });
    expect((await privacy.record('bluesky', soleTrader.pseudonym)).civicAccounts).toEqual([]);
    await expect(register()).rejects.toBeInstanceOf(ErasedCivicAccountError);
    expect(await dataSource.query(`SELECT 1 FROM civic_account`)).toEqual([]);
  });

  it('exports and erases the councillors’ follows of a person, and lets retention purge ended ones', async () => {
    const [kim, lee] = [resident('kim'), resident('lee')];
    await collection.writeFollowing({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      targetKeys: [kim, lee].map((row) => followerKey(row.keyHigh, row.keyLow)),
      complete: true,
      now: LONG_AGO,
    });
    expect((await privacy.record('bluesky', kim.pseudonym)).followedBy).toEqual([
      {
        councillor: 'Ann',
        platform: 'bluesky',
        handle: 'ann.bsky.social',
        firstSeen: LONG_AGO,
        lostAt: null,
      },
    ]);
    await privacy.erase('bluesky', kim.pseudonym);
    expect((await privacy.record('bluesky', kim.pseudonym)).followedBy).toEqual([]);
    // Never stored again by a later reading of the list.
    await collection.writeFollowing({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      targetKeys: [kim].map((row) => followerKey(row.keyHigh, row.keyLow)),
      complete: true,
      now: SWEPT,
    });
    expect((await privacy.record('bluesky', kim.pseudonym)).followedBy).toEqual([]);
    // That reading no longer found Lee: an ended follow, purged once older than the window.
    expect((await privacy.record('bluesky', lee.pseudonym)).followedBy).toMatchObject([{ lostAt: SWEPT }]);
    await privacy.purge({ ...RETENTION, lostBefore: new Date(SWEPT.getTime() + 1) });
    expect((await privacy.record('bluesky', lee.pseudonym)).followedBy).toEqual([]);
  });

  it('an erasure is not undone by a follower sweep that read the suppression list before it', async () => {
    const [ann, bob, cat] = [resident('ann'), resident('bob'), resident('cat')];
    const writer = sweepWriter(SWEPT);
    await writer.add([ann], '1');
    await expect(privacy.erase('bluesky', bob.pseudonym)).resolves.toEqual({
      follows: 0,
      followedBy: 0,
      interactions: 0,
      civicAccounts: 0,
    });
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

  it('a retention purge waits for a follower batch in flight, and deletes only what was lost before the window', async () => {
    const fay = resident('fay');
    // Fay followed account A and left long ago: the purge deletes that edge, and only that one.
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
    expect(await storedFollowers()).toEqual([fay.pseudonym]);
    expect(await edgesOf(fay.pseudonym)).toEqual([ACCOUNT_B]);
  });

  it('a purge with no collection running deletes the edges lost before the window, and counts them', async () => {
    const gus = resident('gus');
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [gus],
    });
    await dataSource.query(`UPDATE follow_edge SET lost_at = $1`, [LONG_AGO]);
    await expect(privacy.purge(RETENTION)).resolves.toEqual({ edges: 1, follows: 0, interactions: 0 });
    expect(await storedFollowers()).toEqual([]);
  });

  it.each(['gone', 'unauthorised', 'failing', 'paused'])(
    'a purge deletes the follows of an account %s and not collected for as long as a lost follow is kept',
    async (status) => {
      const [hal, ida] = [resident('hal'), resident('ida')];
      for (const [account, follower] of [
        [ACCOUNT_A, hal],
        [ACCOUNT_B, ida],
      ] as const) {
        await collection.writeFollowerBatch({
          accountId: account,
          platform: 'bluesky',
          sweepStartedAt: LONG_AGO,
          followers: [],
          newToAccount: [follower],
        });
      }
      // A stopped being collected long before the window; B stopped too, but was collected within it
      // (its follows are still as recent as any lost one kept).
      await dataSource.query(
        `UPDATE platform_account SET status = $2, last_collected_at = $3 WHERE id = $1`,
        [ACCOUNT_A, status, LONG_AGO],
      );
      await dataSource.query(
        `UPDATE platform_account SET status = $2, last_collected_at = $3 WHERE id = $1`,
        [ACCOUNT_B, status, SWEPT],
      );
      await expect(privacy.purge(RETENTION)).resolves.toEqual({ edges: 1, follows: 0, interactions: 0 });
      expect(await storedFollowers()).toEqual([ida.pseudonym]);
      expect(await edgesOf(ida.pseudonym)).toEqual([ACCOUNT_B]);
    },
  );

  it('a purge deletes what a first sweep had read of an account no longer collected, and starts that sweep afresh', async () => {
    const jay = resident('jay');
    const writer = sweepWriter(LONG_AGO);
    await writer.add([jay], 'p2');
    await writer.settle();
    await dataSource.query(
      `UPDATE platform_account SET status = 'failing', last_collected_at = $2,
              cursors = jsonb_build_object('followerSweep', jsonb_build_object('pageCursor', 'p2', 'startedAt', $3::text))
       WHERE id = $1`,
      [ACCOUNT_A, LONG_AGO, LONG_AGO.toISOString()],
    );
    await privacy.purge(RETENTION);
    expect(await edgesOf(jay.pseudonym)).toEqual([]);
    const [{ cursors }]: Array<{ cursors: unknown }> = await dataSource.query(
      `SELECT cursors FROM platform_account WHERE id = $1`,
      [ACCOUNT_A],
    );
    expect(cursors).toEqual({ followerSweep: null });
  });

  it('a purge keeps the follows of an active account, however long since it was collected', async () => {
    const hal = resident('hal');
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [hal],
    });
    await dataSource.query(`UPDATE platform_account SET last_collected_at = $2 WHERE id = $1`, [
      ACCOUNT_A,
      LONG_AGO,
    ]);
    await expect(privacy.purge(RETENTION)).resolves.toEqual({ edges: 0, follows: 0, interactions: 0 });
    expect(await edgesOf(hal.pseudonym)).toEqual([ACCOUNT_A]);
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
      collection.writeSweepBatch(
        {
          accountId: account,
          platform: 'bluesky',
          sweepStartedAt: startedAt,
          fresh: new EdgeList(),
          changed: new EdgeList(),
          seen: keys,
          finish: null,
        },
        manager,
      ),
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

  it('a first sweep under way: its pending follows are exported, erased, and not written back when it ends', async () => {
    const [ann, bob, cat] = [resident('ann'), resident('bob'), resident('cat')];
    const writer = sweepWriter(SWEPT);
    await writer.add([ann, bob], 'p2');
    await writer.settle();
    expect((await privacy.record('bluesky', bob.pseudonym)).follows).toEqual([
      {
        councillor: 'Ann',
        platform: 'bluesky',
        handle: 'ann.bsky.social',
        firstSeen: SWEPT,
        lostAt: null,
        attribution: 'unknown',
        wardWeights: {},
        evidenceKinds: [],
        attributedAt: SWEPT,
      },
    ]);
    await privacy.erase('bluesky', bob.pseudonym);
    expect(await edgesOf(bob.pseudonym)).toEqual([]);
    expect((await privacy.record('bluesky', bob.pseudonym)).follows).toEqual([]);
    // A later page lists him again: the service filtered it with the list read before his erasure.
    await writer.add([bob, cat], null);
    await expect(writer.finished()).resolves.toMatchObject({ gained: 2, lost: 0 });
    expect(await edgesOf(bob.pseudonym)).toEqual([]);
    expect(await storedFollowers()).toEqual([ann.pseudonym, cat.pseudonym].sort());
  });

  it('a sweep that lists someone again after they were erased mid-sweep does not record them as seen', async () => {
    const [ann, bob, cat] = [resident('ann'), resident('bob'), resident('cat')];
    // A re-sweep: Ann and Cat followed already (their edges are only marked seen); Bob is new.
    await collection.writeFollowerBatch({
      accountId: ACCOUNT_A,
      platform: 'bluesky',
      sweepStartedAt: LONG_AGO,
      followers: [],
      newToAccount: [ann, cat],
    });
    const writer = sweepWriter(SWEPT);
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
    const writer = sweepWriter(SWEPT);
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
      inReplyTo: { externalId: inReplyTo, authorPseudonym: null },
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
  const ACCOUNT_X = '00000000-0000-4000-8000-0000000000f1';
  const ACCOUNT_M = '00000000-0000-4000-8000-0000000000f2';

  async function otherPlatformAccounts(): Promise<void> {
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle)
       VALUES ($1, $3, 'x', 'ann'), ($2, $3, 'mastodon', '@ann@colne.social')`,
      [ACCOUNT_X, ACCOUNT_M, COUNCILLOR],
    );
  }

  /** A councillor's reply, as collection stores it (`ErasureList.postRow`). */
  function replyRow(
    externalId: string,
    createdAt: string,
    inReplyTo: string,
    authorPseudonym: string | null,
  ) {
    return {
      externalId,
      url: `https://example.test/${externalId}`,
      createdAt,
      kind: 'reply' as const,
      text: '',
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      links: [],
      inReplyTo: { externalId: inReplyTo, authorPseudonym },
    };
  }

  async function replyLinks(): Promise<
    Array<{ external_id: string; in_reply_to: string | null; author: string | null }>
  > {
    return dataSource.query(
      `SELECT external_id, in_reply_to, in_reply_to_author AS author FROM post ORDER BY external_id`,
    );
  }

  it("erasure unlinks a councillor's reply to the person's post on X even after retention purged their interaction", async () => {
    await otherPlatformAccounts();
    const author = pseudonymise(SECRET, 'x', '123456');
    const other = pseudonymise(SECRET, 'x', '654321');
    await collection.upsertPosts({
      accountId: ACCOUNT_X,
      platform: 'x',
      posts: [
        replyRow('900', '2025-01-02T00:00:00Z', '555', author),
        replyRow('901', '2025-01-02T00:00:00Z', '556', other),
      ],
    });
    await collection.upsertInteractions({
      accountId: ACCOUNT_X,
      platform: 'x',
      interactions: [
        {
          externalId: '555',
          url: 'https://x.com/i/web/status/555',
          kind: 'mention',
          createdAt: '2024-12-31T00:00:00Z',
          authorPseudonym: author,
          inReplyToExternalId: null,
          answeredAt: null,
        },
      ],
    });
    await expect(privacy.purge(RETENTION)).resolves.toMatchObject({ interactions: 1 });
    expect((await privacy.record('x', author)).councillorReplies).toEqual([
      {
        councillor: 'Ann',
        platform: 'x',
        handle: 'ann',
        url: 'https://example.test/900',
        createdAt: new Date('2025-01-02T00:00:00Z'),
      },
    ]);
    await privacy.erase('x', author, '123456');
    expect(await replyLinks()).toEqual([
      { external_id: '900', in_reply_to: null, author: null },
      { external_id: '901', in_reply_to: '556', author: other },
    ]);
    expect((await privacy.record('x', author)).councillorReplies).toEqual([]);
  });

  it("erasure unlinks a councillor's Mastodon reply to the person's own status, never stored as an interaction", async () => {
    await otherPlatformAccounts();
    const author = pseudonymise(SECRET, 'mastodon', 'bob@other.example');
    await collection.upsertPosts({
      accountId: ACCOUNT_M,
      platform: 'mastodon',
      posts: [replyRow('7001', '2026-03-01T00:00:00Z', '1099', author)],
    });
    await privacy.erase('mastodon', author, 'bob@other.example');
    expect(await replyLinks()).toEqual([{ external_id: '7001', in_reply_to: null, author: null }]);
    // A later collection still reads the reply as answering Bob: it is not linked again.
    await collection.upsertPosts({
      accountId: ACCOUNT_M,
      platform: 'mastodon',
      posts: [
        replyRow('7001', '2026-03-01T00:00:00Z', '1099', author),
        replyRow('7002', '2026-03-02T00:00:00Z', '1100', author),
      ],
    });
    expect(await replyLinks()).toEqual([
      { external_id: '7001', in_reply_to: null, author: null },
      { external_id: '7002', in_reply_to: null, author: null },
    ]);
  });

  it('a known reply stored before its author was recorded gains them while it answers the same post', async () => {
    await otherPlatformAccounts();
    const author = pseudonymise(SECRET, 'x', '123456');
    await collection.upsertPosts({
      accountId: ACCOUNT_X,
      platform: 'x',
      posts: [replyRow('900', '2026-03-01T00:00:00Z', '555', null)],
    });
    await collection.upsertPosts({
      accountId: ACCOUNT_X,
      platform: 'x',
      posts: [replyRow('900', '2026-03-01T00:00:00Z', '555', author)],
    });
    expect(await replyLinks()).toEqual([{ external_id: '900', in_reply_to: '555', author }]);
  });

  it('retention makes replies older than the interaction window forget whom they answered, keeping links within threads', async () => {
    await otherPlatformAccounts();
    const author = pseudonymise(SECRET, 'x', '123456');
    const councillor = pseudonymise(SECRET, 'x', '42');
    await collection.upsertPosts({
      accountId: ACCOUNT_X,
      platform: 'x',
      posts: [
        { ...replyRow('800', '2024-06-01T00:00:00Z', '1', null), kind: 'original', inReplyTo: null },
        replyRow('801', '2024-06-01T01:00:00Z', '800', councillor),
        replyRow('802', '2024-06-02T00:00:00Z', '555', author),
        // Whose post it answered was never recorded (stored before authors were, or not said).
        replyRow('803', '2024-06-03T00:00:00Z', '557', null),
        replyRow('900', '2025-01-02T00:00:00Z', '556', author),
      ],
    });
    await privacy.purge(RETENTION);
    expect(await replyLinks()).toEqual([
      { external_id: '800', in_reply_to: null, author: null },
      { external_id: '801', in_reply_to: '800', author: null },
      { external_id: '802', in_reply_to: null, author: null },
      { external_id: '803', in_reply_to: null, author: null },
      { external_id: '900', in_reply_to: '556', author },
    ]);
  });
});
