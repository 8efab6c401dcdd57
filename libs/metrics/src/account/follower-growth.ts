import type { SnapshotFact } from './account-facts';
import { addDays, type CalendarDay } from './calendar-day';
import { latestSnapshot, snapshotOnOrBefore, SNAPSHOT_TOLERANCE_DAYS } from './snapshot-lookup';

/** Followers now = the followers of the newest snapshot; null for an empty series. */
export function latestFollowers(series: readonly SnapshotFact[]): number | null {
  return latestSnapshot(series)?.followers ?? null;
}

/**
 * Net follower growth over `days` days, as of `today`:
 * net = followers(today) − followers(today − days),
 * where followers(d) is read from the snapshot standing for day d (`snapshotOnOrBefore`: that day, or
 * the nearest earlier one within SNAPSHOT_TOLERANCE_DAYS). Null when either end is missing, i.e.
 * when the series does not reach back that far.
 */
export function netFollowerGrowth(
  series: readonly SnapshotFact[],
  today: CalendarDay,
  days: number,
  toleranceDays = SNAPSHOT_TOLERANCE_DAYS,
): number | null {
  const current = snapshotOnOrBefore(series, today, toleranceDays);
  const past = snapshotOnOrBefore(series, addDays(today, -days), toleranceDays);
  if (current === null || past === null) return null;
  return current.followers - past.followers;
}
