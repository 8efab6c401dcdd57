import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CollectedInteraction, CollectedPost, Platform } from '@wardreach/collectors';
import { endianness } from 'node:os';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { SHARE_RESIDENT_DATA } from '../common/resident-data-lock';
import { EdgeList } from './edge-list';
import { FollowerKeySet } from './follower-key-set';

/**
 * A follower as a sweep hands them over: the key of their pseudonym, and the result of attributing
 * them, never their profile text. What is stored of it is the key, on the edge, and the attribution,
 * once per distinct one (`follower_attribution`).
 */
/** Where a sweep placed a follower, as `follower_attribution` stores it. */
export interface AttributionRow {
  attribution: 'ward' | 'council' | 'elsewhere' | 'unknown';
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
  /** `attributionKey` of the three fields above. */
  attributionKey: string;
}

export interface FollowerRow extends AttributionRow {
  /** The high and low 32 bits (signed) of `pseudonymKey(pseudonym)`, the follower's key on edges. */
  keyHigh: number;
  keyLow: number;
}

/** The state of an edge in the packed edges `sweepFollowers` reads. */
const EDGE_STANDING = 0;
const EDGE_LOST = 1;
/** Standing, first seen at or after the sweep's start: written by the sweep, which is resuming. */
const EDGE_WRITTEN_BY_SWEEP = 2;

/** What a follower sweep starts from (`sweepFollowers`). */
export interface SweepStart {
  known: FollowerKeySet;
  /** The account has no edge yet: its edges wait in its pending partition until the sweep ends. */
  firstSweep: boolean;
}

/** The most followers a profile's count makes `sweepFollowers` size its key set for at once (64 MB). */
const PRESIZED_FOLLOWERS = 2_000_000;

/** How a sweep's new edges reach the table: binary COPY on PostgreSQL, an `unnest` insert on PGlite. */
export type FollowerBatchLoad = 'copy' | 'unnest';

export interface InteractionRow extends Omit<CollectedInteraction, 'authorExternalId'> {
  authorPseudonym: string;
}

/** A councillor's post as stored: whom a reply answers is held by pseudonym, as interaction authors are. */
export interface PostRow extends Omit<CollectedPost, 'inReplyTo'> {
  /** For a reply: the post it answers, and the pseudonym of that post's author (null if unknown). */
  inReplyTo: { externalId: string; authorPseudonym: string | null } | null;
}

/**
 * Bulk writes of what a collection brought back. Multi-row `unnest` upserts work both on PostgreSQL
 * and on the embedded PGlite server (where COPY FROM STDIN does not); the new edges of follower
 * sweeps, the bulk of it, go through binary COPY on PostgreSQL. Unique keys make every write idempotent, so a job retried after
 * a crash stores nothing twice.
 */
@Injectable()
export class CollectionRepository implements OnModuleInit {
  private batchLoad: Promise<FollowerBatchLoad> | undefined;
  /** `attributionIds`' memory: attribution key → id in `follower_attribution`. */
  private readonly attributionIdsByKey = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts new posts and refreshes the counts of known ones; returns how many were new. A reply
   * stores the post it answers and that post's author by pseudonym (erasure unlinks replies by it),
   * except when the author is on the erasure list: then neither (the collection unlinks such
   * replies with the list it read; this catches anyone erased since, under the resident-data lock). A
   * known reply stored before its author was recorded gains them while it still answers the same post.
   */
  async upsertPosts(
    params: { accountId: string; platform: Platform; posts: PostRow[] },
    manager?: EntityManager,
  ): Promise<number> {
    const posts = uniqueBy(params.posts, (post) => post.externalId);
    if (posts.length === 0) return 0;
    if (!manager?.queryRunner?.isTransactionActive) {
      return this.transaction((own) => this.upsertPosts(params, own));
    }
    await manager.query(SHARE_RESIDENT_DATA);
    const rows: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, likes, reposts, replies, quotes, links,
                         in_reply_to, in_reply_to_author)
       SELECT $1, $2, t.external_id, t.url, t.created_at, t.kind, t.likes, t.reposts, t.replies, t.quotes,
              COALESCE((SELECT array_agg(l) FROM jsonb_array_elements_text(t.links::jsonb) AS l), '{}'),
              CASE WHEN erased THEN NULL ELSE t.in_reply_to END, CASE WHEN erased THEN NULL ELSE t.in_reply_to_author END
       FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[])
         AS t(external_id, url, created_at, kind, likes, reposts, replies, quotes, links, in_reply_to, in_reply_to_author)
       CROSS JOIN LATERAL (
         SELECT EXISTS (SELECT 1 FROM erasure_suppression s WHERE s.platform = $2 AND s.pseudonym = t.in_reply_to_author) AS erased
       ) e
       ON CONFLICT (platform, external_id) DO UPDATE SET
         kind = excluded.kind, likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes,
         -- A count that fell (replies deleted or hidden) lowers the mark, so new replies past it are read.
         replies_read = LEAST(post.replies_read, excluded.replies),
         in_reply_to_author = CASE WHEN post.in_reply_to = excluded.in_reply_to
                                   THEN COALESCE(post.in_reply_to_author, excluded.in_reply_to_author)
                                   ELSE post.in_reply_to_author END,
         updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [
        params.accountId,
        params.platform,
        posts.map((p) => p.externalId),
        posts.map((p) => p.url),
        posts.map((p) => p.createdAt),
        posts.map((p) => p.kind),
        posts.map((p) => p.likes),
        posts.map((p) => p.reposts),
        posts.map((p) => p.replies),
        posts.map((p) => p.quotes),
        posts.map((p) => JSON.stringify(p.links)),
        posts.map((p) => p.inReplyTo?.externalId ?? null),
        posts.map((p) => p.inReplyTo?.authorPseudonym ?? null),
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }

  /**
   * How a sweep's new edges reach the table: binary `COPY FROM STDIN` on PostgreSQL, an `unnest`
   * insert on the embedded PGlite server (which has no COPY FROM STDIN). Decided once, from the
   * server's `version()`, at start-up; every other statement is the same SQL on both.
   */
  async onModuleInit(): Promise<void> {
    await this.followerBatchLoad();
  }

  /** Overrides the start-up choice (tests compare both paths on the same server). */
  useFollowerBatchLoad(load: FollowerBatchLoad): void {
    this.batchLoad = Promise.resolve(load);
  }

  followerBatchLoad(): Promise<FollowerBatchLoad> {
    this.batchLoad ??= this.dataSource
      .query(`SELECT version() AS version`)
      .then((rows: Array<{ version: string }>) =>
        /PGlite/i.test(rows[0]?.version ?? '') ? 'unnest' : 'copy',
      );
    return this.batchLoad;
  }

  /**
   * The ids of the rows' attributions in `follower_attribution`, in row order. Each distinct
   * attribution is stored once and never changed or deleted, so its id is kept in memory for good
   * once known: a sweep asks the database only about an attribution this process has not met
   * (inserting it if no process has), in `manager`'s transaction if given.
   */
  async attributionIds(rows: readonly AttributionRow[], manager?: EntityManager): Promise<Int32Array> {
    const db = manager ?? this.dataSource;
    const ids = new Int32Array(rows.length);
    let missing: Map<string, AttributionRow> | null = null;
    for (let i = 0; i < rows.length; i += 1) {
      const id = this.attributionIdsByKey.get(rows[i].attributionKey);
      if (id === undefined) (missing ??= new Map()).set(rows[i].attributionKey, rows[i]);
      else ids[i] = id;
    }
    if (!missing) return ids;
    const absent = [...missing.values()];
    await db.query(
      `INSERT INTO follower_attribution (key, attribution, ward_weights, evidence_kinds)
       SELECT t.key, t.attribution, t.weights::jsonb,
              COALESCE((SELECT array_agg(k) FROM jsonb_array_elements_text(t.kinds::jsonb) AS k), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(key, attribution, weights, kinds)
       ORDER BY t.key
       ON CONFLICT (key) DO NOTHING`,
      [
        absent.map((row) => row.attributionKey),
        absent.map((row) => row.attribution),
        absent.map((row) => JSON.stringify(row.wardWeights)),
        absent.map((row) => JSON.stringify(row.evidenceKinds)),
      ],
    );
    const stored: Array<{ id: number; key: string }> = await db.query(
      `SELECT id, key FROM follower_attribution WHERE key = ANY ($1::text[])`,
      [[...missing.keys()]],
    );
    const found = new Map(stored.map(({ id, key }) => [key, id]));
    // Remembered only once committed: ids read in a caller's transaction could be rolled back with it.
    if (!manager) for (const [key, id] of found) this.attributionIdsByKey.set(key, id);
    for (let i = 0; i < rows.length; i += 1) {
      if (!missing.has(rows[i].attributionKey)) continue;
      const id = found.get(rows[i].attributionKey);
      if (id === undefined) throw new Error(`attribution ${rows[i].attributionKey} was not stored`);
      ids[i] = id;
    }
    return ids;
  }

  /**
   * Writes followers and their edges to the account outside a sweep (a sweep goes through
   * `FollowerSweepWriter`, which knows which edges are new): `newToAccount` are written as new edges
   * (by the path that looks nothing up, falling back to the merge should an edge exist after all),
   * `followers` merged with the edges stored. Returns how many edges are new or came back. In the
   * caller's transaction, or one of its own.
   */
  async writeFollowerBatch(
    params: {
      accountId: string;
      platform: Platform;
      sweepStartedAt: Date;
      followers: FollowerRow[];
      newToAccount?: FollowerRow[];
    },
    manager?: EntityManager,
  ): Promise<number> {
    if (!manager?.queryRunner?.isTransactionActive) {
      return this.transaction((own) => this.writeFollowerBatch(params, own));
    }
    const edges = async (rows: FollowerRow[]): Promise<EdgeList> => {
      const ids = await this.attributionIds(rows, manager);
      const list = new EdgeList();
      rows.forEach((row, i) => list.push(row.keyHigh, row.keyLow, ids[i]));
      return list;
    };
    const { gained } = await this.writeSweepBatch(
      {
        accountId: params.accountId,
        platform: params.platform,
        sweepStartedAt: params.sweepStartedAt,
        fresh: await edges(params.newToAccount ?? []),
        changed: await edges(params.followers),
        seen: Buffer.alloc(0),
        finish: null,
      },
      manager,
    );
    return gained;
  }

  /**
   * Writes one batch of a follower sweep, in the caller's transaction (with the cursor after it):
   *
   * - `fresh`: edges the sweep's `FollowerKeySet` says the account does not have, inserted by one
   *   binary COPY with nothing looked up (an `unnest` insert on PGlite). Should one exist after all (a
   *   sweep of the same account ran alongside), the COPY fails and they are merged instead, from a
   *   savepoint.
   * - `changed`: edges that were lost, or whose follower's attribution moved, merged by one upsert: a
   *   follower back after being lost starts a new follow, first seen at the sweep's start (so that the
   *   figures of followers gained count them); a moved attribution is stored with the sweep's start.
   * - `seen`: the packed keys of the batch's other followers, recorded for a sweep that resumes after
   *   a crash (the fresh ones need no record: an edge first seen at or after the sweep's start is one
   *   this sweep wrote); on the last batch (`finish`), the standing edges the sweep never saw are lost
   *   instead, and the sweep's records deleted.
   *
   * First, whatever the batch holds, it takes the resident-data lock, shared: an erasure in progress
   * commits before anything here is read or written, and the next waits for this batch. The sweep
   * filtered its pages with the erasure list read when its collection began; anyone on the list now is
   * dropped here from all three. Returns how many edges are new or came back, and how many were lost.
   */
  async writeSweepBatch(
    params: {
      accountId: string;
      platform: Platform;
      sweepStartedAt: Date;
      fresh: EdgeList;
      changed: EdgeList;
      seen: Buffer;
      finish: { now: Date; lostKeys: string[] } | null;
      /** A first sweep (`sweepFollowers`): fresh edges wait in the account's pending table. */
      firstSweep?: boolean;
      /**
       * The first batch of a sweep that did not resume: a first sweep empties its pending table first
       * (left by a sweep given up, or cleared by retention), in this batch's transaction, so that a
       * worker whose cursor turns out to have moved on undoes it with the rest.
       */
      startsOver?: boolean;
    },
    manager: EntityManager,
  ): Promise<{ gained: number; lost: number }> {
    await manager.query(SHARE_RESIDENT_DATA);
    const erased = await this.erasedKeys(params.platform, manager);
    const fresh = params.fresh.without(erased);
    const changed = params.changed.without(erased);
    let gained = 0;
    if (params.firstSweep && params.finish) {
      // Before any table is touched: the account's lock (see `decideFirstSweep`), then the one that
      // lets one attachment at a time detach its table from follow_edge_pending, which waits for every
      // batch writing into a pending table and would otherwise wait for another last batch waiting
      // for it.
      await lockAccountTables(params.accountId, manager);
      await manager.query(ATTACH_LOCK);
    }
    if (params.firstSweep) {
      const pending = pendingEdgeTable(params.accountId);
      if (params.startsOver) await manager.query(`TRUNCATE ${pending}`);
      if (fresh.length > 0) {
        await this.insertEdges(pending, params.accountId, params.sweepStartedAt, fresh, manager);
      }
      if (params.finish) gained += await this.attachPendingEdges(params.accountId, manager);
    } else if (fresh.length > 0) {
      await manager.query(`SAVEPOINT follower_batch_new`);
      try {
        gained += await this.insertEdges(
          'follow_edge',
          params.accountId,
          params.sweepStartedAt,
          fresh,
          manager,
        );
        await manager.query(`RELEASE SAVEPOINT follower_batch_new`);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await manager.query(`ROLLBACK TO SAVEPOINT follower_batch_new`);
        gained += await this.mergeEdges(params.accountId, params.sweepStartedAt, fresh, manager);
      }
    }
    if (changed.length > 0) {
      gained += await this.mergeEdges(params.accountId, params.sweepStartedAt, changed, manager);
    }
    let lost = 0;
    if (params.finish) {
      lost = await this.finishFollowerSweep(
        { accountId: params.accountId, now: params.finish.now, lostKeys: params.finish.lostKeys },
        manager,
      );
    } else {
      const seen = withoutKeys(params.seen, erased);
      if (seen.length > 0) {
        await manager.query(
          `INSERT INTO follower_sweep_seen (account_id, sweep_started_at, follower_keys) VALUES ($1, $2, $3)`,
          [params.accountId, params.sweepStartedAt, seen],
        );
      }
    }
    return { gained, lost };
  }

  /** The keys of the people on the platform's erasure list as it stands. */
  private async erasedKeys(platform: Platform, manager: EntityManager): Promise<FollowerKeySet> {
    const rows: Array<{ packed: Uint8Array | null }> = await manager.query(
      `SELECT string_agg(int8send(pseudonym_key(pseudonym)), ''::bytea) AS packed FROM erasure_suppression WHERE platform = $1`,
      [platform],
    );
    const erased = new FollowerKeySet();
    forEachPackedKey(rows[0]?.packed, (high, low) => erased.set(high, low, 0));
    return erased;
  }

  /** Inserts edges into `table` (`follow_edge` or the account's pending partition); returns how many. */
  private async insertEdges(
    table: string,
    accountId: string,
    sweepStartedAt: Date,
    edges: EdgeList,
    manager: EntityManager,
  ): Promise<number> {
    if ((await this.followerBatchLoad()) === 'copy') {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('insertEdges needs a transaction');
      const client = (await runner.connect()) as PoolClient;
      await pipeline(
        [edges.binaryCopy(accountId, sweepStartedAt, sweepStartedAt)],
        client.query(
          copyFrom(
            `COPY ${table} (account_id, follower_id, first_seen, attribution_id, attributed_at) FROM STDIN (FORMAT binary)`,
          ),
        ),
      );
      return edges.length;
    }
    const { keys, attributionIds } = edges.columns();
    await manager.query(
      `INSERT INTO ${table} (account_id, follower_id, first_seen, attribution_id, attributed_at)
       SELECT $1, t.k, $2, t.a, $2 FROM unnest($3::bigint[], $4::int[]) AS t(k, a)`,
      [accountId, sweepStartedAt, keys, attributionIds],
    );
    return edges.length;
  }

  /**
   * Ends a first sweep: its pending table leaves `follow_edge_pending` and joins `follow_edge` as the
   * account's partition, its indexes built there at once, in key order (not by a million inserts at
   * random places), with no scan to check its rows belong (its check constraint says so). Returns how
   * many edges it stored. An empty table is dropped instead. Should the account have gained an edge
   * some other way meanwhile (into the default partition), the table hold a follower twice, or the
   * account have a partition after all, its edges are merged instead, keeping those already stored,
   * and the table dropped.
   */
  private async attachPendingEdges(accountId: string, manager: EntityManager): Promise<number> {
    const pending = pendingEdgeTable(accountId);
    const [{ edges }]: Array<{ edges: number }> = await manager.query(
      `SELECT count(*)::int AS edges FROM ${pending}`,
    );
    if (edges === 0) {
      // Nobody listed (or the list hidden): no partition, so the next sweep is a first sweep still.
      await manager.query(`DROP TABLE ${pending}`);
      return 0;
    }
    await manager.query(`SAVEPOINT follower_sweep_attach`);
    try {
      await manager.query(`ALTER TABLE follow_edge_pending DETACH PARTITION ${pending}`);
      await manager.query(`ALTER TABLE ${pending} RENAME TO ${edgePartition(accountId)}`);
      await manager.query(
        `ALTER TABLE follow_edge ATTACH PARTITION ${edgePartition(accountId)} FOR VALUES IN ('${accountId}')`,
      );
      await manager.query(`RELEASE SAVEPOINT follower_sweep_attach`);
      return edges;
    } catch (error) {
      if (!ATTACH_REFUSED.has((error as { code?: string }).code ?? '')) throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT follower_sweep_attach`);
    }
    const [row]: Array<{ moved: number }> = await manager.query(
      `WITH moved AS (
         INSERT INTO follow_edge (account_id, follower_id, first_seen, attribution_id, attributed_at)
         SELECT DISTINCT ON (follower_id) account_id, follower_id, first_seen, attribution_id, attributed_at
         FROM ${pending} ORDER BY follower_id
         ON CONFLICT (account_id, follower_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS moved FROM moved`,
    );
    await manager.query(`DROP TABLE ${pending}`);
    return row?.moved ?? 0;
  }

  /**
   * Merges edges with those stored, each by one probe of the primary key: a new edge is inserted, a
   * lost one stands again from the sweep's start, a moved attribution is replaced. Returns how many
   * edges are new or came back. A follower listed twice keeps the last attribution listed.
   */
  private async mergeEdges(
    accountId: string,
    sweepStartedAt: Date,
    edges: EdgeList,
    manager: EntityManager,
  ): Promise<number> {
    const { keys, attributionIds } = edges.columns();
    const [row]: Array<{ gained: number }> = await manager.query(
      `WITH batch AS (
         SELECT DISTINCT ON (k) k, a FROM unnest($3::bigint[], $4::int[]) WITH ORDINALITY AS t(k, a, n)
         ORDER BY k, n DESC
       ), stored AS (
         SELECT e.follower_id, e.lost_at IS NOT NULL AS lost FROM follow_edge e
         WHERE e.account_id = $1 AND e.follower_id = ANY ($3::bigint[])
       ), merged AS (
         INSERT INTO follow_edge AS e (account_id, follower_id, first_seen, attribution_id, attributed_at)
         SELECT $1, k, $2, a, $2 FROM batch ORDER BY k
         ON CONFLICT (account_id, follower_id) DO UPDATE SET
           first_seen = CASE WHEN e.lost_at IS NULL THEN e.first_seen ELSE excluded.first_seen END,
           lost_at = NULL,
           attributed_at = CASE WHEN e.attribution_id = excluded.attribution_id THEN e.attributed_at
                                ELSE excluded.attributed_at END,
           attribution_id = excluded.attribution_id
         WHERE e.lost_at IS NOT NULL OR e.attribution_id <> excluded.attribution_id
         RETURNING e.follower_id
       )
       SELECT count(*)::int AS gained FROM merged m LEFT JOIN stored s ON s.follower_id = m.follower_id
       WHERE s.follower_id IS NULL OR s.lost`,
      [accountId, sweepStartedAt, keys, attributionIds],
    );
    return row?.gained ?? 0;
  }

  /**
   * What a sweep of the account starts from: its edges, standing with their attribution ids or lost,
   * and, when the sweep is `resuming` after a crash, the followers its committed batches had already
   * seen: those whose edge it wrote (first seen at or after its start) and those its records list.
   * Packed into one `bytea` (8-byte key, a 4-byte state: standing, lost, or standing and written by
   * this sweep; the 4-byte attribution id), so a million edges cross as 16 MB and no row objects.
   *
   * An account with no edge and no partition of `follow_edge` is swept as a first sweep: its edges go
   * to its own table in `follow_edge_pending` (made here if need be), whose rows a resuming sweep has
   * seen, and which becomes the account's partition when the sweep ends.
   */
  async sweepFollowers(params: {
    accountId: string;
    sweepStartedAt: Date;
    resuming: boolean;
    /** How many followers the profile counts, if known: the key set is made that big at once. */
    expectedFollowers?: number | null;
  }): Promise<SweepStart> {
    const [edges]: Array<{ packed: Uint8Array | null; edges: number }> = await this.dataSource.query(
      `SELECT string_agg(int8send(follower_id)
                         || int4send(CASE WHEN lost_at IS NOT NULL THEN ${EDGE_LOST}
                                          WHEN $3 AND first_seen >= $2 THEN ${EDGE_WRITTEN_BY_SWEEP}
                                          ELSE ${EDGE_STANDING} END)
                         || int4send(attribution_id), ''::bytea) AS packed,
              count(*)::int AS edges
       FROM follow_edge WHERE account_id = $1`,
      [params.accountId, params.sweepStartedAt, params.resuming],
    );
    const pending = pendingEdgeTable(params.accountId);
    // Whether the edges just loaded were any: an emptied partition goes only if they were none.
    const loadedAny = (edges?.edges ?? 0) > 0;
    const firstSweep = await this.transaction((manager) =>
      this.decideFirstSweep(params.accountId, loadedAny, manager),
    );
    let written: { packed: Uint8Array | null; edges: number } | undefined;
    if (firstSweep && params.resuming) {
      [written] = await this.dataSource.query(
        `SELECT string_agg(int8send(follower_id) || int4send(${EDGE_WRITTEN_BY_SWEEP}) || int4send(attribution_id),
                           ''::bytea) AS packed, count(*)::int AS edges
         FROM ${pending}`,
      );
    }
    // A profile's count is the platform's word: it sizes the set up to a point, past which it grows.
    const expected = Math.min(Math.max(params.expectedFollowers ?? 0, 0), PRESIZED_FOLLOWERS);
    const known = new FollowerKeySet(Math.max((edges?.edges ?? 0) + (written?.edges ?? 0), expected));
    for (const packed of [edges?.packed, written?.packed]) {
      const words = packedWords(packed);
      for (let at = 0; at + 3 < words.length; at += 4) {
        const state = words[at + 2];
        if (state === EDGE_LOST) known.setLost(words[at], words[at + 1]);
        else {
          const slot = known.set(words[at], words[at + 1], words[at + 3]);
          if (state === EDGE_WRITTEN_BY_SWEEP) known.markSeen(slot);
        }
      }
    }
    const seen: Array<{ keys: Uint8Array }> = await this.dataSource.query(
      `SELECT follower_keys AS keys FROM follower_sweep_seen WHERE account_id = $1 AND sweep_started_at = $2`,
      [params.accountId, params.sweepStartedAt],
    );
    for (const record of seen) forEachPackedKey(record.keys, (high, low) => known.markSeenKey(high, low));
    return { known, firstSweep };
  }

  /**
   * Whether a sweep of the account is a first sweep, decided under the account's lock (a last batch
   * attaching its table holds it too, so this never sees a table half moved), and its pending table
   * made if so. A first sweep under way stays one, even should the account have gained an edge some
   * other way. A pending table beside the account's partition is left from a sweep already ended, and
   * goes; so does an emptied partition (every edge purged), so that the next sweep is a first sweep
   * again rather than a million inserts at random places. The check on the pending table lets it join
   * follow_edge at the end without a scan to prove it.
   */
  private async decideFirstSweep(
    accountId: string,
    loadedAny: boolean,
    manager: EntityManager,
  ): Promise<boolean> {
    const pending = pendingEdgeTable(accountId);
    const partition = edgePartition(accountId);
    await lockAccountTables(accountId, manager);
    const [tables]: Array<{ partition: boolean; pending: boolean; edges: boolean }> = await manager.query(
      `SELECT to_regclass($1) IS NOT NULL AS partition, to_regclass($2) IS NOT NULL AS pending,
              EXISTS (SELECT 1 FROM follow_edge WHERE account_id = $3) AS edges`,
      [partition, pending, accountId],
    );
    let own = tables.partition;
    if (own && tables.pending) await manager.query(`DROP TABLE ${pending}`);
    // Only if the sweep loaded none either: a first sweep skips the followers its key set knows.
    if (own && !tables.edges && !loadedAny) {
      await manager.query(`DROP TABLE ${partition}`);
      own = false;
    }
    // The account's edges live in its partition, or (written otherwise) in the default one.
    if (own || (tables.edges && !tables.pending)) return false;
    await manager.query(
      `CREATE TABLE IF NOT EXISTS ${pending} PARTITION OF follow_edge_pending
       (CHECK (account_id = '${accountId}')) FOR VALUES IN ('${accountId}')`,
    );
    return true;
  }

  /**
   * Gives up the account's follower sweep under way (its list was hidden part-way through: the sweep
   * cannot go on): its record of whom it saw is deleted (a first sweep's pending edges too), and its
   * cursor, so that the next sweep once the list shows again starts from the top. Edges are left as
   * they stand: a hidden list loses nobody.
   */
  async abandonFollowerSweep(accountId: string): Promise<void> {
    await this.transaction(async (manager) => {
      await manager.query(`DELETE FROM follower_sweep_seen WHERE account_id = $1`, [accountId]);
      await lockAccountTables(accountId, manager);
      await manager.query(`DROP TABLE IF EXISTS ${pendingEdgeTable(accountId)}`);
      await manager.query(
        `UPDATE platform_account SET cursors = cursors || jsonb_build_object('followerSweep', null) WHERE id = $1`,
        [accountId],
      );
    });
  }

  /**
   * Ends a sweep: the standing edges it did not see (`lostKeys`, worked out by the sweep's
   * `FollowerKeySet`) are lost now. Returns how many were lost, and clears the sweep's record of who
   * it saw. Under the resident-data lock, shared: it only updates edges that stand, and an erasure
   * has deleted its person's (before, or after this commits), so nobody erased is marked lost or
   * written back.
   */
  async finishFollowerSweep(
    params: { accountId: string; now: Date; lostKeys: string[] },
    manager?: EntityManager,
  ): Promise<number> {
    if (!manager?.queryRunner?.isTransactionActive) {
      return this.transaction((own) => this.finishFollowerSweep(params, own));
    }
    await manager.query(SHARE_RESIDENT_DATA);
    let lost = 0;
    if (params.lostKeys.length > 0) {
      const [, count]: [unknown, number] = await manager.query(
        `UPDATE follow_edge SET lost_at = $2
         WHERE account_id = $1 AND lost_at IS NULL AND follower_id = ANY ($3::bigint[])`,
        [params.accountId, params.now, params.lostKeys],
      );
      lost = count;
    }
    await manager.query(`DELETE FROM follower_sweep_seen WHERE account_id = $1`, [params.accountId]);
    return lost;
  }

  /**
   * Stores what one reading of the account's following list found (`targetKeys`: the followed
   * accounts' pseudonym keys, in decimal), in one transaction with when it was read: follows new to the
   * account (or back after being lost) begin now; a standing follow the reading did not find is lost
   * now, when the reading was `complete` (a list cut short loses nobody). People on the erasure list as
   * it stands are never written. Under the resident-data lock, shared, as every write about residents.
   */
  async writeFollowing(params: {
    accountId: string;
    platform: Platform;
    targetKeys: string[];
    complete: boolean;
    now: Date;
  }): Promise<{ followed: number; unfollowed: number }> {
    return this.transaction(async (manager) => {
      await manager.query(SHARE_RESIDENT_DATA);
      const [row]: Array<{ followed: number; unfollowed: number }> = await manager.query(
        `WITH erased AS MATERIALIZED (
           SELECT pseudonym_key(pseudonym) AS k FROM erasure_suppression WHERE platform = $2
         ), seen AS (
           SELECT DISTINCT k FROM unnest($3::bigint[]) AS t(k) WHERE k NOT IN (SELECT k FROM erased)
         ), followed AS (
           INSERT INTO follow_out (account_id, target_id, first_seen)
           SELECT $1, k, $4 FROM seen ORDER BY k
           ON CONFLICT (account_id, target_id) DO UPDATE SET lost_at = NULL, first_seen = excluded.first_seen
             WHERE follow_out.lost_at IS NOT NULL
           RETURNING 1
         ), unfollowed AS (
           UPDATE follow_out SET lost_at = $4
           WHERE $5 AND account_id = $1 AND lost_at IS NULL AND target_id NOT IN (SELECT k FROM seen)
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM followed)::int AS followed, (SELECT count(*) FROM unfollowed)::int AS unfollowed`,
        [params.accountId, params.platform, params.targetKeys, params.now, params.complete],
      );
      await manager.query(
        `UPDATE platform_account SET cursors = cursors || jsonb_build_object('followingSweptAt', $2::text) WHERE id = $1`,
        [params.accountId, params.now.toISOString()],
      );
      return row;
    });
  }

  /**
   * Inserts new interactions and marks known ones answered; returns how many were new. Authors on the
   * erasure list are never written, including anyone erased after the collection read that list.
   */
  async upsertInteractions(
    params: { accountId: string; platform: Platform; interactions: InteractionRow[] },
    manager?: EntityManager,
  ): Promise<number> {
    const items = uniqueBy(params.interactions, (item) => item.externalId);
    if (items.length === 0) return 0;
    if (!manager?.queryRunner?.isTransactionActive) {
      return this.transaction((own) => this.upsertInteractions(params, own));
    }
    await manager.query(SHARE_RESIDENT_DATA);
    const rows: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym, in_reply_to, answered_at)
       SELECT $1, $2, t.external_id, t.url, t.kind, t.created_at, t.author, t.in_reply_to, t.answered_at
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[])
         AS t(external_id, url, kind, created_at, author, in_reply_to, answered_at)
       WHERE NOT EXISTS (SELECT 1 FROM erasure_suppression s WHERE s.platform = $2 AND s.pseudonym = t.author)
       ON CONFLICT (account_id, platform, external_id) DO UPDATE SET
         answered_at = COALESCE(interaction.answered_at, excluded.answered_at),
         in_reply_to = excluded.in_reply_to
       RETURNING (xmax = 0) AS inserted`,
      [
        params.accountId,
        params.platform,
        items.map((i) => i.externalId),
        items.map((i) => i.url),
        items.map((i) => i.kind),
        items.map((i) => i.createdAt),
        items.map((i) => i.authorPseudonym),
        items.map((i) => i.inReplyToExternalId),
        items.map((i) => i.answeredAt),
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }

  /**
   * The account's posts since `since` whose reply count has grown since their replies were last read
   * (`repliesSeen`, the count then), or under which a read left further replies unread
   * (`furtherRepliesUnread`), newest first.
   */
  async postsWithUnseenReplies(params: {
    accountId: string;
    since: Date;
  }): Promise<Array<{ externalId: string; url: string; replies: number; repliesSeen: number }>> {
    return this.dataSource.query(
      `SELECT external_id AS "externalId", url, replies, replies_read AS "repliesSeen"
       FROM post p
       WHERE account_id = $1 AND created_at >= $2 AND kind <> 'repost'
         AND (replies > replies_read OR EXISTS (
           SELECT 1 FROM interaction i
           WHERE i.account_id = p.account_id AND i.in_reply_to = p.external_id
             AND i.further_replies_unread_since IS NOT NULL))
       ORDER BY created_at DESC`,
      [params.accountId, params.since],
    );
  }

  /**
   * Replies under the account's posts since `since` whose further replies a read left unread (a
   * collector reads those of only so many replies a call), the longest left first: the next read
   * takes them first, so none waits for ever behind newer ones.
   */
  async furtherRepliesUnread(params: {
    accountId: string;
    since: Date;
  }): Promise<Array<{ externalId: string; postExternalId: string }>> {
    return this.dataSource.query(
      `SELECT i.external_id AS "externalId", i.in_reply_to AS "postExternalId"
       FROM interaction i JOIN post p ON p.account_id = i.account_id AND p.external_id = i.in_reply_to
       WHERE i.account_id = $1 AND i.further_replies_unread_since IS NOT NULL
         AND p.created_at >= $2 AND p.kind <> 'repost'
       ORDER BY i.further_replies_unread_since, i.created_at, i.external_id`,
      [params.accountId, params.since],
    );
  }

  /**
   * Records that these posts' replies were read when each counted `replies`: they are read again once
   * the count grows past it (replies the platform counts but does not show, hidden or deleted ones,
   * are not asked for again and again). Of the replies stored under them, those whose further replies
   * the read left unread (`furtherRepliesUnread`, answer unknown) keep their place in that queue, or
   * join it at `at`; every other leaves it (read, answered since, or gone). One statement: a post is
   * never marked read without its queue.
   */
  async markRepliesRead(params: {
    accountId: string;
    posts: Array<{ externalId: string; replies: number }>;
    furtherRepliesUnread: string[];
    at: Date;
  }): Promise<void> {
    if (params.posts.length === 0) return;
    await this.dataSource.query(
      `WITH read AS (
         UPDATE post p SET replies_read = t.replies
         FROM unnest($2::text[], $3::int[]) AS t(external_id, replies)
         WHERE p.account_id = $1 AND p.external_id = t.external_id
       )
       UPDATE interaction i SET further_replies_unread_since =
         CASE WHEN i.external_id = ANY($4::text[]) AND i.answered_at IS NULL
              THEN COALESCE(i.further_replies_unread_since, $5) END
       WHERE i.account_id = $1 AND i.in_reply_to = ANY($2::text[])
         AND (i.further_replies_unread_since IS NOT NULL OR i.external_id = ANY($4::text[]))`,
      [
        params.accountId,
        params.posts.map((post) => post.externalId),
        params.posts.map((post) => post.replies),
        params.furtherRepliesUnread,
        params.at,
      ],
    );
  }

  async recentPostIds(params: { accountId: string; since: Date }): Promise<string[]> {
    const rows: Array<{ external_id: string }> = await this.dataSource.query(
      `SELECT external_id FROM post WHERE account_id = $1 AND created_at >= $2 AND kind <> 'repost' ORDER BY created_at DESC`,
      [params.accountId, params.since],
    );
    return rows.map((row) => row.external_id);
  }

  /** Marks interactions answered by the councillor's own replies (their posts that reply to them). */
  async markAnsweredInteractions(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE interaction i SET answered_at = a.first_answer
       FROM (SELECT in_reply_to, min(created_at) AS first_answer FROM post
             WHERE account_id = $1 AND in_reply_to IS NOT NULL GROUP BY in_reply_to) a
       WHERE i.account_id = $1 AND i.external_id = a.in_reply_to
         AND (i.answered_at IS NULL OR i.answered_at > a.first_answer)`,
      [accountId],
    );
  }
}

/**
 * A packed `bytea` (node-postgres gives a Buffer, PGlite a Uint8Array, an empty aggregate null) as
 * its big-endian 32-bit words, read as signed integers: one typed-array view instead of a call per
 * word (a million edges are four million words). The bytes are reordered in place on little-endian
 * machines; the query result is not used otherwise.
 */
function packedWords(value: Uint8Array | null | undefined): Int32Array {
  if (!value || value.byteLength < 4) return new Int32Array(0);
  const whole = value.byteLength - (value.byteLength % 4);
  // A view needs 4-byte alignment; a misaligned result is copied (Buffer.from aligns to 8).
  const words =
    value.byteOffset % 4 === 0
      ? Buffer.from(value.buffer, value.byteOffset, whole)
      : Buffer.from(value.subarray(0, whole));
  if (LITTLE_ENDIAN) words.swap32();
  return new Int32Array(words.buffer, words.byteOffset, whole / 4);
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** Every 8-byte follower key packed in a `bytea` (as a sweep's records of whom it saw hold them), as its two halves. */
function forEachPackedKey(
  value: Uint8Array | null | undefined,
  each: (high: number, low: number) => void,
): void {
  const words = packedWords(value);
  for (let at = 0; at + 1 < words.length; at += 2) each(words[at], words[at + 1]);
}

/** Packed 8-byte follower keys without those in `drop`: the same buffer when none of them is there. */
function withoutKeys(keys: Buffer, drop: FollowerKeySet): Buffer {
  if (drop.size === 0) return keys;
  const kept: Buffer[] = [];
  let from = 0;
  for (let at = 0; at + 8 <= keys.length; at += 8) {
    if (drop.slotOf(keys.readInt32BE(at), keys.readInt32BE(at + 4)) < 0) continue;
    if (at > from) kept.push(keys.subarray(from, at));
    from = at + 8;
  }
  if (from === 0) return keys;
  if (from < keys.length) kept.push(keys.subarray(from));
  return Buffer.concat(kept);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) seen.set(key(item), item);
  return [...seen.values()];
}

const UNIQUE_VIOLATION = '23505';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Why attaching a first sweep's table can fail for its data: a follower twice (unique violation), an
 * edge of the account in the default partition (check violation), a partition of the account already
 * there (duplicate table, or overlapping bounds).
 */
const ATTACH_REFUSED = new Set([UNIQUE_VIOLATION, '23514', '42P07', '42P17']);

/**
 * The account's lock on its follow-edge tables, until the transaction ends: held while deciding
 * whether a sweep is a first sweep, by a first sweep's last batch, and while giving a sweep up, so that
 * none of them sees the account's pending table half moved.
 */
function lockAccountTables(accountId: string, manager: EntityManager): Promise<unknown> {
  return manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [pendingEdgeTable(accountId)]);
}

/** Taken by the last batch of a first sweep: one attachment to follow_edge at a time. */
const ATTACH_LOCK = `SELECT pg_advisory_xact_lock(hashtext('follow_edge partitions'))`;

/** The account's table in `follow_edge_pending`, while its first sweep is under way. */
export function pendingEdgeTable(accountId: string): string {
  return `follow_edge_new_${hexOf(accountId)}`;
}

/** The account's partition of `follow_edge`, once its first sweep has ended. */
export function edgePartition(accountId: string): string {
  return `follow_edge_of_${hexOf(accountId)}`;
}

/** The account id's 32 hex digits, for a table name (checked: it is spliced into DDL). */
function hexOf(accountId: string): string {
  if (!UUID.test(accountId)) throw new Error(`account id must be a UUID, not '${accountId}'`);
  return accountId.replace(/-/g, '');
}
