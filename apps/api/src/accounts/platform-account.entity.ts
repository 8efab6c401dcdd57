import type { AccountStatus, MentionsCoverage, PlatformName } from '@wardreach/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where each stream of an account got to, so collection is incremental. */
export interface AccountCursors {
  posts?: string | null;
  /** A follower sweep in progress: the page to resume from and when the sweep began. */
  followerSweep?: { pageCursor: string | null; startedAt: string } | null;
  /** When the last finished follower sweep began (what plans stored before `followerSweepPlannedAt` count from). */
  followersSweptFrom?: string | null;
  /**
   * When the next follower sweep (`next_follower_sweep_at`) was planned: by a sweep's last batch, or
   * by a look at a hidden list. An account that posts again is swept the active interval after it.
   */
  followerSweepPlannedAt?: string | null;
  /** When the accounts this one follows were last read in full (`follow_out`). */
  followingSweptAt?: string | null;
}

@Entity('platform_account')
export class PlatformAccountEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'councillor_id' }) councillorId!: string;
  @Column('text') platform!: PlatformName;
  @Column('text') handle!: string;
  @Column('text', { name: 'external_id', nullable: true }) externalId!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text') status!: AccountStatus;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('jsonb') cursors!: AccountCursors;
  @Column('timestamptz', { name: 'next_due_at' }) nextDueAt!: Date;
  @Column('timestamptz', { name: 'next_follower_sweep_at' }) nextFollowerSweepAt!: Date;
  @Column('timestamptz', { name: 'last_collected_at', nullable: true }) lastCollectedAt!: Date | null;
  /** Whether the last collection read mentions by others, and if not why; null before the first. */
  @Column('text', { nullable: true }) mentions!: MentionsCoverage | null;
  /** Where the next mention search starts (a little before the last one began). */
  @Column('timestamptz', { name: 'mentions_searched_from', nullable: true })
  mentionsSearchedFrom!: Date | null;
  @Column('integer', { name: 'consecutive_failures' }) consecutiveFailures!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
