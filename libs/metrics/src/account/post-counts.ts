import type { PostFact } from './account-facts';
import { isWithinLastDays } from './time-window';

/**
 * Posts in the last N days = |{ p : now − N·24h ≤ p.createdAt ≤ now }|, every kind (originals,
 * replies and reposts) counted. Used for 7 and 30 days.
 */
export function postsInLastDays(posts: readonly PostFact[], now: Date, days: number): number {
  return posts.filter((post) => isWithinLastDays(post.createdAt, now, days)).length;
}
