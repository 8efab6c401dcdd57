export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * "In the last N days" for every figure: an instant `t` is inside when
 * `now − N × 24 h ≤ t ≤ now`. Both ends are inclusive, so something exactly 30 days old still
 * counts in a 30-day window, and anything stamped after `now` (clock skew) does not.
 */
export function isWithinLastDays(at: Date, now: Date, days: number): boolean {
  const t = at.getTime();
  return t <= now.getTime() && t >= now.getTime() - days * DAY_MS;
}
