import type { CalendarDay } from '../account/calendar-day';
import { snapshotOnOrBefore } from '../account/snapshot-lookup';
import type { FigureSnapshot } from './cohort-facts';

/**
 * A cohort baseline may come from up to a week before the day asked for (a pilot starting on a
 * Monday can use the Friday before), never from after it.
 */
export const COHORT_TOLERANCE_DAYS = 7;

/**
 * A councillor's value of `figure` on `day`: taken from the snapshot standing for that day
 * (`snapshotOnOrBefore`: the latest dated on or before `day`, at most `toleranceDays` earlier).
 * Null when there is no such snapshot or the figure is null in it. Because it only reads stored
 * history, asking about a day in the past gives what was known then.
 */
export function figureOnDay(
  snapshots: readonly FigureSnapshot[],
  figure: string,
  day: CalendarDay,
  toleranceDays = COHORT_TOLERANCE_DAYS,
): number | null {
  return snapshotOnOrBefore(snapshots, day, toleranceDays)?.figures[figure] ?? null;
}
