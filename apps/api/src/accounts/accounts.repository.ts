import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AccountStatus, MentionsCoverage } from '@wardreach/contracts';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AccountCursors, PlatformAccountEntity } from './platform-account.entity';

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectRepository(PlatformAccountEntity) private readonly accounts: Repository<PlatformAccountEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<PlatformAccountEntity | null> {
    return this.accounts.findOneBy({ id });
  }

  /**
   * Accounts whose collection is due, newly added ones first: active ones, and failing ones at the
   * retry time their failure set (a collection that succeeds makes them active again). Gone,
   * unauthorised and paused accounts wait for the admin.
   */
  async findDue(params: {
    now: Date;
    limit: number;
  }): Promise<Array<{ id: string; firstCollection: boolean }>> {
    return this.dataSource.query(
      `SELECT id, last_collected_at IS NULL AS "firstCollection" FROM platform_account
       WHERE status IN ('active', 'failing') AND next_due_at <= $1
       ORDER BY (last_collected_at IS NULL) DESC, next_due_at ASC
       LIMIT $2`,
      [params.now, params.limit],
    );
  }

  async saveResolvedProfile(params: { id: string; externalId: string; url: string }): Promise<void> {
    await this.accounts.update({ id: params.id }, { externalId: params.externalId, url: params.url });
  }

  /**
   * Saves the posts cursor alone: the rest of the stored cursors (a follower sweep's, which another
   * worker may have moved since this job read the account) is left as it is.
   */
  async savePostsCursor(
    id: string,
    cursor: AccountCursors['posts'],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE platform_account SET cursors = cursors || jsonb_build_object('posts', $2::text) WHERE id = $1`,
      [id, cursor ?? null],
    );
  }

  /**
   * Saves the follower sweep's cursors (`followerSweep`, `followersSweptFrom`, `followerSweepPlannedAt`)
   * with a batch, provided
   * the sweep's cursor is still the one this sweep saved last (`expected`; null for a sweep that has
   * saved none yet). A second worker sweeping the same account (a job taken for stalled while it still
   * ran) finds it moved and fails its batch, which rolls back; its job is retried later from the saved
   * cursor. The sweep's last batch also sets when the next sweep is due (outside a sweep, see
   * `planFollowerSweep`).
   */
  async saveFollowerSweepCursors(
    id: string,
    cursors: AccountCursors,
    expected: AccountCursors['followerSweep'],
    manager: EntityManager,
    /** With the sweep's last batch: when the next sweep is due. */
    nextFollowerSweepAt: Date | null = null,
  ): Promise<void> {
    // Only the sweep's own keys: the posts cursor is the posts step's to save.
    const sweep: AccountCursors = { followerSweep: cursors.followerSweep ?? null };
    if (cursors.followersSweptFrom !== undefined) sweep.followersSweptFrom = cursors.followersSweptFrom;
    if (cursors.followerSweepPlannedAt !== undefined)
      sweep.followerSweepPlannedAt = cursors.followerSweepPlannedAt;
    const [, updated]: [unknown, number] = await manager.query(
      `UPDATE platform_account SET cursors = cursors || $2::jsonb,
         next_follower_sweep_at = COALESCE($4, next_follower_sweep_at)
       WHERE id = $1 AND COALESCE(cursors->'followerSweep', 'null'::jsonb) = COALESCE($3::jsonb, 'null'::jsonb)`,
      [id, JSON.stringify(sweep), expected ? JSON.stringify(expected) : null, nextFollowerSweepAt],
    );
    if (updated !== 1) {
      throw new Error(`the follower sweep of account ${id} moved on in another worker; this one stops here`);
    }
  }

  /**
   * Sets when the account's next follower sweep is due, outside a sweep (which plans the next one with
   * its last batch), provided the plan is still the one this collection read (`expected`, to the
   * millisecond a `Date` holds): a sweep that finished meanwhile, in a job taken for stalled, keeps
   * its own. `plannedAt`, when given, is stored as when this plan was made (`followerSweepPlannedAt`).
   */
  async planFollowerSweep(params: { id: string; at: Date; expected: Date; plannedAt?: Date }): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform_account SET next_follower_sweep_at = $2,
         cursors = CASE WHEN $4::text IS NULL THEN cursors
                        ELSE cursors || jsonb_build_object('followerSweepPlannedAt', $4::text) END
       WHERE id = $1 AND next_follower_sweep_at >= $3 AND next_follower_sweep_at < $3::timestamptz + interval '1 millisecond'`,
      [params.id, params.at, params.expected, params.plannedAt?.toISOString() ?? null],
    );
  }

  async markCollected(params: {
    id: string;
    at: Date;
    nextDueAt: Date;
    mentions: MentionsCoverage;
    /** Where the next mention search starts; null keeps the stored one (no search this time). */
    mentionsSearchedFrom: Date | null;
  }): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform_account SET last_collected_at = $2, next_due_at = $3,
         consecutive_failures = 0,
         status = CASE WHEN status = 'failing' THEN 'active' ELSE status END,
         status_reason = CASE WHEN status = 'failing' THEN NULL ELSE status_reason END,
         mentions = $4, mentions_searched_from = COALESCE($5, mentions_searched_from)
       WHERE id = $1`,
      [params.id, params.at, params.nextDueAt, params.mentions, params.mentionsSearchedFrom],
    );
  }

  /** A collection failed for good: flag it; a gone or unauthorised account is no longer scheduled. */
  async markFailed(params: {
    id: string;
    status: AccountStatus;
    reason: string;
    nextDueAt: Date;
  }): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform_account SET status = $2, status_reason = $3, next_due_at = $4,
         consecutive_failures = consecutive_failures + 1
       WHERE id = $1`,
      [params.id, params.status, params.reason.slice(0, 500), params.nextDueAt],
    );
  }

  /**
   * Puts flagged accounts back in the plan, due now (the admin has mended what flagged them: set a
   * credential, or checked a handle). Only accounts in one of `statuses` move; the rest are left as
   * they are. Returns the ids resumed.
   */
  async resume(params: {
    statuses: AccountStatus[];
    now: Date;
    platform?: string;
    ids?: string[];
  }): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.dataSource.query(
      `UPDATE platform_account SET status = 'active', status_reason = NULL, consecutive_failures = 0, next_due_at = $2
       WHERE status = ANY ($1::text[]) AND ($3::text IS NULL OR platform = $3) AND ($4::uuid[] IS NULL OR id = ANY ($4::uuid[]))
       RETURNING id`,
      [params.statuses, params.now, params.platform ?? null, params.ids ?? null],
    );
    return rows.map((row) => row.id);
  }

  /**
   * A job delayed until `until` (a rate limit's reset, X's next month, YouTube's midnight Pacific)
   * runs again then: that is the account's next collection. Its status is left as it is (a delay is
   * no failure of the account's).
   */
  async delayUntil(params: { id: string; until: Date }): Promise<void> {
    await this.dataSource.query(`UPDATE platform_account SET next_due_at = $2 WHERE id = $1`, [
      params.id,
      params.until,
    ]);
  }

  async postedWithin(params: { id: string; since: Date }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM post WHERE account_id = $1 AND created_at >= $2 LIMIT 1`,
      [params.id, params.since],
    );
    return rows.length > 0;
  }
}
