import type { JobsOptions } from 'bullmq';

/** Every queue, job and payload in one place (STYLE.md rule 6). */
export enum QueueName {
  Collect = 'collect',
  Figures = 'figures',
  Maintenance = 'maintenance',
}

export enum JobName {
  CollectAccount = 'collect-account',
  RecomputeFigures = 'recompute-figures',
  PurgeExpired = 'purge-expired',
}

export type JobPayload =
  | { name: JobName.CollectAccount; data: { accountId: string } }
  | { name: JobName.RecomputeFigures; data: Record<string, never> }
  | { name: JobName.PurgeExpired; data: { day: string } };

export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Deterministic ids: an account is never queued twice while a job for it exists. */
export function jobIdFor(payload: JobPayload): string {
  switch (payload.name) {
    case JobName.CollectAccount:
      return `collect-account.${payload.data.accountId}`;
    case JobName.RecomputeFigures:
      // One pending recompute at a time: collections finishing meanwhile join it.
      return 'recompute-figures';
    case JobName.PurgeExpired:
      return `purge-expired.${payload.data.day}`;
  }
}

/** Per-job options from one place. */
export function jobOptionsFor(name: JobName): JobsOptions {
  switch (name) {
    case JobName.CollectAccount:
      return {
        attempts: 6,
        backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
        removeOnComplete: true,
        // Failures are kept in collection_run; a kept failed job would block its id from being queued again.
        removeOnFail: true,
      };
    case JobName.RecomputeFigures:
      return {
        delay: 10_000,
        attempts: 3,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: true,
      };
    case JobName.PurgeExpired:
      // Kept for two days after it ran, so the day's id refuses a second run.
      return {
        attempts: 3,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { age: 2 * 86_400 },
        removeOnFail: true,
      };
  }
}

export const LIVE_EVENTS_CHANNEL = 'live-events';
