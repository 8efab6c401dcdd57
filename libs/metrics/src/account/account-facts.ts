import type { AttributionStatus } from '../attribution/attribution-result';

/**
 * Plain facts the figures are computed from. The API maps its rows onto these; nothing here knows
 * about the database.
 */

export type PostKind = 'original' | 'reply' | 'repost';

/** One of the account's own posts, with its engagement counts as last read. */
export interface PostFact {
  createdAt: Date;
  kind: PostKind;
  /** Null when the platform withholds it: unknown, not 0. */
  likes: number | null;
  reposts: number;
  replies: number;
  quotes: number;
  /** External URLs in the post. */
  links: readonly string[];
}

/** A reply to, or a mention of, the account by someone else. */
export interface InteractionFact {
  createdAt: Date;
  /** When the account first answered it; null while unanswered. */
  answeredAt: Date | null;
}

/** One follow edge into the account: when we first saw it, and when we saw it gone (null while it stands). */
export interface FollowEdgeFact {
  firstSeenAt: Date;
  lostAt: Date | null;
}

/** Where ward attribution placed one follower (`../attribution`); unknown is never "not local". */
export type FollowerPlaceStatus = AttributionStatus;

export interface FollowerPlace {
  status: FollowerPlaceStatus;
  /**
   * The fraction of this person placed in each ward of the council (ward code → weight), as
   * `attributionWeights` gives it: `ward` → {W: 1}; `council` with n candidate wards → 1/n each (a
   * place name shared by two wards gives {A: 0.5, B: 0.5}); `council` with no candidates, `elsewhere`
   * and `unknown` → empty.
   */
  weights: ReadonlyMap<string, number>;
}

/** One day of an account's history, as stored by the daily snapshot. */
export interface SnapshotFact {
  /** YYYY-MM-DD (UTC). */
  date: string;
  followers: number;
}
