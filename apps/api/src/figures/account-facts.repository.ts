import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccountSnapshot,
  FollowEdgeFact,
  FollowerPlace,
  InteractionFact,
  PostFact,
  SnapshotFact,
} from '@wardreach/metrics';
import { DataSource } from 'typeorm';

export interface AccountContext {
  accountId: string;
  councillorId: string;
  wardCode: string;
  councilDomains: string[];
  platform: string;
}

/** Reads the facts an account's figures are computed from, and stores the day's snapshot. */
@Injectable()
export class AccountFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async context(accountId: string): Promise<AccountContext | null> {
    const [row]: AccountContext[] = await this.dataSource.query(
      `SELECT a.id AS "accountId", a.councillor_id AS "councillorId", w.code AS "wardCode",
              c.web_domains AS "councilDomains", a.platform
       FROM platform_account a JOIN councillor p ON p.id = a.councillor_id
       JOIN ward w ON w.id = p.ward_id JOIN council c ON c.id = p.council_id
       WHERE a.id = $1`,
      [accountId],
    );
    return row ?? null;
  }

  async posts(accountId: string, since: Date): Promise<PostFact[]> {
    const rows: Array<{
      created_at: Date;
      kind: PostFact['kind'];
      likes: number | null;
      reposts: number;
      replies: number;
      quotes: number;
      links: string[];
    }> = await this.dataSource.query(
      `SELECT created_at, kind, likes, reposts, replies, quotes, links FROM post WHERE account_id = $1 AND created_at >= $2`,
      [accountId, since],
    );
    return rows.map((row) => ({
      createdAt: row.created_at,
      kind: row.kind,
      likes: row.likes,
      reposts: row.reposts,
      replies: row.replies,
      quotes: row.quotes,
      links: row.links,
    }));
  }

  async interactions(accountId: string, since: Date): Promise<InteractionFact[]> {
    const rows: Array<{ created_at: Date; answered_at: Date | null }> = await this.dataSource.query(
      `SELECT created_at, answered_at FROM interaction WHERE account_id = $1 AND created_at >= $2`,
      [accountId, since],
    );
    return rows.map((row) => ({ createdAt: row.created_at, answeredAt: row.answered_at }));
  }

  /**
   * Edges that began or ended since `since`: the only ones that change gained and lost counts.
   * Edges found by the account's first sweep were there before wardreach looked, so they are
   * reported as seen since the epoch rather than as gained on that day.
   */
  async followEdgeChanges(accountId: string, since: Date): Promise<FollowEdgeFact[]> {
    const rows: Array<{ first_seen: Date; lost_at: Date | null; initial: boolean }> =
      await this.dataSource.query(
        `SELECT e.first_seen, e.lost_at, e.first_seen = i.first_sweep AS initial
       FROM follow_edge e,
            (SELECT min(first_seen) AS first_sweep FROM follow_edge WHERE account_id = $1) i
       WHERE e.account_id = $1 AND (e.first_seen >= $2 OR e.lost_at >= $2)`,
        [accountId, since],
      );
    return rows.map((row) => ({
      firstSeenAt: row.initial ? new Date(0) : row.first_seen,
      lostAt: row.lost_at,
    }));
  }

  /** Whether any follower sweep has reached this account yet. */
  async hasFollowerEdges(accountId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM follow_edge WHERE account_id = $1 LIMIT 1`,
      [accountId],
    );
    return rows.length > 0;
  }

  /**
   * Where the current followers were placed, grouped in SQL (in a fixed order, so fractional sums come out
   * the same to the last bit on every run) and expanded to one entry per follower
   * sharing the same object, so 200,000 followers cost 200,000 pointers, not 200,000 rows of JSON.
   */
  async followerPlaces(accountId: string): Promise<FollowerPlace[]> {
    const rows: Array<{
      attribution: FollowerPlace['status'];
      ward_weights: Record<string, number>;
      n: number;
    }> = await this.dataSource.query(
      `SELECT f.attribution, f.ward_weights, count(*)::int AS n
         FROM follow_edge e JOIN follower_attribution f ON f.id = e.attribution_id
         WHERE e.account_id = $1 AND e.lost_at IS NULL
         GROUP BY f.attribution, f.ward_weights
         ORDER BY f.attribution, f.ward_weights::text`,
      [accountId],
    );
    const places: FollowerPlace[] = [];
    for (const row of rows) {
      const place: FollowerPlace = {
        status: row.attribution,
        weights: new Map(Object.entries(row.ward_weights)),
      };
      for (let i = 0; i < row.n; i++) places.push(place);
    }
    return places;
  }

  async history(accountId: string, since: string): Promise<SnapshotFact[]> {
    const rows: Array<{ day: string; followers: number }> = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, followers FROM account_snapshot WHERE account_id = $1 AND day >= $2 ORDER BY day`,
      [accountId, since],
    );
    return rows.map((row) => ({ date: row.day, followers: row.followers }));
  }

  /** Idempotent per day: a later collection the same day overwrites that day's row. */
  async saveSnapshot(accountId: string, snapshot: AccountSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, local_share, figures, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now())
       ON CONFLICT (account_id, day) DO UPDATE SET
         followers = excluded.followers, posts_30d = excluded.posts_30d, engagement_30d = excluded.engagement_30d,
         local_share = excluded.local_share, figures = excluded.figures, computed_at = excluded.computed_at`,
      [
        accountId,
        snapshot.date,
        snapshot.followers,
        snapshot.posts30d,
        snapshot.engagement30d,
        snapshot.localShare,
        JSON.stringify(snapshot),
      ],
    );
  }
}
