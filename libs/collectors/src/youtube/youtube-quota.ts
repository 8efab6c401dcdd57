import { createHash } from 'node:crypto';
import { nextPacificMidnight } from './pacific-midnight';

/** The YouTube Data API's default daily quota per project key. */
export const YOUTUBE_DAILY_QUOTA_UNITS = 10_000;

/** Quota cost of the methods we call (developers.google.com/youtube/v3/determine_quota_cost). */
export const YOUTUBE_UNIT_COST = {
  'channels.list': 1,
  'playlistItems.list': 1,
  'videos.list': 1,
  'commentThreads.list': 1,
  'comments.list': 1,
} as const;
export type YouTubeMethod = keyof typeof YOUTUBE_UNIT_COST;

/**
 * Units spent per key and per Pacific day. The API can keep this in Redis for all workers; the CLI
 * and tests use `InMemoryYouTubeQuota`. Keys are identified by a fingerprint, never by the key itself.
 */
export interface YouTubeQuota {
  /** Reserves `units` for the key; false when that would pass the daily quota. */
  reserve(params: { keyId: string; units: number }): Promise<boolean> | boolean;
  /** Google said the quota is spent: nothing more for this key until the reset. */
  exhaust(params: { keyId: string }): Promise<void> | void;
  /** When the quota resets: the next midnight Pacific time. */
  resetsAt(): Date;
}

/** A stable, non-secret id for an API key: the first 16 hex digits of its SHA-256. */
export function youTubeKeyId(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

/** spent(key, day) + units ≤ dailyUnits, with the day changing at midnight Pacific. */
export class InMemoryYouTubeQuota implements YouTubeQuota {
  private readonly spent = new Map<string, { resetAt: number; units: number }>();

  constructor(
    private readonly dailyUnits: number = YOUTUBE_DAILY_QUOTA_UNITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  reserve({ keyId, units }: { keyId: string; units: number }): boolean {
    const day = this.day(keyId);
    if (day.units + units > this.dailyUnits) return false;
    day.units += units;
    return true;
  }

  exhaust({ keyId }: { keyId: string }): void {
    this.day(keyId).units = this.dailyUnits;
  }

  /** Units spent today by a key. */
  used(keyId: string): number {
    return this.day(keyId).units;
  }

  resetsAt(): Date {
    return nextPacificMidnight(this.now());
  }

  private day(keyId: string): { resetAt: number; units: number } {
    const now = this.now();
    let day = this.spent.get(keyId);
    if (!day || day.resetAt <= now.getTime()) {
      day = { resetAt: nextPacificMidnight(now).getTime(), units: 0 };
      this.spent.set(keyId, day);
    }
    return day;
  }
}
