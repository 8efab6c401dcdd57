import type { AccountStatus, PlatformName } from '@wardreach/contracts';

/** What collection knows about one of the councillor's accounts. */
export interface SupportAccountFacts {
  platform: PlatformName;
  handle: string;
  status: AccountStatus;
  /** Why the account is in that status, if the collector said. */
  statusReason: string | null;
  /** End of the newest successful collection; null if never. */
  lastSucceededAt: Date | null;
}

/** A councillor's current figures, as the support flags need them. */
export interface CouncillorSupportFacts {
  activePlatforms: readonly PlatformName[];
  posts30d: number;
  replies30d: number;
  /** Mentions and replies from others unanswered after 48 hours (`overdueInteractions`, summed). */
  overdueInteractions: number;
  /** Total followers now and 30 days ago (null until the history reaches back). */
  followers: number;
  followers30dAgo: number | null;
  /** Followers placed in the ward, and those with any known place (ward + council + elsewhere). */
  followersWard: number;
  followersKnown: number;
  accounts: readonly SupportAccountFacts[];
}
