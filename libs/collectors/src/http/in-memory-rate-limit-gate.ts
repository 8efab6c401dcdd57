import { BudgetSpentError } from './rate-limit-gate';
import type { RateLimitGate, RateLimitObservation, RateLimitScope } from './rate-limit-gate';
import { abortableSleep } from './abortable-sleep';
import type { Sleep } from './abortable-sleep';

export interface InMemoryRateLimitGateOptions {
  /** Longest wait for a reset before giving up with `BudgetSpentError` (default 5 s). */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/**
 * A per-process budget for the CLI and tests. Each acquire reserves one request from the last
 * announced `remaining`, so concurrent callers in this process never spend the same request twice.
 */
export class InMemoryRateLimitGate implements RateLimitGate {
  private readonly budgets = new Map<string, RateLimitObservation>();
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(options: InMemoryRateLimitGateOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
  }

  async acquire({ platform, host, signal }: RateLimitScope & { signal?: AbortSignal }): Promise<void> {
    const key = `${platform}|${host}`;
    const budget = this.budgets.get(key);
    if (!budget) return;
    const waitMs = budget.resetAt.getTime() - this.now();
    if (waitMs <= 0) {
      this.budgets.delete(key);
      return;
    }
    if (budget.remaining > 0) {
      budget.remaining -= 1;
      return;
    }
    if (waitMs > this.maxWaitMs) throw new BudgetSpentError(budget.resetAt);
    await this.sleep(waitMs, signal);
    this.budgets.delete(key);
  }

  update({ platform, host, limit, remaining, resetAt }: RateLimitScope & RateLimitObservation): void {
    this.budgets.set(`${platform}|${host}`, { limit, remaining, resetAt });
  }

  /** The budget last announced for a host (for tests and the CLI's diagnostics). */
  budget(scope: RateLimitScope): RateLimitObservation | undefined {
    const budget = this.budgets.get(`${scope.platform}|${scope.host}`);
    return budget ? { ...budget } : undefined;
  }
}
