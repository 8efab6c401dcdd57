import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CollectedInteraction, CollectedPost, Platform } from '@wardreach/collectors';
import { endianness } from 'node:os';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { followerKey } from '../common/pseudonymise';
import { SHARE_RESIDENT_DATA } from '../common/resident-data-lock';
import { FollowerKeySet } from './follower-key-set';

/** A follower as stored: a pseudonym and the result of attributing them, never their profile text. */
export interface FollowerRow {
  /** The high and low 32 bits (signed) of `pseudonymKey(pseudonym)`, the follower's row id. */
  keyHigh: number;
  keyLow: number;
  pseudonym: string;
  attribution: 'ward' | 'council' | 'elsewhere' | 'unknown';
  /**
   * Treated as immutable: the attributor hands followers with the same profile text the same weights
   * and kinds objects, and the COPY load writes each object out once.
   */
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
  /** `attributionFingerprint` of the three fields above. */
  fingerprint: number;
}

/**
 * How long `follower_reattribution` is kept (retention purges older entries). A sweep whose account
 * was last swept longer ago than this cannot rely on it, and trusts none of its stored fingerprints.
 */
export const REATTRIBUTION_LOG_DAYS = 30;

/** In the packed edges `sweepFollowers` reads: an edge stored without a fingerprint, a lost edge. */
const NO_FINGERPRINT = 2 ** 32;
const LOST_EDGE = 2 ** 33;

/** How a follower batch reaches the staging table before the merge. */
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
 * and on the embedded PGlite server (where COPY FROM STDIN does not); follower batches, the bulk of
 * it, go through COPY on PostgreSQL. Unique keys make every write idempotent, so a job retried after
 * a crash stores nothing twice.
 */
@Injectable()
export class CollectionRepository implements OnModuleInit {
  private batchLoad: Promise<FollowerBatchLoad> | undefined;

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
   * How follower batches reach the staging table: `COPY FROM STDIN` on PostgreSQL, an `unnest` insert
   * on the embedded PGlite server (which has no COPY FROM STDIN). Decided once, from the server's
   * `version()`, at start-up; the merge after it is the same SQL on both.
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
   * Writes one batch of a follower sweep (one or more collector pages): the followers (pseudonymised,
   * attributed) and their edges to the account. Returns how many edges are new or came back.
   *
   * The batch is loaded into a session-local staging table, then merged by statements that write only
   * what changed. `newToAccount` are followers the sweep's `FollowerKeySet` says the account has no
   * edge to: their followers are inserted unless stored already (then reattributed if need be) and
   * their edges inserted, with no lookup of the account's edges. `followers` are the others the sweep
   * writer sends (back after being lost, or attributed otherwise); their merge looks each follower and
   * edge up by primary key and writes followers that are new or whose attribution changed, and edges
   * that are new, come back, or carry a new attribution fingerprint. Unchanged followers never reach
   * this method. Follower ids are keys of their pseudonyms (`pseudonymKey`), so nothing has to be
   * looked up before writing, and every probe walks the indexes in key order. Runs inside the
   * caller's transaction (the batch commits with the cursor after it), or in one of its own.
   */
  async writeFollowerBatch(
    params: {
      accountId: string;
      platform: Platform;
      sweepStartedAt: Date;
      followers: FollowerRow[];
      newToAccount?: FollowerRow[];
      /** When the batch is written (logged with every reattribution); now by default. */
      now?: Date;
    },
    manager?: EntityManager,
  ): Promise<number> {
    const fresh = params.newToAccount ?? [];
    const inTransaction = manager?.queryRunner?.isTransactionActive === true;
    if (params.followers.length === 0 && fresh.length === 0) {
      // Nothing to write, but the caller's transaction goes on to record whom the sweep saw (or to
      // finish it): that too must wait for an erasure in progress, and hold off the next one.
      if (manager && inTransaction) await manager.query(SHARE_RESIDENT_DATA);
      return 0;
    }
    if (!manager || !inTransaction) {
      return this.transaction((own) => this.writeFollowerBatch(params, own));
    }
    // Before anything is read: an erasure or a purge in progress finishes first (resident-data-lock).
    await manager.query(SHARE_RESIDENT_DATA);
    // Compiling these few statements took longer than running them (measured: 45 ms a batch).
    await manager.query(`SET LOCAL jit = off`);
    const load = await this.followerBatchLoad();
    await manager.query(FOLLOWER_BATCH_TABLE);
    const staged = [
      ...fresh.map((row) => ({ row, newEdge: true })),
      ...params.followers.map((row) => ({ row, newEdge: false })),
    ];
    if (load === 'copy') await copyFollowerBatch(manager, staged);
    else await insertFollowerBatch(manager, staged);
    // The sweep filtered out the people erased when it started; anyone erased since is dropped here.
    await manager.query(
      `DELETE FROM follower_batch b USING erasure_suppression s WHERE s.platform = $1 AND s.pseudonym = b.pseudonym`,
      [params.platform],
    );

    const values = [params.platform, params.accountId, params.sweepStartedAt, params.now ?? new Date()];
    const counts: MergeCounts = { gained: 0, collisions: 0 };
    let merged = params.followers.length > 0;
    if (fresh.length > 0) {
      // An edge that exists after all (a sweep of the same account ran alongside) fails the insert,
      // and a follower inserted by a concurrent sweep cannot be compared: then these rows go through
      // the merge that looks followers and edges up.
      await manager.query(`SAVEPOINT follower_batch_new`);
      let row: (MergeCounts & { raced: number }) | undefined;
      try {
        [row] = await manager.query<Array<MergeCounts & { raced: number }>>(MERGE_NEW_TO_ACCOUNT, values);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      }
      if (row && row.raced === 0) {
        counts.gained += row.gained;
        counts.collisions += row.collisions;
        await manager.query(`RELEASE SAVEPOINT follower_batch_new`);
      } else {
        await manager.query(`ROLLBACK TO SAVEPOINT follower_batch_new`);
        await manager.query(`UPDATE follower_batch SET new_edge = false`);
        merged = true;
      }
    }
    if (merged) {
      // New followers are inserted without ON CONFLICT, which would double the cost of every insert.
      // A concurrent sweep of another councillor may insert one of them first; then the batch is
      // merged again from a savepoint, this time letting the other sweep's row stand.
      await manager.query(`SAVEPOINT follower_batch`);
      let rows: MergeCounts[];
      try {
        rows = await manager.query<MergeCounts[]>(mergeFollowerBatch(''), values);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await manager.query(`ROLLBACK TO SAVEPOINT follower_batch`);
        rows = await manager.query<MergeCounts[]>(mergeFollowerBatch('ON CONFLICT (id) DO NOTHING'), values);
      }
      await manager.query(`RELEASE SAVEPOINT follower_batch`);
      counts.gained += rows[0]?.gained ?? 0;
      counts.collisions += rows[0]?.collisions ?? 0;
    }
    if (counts.collisions > 0) {
      // Two pseudonyms sharing their first 64 bits: about one chance in 10^7 among a million
      // followers. Storing either under the other's id would merge two residents, so the batch fails.
      throw new Error(
        `follower key collision: ${counts.collisions} follower(s) of ${params.platform} account ${params.accountId} share a 64-bit key with another pseudonym`,
      );
    }
    return counts.gained;
  }

  /**
   * What a sweep of the account starts from: its edges, standing with their attribution fingerprints
   * or lost, and, when the sweep resumes after a crash, the followers its committed batches had
   * already seen. Packed into one `bytea` (8-byte key, then 8 bytes: the fingerprint, 2^32 for none,
   * 2^33 for a lost edge), so a million edges cross as 16 MB and no row objects.
   *
   * `fingerprintsSince` is when the account's last finished sweep began: followers any sweep has
   * reattributed since then lose their fingerprint here, so that this sweep compares them with the
   * stored follower again. Null (no such sweep, or one older than the reattribution log) trusts no
   * fingerprint.
   */
  async sweepFollowers(params: {
    accountId: string;
    sweepStartedAt: Date;
    fingerprintsSince: Date | null;
  }): Promise<FollowerKeySet> {
    const [edges]: Array<{ packed: Uint8Array | null; edges: number }> = await this.dataSource.query(
      `SELECT string_agg(int8send(follower_id) || int8send(CASE WHEN lost_at IS NOT NULL THEN ${LOST_EDGE}
                                                               ELSE COALESCE(attribution_fp::bigint, ${NO_FINGERPRINT}) END),
                        ''::bytea) AS packed,
              count(*)::int AS edges
       FROM follow_edge WHERE account_id = $1`,
      [params.accountId],
    );
    const known = new FollowerKeySet(edges?.edges ?? 0);
    const words = packedWords(edges?.packed);
    for (let at = 0; at + 3 < words.length; at += 4) {
      const high = words[at];
      const low = words[at + 1];
      const flag = words[at + 2];
      if (flag === LOST_EDGE / 2 ** 32) known.setLost(high, low);
      else if (flag === NO_FINGERPRINT / 2 ** 32 || !params.fingerprintsSince) known.set(high, low, null);
      else known.set(high, low, words[at + 3]);
    }
    if (params.fingerprintsSince) {
      const [log]: Array<{ keys: Uint8Array | null }> = await this.dataSource.query(
        `SELECT string_agg(int8send(follower_id), ''::bytea) AS keys FROM follower_reattribution WHERE reattributed_at >= $1`,
        [params.fingerprintsSince],
      );
      forEachPackedKey(log?.keys, (high, low) => known.unprint(high, low));
    }
    const seen: Array<{ keys: Uint8Array }> = await this.dataSource.query(
      `SELECT follower_keys AS keys FROM follower_sweep_seen WHERE account_id = $1 AND sweep_started_at = $2`,
      [params.accountId, params.sweepStartedAt],
    );
    for (const record of seen) forEachPackedKey(record.keys, (high, low) => known.markSeenKey(high, low));
    return known;
  }

  /**
   * Gives up the account's follower sweep under way (its list was hidden part-way through: the sweep
   * cannot go on): its record of whom it saw is deleted, and its cursor, so that the next sweep once
   * the list shows again starts from the top. Edges are left as they stand: a hidden list loses nobody.
   */
  async abandonFollowerSweep(accountId: string): Promise<void> {
    await this.transaction(async (manager) => {
      await manager.query(`DELETE FROM follower_sweep_seen WHERE account_id = $1`, [accountId]);
      await manager.query(
        `UPDATE platform_account SET cursors = cursors || jsonb_build_object('followerSweep', null) WHERE id = $1`,
        [accountId],
      );
    });
  }

  /**
   * Records, with the batch, every follower it saw (packed 8-byte keys), for a sweep that resumes;
   * except people on the erasure list as it stands now. A sweep filters its pages with the list read
   * when its collection began, so someone erased since is still listed by the pages after: recording
   * their key again would keep them in the sweep's record (which may stand for weeks) after erasure
   * took it out. Runs under the resident-data lock, shared, so an erasure either committed before
   * (and its person is left out here) or waits for this batch (and takes them out itself).
   */
  async recordSweepSeen(
    params: { accountId: string; sweepStartedAt: Date; keys: Buffer },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(SHARE_RESIDENT_DATA);
    const erased: Array<{ key: string }> = await manager.query(
      `SELECT pseudonym_key(s.pseudonym)::text AS key
       FROM erasure_suppression s JOIN platform_account a ON a.platform = s.platform WHERE a.id = $1`,
      [params.accountId],
    );
    const keys = withoutKeys(params.keys, new Set(erased.map((row) => BigInt(row.key))));
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO follower_sweep_seen (account_id, sweep_started_at, follower_keys) VALUES ($1, $2, $3)`,
      [params.accountId, params.sweepStartedAt, keys],
    );
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

/** Every 8-byte follower key packed in a `bytea` (as `recordSweepSeen` writes them), as its two halves. */
function forEachPackedKey(
  value: Uint8Array | null | undefined,
  each: (high: number, low: number) => void,
): void {
  const words = packedWords(value);
  for (let at = 0; at + 1 < words.length; at += 2) each(words[at], words[at + 1]);
}

/** Packed 8-byte follower keys without those in `drop`: the same buffer when none of them is there. */
function withoutKeys(keys: Buffer, drop: ReadonlySet<bigint>): Buffer {
  if (drop.size === 0) return keys;
  const kept: Buffer[] = [];
  let from = 0;
  for (let at = 0; at + 8 <= keys.length; at += 8) {
    if (!drop.has(keys.readBigInt64BE(at))) continue;
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

/**
 * The session's staging table for one batch of a sweep: temporary (no WAL, invisible to other
 * sessions), emptied at every commit, created once per connection.
 */
const FOLLOWER_BATCH_TABLE = `CREATE TEMP TABLE IF NOT EXISTS follower_batch (
  follower_id bigint NOT NULL, pseudonym text COLLATE "C" NOT NULL, attribution text NOT NULL,
  ward_weights jsonb NOT NULL, evidence_kinds text[] NOT NULL, attribution_fp integer NOT NULL,
  new_edge boolean NOT NULL
) ON COMMIT DELETE ROWS`;

const UNIQUE_VIOLATION = '23505';

interface MergeCounts {
  gained: number;
  collisions: number;
}

/**
 * For a staged row `s`: the follower stored under its key, and whether their attribution is the
 * staged one (a `LIMIT 1` probe of the primary key).
 */
const STORED_FOLLOWER = `SELECT f.pseudonym, (f.attribution, f.ward_weights, f.evidence_kinds)
                          IS NOT DISTINCT FROM (s.attribution, s.ward_weights, s.evidence_kinds) AS same
      FROM follower f WHERE f.id = s.follower_id LIMIT 1`;

/**
 * The CTE body `reattributed AS (…), logged AS (…)` over `source` (rows with the staged attribution,
 * `known` and `same`): followers stored under their own pseudonym whose attribution changed take the
 * staged one, and each change is logged at $4 for other accounts' sweeps.
 */
function reattribute(source: string): string {
  return `UPDATE follower f SET attribution = b.attribution, ward_weights = b.ward_weights,
                          evidence_kinds = b.evidence_kinds, attributed_at = $3
    FROM ${source} b
    WHERE f.id = ANY (ARRAY(SELECT follower_id FROM ${source} WHERE known = pseudonym AND NOT same))
      AND b.follower_id = f.id
    RETURNING f.id
  ), logged AS (
    INSERT INTO follower_reattribution (follower_id, reattributed_at) SELECT id, $4 FROM reattributed`;
}

/**
 * The merge of the staged followers new to the account ($1 platform, $2 account, $3 sweep start).
 * Followers are inserted unless stored already (one index insertion each, conflicts skipped); only
 * those that were stored already are then looked up, by the snapshot from before this statement, to
 * be reattributed if their attribution changed, or to find a pseudonym under their key that is not
 * theirs. A follower another transaction inserted while this one ran is skipped by the insert yet
 * invisible to that snapshot (`raced`): then the caller merges the batch again by the statement that
 * looks everything up afresh. Edges are inserted without ON CONFLICT: the sweep knows the account had
 * none of them.
 */
const MERGE_NEW_TO_ACCOUNT = `WITH inserted AS (
    INSERT INTO follower (id, platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
    SELECT follower_id, $1, pseudonym, attribution, ward_weights, evidence_kinds, $3 FROM follower_batch
    WHERE new_edge ORDER BY follower_id
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  ), stored AS MATERIALIZED (
    SELECT s.follower_id, s.pseudonym, s.attribution, s.ward_weights, s.evidence_kinds, f.pseudonym AS known, f.same
    FROM (SELECT * FROM follower_batch WHERE new_edge AND follower_id NOT IN (SELECT id FROM inserted)) s
    LEFT JOIN LATERAL (
      ${STORED_FOLLOWER}
    ) f ON true
  ), reattributed AS (
    ${reattribute('stored')}
  ), new_edges AS (
    INSERT INTO follow_edge (account_id, follower_id, first_seen, attribution_fp)
    SELECT $2, follower_id, $3, attribution_fp FROM follower_batch WHERE new_edge ORDER BY follower_id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM new_edges)::int AS gained,
         (SELECT count(*) FROM stored WHERE known <> pseudonym)::int AS collisions,
         (SELECT count(*) FROM stored WHERE known IS NULL)::int AS raced`;

/**
 * The merge of one staged batch ($1 platform, $2 account, $3 sweep start, $4 now). `batch` holds each
 * follower once, in key order, as found before the statement: `known` is the pseudonym already
 * stored under that key (null for a new follower), `same` whether their attribution is unchanged,
 * `edge` whether the account already has the edge, `lost` whether it had been lost and `edge_fp` the
 * attribution fingerprint it was stored with. Every lookup
 * is a `LIMIT 1` lateral probe of a primary key, and every update finds its rows through `= ANY` of
 * the batch's ids, so the plan stays one probe per row of the batch, never a scan of the tables,
 * even while a first sweep grows them faster than their statistics follow.
 */
function mergeFollowerBatch(onConflict: string): string {
  return `WITH batch AS MATERIALIZED (
    SELECT DISTINCT ON (s.follower_id) s.follower_id, s.pseudonym, s.attribution, s.ward_weights, s.evidence_kinds,
           s.attribution_fp, f.pseudonym AS known, f.same, e.follower_id IS NOT NULL AS edge,
           e.lost_at IS NOT NULL AS lost, e.attribution_fp AS edge_fp
    FROM (SELECT * FROM follower_batch WHERE NOT new_edge) s
    LEFT JOIN LATERAL (
      ${STORED_FOLLOWER}
    ) f ON true
    LEFT JOIN LATERAL (
      SELECT e.follower_id, e.lost_at, e.attribution_fp
      FROM follow_edge e WHERE e.account_id = $2 AND e.follower_id = s.follower_id LIMIT 1
    ) e ON true
    ORDER BY s.follower_id
  ), new_followers AS (
    INSERT INTO follower (id, platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
    SELECT follower_id, $1, pseudonym, attribution, ward_weights, evidence_kinds, $3 FROM batch
    WHERE known IS NULL ORDER BY follower_id
    ${onConflict}
  ), reattributed AS (
    ${reattribute('batch')}
  ), new_edges AS (
    INSERT INTO follow_edge (account_id, follower_id, first_seen, attribution_fp)
    SELECT $2, follower_id, $3, attribution_fp FROM batch
    WHERE NOT edge AND (known IS NULL OR known = pseudonym) ORDER BY follower_id
    RETURNING 1
  ), refreshed AS (
    -- A follower back after being lost starts a new follow: first seen now, so that the figures of
    -- followers gained count them (the edge holds the follow as it stands, not its history).
    UPDATE follow_edge e SET lost_at = NULL, attribution_fp = b.attribution_fp,
                             first_seen = CASE WHEN b.lost THEN $3 ELSE e.first_seen END
    FROM batch b
    WHERE e.account_id = $2
      AND e.follower_id = ANY (ARRAY(SELECT follower_id FROM batch
                                     WHERE edge AND known = pseudonym AND (lost OR edge_fp IS DISTINCT FROM attribution_fp)))
      AND b.follower_id = e.follower_id
    RETURNING b.lost
  )
  SELECT ((SELECT count(*) FROM new_edges) + (SELECT count(*) FROM refreshed WHERE lost))::int AS gained,
         (SELECT count(*) FROM batch WHERE known <> pseudonym)::int AS collisions`;
}

/** A staged follower, and whether the sweep knows the account has no edge to them. */
interface StagedFollower {
  row: FollowerRow;
  newEdge: boolean;
}

/** Streams the batch into `follower_batch` with `COPY FROM STDIN` on the transaction's own connection. */
async function copyFollowerBatch(manager: EntityManager, followers: StagedFollower[]): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyFollowerBatch needs a transaction');
  const client = (await runner.connect()) as PoolClient;
  let text = '';
  for (const { row: f, newEdge } of followers) {
    text += `${followerKey(f.keyHigh, f.keyLow)}\t${f.pseudonym}\t${copyText(f.attribution)}\t${weightsText(f.wardWeights)}\t${kindsText(f.evidenceKinds)}\t${f.fingerprint}\t${newEdge ? 't' : 'f'}\n`;
  }
  await pipeline(
    [text],
    client.query(
      copyFrom(
        `COPY follower_batch (follower_id, pseudonym, attribution, ward_weights, evidence_kinds, attribution_fp, new_edge) FROM STDIN`,
      ),
    ),
  );
}

/** Loads the batch into `follower_batch` with one `unnest` insert (PGlite has no COPY FROM STDIN). */
async function insertFollowerBatch(manager: EntityManager, staged: StagedFollower[]): Promise<void> {
  const followers = staged.map((s) => s.row);
  await manager.query(
    `INSERT INTO follower_batch (follower_id, pseudonym, attribution, ward_weights, evidence_kinds, attribution_fp, new_edge)
     SELECT t.follower_id, t.pseudonym, t.attribution, t.weights::jsonb,
            COALESCE((SELECT array_agg(k) FROM jsonb_array_elements_text(t.kinds::jsonb) AS k), '{}'), t.fp, t.new_edge
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::boolean[])
       AS t(follower_id, pseudonym, attribution, weights, kinds, fp, new_edge)`,
    [
      followers.map((f) => followerKey(f.keyHigh, f.keyLow)),
      followers.map((f) => f.pseudonym),
      followers.map((f) => f.attribution),
      followers.map((f) => JSON.stringify(f.wardWeights)),
      followers.map((f) => JSON.stringify(f.evidenceKinds)),
      followers.map((f) => f.fingerprint),
      staged.map((s) => s.newEdge),
    ],
  );
}

// The attributor hands every follower with the same profile text the same weights and kinds
// objects, so each is written out once per batch run, not once per follower (measured: most of the
// cost of staging a first sweep's batch).
const weightsTexts = new WeakMap<Record<string, number>, string>();
const kindsTexts = new WeakMap<string[], string>();

function weightsText(weights: Record<string, number>): string {
  let text = weightsTexts.get(weights);
  if (text === undefined) {
    text = copyText(JSON.stringify(weights));
    weightsTexts.set(weights, text);
  }
  return text;
}

function kindsText(kinds: string[]): string {
  let text = kindsTexts.get(kinds);
  if (text === undefined) {
    text = copyText(arrayLiteral(kinds));
    kindsTexts.set(kinds, text);
  }
  return text;
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** A PostgreSQL array literal of text elements, each quoted. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
