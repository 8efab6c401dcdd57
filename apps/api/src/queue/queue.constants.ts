import type { JobsOptions } from 'bullmq';

/** Every queue, job and payload in one place (STYLE.md rule 6). */
export enum QueueName {
  Collect = 'collect',
}

export enum JobName {
  CollectAccount = 'collect-account',
}

export type JobPayload = { name: JobName.CollectAccount; data: { accountId: string } };

export type JobData<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Deterministic ids: an account is never queued twice while a job for it exists. */
export function jobIdFor(payload: JobPayload): string {
  switch (payload.name) {
    case JobName.CollectAccount:
      return `collect-account.${payload.data.accountId}`;
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
  }
}

export const LIVE_EVENTS_CHANNEL = 'live-events';
