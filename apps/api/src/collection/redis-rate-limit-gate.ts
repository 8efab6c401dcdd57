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

/**
 * Records what a response announced. Within the same window the smaller `remaining` wins: a response
 * that left before others may announce a budget they have since spent. A later window replaces it.
 * KEYS[1] budget hash; ARGV: remaining, resetAt (ms), limit, ttl (ms).
 */
const UPDATE = `
local storedReset = tonumber(redis.call('HGET', KEYS[1], 'resetAt'))
local remaining = tonumber(ARGV[1])
local resetAt = tonumber(ARGV[2])
if storedReset and math.abs(storedReset - resetAt) < 1500 then
  local stored = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if stored and stored < remaining then remaining = stored end
  resetAt = math.max(storedReset, resetAt)
elseif storedReset and storedReset > resetAt then
  return 0
end
redis.call('HSET', KEYS[1], 'remaining', remaining, 'resetAt', resetAt, 'limit', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** Reset times come in whole seconds; a request sent in that last second would meet the old window. */
const RESET_MARGIN_MS = 1000;

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
    // Platforms announce the reset in whole seconds: count the window as lasting until the next second.
    const resetAt = params.resetAt.getTime() + RESET_MARGIN_MS;
    const ttlMs = Math.max(resetAt - this.now(), 1000) + 1000;
    await this.redis.eval(
      UPDATE,
      1,
      this.key(params),
      String(params.remaining),
      String(resetAt),
      String(params.limit ?? ''),
      String(ttlMs),
    );
  }
}
