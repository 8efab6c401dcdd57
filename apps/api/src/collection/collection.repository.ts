import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CollectedInteraction, CollectedPost, Platform } from '@wardreach/collectors';
import { DataSource, EntityManager } from 'typeorm';

/** A follower as stored: a pseudonym and the result of attributing them, never their profile text. */
export interface FollowerRow {
  pseudonym: string;
  attribution: 'ward' | 'council' | 'elsewhere' | 'unknown';
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
}

export interface InteractionRow extends Omit<CollectedInteraction, 'authorExternalId'> {
  authorPseudonym: string;
}

/**
 * Bulk writes of what a collection brought back. Multi-row `unnest` upserts work both on PostgreSQL
 * and on the embedded PGlite server (where COPY FROM STDIN does not), and unique keys make every
 * write idempotent, so a job retried after a crash stores nothing twice.
 */
@Injectable()
export class CollectionRepository {
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
   * Writes one page of a follower sweep: the followers (pseudonymised, attributed) and their edges to
   * the account, all marked seen at the sweep's start. Returns how many edges are new or came back.
   */
  async upsertFollowerPage(
    params: { accountId: string; platform: Platform; sweepStartedAt: Date; followers: FollowerRow[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    // Sorted, so concurrent sweeps of councillors who share followers lock rows in the same order.
    const followers = uniqueBy(params.followers, (follower) => follower.pseudonym).sort((a, b) =>
      a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0,
    );
    if (followers.length === 0) return 0;
    const rows: Array<{ gained: boolean }> = await manager.query(
      `WITH f AS (
         INSERT INTO follower (platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
         SELECT $1, t.pseudonym, t.attribution, t.weights::jsonb,
                COALESCE((SELECT array_agg(k) FROM jsonb_array_elements_text(t.kinds::jsonb) AS k), '{}'), $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(pseudonym, attribution, weights, kinds, n)
         ORDER BY t.n
         ON CONFLICT (platform, pseudonym) DO UPDATE SET
           attribution = excluded.attribution, ward_weights = excluded.ward_weights,
           evidence_kinds = excluded.evidence_kinds, attributed_at = excluded.attributed_at
         RETURNING id
       ), previous AS (
         SELECT e.follower_id, e.lost_at FROM follow_edge e JOIN f ON f.id = e.follower_id WHERE e.account_id = $7
       )
       INSERT INTO follow_edge (account_id, follower_id, first_seen, last_seen)
       SELECT $7, f.id, $2, $2 FROM f
       ON CONFLICT (account_id, follower_id) DO UPDATE SET last_seen = excluded.last_seen, lost_at = NULL
       RETURNING (xmax = 0 OR follower_id IN (SELECT follower_id FROM previous WHERE lost_at IS NOT NULL)) AS gained`,
      [
        params.platform,
        params.sweepStartedAt,
        followers.map((f) => f.pseudonym),
        followers.map((f) => f.attribution),
        followers.map((f) => JSON.stringify(f.wardWeights)),
        followers.map((f) => JSON.stringify(f.evidenceKinds)),
        params.accountId,
      ],
    );
    return rows.filter((row) => row.gained).length;
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
  async markAnsweredInteractions(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
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
