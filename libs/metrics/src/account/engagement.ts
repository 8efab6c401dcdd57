import type { PostFact } from './account-facts';
import { isWithinLastDays } from './time-window';

/**
 * Engagement in the last `days` days (default 30) = Σ (likes + reposts + replies + quotes) over the
 * account's posts created in that window, with each post's counts as last read. Likes the platform
 * withholds (null) are not known, so not counted: `likesHiddenInLastDays` says on how many posts.
 */
export function engagementInLastDays(posts: readonly PostFact[], now: Date, days = 30): number {
  let total = 0;
  for (const post of posts) {
    if (isWithinLastDays(post.createdAt, now, days)) {
      total += (post.likes ?? 0) + post.reposts + post.replies + post.quotes;
    }
  }
  return total;
}

/**
 * Posts of the last `days` days (default 30) whose like count the platform withholds (a YouTube
 * channel can hide its videos' likes): their likes are missing from `engagementInLastDays`.
 */
export function likesHiddenInLastDays(posts: readonly PostFact[], now: Date, days = 30): number {
  let hidden = 0;
  for (const post of posts) {
    if (post.likes === null && isWithinLastDays(post.createdAt, now, days)) hidden += 1;
  }
  return hidden;
}

export interface EngagementRateParams {
  /** Engagement on the posts of the last 30 days (`engagementInLastDays`). */
  engagement30d: number;
  /** Posts in the last 30 days: the same window as the engagement. */
  posts30d: number;
  /** Followers now. */
  followers: number;
}

/**
 * Engagement rate = engagement in 30 days ÷ (posts in 30 days × followers): the average engagement
 * a post earned per follower. Null when undefined, i.e. with no posts or no followers.
 */
export function engagementRate({ engagement30d, posts30d, followers }: EngagementRateParams): number | null {
  if (posts30d <= 0 || followers <= 0) return null;
  return engagement30d / (posts30d * followers);
}
