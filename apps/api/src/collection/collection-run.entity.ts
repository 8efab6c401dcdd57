import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CollectionRunStatus = 'running' | 'succeeded' | 'failed' | 'rate_limited' | 'abandoned';

@Entity('collection_run')
export class CollectionRunEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('text', { name: 'job_id', nullable: true }) jobId!: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('text') status!: CollectionRunStatus;
  @Column('integer') requests!: number;
  @Column('integer') items!: number;
  @Column('text', { nullable: true }) error!: string | null;
}
