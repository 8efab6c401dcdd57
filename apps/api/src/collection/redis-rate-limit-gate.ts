import { BudgetSpentError } from '@wardreach/collectors';
import type { RateLimitGate, RateLimitObservation, RateLimitScope } from '@wardreach/collectors';
import type { Redis } from 'ioredis';

/**
 * Reserves one request from the budget the platform last announced, atomically for every worker on
 * every machine. Returns -1 when a request may go now, or the reset time (ms) when the budget is spent.
 * KEYS[1] budget hash {remaining, resetAt}; ARGV[1] now (ms).
 */
const ACQUIRE = `
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'resetAt'))
if not resetAt or resetAt <= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return -1
end
local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
if remaining and remaining > 0 then
  redis.call('HINCRBY', KEYS[1], 'remaining', -1)
  return -1
end
return resetAt
`;

export interface RedisRateLimitGateOptions {
  /** Longest wait for a reset slept through in place before the job is delayed instead (default 5 s). */
  maxWaitMs?: number;
  now?: () => number;
}

/**
 * The rate-limit budget shared by all workers, kept in Redis and fed by the platforms' own response
 * headers, so together they never exceed a platform's limit. A spent budget makes the collector throw
 * `RateLimitedError`, and the job is delayed until the reset rather than failed.
 */
export class RedisRateLimitGate implements RateLimitGate {
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    options: RedisRateLimitGateOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  private key(scope: RateLimitScope): string {
    return `wardreach:ratelimit:${scope.platform}:${scope.host}`;
  }

  async acquire(params: RateLimitScope & { signal?: AbortSignal }): Promise<void> {
    for (;;) {
      const result = Number(await this.redis.eval(ACQUIRE, 1, this.key(params), String(this.now())));
      if (result < 0) return;
      const waitMs = result - this.now();
      if (waitMs > this.maxWaitMs) throw new BudgetSpentError(new Date(result));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, Math.max(waitMs, 10));
        params.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(params.signal?.reason instanceof Error ? params.signal.reason : new Error('aborted'));
        });
      });
    }
  }

  async update(params: RateLimitScope & RateLimitObservation): Promise<void> {
    const key = this.key(params);
    const ttlMs = Math.max(params.resetAt.getTime() - this.now(), 1000);
    await this.redis
      .multi()
      .hset(key, {
        remaining: String(params.remaining),
        resetAt: String(params.resetAt.getTime()),
        limit: String(params.limit ?? ''),
      })
      .pexpire(key, ttlMs + 1000)
      .exec();
  }
}
