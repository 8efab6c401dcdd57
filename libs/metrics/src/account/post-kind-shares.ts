import type { PostFact, PostKind } from './account-facts';
import { isWithinLastDays } from './time-window';

export type PostKindShares = Record<PostKind, number>;

/**
 * Share of each kind among the posts of the last `days` days (default 30):
 * share(k) = posts of kind k ÷ all posts in the window, so the three shares sum to 1.
 * Null when there are no posts in the window (a share of nothing is undefined, not 0). A reply is an
 * answer to someone else; the account's reply to its own post (a thread) is an original post.
 */
export function postKindShares(posts: readonly PostFact[], now: Date, days = 30): PostKindShares | null {
  const recent = posts.filter((post) => isWithinLastDays(post.createdAt, now, days));
  if (recent.length === 0) return null;
  const count: PostKindShares = { original: 0, reply: 0, repost: 0 };
  for (const post of recent) count[post.kind] += 1;
  return {
    original: count.original / recent.length,
    reply: count.reply / recent.length,
    repost: count.repost / recent.length,
  };
}
