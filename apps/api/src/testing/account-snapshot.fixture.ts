import type { AccountSnapshot } from '@wardreach/metrics';

/** One day's snapshot of an account with nothing in it but what the test says. */
export function accountSnapshot(date: string, figures: Partial<AccountSnapshot>): AccountSnapshot {
  return {
    date,
    followers: 0,
    following: null,
    posts: null,
    posts7d: 0,
    posts30d: 0,
    postsOnDay: 0,
    originalShare: null,
    replyShare: null,
    repostShare: null,
    replies30d: 0,
    engagement30d: 0,
    likesHidden30d: 0,
    engagementRate: null,
    followersGained30d: null,
    followersLost30d: null,
    followersNet7d: null,
    followersNet30d: null,
    followersWard: 0,
    followersCouncil: 0,
    followersElsewhere: 0,
    followersUnknown: 0,
    localShare: null,
    interactionsJudged: 0,
    responsiveness: null,
    medianHoursToAnswer: null,
    overdueInteractions: 0,
    councilLinkShare: null,
    ...figures,
  };
}
