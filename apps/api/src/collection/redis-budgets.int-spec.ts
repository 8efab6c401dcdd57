import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../testing/test-environment';
import { RedisXReadBudget, RedisYouTubeQuota } from './redis-platform-budgets';

/** The platform budgets every worker shares, against the machine's real Redis (the rate-limit gate has its own spec). */
describe('budgets shared in Redis', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await redis.quit();
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
      expect(await budget.reserve({ kind: 'user', maxReads: 100 })).toBe(true); // 100 × $0.01 = $1.00 fits exactly
      await budget.settle({ kind: 'user', reserved: 100, reads: 60 }); // $0.60 spent
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9);
      expect(await budget.reserve({ kind: 'user', maxReads: 41 })).toBe(false); // $0.60 + $0.41 > $1
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9); // nothing held by a refusal
      expect(await budget.reserve({ kind: 'post', maxReads: 80 })).toBe(true); // $0.60 + $0.40 = $1
      await budget.settle({ kind: 'post', reserved: 80, reads: 0 }); // the request failed: nothing billed
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9);
      expect(budget.renewsAt().toISOString()).toBe(
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      );
    });
  });

  describe('X monthly budget, many workers at once', () => {
    it('never lets requests in flight together pass the budget', async () => {
      const now = new Date(`2032-0${1 + (randomBytes(1)[0] % 9)}-15T12:00:00Z`);
      await redis.del(`wardreach:x-budget:${now.toISOString().slice(0, 7)}`);
      // Eight workers, each on its own connection, each asking for a follower page of 1,000 users
      // ($10) against $35 left: exactly three may go.
      const workers = Array.from({ length: 8 }, () => new Redis(TEST_REDIS_URL));
      try {
        const budgets = workers.map(
          (connection) =>
            new RedisXReadBudget(connection, {
              monthlyBudgetUsd: 35,
              prices: { post: 0.005, user: 0.01 },
              now: () => now,
            }),
        );
        const granted = await Promise.all(budgets.map((b) => b.reserve({ kind: 'user', maxReads: 1000 })));
        expect(granted.filter(Boolean)).toHaveLength(3);
        expect(await budgets[0].spentUsd()).toBeCloseTo(30, 9);
      } finally {
        await Promise.all(workers.map((connection) => connection.quit()));
      }
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
