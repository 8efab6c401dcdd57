import { addDays, type CalendarDay } from './calendar-day';

/** How far back a missing day may be filled from: one missed collection must not blank a trend, a long gap must. */
export const SNAPSHOT_TOLERANCE_DAYS = 3;

/**
 * The snapshot that stands for `day`: the latest one dated on or before `day` and no more than
 * `toleranceDays` earlier (so `day − toleranceDays ≤ date ≤ day`). Null when there is none, e.g.
 * when the series does not reach back to `day`. Never looks forward: a later snapshot would leak
 * the future into a baseline.
 */
export function snapshotOnOrBefore<T extends { date: CalendarDay }>(
  series: readonly T[],
  day: CalendarDay,
  toleranceDays = SNAPSHOT_TOLERANCE_DAYS,
): T | null {
  const earliest = addDays(day, -toleranceDays);
  let best: T | null = null;
  for (const snapshot of series) {
    // ISO dates compare correctly as strings.
    if (snapshot.date <= day && snapshot.date >= earliest && (best === null || snapshot.date > best.date)) {
      best = snapshot;
    }
  }
  return best;
}

/** The newest snapshot of a series (any date), or null for an empty series. */
export function latestSnapshot<T extends { date: CalendarDay }>(series: readonly T[]): T | null {
  let best: T | null = null;
  for (const snapshot of series) {
    if (best === null || snapshot.date > best.date) best = snapshot;
  }
  return best;
}
