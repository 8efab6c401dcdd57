/**
 * Snapshots are keyed by calendar day, `YYYY-MM-DD` in UTC, so that a day means the same thing on
 * every server and date arithmetic never meets a daylight-saving jump.
 */
export type CalendarDay = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day an instant falls on. */
export function dayOf(instant: Date): CalendarDay {
  return instant.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a calendar day; throws on anything that is not a real `YYYY-MM-DD`. */
export function startOfDay(day: CalendarDay): Date {
  const start = new Date(`${day}T00:00:00.000Z`);
  if (!DAY_PATTERN.test(day) || Number.isNaN(start.getTime()) || dayOf(start) !== day) {
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  }
  return start;
}

/** The day `days` after `day` (negative goes back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOf(new Date(startOfDay(day).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}
