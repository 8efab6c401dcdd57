import type { PlatformName } from '@wardreach/contracts';

/** The latest figures of one of a councillor's accounts (from its account snapshot). */
export interface CouncillorAccountFigures {
  platform: PlatformName;
  followers: number;
  followersWard: number;
  followersCouncil: number;
  followersElsewhere: number;
  followersUnknown: number;
  posts30d: number;
  /** Replies among the posts of the last 30 days. */
  replies30d: number;
  /** Replies and mentions from others judged for responsiveness, and the share answered within 48 h. */
  interactionsJudged: number;
  responsiveness: number | null;
}
