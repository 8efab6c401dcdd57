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
  /** Requests left in the window once this one was counted. */
  remaining: number;
  /** When the window resets, on the platform's clock; it also names the window. */
  resetAt: Date;
}

/**
 * Platforms announce resets in whole seconds (Bluesky, X) or to the millisecond (Mastodon): two
 * resets less than a second apart name the same window.
 */
export const RESET_GRANULARITY_MS = 1000;

/**
 * One request's claim on a budget, from the moment it may be sent until its answer has been read.
 * Until it is settled the request counts as possibly not yet counted by the platform.
 */
export interface RateLimitPermit {
  /**
   * The request was sent: `observation` is what its response announced, or null when no response
   * came or it announced nothing (the platform may still have counted it).
   */
  settle(observation: RateLimitObservation | null): Promise<void>;
  /** The request was not sent after all. */
  cancel(): Promise<void>;
}

/**
 * A request budget shared by everyone who calls a platform. The API plugs in one kept in Redis so
 * that all workers on all machines together stay under the limit; the CLI and tests use
 * `InMemoryRateLimitGate`.
 *
 * Both follow the same rules. A response's `remaining` was computed when the platform counted that
 * request, before requests still in flight arrived, so the budget is the smallest `remaining`
 * announced for the window less every permit not yet settled. Before a window is known (the first
 * request, or once the last known window has reset) one request at a time goes, as a probe, and the
 * rest wait for its answer: it counts everything that reached the platform before it.
 */
export interface RateLimitGate {
  /**
   * Resolves with a permit when a request may be sent now (possibly after a short wait); rejects
   * with `BudgetSpentError` when the budget is spent beyond a short wait. `timeoutMs` is the
   * longest the permit is held, from now until its request's answer (the request's time-out, and
   * the wait for the request's other budgets): a permit never settled (its worker died) stops
   * counting after it.
   */
  acquire(params: RateLimitScope & { signal?: AbortSignal; timeoutMs: number }): Promise<RateLimitPermit>;
}

/** Thrown by a gate when the budget will not come back soon; the HTTP client turns it into `RateLimitedError`. */
export class BudgetSpentError extends Error {
  constructor(readonly resetAt: Date) {
    super(`rate-limit budget spent until ${resetAt.toISOString()}`);
    this.name = 'BudgetSpentError';
  }
}
