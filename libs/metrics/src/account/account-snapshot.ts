import type { FollowEdgeFact, FollowerPlace, InteractionFact, PostFact, SnapshotFact } from './account-facts';
import { dayOf, startOfDay } from './calendar-day';
import { councilLinkShare } from './council-links';
import { engagementInLastDays, engagementRate, likesHiddenInLastDays } from './engagement';
import { followerChange } from './follower-change';
import { netFollowerGrowth } from './follower-growth';
import { followerPlaceCounts, localShare } from './follower-places';
import { postKindShares } from './post-kind-shares';
import { postsInLastDays } from './post-counts';
import { overdueInteractions, responsiveness } from './responsiveness';

/** The counts on the account's public profile, as collected. */
export interface AccountProfileCounts {
  followers: number;
  following: number | null;
  posts: number | null;
}

export interface BuildAccountSnapshotParams {
  now: Date;
  profile: AccountProfileCounts;
  posts: readonly PostFact[];
  interactions: readonly InteractionFact[];
  /** Follow edges into the account; null where the platform does not list followers. */
  followEdges: readonly FollowEdgeFact[] | null;
  /** Where each current follower was placed; null where followers cannot be listed. */
  followerPlaces: readonly FollowerPlace[] | null;
  /** The ward the account holder represents (E05…). */
  wardCode: string;
  /** The council's own web domains, e.g. `['kirklees.gov.uk']`. */
  councilDomains: readonly string[];
  /** Earlier daily snapshots of this account; one for today, if present, is superseded. */
  history: readonly SnapshotFact[];
}

/** One account_snapshot row: every per-account figure for one day. */
export interface AccountSnapshot {
  /** YYYY-MM-DD (UTC) of `now`: one row per account per day, so re-running a day overwrites it. */
  date: string;
  followers: number;
  following: number | null;
  posts: number | null;
  posts7d: number;
  posts30d: number;
  /** Posts created on `date` up to `now`. */
  postsOnDay: number;
  originalShare: number | null;
  replyShare: number | null;
  repostShare: number | null;
  /** Replies among the posts of the last 30 days (so shares can be pooled across accounts). */
  replies30d: number;
  /** Likes, reposts, replies and quotes on the posts of 30 days, likes the platform withholds left out. */
  engagement30d: number;
  /** Posts of the last 30 days whose likes the platform withholds, so not in `engagement30d`. */
  likesHidden30d: number;
  engagementRate: number | null;
  /** From follow edges; null where followers are not listed. */
  followersGained30d: number | null;
  followersLost30d: number | null;
  /** From the snapshot series (today's followers included); null until the history reaches back. */
  followersNet7d: number | null;
  followersNet30d: number | null;
  followersWard: number;
  followersCouncil: number;
  followersElsewhere: number;
  followersUnknown: number;
  localShare: number | null;
  /** Replies and mentions from others at least 48 h old, in the last 30 days: the denominator of responsiveness. */
  interactionsJudged: number;
  responsiveness: number | null;
  medianHoursToAnswer: number | null;
  overdueInteractions: number;
  councilLinkShare: number | null;
}

/**
 * Builds one day's snapshot of an account from the facts collected so far. Each field is the figure
 * of the same name in this folder, over the 30 days up to `now` unless its name says otherwise.
 * Followers that have not been placed (the platform hides its list, or the sweep has not reached
 * them) count as unknown, so ward + council + elsewhere + unknown = max(followers, places listed).
 */
export function buildAccountSnapshot(params: BuildAccountSnapshotParams): AccountSnapshot {
  const { now, profile, posts } = params;
  const date = dayOf(now);
  const posts30d = postsInLastDays(posts, now, 30);
  const engagement30d = engagementInLastDays(posts, now, 30);
  const shares = postKindShares(posts, now, 30);
  const change = params.followEdges === null ? null : followerChange(params.followEdges, now, 30);
  const places = followerPlaceCounts(params.followerPlaces ?? [], params.wardCode);
  const listed = params.followerPlaces?.length ?? 0;
  const unplaced = Math.max(0, profile.followers - listed);
  const series: SnapshotFact[] = [
    ...params.history.filter((snapshot) => snapshot.date !== date),
    { date, followers: profile.followers },
  ];
  const answering = responsiveness(params.interactions, now, 30);
  const dayStart = startOfDay(date).getTime();

  return {
    date,
    followers: profile.followers,
    following: profile.following,
    posts: profile.posts,
    posts7d: postsInLastDays(posts, now, 7),
    posts30d,
    postsOnDay: posts.filter((post) => post.createdAt.getTime() >= dayStart && post.createdAt <= now).length,
    originalShare: shares?.original ?? null,
    replyShare: shares?.reply ?? null,
    repostShare: shares?.repost ?? null,
    replies30d: postsInLastDays(
      posts.filter((post) => post.kind === 'reply'),
      now,
      30,
    ),
    engagement30d,
    likesHidden30d: likesHiddenInLastDays(posts, now, 30),
    engagementRate: engagementRate({ engagement30d, posts30d, followers: profile.followers }),
    followersGained30d: change?.gained ?? null,
    followersLost30d: change?.lost ?? null,
    followersNet7d: netFollowerGrowth(series, date, 7),
    followersNet30d: netFollowerGrowth(series, date, 30),
    followersWard: places.ward,
    followersCouncil: places.council,
    followersElsewhere: places.elsewhere,
    followersUnknown: places.unknown + unplaced,
    localShare: localShare(places),
    interactionsJudged: answering.judged,
    responsiveness: answering.share,
    medianHoursToAnswer: answering.medianHoursToAnswer,
    overdueInteractions: overdueInteractions(params.interactions, now, 30),
    councilLinkShare: councilLinkShare(posts, params.councilDomains, now, 30),
  };
}
