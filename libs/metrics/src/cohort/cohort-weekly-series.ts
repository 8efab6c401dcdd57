import { addDays, type CalendarDay } from '../account/calendar-day';
import type { Cohort, CouncillorSeries, GroupAggregate } from './cohort-facts';
import { assertCohortDates, cohortPanel, cohortUntil, type PanelMember } from './cohort-panel';
import { figureOnDay } from './figure-on-day';
import { groupAggregate } from './group-aggregate';

export interface CohortSeriesPoint {
  date: CalendarDay;
  cohort: number | null;
  comparison: number | null;
  /** How many councillors of each group had a value that day. */
  cohortCouncillors: number;
  comparisonCouncillors: number;
}

export interface CohortWeeklySeriesParams {
  cohort: Cohort;
  series: readonly CouncillorSeries[];
  figure: string;
  now: Date;
  aggregate?: GroupAggregate;
  /** Weeks to show before the start, to see whether the groups moved alike before the pilot. */
  weeksBefore?: number;
  toleranceDays?: number;
}

/**
 * One figure of a cohort and its comparison group week by week, for charts: a point every 7 days
 * from `start − 7 × weeksBefore` up to `until`, plus `until` itself when it is off that grid. Each
 * point is the group aggregate over the figure's balanced panel (`cohortPanel`), the same councillors
 * as in `cohortOutcomes`, so the line starts and ends at the table's baseline and current values.
 */
export function cohortWeeklySeries({
  cohort,
  series,
  figure,
  now,
  aggregate = 'median',
  weeksBefore = 0,
  toleranceDays,
}: CohortWeeklySeriesParams): CohortSeriesPoint[] {
  assertCohortDates(cohort);
  const until = cohortUntil(cohort, now);
  const panel = cohortPanel(cohort, series, figure, until, toleranceDays);
  const dates: CalendarDay[] = [];
  for (let day = addDays(cohort.start, -7 * weeksBefore); day <= until; day = addDays(day, 7))
    dates.push(day);
  if (dates.length > 0 && dates[dates.length - 1] !== until) dates.push(until);

  const valuesOn = (members: readonly PanelMember[], day: CalendarDay): number[] =>
    members
      .map((member) => figureOnDay(member.series.snapshots, figure, day, toleranceDays))
      .filter((value): value is number => value !== null);

  return dates.map((date) => {
    const inCohort = valuesOn(panel.cohort, date);
    const comparison = valuesOn(panel.comparison, date);
    return {
      date,
      cohort: groupAggregate(inCohort, aggregate),
      comparison: groupAggregate(comparison, aggregate),
      cohortCouncillors: inCohort.length,
      comparisonCouncillors: comparison.length,
    };
  });
}
