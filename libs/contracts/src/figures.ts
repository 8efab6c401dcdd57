/** Headline figures of one account or one councillor, as of the latest snapshot. */
export interface HeadlineFigures {
  followers: number;
  following: number | null;
  posts: number | null;
  /** Net follower change over the last 7 and 30 days (null until there is that much history). */
  followersNet7d: number | null;
  followersNet30d: number | null;
  posts30d: number;
  /** engagement in 30 days / (posts in 30 days × followers); null when undefined (no posts or no followers). */
  engagementRate: number | null;
  /** Posts of the last 30 days whose likes the platform withholds, so left out of the engagement rate. */
  likesHidden30d: number;
  /** Replies as a share of posts in 30 days; null with no posts. */
  replyShare: number | null;
  /** Ward-attributed followers as a share of followers whose place is known; null when none is known. */
  localShare: number | null;
  followersWard: number;
  followersCouncil: number;
  followersElsewhere: number;
  followersUnknown: number;
}

/** One day of an account's or a councillor's history. */
export interface SnapshotPoint {
  /** YYYY-MM-DD. */
  date: string;
  followers: number;
  posts30d: number;
  /** Posts made that day. */
  postsOnDay: number;
  /** Likes + reposts + replies + quotes on posts of the last 30 days (likes a platform withholds left out). */
  engagement30d: number;
  localShare: number | null;
}
