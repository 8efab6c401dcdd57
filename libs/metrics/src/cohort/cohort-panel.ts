import { dayOf, type CalendarDay } from '../account/calendar-day';
import type { Cohort, CouncillorSeries } from './cohort-facts';
import { figureOnDay } from './figure-on-day';

/** The day a cohort is measured "now": its end if that has passed, else today. */
export function cohortUntil(cohort: Cohort, now: Date): CalendarDay {
  const today = dayOf(now);
  return cohort.end !== null && cohort.end < today ? cohort.end : today;
}

/** Throws on a cohort whose end is before its start. */
export function assertCohortDates(cohort: Cohort): void {
  if (cohort.end !== null && cohort.end < cohort.start) {
    throw new RangeError(`Cohort ends (${cohort.end}) before it starts (${cohort.start})`);
  }
}

export interface PanelMember {
  councillorId: string;
  series: CouncillorSeries;
  baseline: number;
  current: number;
}

export interface CohortPanel {
  cohort: PanelMember[];
  comparison: PanelMember[];
}

/**
 * The balanced panel for one figure: the councillors with a value both at the start and at `until`
 * (`figureOnDay`), split into cohort members and everyone else (the comparison group). Councillors
 * without a baseline, e.g. elected or first collected after the start, are left out of that figure
 * rather than given a later value as their baseline. Empty while `until` is before the start.
 */
export function cohortPanel(
  cohort: Cohort,
  series: readonly CouncillorSeries[],
  figure: string,
  until: CalendarDay,
  toleranceDays?: number,
): CohortPanel {
  const members = new Set(cohort.members);
  const panel: CohortPanel = { cohort: [], comparison: [] };
  // A pilot that has not started yet has no baseline.
  if (until < cohort.start) return panel;
  for (const councillor of series) {
    const baseline = figureOnDay(councillor.snapshots, figure, cohort.start, toleranceDays);
    const current = figureOnDay(councillor.snapshots, figure, until, toleranceDays);
    if (baseline === null || current === null) continue;
    const member = { councillorId: councillor.councillorId, series: councillor, baseline, current };
    (members.has(councillor.councillorId) ? panel.cohort : panel.comparison).push(member);
  }
  return panel;
}
