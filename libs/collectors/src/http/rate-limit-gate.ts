import type { Platform } from '../platform';

/** Where a request goes: budgets are kept per platform and per host (each Mastodon instance has its own). */
export interface RateLimitScope {
  platform: Platform;
  host: string;
}

/** What a response said about the budget left, read from the platform's own headers. */
export interface RateLimitObservation {
  /** Requests allowed in the window, when the platform says. */
  limit: number | null;
  remaining: number;
  resetAt: Date;
}

/**
 * A request budget shared by everyone who calls a platform. The API plugs in one kept in Redis so
 * that all workers on all machines together stay under the limit; the CLI and tests use
 * `InMemoryRateLimitGate`.
 */
export interface RateLimitGate {
  /**
   * Resolves when a request may be made now (possibly after a short wait); rejects with
   * `BudgetSpentError` when the budget is spent beyond a short wait.
   */
  acquire(params: RateLimitScope & { signal?: AbortSignal }): Promise<void>;
  /** Records what the platform announced in a response. */
  update(params: RateLimitScope & RateLimitObservation): Promise<void> | void;
}

/** Thrown by a gate when the budget will not come back soon; the HTTP client turns it into `RateLimitedError`. */
export class BudgetSpentError extends Error {
  constructor(readonly resetAt: Date) {
    super(`rate-limit budget spent until ${resetAt.toISOString()}`);
    this.name = 'BudgetSpentError';
  }
}
