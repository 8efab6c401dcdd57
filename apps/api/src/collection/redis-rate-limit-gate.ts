import { randomUUID } from 'node:crypto';
import { BudgetSpentError, RESET_GRANULARITY_MS, abortableSleep } from '@wardreach/collectors';
import type {
  RateLimitGate,
  RateLimitObservation,
  RateLimitPermit,
  RateLimitScope,
} from '@wardreach/collectors';
import type { Redis } from 'ioredis';

/**
 * How long after an announced reset the window is taken to be over: resets are rounded to whole
 * seconds either way, and the platform's clock may run a little behind Redis's. A request sent
 * before the platform's reset would meet the spent window.
 */
const RESET_MARGIN_MS = 1000;

/** How often a request held back by others in flight (or by a probe) looks again. */
const IN_FLIGHT_POLL_MS = 20;

/** Time after a request's time-out for its answer to be read and settled. */
const SETTLE_GRACE_MS = 1_000;

/** How long a host's budget is kept once nothing in it matters any more. */
const IDLE_KEEP_MS = 60_000;

/** What ACQUIRE answers, as its first element. */
const GRANTED = 0;
const SPENT = 1;
const HELD = 2;

/**
 * Every script reads the time from Redis, so workers whose clocks disagree still agree on when a
 * window is over; `keepFor` extends a key's life, never shortens it.
 */
const PRELUDE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function keepFor(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end
`;

/**
 * Grants a permit, atomically for every worker on every machine.
 * KEYS[1] the window hash {resetAt, endsAt, remaining, probe}; KEYS[2] the permits in flight
 * (sorted set, scored by when they stop counting). ARGV: permit id, its lifetime (ms).
 * Answers {GRANTED, now}, {SPENT, ms until the window is over} or {HELD, 0}.
 */
const ACQUIRE = `${PRELUDE}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local lifetime = tonumber(ARGV[2])
local endsAt = tonumber(redis.call('HGET', KEYS[1], 'endsAt'))
if endsAt and now < endsAt then
  local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if remaining <= 0 then return {${SPENT}, endsAt - now} end
  if remaining - redis.call('ZCARD', KEYS[2]) <= 0 then return {${HELD}, 0} end
else
  -- No window known: one probe at a time, and the rest wait for its answer.
  local probe = redis.call('HGET', KEYS[1], 'probe')
  if probe and redis.call('ZSCORE', KEYS[2], probe) then return {${HELD}, 0} end
  redis.call('HSET', KEYS[1], 'probe', ARGV[1])
end
redis.call('ZADD', KEYS[2], now + lifetime, ARGV[1])
keepFor(KEYS[2], lifetime + ${IDLE_KEEP_MS})
keepFor(KEYS[1], lifetime + ${IDLE_KEEP_MS})
return {${GRANTED}, now}
`;

/**
 * Settles a permit. ARGV: permit id, when it was granted (Redis ms), and then either
 * 'observed', remaining, resetAt (ms); 'unannounced' (sent, but no budget came back); or 'unsent'.
 * A window whose reset is a second or more after the stored one is a new window and replaces it;
 * within a second it is the same window and the smaller remaining wins (the larger was counted
 * earlier); an earlier window's late answer says nothing.
 */
const SETTLE = `${PRELUDE}
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('HGET', KEYS[1], 'probe') == ARGV[1] then redis.call('HDEL', KEYS[1], 'probe') end
local endsAt = tonumber(redis.call('HGET', KEYS[1], 'endsAt'))
if ARGV[3] == 'unannounced' then
  -- The platform may have counted it all the same: it spends one.
  if endsAt and now < endsAt and tonumber(redis.call('HGET', KEYS[1], 'remaining')) > 0 then
    redis.call('HINCRBY', KEYS[1], 'remaining', -1)
  end
  return 0
end
if ARGV[3] ~= 'observed' then return 0 end
local remaining = tonumber(ARGV[4])
local resetAt = tonumber(ARGV[5])
-- A reset already past when the request was sent means the platform's clock is behind Redis's:
-- the window lasts at least until that request was counted.
local lasts = math.max(resetAt, tonumber(ARGV[2])) + ${RESET_MARGIN_MS}
local storedReset = tonumber(redis.call('HGET', KEYS[1], 'resetAt'))
if not storedReset or resetAt >= storedReset + ${RESET_GRANULARITY_MS} then
  redis.call('HSET', KEYS[1], 'resetAt', resetAt, 'endsAt', lasts, 'remaining', remaining)
elseif resetAt > storedReset - ${RESET_GRANULARITY_MS} then
  lasts = math.max(lasts, endsAt)
  local stored = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  redis.call('HSET', KEYS[1], 'resetAt', math.max(resetAt, storedReset), 'endsAt', lasts,
    'remaining', math.min(remaining, stored))
else
  return 0
end
keepFor(KEYS[1], math.max(lasts - now, 0) + ${IDLE_KEEP_MS})
return 1
`;

export interface RedisRateLimitGateOptions {
  /** Longest wait for a reset slept through in place before the job is delayed instead (default 5 s). */
  maxWaitMs?: number;
}

/**
 * The rate-limit budget shared by all workers, kept in Redis and fed by the platforms' own response
 * headers, so together they never send more in a window than the platform allows (the rules are
 * those of `RateLimitGate`). A spent budget makes the collector throw `RateLimitedError`, and the
 * job is delayed until the reset rather than failed.
 */
export class RedisRateLimitGate implements RateLimitGate {
  private readonly maxWaitMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisRateLimitGateOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
  }

  private keys(scope: RateLimitScope): [string, string] {
    const window = `wardreach:ratelimit:${scope.platform}:${scope.host}`;
    return [window, `${window}:in-flight`];
  }

  async acquire(
    params: RateLimitScope & { signal?: AbortSignal; timeoutMs: number },
  ): Promise<RateLimitPermit> {
    const keys = this.keys(params);
    const id = randomUUID();
    const lifetimeMs = params.timeoutMs + SETTLE_GRACE_MS;
    for (;;) {
      const [verdict, ms] = (await this.redis.eval(ACQUIRE, 2, ...keys, id, String(lifetimeMs))) as [
        number,
        number,
      ];
      if (verdict === GRANTED) return this.permit(keys, id, ms);
      if (verdict === SPENT && ms > this.maxWaitMs) throw new BudgetSpentError(new Date(Date.now() + ms));
      await abortableSleep(verdict === SPENT ? ms : IN_FLIGHT_POLL_MS, params.signal);
    }
  }

  private permit(keys: [string, string], id: string, grantedAt: number): RateLimitPermit {
    const settle = async (outcome: string[]) => {
      await this.redis.eval(SETTLE, 2, ...keys, id, String(grantedAt), ...outcome);
    };
    return {
      settle: (observation: RateLimitObservation | null) =>
        settle(
          observation
            ? ['observed', String(observation.remaining), String(observation.resetAt.getTime())]
            : ['unannounced'],
        ),
      cancel: () => settle(['unsent']),
    };
  }
}
