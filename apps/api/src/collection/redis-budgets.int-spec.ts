import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../testing/test-environment';
import { RedisXReadBudget, RedisYouTubeQuota } from './redis-platform-budgets';

/** A deployment's namespace of this run's own, as `QUEUE_PREFIX` gives one. */
const PREFIX = `wrtest${randomBytes(4).toString('hex')}`;

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
      await redis.del(`${PREFIX}:x-budget:${now.toISOString().slice(0, 7)}`);
      const budget = new RedisXReadBudget(redis, {
        prefix: PREFIX,
        monthlyBudgetUsd: 1,
        prices: { post: 0.005, user: 0.01 },
        now: () => now,
      });
      const users = await budget.reserve({ kind: 'user', maxReads: 100 }); // 100 × $0.01 = $1.00 fits exactly
      expect(users).toEqual({ kind: 'user', reserved: 100, month: now.toISOString().slice(0, 7) });
      await budget.settle({ reservation: users!, reads: 60 }); // $0.60 spent
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9);
      expect(await budget.reserve({ kind: 'user', maxReads: 41 })).toBeNull(); // $0.60 + $0.41 > $1
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9); // nothing held by a refusal
      const posts = await budget.reserve({ kind: 'post', maxReads: 80 }); // $0.60 + $0.40 = $1
      expect(posts).not.toBeNull();
      await budget.settle({ reservation: posts!, reads: 0 }); // the request failed: nothing billed
      expect(await budget.spentUsd()).toBeCloseTo(0.6, 9);
      expect(budget.renewsAt().toISOString()).toBe(
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      );
    });
  });

  describe('X monthly budget at the month boundary', () => {
    it('settles a request reserved before midnight in the month it was reserved in', async () => {
      const year = 2033 + (randomBytes(1)[0] % 60);
      const [march, april] = [`${year}-03`, `${year}-04`];
      await redis.del(`${PREFIX}:x-budget:${march}`, `${PREFIX}:x-budget:${april}`);
      let now = new Date(`${march}-31T23:59:59Z`);
      const budget = new RedisXReadBudget(redis, {
        prefix: PREFIX,
        monthlyBudgetUsd: 1,
        prices: { post: 0.005, user: 0.01 },
        now: () => now,
      });
      const lateMarch = await budget.reserve({ kind: 'user', maxReads: 100 }); // March's whole $1
      now = new Date(`${april}-01T00:00:01Z`);
      const april1 = await budget.reserve({ kind: 'user', maxReads: 100 }); // April's whole $1
      expect(april1).not.toBeNull();
      // The March request read 40 users: $0.60 goes back to March, and April still holds its $1.
      await budget.settle({ reservation: lateMarch!, reads: 40 });
      expect(Number(await redis.get(`${PREFIX}:x-budget:${march}`))).toBeCloseTo(0.4, 9);
      expect(await budget.spentUsd()).toBeCloseTo(1, 9);
      expect(await budget.reserve({ kind: 'post', maxReads: 1 })).toBeNull();
      await budget.settle({ reservation: april1!, reads: 100 });
      expect(await budget.spentUsd()).toBeCloseTo(1, 9);
      expect(await redis.pttl(`${PREFIX}:x-budget:${march}`)).toBeGreaterThan(0);
    });
  });

  describe('X monthly budget, many workers at once', () => {
    it('never lets requests in flight together pass the budget', async () => {
      const now = new Date(`2032-0${1 + (randomBytes(1)[0] % 9)}-15T12:00:00Z`);
      await redis.del(`${PREFIX}:x-budget:${now.toISOString().slice(0, 7)}`);
      // Eight workers, each on its own connection, each asking for a follower page of 1,000 users
      // ($10) against $35 left: exactly three may go.
      const workers = Array.from({ length: 8 }, () => new Redis(TEST_REDIS_URL));
      try {
        const budgets = workers.map(
          (connection) =>
            new RedisXReadBudget(connection, {
              prefix: PREFIX,
              monthlyBudgetUsd: 35,
              prices: { post: 0.005, user: 0.01 },
              now: () => now,
            }),
        );
        const granted = await Promise.all(budgets.map((b) => b.reserve({ kind: 'user', maxReads: 1000 })));
        expect(granted.filter((reservation) => reservation !== null)).toHaveLength(3);
        expect(await budgets[0].spentUsd()).toBeCloseTo(30, 9);
      } finally {
        await Promise.all(workers.map((connection) => connection.quit()));
      }
    });
  });

  describe('X monthly budget, two deployments on one Redis', () => {
    it('keeps each deployment’s spend apart', async () => {
      const now = new Date('2026-11-15T12:00:00Z');
      const budget = (prefix: string) =>
        new RedisXReadBudget(redis, {
          prefix,
          monthlyBudgetUsd: 1,
          prices: { post: 0.005, user: 0.01 },
          now: () => now,
        });
      const [council, other] = [budget(PREFIX), budget(`${PREFIX}other`)];
      await redis.del(council.key('2026-11'), other.key('2026-11'));
      try {
        const spent = await council.reserve({ kind: 'user', maxReads: 100 }); // the council's whole $1
        await council.settle({ reservation: spent!, reads: 100 });
        expect(await council.reserve({ kind: 'post', maxReads: 1 })).toBeNull();
        expect(await other.spentUsd()).toBe(0);
        expect(await other.reserve({ kind: 'user', maxReads: 100 })).not.toBeNull();
      } finally {
        await redis.del(council.key('2026-11'), other.key('2026-11'));
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
