import type { WardRef } from './councillors';
import type { PlatformName } from './platform';

/**
 * Responses of the ward, support, cohort and council-wide views. The figures are computed by
 * libs/metrics and stored daily in `metric_snapshot`; these types mirror them for the dashboard,
 * which may not import libs/metrics.
 */

/** The support flags, in the order they are raised (libs/metrics `supportFlags`). */
export const SUPPORT_FLAG_KEYS = [
  'single-platform',
  'inactive',
  'broadcasting',
  'unanswered-mentions',
  'falling-reach',
  'low-local-share',
  'collection-failing',
] as const;

export type SupportFlagKey = (typeof SUPPORT_FLAG_KEYS)[number];

export interface SupportFlagView {
  key: SupportFlagKey;
  /** One sentence with the numbers. */
  reason: string;
}

export type FootprintComponentKey = 'reach' | 'activity' | 'conversation' | 'local' | 'platformMix';

export interface FootprintComponentView {
  key: FootprintComponentKey;
  label: string;
  /** cᵢ in [0, 1]. */
  value: number;
  /** wᵢ; the weights sum to 1. */
  weight: number;
  /** 100 × wᵢ × cᵢ: the points this component adds. */
  contribution: number;
  explanation: string;
}

export interface FootprintIndexView {
  /** 100 × Σ wᵢ cᵢ, in [0, 100]. */
  index: number;
  components: FootprintComponentView[];
}

/**
 * A councillor's figures of one day, by key: what cohorts compare and medians are taken of.
 * Counts are numbers; shares are in [0, 1] or null where undefined; `paired` is 1 or 0.
 */
export const COUNCILLOR_FIGURE_KEYS = [
  'footprintIndex',
  'totalReach',
  'localReach',
  'activePlatforms',
  'paired',
  'posts30d',
  'replyShare',
  'localShare',
  'responsiveness',
  'overdueInteractions',
  'supportFlags',
] as const;

export type CouncillorFigureKey = (typeof COUNCILLOR_FIGURE_KEYS)[number];

export type CouncillorFigureValues = Record<CouncillorFigureKey, number | null>;

/** What the dashboard calls each figure. */
export const COUNCILLOR_FIGURE_LABELS: Record<CouncillorFigureKey, string> = {
  footprintIndex: 'Footprint index',
  totalReach: 'Total reach (followers)',
  localReach: 'Ward followers',
  activePlatforms: 'Active platforms',
  paired: 'Detail + listening pair',
  posts30d: 'Posts in 30 days',
  replyShare: 'Reply share',
  localShare: 'Local share',
  responsiveness: 'Mentions answered within 48 h',
  overdueInteractions: 'Mentions waiting over 48 h',
  supportFlags: 'Support flags raised',
};

export interface CouncillorRef {
  id: string;
  name: string;
  party: string | null;
  ward: WardRef;
}

// ---- GET /api/wards, GET /api/wards/:code ----

export interface WardSummary {
  code: string;
  name: string;
  councillors: CouncillorRef[];
  /** Adults (18+) living in the ward; null when the population has not been imported. */
  adults: number | null;
  /** Distinct ward-attributed followers across the ward's councillors (de-duplicated within each platform; fractional weights count); null before the first computation. */
  distinctWardFollowers: number | null;
  /** distinctWardFollowers ÷ adults; null without adults or figures. */
  penetration: number | null;
  /** The day the figures are of (YYYY-MM-DD); null before the first computation. */
  day: string | null;
}

export interface WardListResponse {
  items: WardSummary[];
  total: number;
  /** ISO 8601 time the newest figures were computed; null if never. */
  updatedAt: string | null;
}

export interface CivicCommunityView {
  community: number;
  size: number;
  /** Named: councillors and registered civic organisations. Residents only as a count. */
  councillors: string[];
  civic: string[];
  residents: number;
}

export interface CivicBridgeView {
  /** Null for a resident: residents are never identified. */
  id: string | null;
  /** The councillor's or organisation's name, or "A resident". */
  label: string;
  kind: 'councillor' | 'civic' | 'resident';
  /** Normalised betweenness: the share of shortest paths through this node. */
  betweenness: number;
  community: number;
}

export interface CivicNetworkSummary {
  nodes: number;
  edges: number;
  density: number;
  components: number;
  averageClustering: number;
  communities: number;
  modularity: number;
  communityBreakdown: CivicCommunityView[];
  bridges: CivicBridgeView[];
}

export interface CivicAccountRef {
  id: string;
  name: string;
  platform: PlatformName;
  handle: string;
}

export interface SuggestedConnectionView {
  account: CivicAccountRef;
  /**
   * Councillors elsewhere in the council this account is already connected with: it follows them, or
   * replied to or mentioned them in the last 90 days.
   */
  councillorsConnected: number;
}

export interface WardFigures {
  distinctWardFollowers: number;
  byPlatform: Partial<Record<PlatformName, number>>;
  adultPopulation: number | null;
  penetration: number | null;
}

export interface WardDetail {
  ward: { code: string; name: string; adults: number | null };
  councillors: CouncillorRef[];
  /** Null before the first computation. */
  figures: WardFigures | null;
  network: CivicNetworkSummary | null;
  suggestedConnections: SuggestedConnectionView[];
  day: string | null;
  updatedAt: string | null;
}

// ---- GET /api/support, /api/support.csv ----

export interface SupportRow {
  councillor: CouncillorRef;
  figures: CouncillorFigureValues;
  activePlatforms: PlatformName[];
  footprint: FootprintIndexView;
  flags: SupportFlagView[];
  day: string;
}

export interface SupportResponse {
  items: SupportRow[];
  total: number;
  /** The flag the list was filtered by, if any. */
  flag: SupportFlagKey | null;
  updatedAt: string | null;
}

// ---- GET /api/councillors/:id/index ----

export interface CouncillorIndexResponse {
  councillor: CouncillorRef;
  footprint: FootprintIndexView;
  /**
   * The council median of the index over the councillors with at least one account (anonymised
   * comparison); null when no other figures exist.
   */
  councilMedian: number | null;
  day: string;
  updatedAt: string;
}

// ---- GET /api/council/overlap, /api/council/index-distribution ----

export interface OverlapPairView {
  a: CouncillorRef;
  b: CouncillorRef;
  /** Followers both have (platform-qualified ids). */
  shared: number;
  union: number;
  /** shared ÷ union */
  jaccard: number;
}

export interface CouncilOverlapResponse {
  council: { code: string; name: string };
  items: OverlapPairView[];
  /** Pairs sharing any follower, before the limit. */
  total: number;
  day: string | null;
  updatedAt: string | null;
}

export interface HistogramBinView {
  from: number;
  to: number;
  count: number;
}

export interface DistributionView {
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  histogram: HistogramBinView[];
}

export interface IndexDistributionResponse {
  council: { code: string; name: string };
  distribution: DistributionView | null;
  /** The council median of every councillor figure, over the councillors with at least one account. */
  medians: CouncillorFigureValues | null;
  day: string | null;
  updatedAt: string | null;
}

// ---- GET /api/cohorts, /api/cohorts/:id/outcomes ----

export interface CohortSummary {
  id: string;
  name: string;
  council: { code: string; name: string };
  startsOn: string;
  endsOn: string | null;
  members: CouncillorRef[];
}

export interface CohortListResponse {
  items: CohortSummary[];
  total: number;
}

export type CohortAggregate = 'median' | 'mean';

export interface GroupOutcomeView {
  councillors: number;
  baseline: number | null;
  current: number | null;
  change: number | null;
}

export interface CohortSeriesPointView {
  date: string;
  cohort: number | null;
  comparison: number | null;
  cohortCouncillors: number;
  comparisonCouncillors: number;
}

export interface FigureOutcomeView {
  figure: CouncillorFigureKey;
  label: string;
  cohort: GroupOutcomeView;
  comparison: GroupOutcomeView;
  /** (cohort now − baseline) − (comparison now − baseline); null if either is. */
  differenceInDifferences: number | null;
  /** A point a week from `weeksBefore` weeks before the start up to `until`. */
  weekly: CohortSeriesPointView[];
}

export interface CohortOutcomesResponse {
  cohort: CohortSummary;
  /** The day "now" stands for: the cohort's end once passed, else today. */
  until: string;
  aggregate: CohortAggregate;
  figures: FigureOutcomeView[];
  /** When the newest figures read here were computed; null when none are stored. */
  updatedAt: string | null;
}

// ---- Admin: civic accounts and figure settings ----

/** A civic organisation an admin has registered; organisations keep their names and platform ids. */
export interface CivicAccountView extends CivicAccountRef {
  council: { code: string; name: string };
  /** Null: an organisation of the whole council, part of every ward's network. */
  ward: { code: string; name: string } | null;
  externalId: string;
  createdAt: string;
}

export interface CivicAccountListResponse {
  items: CivicAccountView[];
  total: number;
}

/** Body of `POST /api/civic-accounts`. */
export interface RegisterCivicAccountRequest {
  /** ONS council code; needed only when `ward` is null and there is more than one council. */
  council?: string;
  /** ONS ward code, or null for an organisation of the whole council. */
  ward: string | null;
  name: string;
  platform: PlatformName;
  handle: string;
  /**
   * The account's id on the platform, as its follows are recorded under: a DID on Bluesky, the numeric
   * id on X, Facebook and YouTube, `user@instance` on Mastodon (whose numeric ids differ per instance).
   * Optional through the API, which looks the handle up on its platform and refuses an id that is not
   * the one found there.
   */
  externalId?: string;
}

/** Thresholds of the support flags; each field's default is documented in libs/metrics `supportThresholdsSchema`. */
export interface SupportThresholdsView {
  minActivePlatforms: number;
  minPosts30d: number;
  minReplyShare: number;
  minPostsToJudgeReplies: number;
  overdueInteractionsToFlag: number;
  fallingReachShare: number;
  minLocalShare: number;
  minKnownFollowersToJudgeLocal: number;
  collectionStaleHours: number;
}

export interface FootprintIndexSettingsView {
  weights: Record<FootprintComponentKey, number>;
  activityTarget: number;
  replyShareTarget: number;
  localShareTarget: number;
}

/** `GET`/`PUT /api/council/figure-settings`: what is in force, and the defaults beside it. */
export interface FigureSettingsResponse {
  council: { code: string; name: string };
  supportThresholds: SupportThresholdsView;
  footprintIndex: FootprintIndexSettingsView;
  defaults: { supportThresholds: SupportThresholdsView; footprintIndex: FootprintIndexSettingsView };
}

/** Body of `PUT /api/council/figure-settings`: only what changes; the rest keeps its value. */
export interface UpdateFigureSettingsRequest {
  supportThresholds?: Partial<SupportThresholdsView>;
  footprintIndex?: Partial<Omit<FootprintIndexSettingsView, 'weights'>> & {
    weights?: Partial<Record<FootprintComponentKey, number>>;
  };
}
