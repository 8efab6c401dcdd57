import { YOUTUBE_DAILY_QUOTA_UNITS, nextPacificMidnight, startOfNextMonthUtc } from '@wardreach/collectors';
import type { XReadBudget, XReadKind, XReadPrices, YouTubeQuota } from '@wardreach/collectors';
import type { Redis } from 'ioredis';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The council's monthly X budget in US dollars, shared by every worker: before a request the
 * collector asks whether its most expensive outcome still fits; after it, it records what was read.
 * Collection stops (the job waits for the next month) before the budget would be exceeded.
 */
export class RedisXReadBudget implements XReadBudget {
  constructor(
    private readonly redis: Redis,
    private readonly options: { monthlyBudgetUsd: number; prices: XReadPrices; now: () => Date },
  ) {}

  private key(): string {
    return `wardreach:x-budget:${this.options.now().toISOString().slice(0, 7)}`;
  }

  async spentUsd(): Promise<number> {
    return Number((await this.redis.get(this.key())) ?? 0);
  }

  async allow({ kind, maxReads }: { kind: XReadKind; maxReads: number }): Promise<boolean> {
    return (await this.spentUsd()) + maxReads * this.options.prices[kind] <= this.options.monthlyBudgetUsd;
  }

  async spend({ kind, reads }: { kind: XReadKind; reads: number }): Promise<void> {
    const key = this.key();
    await this.redis
      .multi()
      .incrbyfloat(key, reads * this.options.prices[kind])
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
