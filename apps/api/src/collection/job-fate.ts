import { CollectorError } from '@wardreach/collectors';
import type { AccountStatus } from '@wardreach/contracts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What a failed collect job does next, decided from its error and its attempts. */
export type JobFate =
  /** The platform's limit is spent: the job waits for the reset, and the attempt does not count. */
  | { kind: 'delay'; until: Date }
  /** Retrying cannot help: the account is flagged and the job ends for good. */
  | { kind: 'give-up'; status: AccountStatus; nextDueAt: Date; loud: boolean }
  /**
   * Retried with backoff; on its last attempt the account is also flagged failing and left until
   * `flag.nextDueAt`, so that the planner does not queue it again at once with fresh attempts.
   */
  | { kind: 'retry'; flag: { status: 'failing'; nextDueAt: Date } | null };

/**
 * The fate of a failed collect job. A collector's typed error decides it: rate-limited → delayed until
 * the announced reset (a minute if none); gone or unauthorised → flagged, not scheduled for a year;
 * malformed → flagged failing for a day, loudly; transient → retried. Any other error is ours (the
 * database, a key collision, a credential that will not decrypt): retried like a transient fault.
 * `attemptsMade` counts the attempts before this one.
 */
export function jobFate(error: unknown, attempts: { made: number; allowed: number }, now: Date): JobFate {
  const lastAttempt = attempts.made + 1 >= attempts.allowed;
  const retry = (): JobFate => ({
    kind: 'retry',
    flag: lastAttempt ? { status: 'failing', nextDueAt: new Date(now.getTime() + HOUR_MS) } : null,
  });
  if (!(error instanceof CollectorError)) return retry();
  switch (error.kind) {
    case 'rate-limited': {
      const resetAt =
        'resetAt' in error && error.resetAt instanceof Date
          ? error.resetAt
          : new Date(now.getTime() + 60_000);
      return { kind: 'delay', until: new Date(Math.max(resetAt.getTime(), now.getTime() + 1000)) };
    }
    case 'gone':
    case 'unauthorised':
      return {
        kind: 'give-up',
        status: error.kind,
        nextDueAt: new Date(now.getTime() + 365 * DAY_MS),
        loud: false,
      };
    case 'malformed':
      return { kind: 'give-up', status: 'failing', nextDueAt: new Date(now.getTime() + DAY_MS), loud: true };
    case 'transient':
      return retry();
  }
}
