import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountStatus, MentionsCoverage, PlatformName } from '@wardreach/contracts';
import type { AccountSnapshot } from '@wardreach/metrics';
import { DataSource } from 'typeorm';
import type { StoredSuggestion } from '../council-figures/stored-figures';

export interface CouncillorRow {
  id: string;
  name: string;
  party: string | null;
  wardCode: string;
  wardName: string;
}

export interface AccountRow {
  id: string;
  councillorId: string;
  platform: PlatformName;
  handle: string;
  url: string | null;
  status: AccountStatus;
  statusReason: string | null;
  mentions: MentionsCoverage | null;
  lastCollectedAt: Date | null;
  nextDueAt: Date | null;
  /** The newest snapshot's figures, or null before the first collection. */
  latest: AccountSnapshot | null;
}

export interface WaitingRow {
  id: string;
  accountId: string;
  platform: PlatformName;
  handle: string;
  kind: 'reply' | 'mention';
  receivedAt: Date;
  url: string;
}

export interface SnapshotRow {
  accountId: string;
  figures: AccountSnapshot;
}

/** Reads the roster, accounts and snapshots behind the footprint views. */
@Injectable()
export class FootprintRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  councillors(params: { id?: string } = {}): Promise<CouncillorRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.name, c.party, w.code AS "wardCode", w.name AS "wardName"
       FROM councillor c JOIN ward w ON w.id = c.ward_id
       WHERE ($1::uuid IS NULL OR c.id = $1::uuid)
       ORDER BY w.name, c.name`,
      [params.id ?? null],
    );
  }

  /**
   * The councillor's own suggested connections from their ward's newest stored figures on or before
   * `day` (`WardDayFigures.councillorSuggestions`); null when no stored day holds them.
   */
  async suggestions(params: {
    wardCode: string;
    councillorId: string;
    day: string;
  }): Promise<StoredSuggestion[] | null> {
    const rows: Array<{ suggestions: StoredSuggestion[] | null }> = await this.dataSource.query(
      `SELECT figures->'councillorSuggestions'->$2 AS suggestions
       FROM metric_snapshot
       WHERE scope = 'ward' AND subject = $1 AND day <= $3::date
       ORDER BY day DESC LIMIT 1`,
      [params.wardCode, params.councillorId, params.day],
    );
    return rows[0]?.suggestions ?? null;
  }

  /** Every account (of one councillor, or all) with its newest snapshot. */
  accounts(params: { councillorId?: string } = {}): Promise<AccountRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.councillor_id AS "councillorId", a.platform, a.handle, a.url, a.status,
              a.status_reason AS "statusReason", a.mentions, a.last_collected_at AS "lastCollectedAt",
              CASE WHEN a.status IN ('active','failing') THEN a.next_due_at END AS "nextDueAt",
              s.figures AS latest
       FROM platform_account a
       LEFT JOIN LATERAL (
         SELECT figures FROM account_snapshot WHERE account_id = a.id ORDER BY day DESC LIMIT 1
       ) s ON true
       WHERE ($1::uuid IS NULL OR a.councillor_id = $1::uuid)
       ORDER BY a.platform, a.handle`,
      [params.councillorId ?? null],
    );
  }

  /**
   * Replies and mentions to the councillor's accounts received in [since, now] and not answered by
   * `now`, oldest first, at most `limit`, with how many there are in all and how many were received
   * by `overdueBefore`.
   */
  async waiting(params: {
    councillorId: string;
    since: Date;
    now: Date;
    overdueBefore: Date;
    limit: number;
  }): Promise<{ items: WaitingRow[]; total: number; overdue: number }> {
    const rows: Array<WaitingRow & { total: number; overdueCount: number }> = await this.dataSource.query(
      `SELECT i.id::text AS id, i.account_id AS "accountId", a.platform, a.handle, i.kind,
              i.created_at AS "receivedAt", i.url,
              count(*) OVER ()::int AS total,
              (count(*) FILTER (WHERE i.created_at <= $4) OVER ())::int AS "overdueCount"
       FROM interaction i JOIN platform_account a ON a.id = i.account_id
       WHERE a.councillor_id = $1 AND i.created_at >= $2 AND i.created_at <= $3
         AND (i.answered_at IS NULL OR i.answered_at > $3)
       ORDER BY i.created_at, i.id
       LIMIT $5`,
      [params.councillorId, params.since, params.now, params.overdueBefore, params.limit],
    );
    return {
      items: rows.map(({ total: _total, overdueCount: _overdue, ...row }) => row),
      total: rows[0]?.total ?? 0,
      overdue: rows[0]?.overdueCount ?? 0,
    };
  }

  /** Snapshots of the given accounts since a day, oldest first. */
  series(params: { accountIds: string[]; since: string }): Promise<SnapshotRow[]> {
    if (params.accountIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT account_id AS "accountId", figures FROM account_snapshot
       WHERE account_id = ANY($1::uuid[]) AND day >= $2 ORDER BY day`,
      [params.accountIds, params.since],
    );
  }

  /**
   * Posts per account and UTC day since `since`, counted from the posts themselves: a day's snapshot
   * counts only the posts collected by its last collection, so a post made after it would be on no day.
   */
  postsPerDay(params: {
    accountIds: string[];
    since: string;
  }): Promise<Array<{ accountId: string; day: string; posts: number }>> {
    if (params.accountIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT account_id AS "accountId", to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
              count(*)::int AS posts
       FROM post
       WHERE account_id = ANY($1::uuid[]) AND created_at >= $2::date
       GROUP BY 1, 2`,
      [params.accountIds, params.since],
    );
  }

  async council(): Promise<{ code: string; name: string; wards: number } | null> {
    const [row]: Array<{ code: string; name: string; wards: number }> = await this.dataSource.query(
      `SELECT c.code, c.name, (SELECT count(*)::int FROM ward w WHERE w.council_id = c.id) AS wards
       FROM council c ORDER BY c.created_at LIMIT 1`,
    );
    return row ?? null;
  }
}
