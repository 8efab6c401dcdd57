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
  | {
      name: JobName.CollectAccount;
      /** `firstCollection`: the account was never collected, so its job goes ahead of routine ones. */
      data: { accountId: string; firstCollection?: boolean };
    }
  | { name: JobName.RecomputeFigures; data: Record<string, never> }
  | { name: JobName.PurgeExpired; data: { day: string } };

export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** How long a recompute waits for further collections to finish and join it. */
export const RECOMPUTE_DELAY_MS = 10_000;

/**
 * Deterministic ids: an account is never queued twice while a job for it exists. A recompute's id
 * names the window of `RECOMPUTE_DELAY_MS` it was asked for in: collections finishing within one
 * window join one recompute, and since a recompute only starts once its window is over, one asked
 * for while another runs is a new job (with one id for ever, it was dropped, and the figures missed
 * that collection until the next one finished).
 */
export function jobIdFor(payload: JobPayload, now: number = Date.now()): string {
  switch (payload.name) {
    case JobName.CollectAccount:
      return `collect-account.${payload.data.accountId}`;
    case JobName.RecomputeFigures:
      return `recompute-figures.${Math.floor(now / RECOMPUTE_DELAY_MS)}`;
    case JobName.PurgeExpired:
      return `purge-expired.${payload.data.day}`;
  }
}

/**
 * The BullMQ priority of a routine collection. Jobs with no priority (a newly added account's first
 * collection) are taken before any prioritised job, so a new account never waits behind a backlog.
 */
export const ROUTINE_COLLECTION_PRIORITY = 10;

/** Per-job options from one place. */
export function jobOptionsFor(payload: JobPayload): JobsOptions {
  switch (payload.name) {
    case JobName.CollectAccount:
      return {
        ...(payload.data.firstCollection ? {} : { priority: ROUTINE_COLLECTION_PRIORITY }),
        attempts: 6,
        backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
        removeOnComplete: true,
        // Failures are kept in collection_run; a kept failed job would block its id from being queued again.
        removeOnFail: true,
      };
    case JobName.RecomputeFigures:
      return {
        delay: RECOMPUTE_DELAY_MS,
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
