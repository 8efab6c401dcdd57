import type { CalendarDay } from '../account/calendar-day';

/** One day of a councillor's figures, as the daily metric snapshot stores them (figure key → value). */
export interface FigureSnapshot {
  date: CalendarDay;
  figures: Readonly<Record<string, number | null>>;
}

/** Every stored day of one councillor. */
export interface CouncillorSeries {
  councillorId: string;
  snapshots: readonly FigureSnapshot[];
}

/** A pilot cohort: who is in it and when the pilot ran. */
export interface Cohort {
  members: readonly string[];
  start: CalendarDay;
  /** Null while the pilot runs. */
  end: CalendarDay | null;
}

/**
 * How a group's figure is summarised: the median (the default: one very large account cannot move
 * it) or the mean (with a balanced panel, mean(now) − mean(baseline) is the mean of the changes).
 */
export type GroupAggregate = 'median' | 'mean';
