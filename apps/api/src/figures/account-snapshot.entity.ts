import type { AccountSnapshot } from '@wardreach/metrics';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per account per day. `figures` holds every per-account figure of that day (libs/metrics
 * `AccountSnapshot`); the columns beside it are the ones queries sort and sum by.
 */
@Entity('account_snapshot')
export class AccountSnapshotEntity {
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId!: string;
  @PrimaryColumn('date') day!: string;
  @Column('integer') followers!: number;
  @Column('integer', { name: 'posts_30d' }) posts30d!: number;
  @Column('integer', { name: 'engagement_30d' }) engagement30d!: number;
  @Column('double precision', { name: 'local_share', nullable: true }) localShare!: number | null;
  @Column('jsonb') figures!: AccountSnapshot;
  @Column('timestamptz', { name: 'computed_at' }) computedAt!: Date;
}
