import {
  YOUTUBE_DAILY_QUOTA_UNITS,
  monthUtc,
  nextPacificMidnight,
  startOfNextMonthUtc,
} from '@wardreach/collectors';
import type {
  XReadBudget,
  XReadKind,
  XReadPrices,
  XReadReservation,
  YouTubeQuota,
} from '@wardreach/collectors';
import type { Redis } from 'ioredis';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Adds ARGV[1] dollars to the month's spend KEYS[1] only if the total stays within ARGV[2]; keeps the
 * key ARGV[3] ms. One script, so no other worker's reservation can come between the check and the add.
 */
const RESERVE_X_READS = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
if spent + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * The council's monthly X budget in US dollars, shared by every worker of the deployment (its
 * `QUEUE_PREFIX` names the key, so another deployment or a test run on the same Redis spends its
 * own): before a request the
 * collector reserves its most expensive outcome, atomically and only if it still fits; after it, what
 * was read replaces what was held, in the month it was held in (a request reserved on the last evening
 * of a month and settled after midnight leaves the new month's spend alone). Collection stops (the job
 * waits for the next month) before the budget would be exceeded, however many workers run.
 */
export class RedisXReadBudget implements XReadBudget {
  constructor(
    private readonly redis: Redis,
    private readonly options: {
      /** The deployment's namespace in Redis (`QUEUE_PREFIX`). */
      prefix: string;
      monthlyBudgetUsd: number;
      prices: XReadPrices;
      now: () => Date;
    },
  ) {}

  /** The Redis key of a month's spend. */
  key(month: string): string {
    return `${this.options.prefix}:x-budget:${month}`;
  }

  /** Spent (and held) this month. */
  async spentUsd(): Promise<number> {
    return Number((await this.redis.get(this.key(monthUtc(this.options.now())))) ?? 0);
  }

  async reserve({ kind, maxReads }: { kind: XReadKind; maxReads: number }): Promise<XReadReservation | null> {
    const month = monthUtc(this.options.now());
    const cost = maxReads * this.options.prices[kind];
    const held = await this.redis.eval(
      RESERVE_X_READS,
      1,
      this.key(month),
      String(cost),
      String(this.options.monthlyBudgetUsd),
      String(40 * DAY_MS),
    );
    return held === 1 ? { kind, reserved: maxReads, month } : null;
  }

  async settle({ reservation, reads }: { reservation: XReadReservation; reads: number }): Promise<void> {
    const { kind, reserved, month } = reservation;
    if (reads === reserved) return;
    const key = this.key(month);
    await this.redis
      .multi()
      .incrbyfloat(key, (reads - reserved) * this.options.prices[kind])
      .pexpire(key, 40 * DAY_MS)
      .exec();
  }

  renewsAt(): Date {
    return startOfNextMonthUtc(this.options.now());
  }
}

/** YouTube's daily quota (10,000 units per key by default), shared by every worker, reset at midnight Pacific. */
export class RedisYouTubeQuota implements YouTubeQuota {
  constructor(
    private readonly redis: Redis,
    private readonly options: { dailyUnits?: number; now: () => Date },
  ) {}

  private key(keyId: string): string {
    return `wardreach:youtube-quota:${keyId}:${this.resetsAt().toISOString()}`;
  }

  private get dailyUnits(): number {
    return this.options.dailyUnits ?? YOUTUBE_DAILY_QUOTA_UNITS;
  }

  async reserve({ keyId, units }: { keyId: string; units: number }): Promise<boolean> {
    const key = this.key(keyId);
    const [[, spent]] = (await this.redis
      .multi()
      .incrby(key, units)
      .pexpire(key, 2 * DAY_MS)
      .exec()) as [[unknown, number]];
    if (spent <= this.dailyUnits) return true;
    await this.redis.decrby(key, units);
    return false;
  }

  async exhaust({ keyId }: { keyId: string }): Promise<void> {
    await this.redis.set(this.key(keyId), String(this.dailyUnits), 'PX', 2 * DAY_MS);
  }

  resetsAt(): Date {
    return nextPacificMidnight(this.options.now());
  }
}
