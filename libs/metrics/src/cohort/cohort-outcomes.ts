import type { CalendarDay } from '../account/calendar-day';
import type { Cohort, CouncillorSeries, GroupAggregate } from './cohort-facts';
import { assertCohortDates, cohortPanel, cohortUntil, type PanelMember } from './cohort-panel';
import { groupAggregate } from './group-aggregate';

export interface GroupOutcome {
  /** Councillors in the balanced panel for this figure. */
  councillors: number;
  baseline: number | null;
  current: number | null;
  /** current − baseline */
  change: number | null;
}

export interface FigureOutcome {
  figure: string;
  cohort: GroupOutcome;
  comparison: GroupOutcome;
  /** (cohort now − cohort baseline) − (comparison now − comparison baseline); null if either is. */
  differenceInDifferences: number | null;
}

export interface CohortOutcomes {
  start: CalendarDay;
  /** The day "now" stands for: the cohort's end once passed, else today. */
  until: CalendarDay;
  aggregate: GroupAggregate;
  figures: FigureOutcome[];
}

export interface CohortOutcomesParams {
  cohort: Cohort;
  /** Every councillor of the council; those not in the cohort form the comparison group. */
  series: readonly CouncillorSeries[];
  figures: readonly string[];
  now: Date;
  aggregate?: GroupAggregate;
  toleranceDays?: number;
}

function groupOutcome(members: readonly PanelMember[], aggregate: GroupAggregate): GroupOutcome {
  const baseline = groupAggregate(
    members.map((m) => m.baseline),
    aggregate,
  );
  const current = groupAggregate(
    members.map((m) => m.current),
    aggregate,
  );
  return {
    councillors: members.length,
    baseline,
    current,
    change: baseline === null || current === null ? null : current - baseline,
  };
}

/**
 * Pilot outcomes per figure: for the cohort and for the comparison group (every other councillor),
 * baseline = the group's aggregate (median by default, or mean) of members' values at the start,
 * current = the same at `until`, change = current − baseline, and
 * difference-in-differences = (cohort current − cohort baseline) − (comparison current − comparison baseline).
 * Values come from stored snapshots (`figureOnDay`), so a past cohort is measured as it was then;
 * each figure uses its balanced panel (`cohortPanel`), so the same councillors stand at both ends.
 */
export function cohortOutcomes({
  cohort,
  series,
  figures,
  now,
  aggregate = 'median',
  toleranceDays,
}: CohortOutcomesParams): CohortOutcomes {
  assertCohortDates(cohort);
  const until = cohortUntil(cohort, now);
  return {
    start: cohort.start,
    until,
    aggregate,
    figures: figures.map((figure) => {
      const panel = cohortPanel(cohort, series, figure, until, toleranceDays);
      const inCohort = groupOutcome(panel.cohort, aggregate);
      const comparison = groupOutcome(panel.comparison, aggregate);
      return {
        figure,
        cohort: inCohort,
        comparison,
        differenceInDifferences:
          inCohort.change === null || comparison.change === null ? null : inCohort.change - comparison.change,
      };
    }),
  };
}
