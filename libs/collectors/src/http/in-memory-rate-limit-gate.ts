import { BudgetSpentError, RESET_GRANULARITY_MS } from './rate-limit-gate';
import type { RateLimitGate, RateLimitObservation, RateLimitPermit, RateLimitScope } from './rate-limit-gate';
import { abortableSleep } from './abortable-sleep';
import type { Sleep } from './abortable-sleep';

export interface InMemoryRateLimitGateOptions {
  /** Longest wait for a reset before giving up with `BudgetSpentError` (default 5 s). */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** How often a request held back by others in flight (or by a probe) looks again. */
const IN_FLIGHT_POLL_MS = 20;

/** The window a host last announced. */
interface Window {
  /** The reset as announced: names the window. */
  resetAt: number;
  /** When this gate takes the window to be over (later than `resetAt` when the platform's clock is behind). */
  endsAt: number;
  limit: number | null;
  /** The smallest `remaining` announced for the window. */
  remaining: number;
}

interface HostBudget {
  window: Window | null;
  inFlight: number;
  probing: boolean;
}

/**
 * A per-process budget for the CLI and tests, following the rules of `RateLimitGate`: the smallest
 * `remaining` announced for the window, less the permits not yet settled; one probe at a time while
 * no window is known.
 */
export class InMemoryRateLimitGate implements RateLimitGate {
  private readonly budgets = new Map<string, HostBudget>();
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: InMemoryRateLimitGateOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
  }

  async acquire({
    platform,
    host,
    signal,
  }: RateLimitScope & { signal?: AbortSignal }): Promise<RateLimitPermit> {
    const key = `${platform}|${host}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = { window: null, inFlight: 0, probing: false };
      this.budgets.set(key, budget);
    }
    for (;;) {
      const now = this.now();
      const window = budget.window && now < budget.window.endsAt ? budget.window : null;
      if (window) {
        if (window.remaining - budget.inFlight > 0) return this.permit(budget, now, false);
        if (window.remaining <= 0) {
          const waitMs = window.endsAt - now;
          if (waitMs > this.maxWaitMs) throw new BudgetSpentError(new Date(window.endsAt));
          await this.sleep(waitMs, signal);
          continue;
        }
      } else if (!budget.probing) {
        return this.permit(budget, now, true);
      }
      // The budget left is held by requests in flight, or a probe is out: their answers may free it.
      await this.sleep(IN_FLIGHT_POLL_MS, signal);
    }
  }

  /** The budget last announced for a host (for tests and the CLI's diagnostics). */
  budget(scope: RateLimitScope): RateLimitObservation | undefined {
    const window = this.budgets.get(`${scope.platform}|${scope.host}`)?.window;
    return window
      ? { limit: window.limit, remaining: window.remaining, resetAt: new Date(window.resetAt) }
      : undefined;
  }

  private permit(budget: HostBudget, sentAt: number, probe: boolean): RateLimitPermit {
    budget.inFlight += 1;
    if (probe) budget.probing = true;
    let open = true;
    const release = () => {
      if (!open) return false;
      open = false;
      budget.inFlight -= 1;
      if (probe) budget.probing = false;
      return true;
    };
    return {
      settle: (observation) => {
        if (release()) this.observe(budget, observation, sentAt);
        return Promise.resolve();
      },
      cancel: () => {
        release();
        return Promise.resolve();
      },
    };
  }

  private observe(budget: HostBudget, observation: RateLimitObservation | null, sentAt: number): void {
    const current = budget.window;
    if (!observation) {
      // No budget announced, yet the platform may have counted the request: it spends one.
      if (current && this.now() < current.endsAt) current.remaining = Math.max(0, current.remaining - 1);
      return;
    }
    const resetAt = observation.resetAt.getTime();
    // A reset already past when the request was sent means the platform's clock is behind ours: the
    // window is taken to last a little past that request rather than sending every next one as a probe.
    const endsAt = Math.max(resetAt, sentAt + RESET_GRANULARITY_MS);
    if (!current || resetAt >= current.resetAt + RESET_GRANULARITY_MS) {
      budget.window = { resetAt, endsAt, limit: observation.limit, remaining: observation.remaining };
    } else if (resetAt > current.resetAt - RESET_GRANULARITY_MS) {
      current.resetAt = Math.max(current.resetAt, resetAt);
      current.endsAt = Math.max(current.endsAt, endsAt);
      current.limit = observation.limit ?? current.limit;
      current.remaining = Math.min(current.remaining, observation.remaining);
    }
    // Otherwise the answer comes from an earlier window, and says nothing about this one.
  }
}
