import { MAX_OVERLAP_LIMIT } from './view-queries';
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
  /** Organisations none of the ward's councillors is connected with. */
  suggestedConnections: StoredSuggestion[];
  /**
   * Each councillor's own, by councillor id: organisations they are not connected with. Days stored
   * before this was kept have none.
   */
  councillorSuggestions?: Record<string, StoredSuggestion[]>;
}

/**
 * A suggested connection as stored. Days stored before `councillorsConnected` was kept have
 * `wardConnections` instead, which counted links the ward's network could not hold and was always 0.
 */
export interface StoredSuggestion {
  account: CivicAccountRef;
  councillorsConnected: number;
}

/** scope `council`, subject = council code. */
export interface CouncilDayFigures {
  councillors: number;
  /** Pairs sharing any follower, before keeping the top ones. */
  overlapPairs: number;
  /** The OVERLAP_PAIRS_KEPT pairs with the largest Jaccard index, largest first (what the overlap view can show). */
  overlap: FollowerOverlapPair[];
  indexDistribution: Distribution;
  medians: CouncillorFigureValues;
}

/** As many pairs as `GET /api/council/overlap?limit=` may ask for. */
export const OVERLAP_PAIRS_KEPT = MAX_OVERLAP_LIMIT;
