import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CollectedInteraction, CollectedPost, Platform } from '@wardreach/collectors';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';

/** A follower as stored: a pseudonym and the result of attributing them, never their profile text. */
export interface FollowerRow {
  pseudonym: string;
  attribution: 'ward' | 'council' | 'elsewhere' | 'unknown';
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
}

/** How a follower page reaches the staging table before the merge. */
export type FollowerPageLoad = 'copy' | 'unnest';

export interface InteractionRow extends Omit<CollectedInteraction, 'authorExternalId'> {
  authorPseudonym: string;
}

/**
 * Bulk writes of what a collection brought back. Multi-row `unnest` upserts work both on PostgreSQL
 * and on the embedded PGlite server (where COPY FROM STDIN does not); follower pages, the bulk of
 * it, go through COPY on PostgreSQL. Unique keys make every write idempotent, so a job retried after
 * a crash stores nothing twice.
 */
@Injectable()
export class CollectionRepository implements OnModuleInit {
  private pageLoad: Promise<FollowerPageLoad> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts new posts and refreshes the counts of known ones; returns how many were new. */
  async upsertPosts(
    params: { accountId: string; platform: Platform; posts: CollectedPost[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const posts = uniqueBy(params.posts, (post) => post.externalId);
    if (posts.length === 0) return 0;
    const rows: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, likes, reposts, replies, quotes, links, in_reply_to)
       SELECT $1, $2, t.external_id, t.url, t.created_at, t.kind, t.likes, t.reposts, t.replies, t.quotes,
              COALESCE((SELECT array_agg(l) FROM jsonb_array_elements_text(t.links::jsonb) AS l), '{}'), t.in_reply_to
       FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::text[], $12::text[])
         AS t(external_id, url, created_at, kind, likes, reposts, replies, quotes, links, in_reply_to)
       ON CONFLICT (platform, external_id) DO UPDATE SET
         likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes,
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
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }

  /**
   * How follower pages reach the staging table: `COPY FROM STDIN` on PostgreSQL, an `unnest` insert
   * on the embedded PGlite server (which has no COPY FROM STDIN). Decided once, from the server's
   * `version()`, at start-up; the merge after it is the same SQL on both.
   */
  async onModuleInit(): Promise<void> {
    await this.followerPageLoad();
  }

  /** Overrides the start-up choice (tests compare both paths on the same server). */
  useFollowerPageLoad(load: FollowerPageLoad): void {
    this.pageLoad = Promise.resolve(load);
  }

  followerPageLoad(): Promise<FollowerPageLoad> {
    this.pageLoad ??= this.dataSource
      .query(`SELECT version() AS version`)
      .then((rows: Array<{ version: string }>) =>
        /PGlite/i.test(rows[0]?.version ?? '') ? 'unnest' : 'copy',
      );
    return this.pageLoad;
  }

  /**
   * Writes one page of a follower sweep: the followers (pseudonymised, attributed) and their edges to
   * the account, all marked seen at the sweep's start. Returns how many edges are new or came back.
   *
   * The page is loaded into a session-local staging table, then merged with set-based statements that
   * write only what changed: followers that are new or whose attribution changed, edges that are new,
   * and `last_seen`/`lost_at` of known edges not yet marked in this sweep. A first sweep of a new
   * account thus costs one insert per follower and per edge; a re-sweep where nothing changed costs an
   * index probe per follower and a `last_seen` update per edge. Runs inside the caller's transaction
   * (the page commits with the cursor after it), or in one of its own.
   */
  async upsertFollowerPage(
    params: { accountId: string; platform: Platform; sweepStartedAt: Date; followers: FollowerRow[] },
    manager?: EntityManager,
  ): Promise<number> {
    // Sorted, so concurrent sweeps of councillors who share followers lock rows in the same order.
    const followers = uniqueBy(params.followers, (follower) => follower.pseudonym).sort((a, b) =>
      a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0,
    );
    if (followers.length === 0) return 0;
    if (!manager?.queryRunner?.isTransactionActive) {
      return this.transaction((own) => this.upsertFollowerPage(params, own));
    }
    const load = await this.followerPageLoad();
    await manager.query(FOLLOWER_PAGE_TABLE);
    if (load === 'copy') await copyFollowerPage(manager, followers);
    else await insertFollowerPage(manager, followers);

    // One statement per page. Every lookup is a probe of a unique index from a `LIMIT 1` lateral
    // subquery, so the plan stays one probe per row even while a first sweep grows the tables faster
    // than their statistics follow. The CTEs all see the snapshot taken before the statement, so
    // `page` holds each follower and edge as they were: absent (new), lost (the edge comes back and
    // counts as gained), or known. Only new or re-attributed followers are written; of known edges
    // only `last_seen`/`lost_at`, and only once per sweep.
    const [counts]: Array<{ gained: number }> = await manager.query(
      `WITH page AS MATERIALIZED (
         SELECT s.pseudonym, s.attribution, s.ward_weights, s.evidence_kinds, known.id, known.same, edge.last_seen, edge.lost_at
         FROM follower_page s
         LEFT JOIN LATERAL (
           SELECT f.id, (f.attribution, f.ward_weights, f.evidence_kinds)
                          IS NOT DISTINCT FROM (s.attribution, s.ward_weights, s.evidence_kinds) AS same
           FROM follower f WHERE f.platform = $1 AND f.pseudonym = s.pseudonym LIMIT 1
         ) known ON true
         LEFT JOIN LATERAL (
           SELECT e.last_seen, e.lost_at FROM follow_edge e WHERE e.account_id = $2 AND e.follower_id = known.id LIMIT 1
         ) edge ON true
       ), written AS (
         INSERT INTO follower (platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
         SELECT $1, pseudonym, attribution, ward_weights, evidence_kinds, $3 FROM page
         WHERE same IS NOT TRUE
         ORDER BY pseudonym
         ON CONFLICT (platform, pseudonym) DO UPDATE SET
           attribution = excluded.attribution, ward_weights = excluded.ward_weights,
           evidence_kinds = excluded.evidence_kinds, attributed_at = excluded.attributed_at
         RETURNING id, pseudonym
       ), seen AS (
         UPDATE follow_edge SET last_seen = $3, lost_at = NULL
         WHERE account_id = $2 AND follower_id = ANY (ARRAY(
           SELECT id FROM page WHERE last_seen < $3 OR lost_at IS NOT NULL ORDER BY id
         ))
       ), added AS (
         INSERT INTO follow_edge (account_id, follower_id, first_seen, last_seen)
         SELECT $2, COALESCE(page.id, written.id), $3, $3
         FROM page LEFT JOIN written ON written.pseudonym = page.pseudonym
         WHERE page.last_seen IS NULL
         ORDER BY 2
         ON CONFLICT (account_id, follower_id) DO NOTHING
         RETURNING 1
       )
       SELECT ((SELECT count(*) FROM added) + (SELECT count(*) FROM page WHERE lost_at IS NOT NULL))::int AS gained`,
      [params.platform, params.accountId, params.sweepStartedAt],
    );
    return counts?.gained ?? 0;
  }

  /** Ends a sweep: every edge not seen since it began is lost now. Returns how many were lost. */
  async finishFollowerSweep(
    params: { accountId: string; sweepStartedAt: Date; now: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE follow_edge SET lost_at = $3 WHERE account_id = $1 AND last_seen < $2 AND lost_at IS NULL`,
      [params.accountId, params.sweepStartedAt, params.now],
    );
    return affected;
  }

  async upsertInteractions(
    params: { accountId: string; platform: Platform; interactions: InteractionRow[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const items = uniqueBy(params.interactions, (item) => item.externalId);
    if (items.length === 0) return 0;
    const rows: Array<{ inserted: boolean }> = await manager.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym, in_reply_to, answered_at)
       SELECT $1, $2, t.external_id, t.url, t.kind, t.created_at, t.author, t.in_reply_to, t.answered_at
       FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[])
         AS t(external_id, url, kind, created_at, author, in_reply_to, answered_at)
       ON CONFLICT (platform, external_id) DO UPDATE SET
         answered_at = COALESCE(interaction.answered_at, excluded.answered_at)
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

  /** The account's posts since `since` whose reply count exceeds the replies we already hold. */
  async postsWithUnseenReplies(params: {
    accountId: string;
    since: Date;
  }): Promise<Array<{ externalId: string; url: string; replies: number }>> {
    return this.dataSource.query(
      `SELECT p.external_id AS "externalId", p.url, p.replies
       FROM post p
       WHERE p.account_id = $1 AND p.created_at >= $2 AND p.kind <> 'repost' AND p.replies > (
         (SELECT count(*) FROM interaction i WHERE i.account_id = p.account_id AND i.in_reply_to = p.external_id) +
         (SELECT count(*) FROM post own WHERE own.account_id = p.account_id AND own.in_reply_to = p.external_id)
       )
       ORDER BY p.created_at DESC`,
      [params.accountId, params.since],
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

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * The session's staging table for one follower page: temporary (no WAL, invisible to other
 * sessions), emptied at every commit, created once per connection.
 */
const FOLLOWER_PAGE_TABLE = `CREATE TEMP TABLE IF NOT EXISTS follower_page (
  pseudonym text NOT NULL, attribution text NOT NULL, ward_weights jsonb NOT NULL, evidence_kinds text[] NOT NULL
) ON COMMIT DELETE ROWS`;

/** Streams the page into `follower_page` with `COPY FROM STDIN` on the transaction's own connection. */
async function copyFollowerPage(manager: EntityManager, followers: FollowerRow[]): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyFollowerPage needs a transaction');
  const client = (await runner.connect()) as PoolClient;
  let text = '';
  for (const f of followers) {
    text += `${copyText(f.pseudonym)}\t${copyText(f.attribution)}\t${copyText(JSON.stringify(f.wardWeights))}\t${copyText(arrayLiteral(f.evidenceKinds))}\n`;
  }
  await pipeline(
    [text],
    client.query(
      copyFrom(`COPY follower_page (pseudonym, attribution, ward_weights, evidence_kinds) FROM STDIN`),
    ),
  );
}

/** Loads the page into `follower_page` with one `unnest` insert (PGlite has no COPY FROM STDIN). */
async function insertFollowerPage(manager: EntityManager, followers: FollowerRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO follower_page (pseudonym, attribution, ward_weights, evidence_kinds)
     SELECT t.pseudonym, t.attribution, t.weights::jsonb,
            COALESCE((SELECT array_agg(k) FROM jsonb_array_elements_text(t.kinds::jsonb) AS k), '{}')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(pseudonym, attribution, weights, kinds)`,
    [
      followers.map((f) => f.pseudonym),
      followers.map((f) => f.attribution),
      followers.map((f) => JSON.stringify(f.wardWeights)),
      followers.map((f) => JSON.stringify(f.evidenceKinds)),
    ],
  );
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
