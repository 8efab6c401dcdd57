import { randomBytes } from 'node:crypto';
import { BudgetSpentError } from '@wardreach/collectors';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../testing/test-environment';
import { RedisXReadBudget, RedisYouTubeQuota } from './redis-platform-budgets';
import { RedisRateLimitGate } from './redis-rate-limit-gate';

/** The budgets every worker shares, against the machine's real Redis. */
describe('budgets shared in Redis', () => {
  let redis: Redis;
  const host = () => `api-${randomBytes(4).toString('hex')}.example`;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await redis.quit();
  });

  describe('rate-limit gate', () => {
    it('lets requests through until the announced budget is spent, then names the reset', async () => {
      let now = Date.parse('2026-11-22T10:00:00Z');
      const gate = new RedisRateLimitGate(redis, { now: () => now, maxWaitMs: 1000 });
      const scope = { platform: 'bluesky' as const, host: host() };
      await gate.acquire(scope); // nothing announced yet: free
      await gate.update({ ...scope, limit: 3000, remaining: 2, resetAt: new Date(now + 60_000) });
      await gate.acquire(scope);
      await gate.acquire(scope);
      // Resets are announced in whole seconds, so the gate waits one second more.
      await expect(gate.acquire(scope)).rejects.toEqual(new BudgetSpentError(new Date(now + 61_000)));
      now += 62_000; // after the reset the budget is unknown again, so requests go
      await expect(gate.acquire(scope)).resolves.toBeUndefined();
    });

    it('never hands out more than the budget to concurrent workers', async () => {
      const now = Date.parse('2026-11-22T10:00:00Z');
      const scope = { platform: 'mastodon' as const, host: host() };
      const gates = [1, 2, 3, 4].map(() => new RedisRateLimitGate(redis, { now: () => now, maxWaitMs: 0 }));
      await gates[0].update({ ...scope, limit: 300, remaining: 10, resetAt: new Date(now + 300_000) });
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => gates[i % 4].acquire(scope)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    });

    it('keeps the smaller budget a window announced, so a late response cannot raise it', async () => {
      const now = Date.parse('2026-11-22T10:00:00Z');
      const gate = new RedisRateLimitGate(redis, { now: () => now, maxWaitMs: 0 });
      const scope = { platform: 'bluesky' as const, host: host() };
      const resetAt = new Date(now + 30_000);
      await gate.update({ ...scope, limit: 100, remaining: 1, resetAt });
      await gate.update({ ...scope, limit: 100, remaining: 40, resetAt }); // sent earlier, answered later
      await gate.acquire(scope);
      await expect(gate.acquire(scope)).rejects.toBeInstanceOf(BudgetSpentError);
      // The next window replaces it.
      await gate.update({ ...scope, limit: 100, remaining: 99, resetAt: new Date(now + 330_000) });
      await expect(gate.acquire(scope)).resolves.toBeUndefined();
    });

    it('waits through a short reset instead of failing', async () => {
      const scope = { platform: 'bluesky' as const, host: host() };
      const gate = new RedisRateLimitGate(redis, { maxWaitMs: 3000 });
      await gate.update({ ...scope, limit: 1, remaining: 0, resetAt: new Date(Date.now() + 300) });
      const started = Date.now();
      await gate.acquire(scope);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    });
  });

  describe('X monthly budget', () => {
    it('refuses a request whose reads could pass the budget, and renews next month', async () => {
      const now = new Date(`2031-0${1 + (randomBytes(1)[0] % 9)}-15T12:00:00Z`);
      await redis.del(`wardreach:x-budget:${now.toISOString().slice(0, 7)}`);
      const budget = new RedisXReadBudget(redis, {
        monthlyBudgetUsd: 1,
        prices: { post: 0.005, user: 0.01 },
        now: () => now,
      });
      expect(await budget.allow({ kind: 'user', maxReads: 100 })).toBe(true); // 100 × $0.01 = $1.00 fits exactly
      await budget.spend({ kind: 'user', reads: 60 }); // $0.60 spent
      expect(await budget.allow({ kind: 'user', maxReads: 41 })).toBe(false); // $0.60 + $0.41 > $1
      expect(await budget.allow({ kind: 'post', maxReads: 80 })).toBe(true); // $0.60 + $0.40 = $1
      expect(budget.renewsAt().toISOString()).toBe(
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      );
    });
  });

  describe('YouTube daily quota', () => {
    it('reserves units per key up to the daily quota, and stops when Google says it is spent', async () => {
      const now = new Date('2026-11-22T12:00:00Z');
      const quota = new RedisYouTubeQuota(redis, { dailyUnits: 100, now: () => now });
      const keyId = randomBytes(8).toString('hex');
      expect(await quota.reserve({ keyId, units: 60 })).toBe(true);
      expect(await quota.reserve({ keyId, units: 50 })).toBe(false); // 110 > 100, and nothing is kept
      expect(await quota.reserve({ keyId, units: 40 })).toBe(true); // exactly 100
      const other = randomBytes(8).toString('hex');
      await quota.exhaust({ keyId: other });
      expect(await quota.reserve({ keyId: other, units: 1 })).toBe(false);
      expect(quota.resetsAt().toISOString()).toBe('2026-11-23T08:00:00.000Z'); // midnight Pacific (PST, UTC−8)
    });
  });
});
