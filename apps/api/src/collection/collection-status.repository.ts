import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountCollectionStatus } from '@wardreach/contracts';
import { DataSource } from 'typeorm';

export interface XAccountLoad {
  followers: number;
  posts7d: number;
  posts30d: number;
  mentions7d: number;
}

@Injectable()
export class CollectionStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every account with its newest run, in one query. */
  async accounts(): Promise<AccountCollectionStatus[]> {
    const rows: Array<{
      id: string;
      councillor_id: string;
      councillor_name: string;
      platform: AccountCollectionStatus['platform'];
      handle: string;
      status: AccountCollectionStatus['status'];
      status_reason: string | null;
      last_collected_at: Date | null;
      next_due_at: Date;
      next_follower_sweep_at: Date;
      run: {
        status: string;
        started_at: string;
        finished_at: string | null;
        requests: number;
        items: number;
        error: string | null;
      } | null;
    }> = await this.dataSource.query(
      `SELECT a.id, c.id AS councillor_id, c.name AS councillor_name, a.platform, a.handle, a.status, a.status_reason,
              a.last_collected_at, a.next_due_at, a.next_follower_sweep_at, to_jsonb(r) AS run
       FROM platform_account a JOIN councillor c ON c.id = a.councillor_id
       LEFT JOIN LATERAL (
         SELECT status, started_at, finished_at, requests, items, error FROM collection_run
         WHERE account_id = a.id ORDER BY started_at DESC LIMIT 1
       ) r ON true
       ORDER BY a.status <> 'active' DESC, a.next_due_at`,
    );
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
    return rows.map((row) => {
      const scheduled = row.status === 'active' || row.status === 'failing';
      return {
        id: row.id,
        councillor: { id: row.councillor_id, name: row.councillor_name },
        platform: row.platform,
        handle: row.handle,
        status: row.status,
        statusReason: row.status_reason,
        lastCollectedAt: iso(row.last_collected_at),
        nextDueAt: scheduled ? iso(row.next_due_at) : null,
        nextFollowerSweepAt: scheduled ? iso(row.next_follower_sweep_at) : null,
        lastRun: row.run
          ? {
              status: row.run.status as NonNullable<AccountCollectionStatus['lastRun']>['status'],
              startedAt: iso(row.run.started_at)!,
              finishedAt: iso(row.run.finished_at),
              requests: row.run.requests,
              items: row.run.items,
              error: row.run.error,
            }
          : null,
      };
    });
  }

  /**
   * What each X account the planner still schedules reads in a sweep, from its latest snapshot and
   * recent mentions: active ones and failing ones, which are retried (`AccountsRepository.findDue`).
   * Gone, unauthorised and paused accounts wait for the admin and cost nothing.
   */
  async xAccountLoads(): Promise<XAccountLoad[]> {
    return this.dataSource.query(
      `SELECT COALESCE(s.followers, 0) AS followers,
              COALESCE((s.figures->>'posts7d')::int, 0) AS "posts7d",
              COALESCE(s.posts_30d, 0) AS "posts30d",
              (SELECT count(*)::int FROM interaction i WHERE i.account_id = a.id AND i.created_at >= now() - interval '7 days') AS "mentions7d"
       FROM platform_account a
       LEFT JOIN LATERAL (SELECT * FROM account_snapshot WHERE account_id = a.id ORDER BY day DESC LIMIT 1) s ON true
       WHERE a.platform = 'x' AND a.status IN ('active', 'failing')`,
    );
  }
}
