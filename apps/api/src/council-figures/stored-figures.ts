import type { CivicAccountRef, CouncillorFigureValues } from '@wardreach/contracts';
import type {
  CouncillorFigures,
  Distribution,
  FollowerOverlapPair,
  FootprintIndex,
  SupportFlag,
  WardCivicNetwork,
  WardReach,
} from '@wardreach/metrics';

/**
 * What one `metric_snapshot` row holds in `figures`, per scope. Each part is a libs/metrics result
 * stored as computed, so the views read the same numbers the day they were computed.
 */

/** scope `councillor`, subject = councillor id. `values` is what cohorts and medians read. */
export interface CouncillorDayFigures {
  values: CouncillorFigureValues;
  figures: CouncillorFigures;
  footprint: FootprintIndex;
  flags: SupportFlag[];
}

/** scope `ward`, subject = ward code. */
export interface WardDayFigures {
  reach: WardReach;
  councillors: number;
  network: WardCivicNetwork;
  suggestedConnections: Array<{ account: CivicAccountRef; wardConnections: number }>;
}

/** scope `council`, subject = council code. */
export interface CouncilDayFigures {
  councillors: number;
  /** Pairs sharing any follower, before keeping each councillor's top pairs. */
  overlapPairs: number;
  /** Each councillor's OVERLAP_TOP_PER_COUNCILLOR most overlapping pairs, largest Jaccard first. */
  overlap: FollowerOverlapPair[];
  indexDistribution: Distribution;
  medians: CouncillorFigureValues;
}

export const OVERLAP_TOP_PER_COUNCILLOR = 5;
