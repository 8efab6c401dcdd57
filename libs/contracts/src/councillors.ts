import type { SuggestedConnectionView } from './council-figures';
import type { HeadlineFigures, SnapshotPoint } from './figures';
import type { AccountStatus, MentionsCoverage, PlatformName } from './platform';

export interface WardRef {
  code: string;
  name: string;
}

export interface CouncillorSummary {
  id: string;
  name: string;
  party: string | null;
  ward: WardRef;
  platforms: PlatformName[];
  figures: HeadlineFigures;
  /** ISO 8601 time of the newest finished collection of any of their accounts; null if never. */
  lastCollectedAt: string | null;
}

export interface CouncillorListResponse {
  items: CouncillorSummary[];
  total: number;
  updatedAt: string | null;
}

export interface AccountCard {
  id: string;
  platform: PlatformName;
  handle: string;
  url: string | null;
  status: AccountStatus;
  statusReason: string | null;
  /** Whether the last collection read mentions by others, and if not why; null before the first. */
  mentions: MentionsCoverage | null;
  figures: HeadlineFigures;
  lastCollectedAt: string | null;
  nextDueAt: string | null;
  series: SnapshotPoint[];
}

export interface CouncillorFootprint {
  councillor: Omit<CouncillorSummary, 'figures' | 'lastCollectedAt'>;
  figures: HeadlineFigures;
  accounts: AccountCard[];
  /** Summed over the councillor's accounts, one point a day. */
  series: SnapshotPoint[];
  /** Replies and mentions from others waiting for the councillor's answer. */
  waiting: WaitingInteractions;
  /**
   * The ward's and the council's registered civic organisations the councillor is not connected with,
   * most connected with other councillors first; null before the first daily computation of figures.
   */
  suggestedConnections: SuggestedConnectionView[] | null;
  updatedAt: string | null;
}

/**
 * The replies and mentions from others, received in the last 30 days, that no account of the
 * councillor has answered: the oldest first (at most 50 listed), with how many there are in all and
 * how many have waited more than 48 hours (those count as unanswered in the responsiveness figures).
 */
export interface WaitingInteractions {
  items: WaitingInteraction[];
  total: number;
  overdue: number;
}

/** One reply or mention waiting for an answer. Its author is not named: it links to the public post. */
export interface WaitingInteraction {
  id: string;
  /** The councillor's account it replies to or mentions. */
  account: { id: string; platform: PlatformName; handle: string };
  kind: 'reply' | 'mention';
  receivedAt: string;
  /** The public post on its platform. */
  url: string;
  /** Waiting more than 48 hours. */
  overdue: boolean;
}

export interface CouncilOverview {
  council: { code: string; name: string };
  councillors: number;
  accounts: number;
  wards: number;
  /** Councillors with at least one account collected. */
  councillorsOnline: number;
  totals: {
    followers: number;
    posts30d: number;
    /**
     * The council median of each councillor's figures, over the councillors with at least one account
     * (anonymised comparison), as `/api/council/index-distribution` takes them.
     */
    medianFollowers: number | null;
    medianEngagementRate: number | null;
    medianLocalShare: number | null;
    medianFollowersNet7d: number | null;
    medianFollowersNet30d: number | null;
    medianPosts30d: number | null;
    medianReplyShare: number | null;
  };
  updatedAt: string | null;
}
