import type { FollowEdgeFact } from './account-facts';
import { isWithinLastDays } from './time-window';

export interface FollowerChange {
  gained: number;
  lost: number;
  /** gained − lost */
  net: number;
}

/**
 * Followers gained, lost and net over the last `days` days, from the follow edges collected:
 * gained = edges whose firstSeenAt is in the window, lost = edges whose lostAt is in the window,
 * net = gained − lost (window as in `isWithinLastDays`, both ends inclusive). A follower who came
 * and went inside the window counts once in each, so net is 0 for them.
 *
 * Edges seen on the very first sweep of an account are not "gained": the caller leaves them out or
 * the first snapshot would report the whole audience as new.
 */
export function followerChange(edges: readonly FollowEdgeFact[], now: Date, days: number): FollowerChange {
  let gained = 0;
  let lost = 0;
  for (const edge of edges) {
    if (isWithinLastDays(edge.firstSeenAt, now, days)) gained += 1;
    if (edge.lostAt !== null && isWithinLastDays(edge.lostAt, now, days)) lost += 1;
  }
  return { gained, lost, net: gained - lost };
}
