import type { CouncillorFigures } from './councillor-figures';
import { DEFAULT_FOOTPRINT_INDEX_SETTINGS, type FootprintIndexSettings } from './footprint-index-settings';

export type FootprintComponentKey = 'reach' | 'activity' | 'conversation' | 'local' | 'platformMix';

export interface FootprintComponent {
  key: FootprintComponentKey;
  label: string;
  /** cᵢ in [0, 1]. */
  value: number;
  /** wᵢ; the weights sum to 1. */
  weight: number;
  /** Points this component adds to the index: 100 × wᵢ × cᵢ. */
  contribution: number;
  /** How the value was reached, with the numbers. */
  explanation: string;
}

export interface FootprintIndex {
  /** 100 × Σ wᵢ cᵢ, in [0, 100]. */
  index: number;
  components: FootprintComponent[];
}

/** Smallest reach reference: in a council where everyone is small, the largest must not score full reach. */
export const REACH_REFERENCE_FLOOR = 1000;

/** The reach that scores 1: the larger of the council's largest total reach and REACH_REFERENCE_FLOOR. */
export function reachReference(totalReaches: readonly number[], floor = REACH_REFERENCE_FLOOR): number {
  return totalReaches.reduce((max, reach) => Math.max(max, reach), floor);
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const num = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/**
 * The footprint index, 0–100, shown with its components so nobody has to trust a black box:
 * index = 100 × Σ wᵢ cᵢ over five components, each cᵢ in [0, 1]:
 * - reach        c = ln(1 + total reach) ÷ ln(1 + reference), capped at 1 (log scale: going from 100
 *                to 1,000 followers counts as much as from 1,000 to 10,000); reference from `reachReference`;
 * - activity     c = min(1, posts in 30 days ÷ activityTarget);
 * - conversation c = mean of min(1, reply share ÷ replyShareTarget) and responsiveness (share of
 *                mentions answered within 48 h); reply part alone when nothing could be judged; 0 with no posts;
 * - local        c = min(1, local share ÷ localShareTarget); 0 when no follower's place is known;
 * - platformMix  c = 1 when a detail channel is paired with a listening channel, otherwise
 *                0.3 per active platform up to two (0, 0.3, 0.6).
 */
export function footprintIndex(
  figures: CouncillorFigures,
  reference: number,
  settings: FootprintIndexSettings = DEFAULT_FOOTPRINT_INDEX_SETTINGS,
): FootprintIndex {
  const { weights } = settings;
  const reachValue = reference > 0 ? clamp01(Math.log1p(figures.totalReach) / Math.log1p(reference)) : 0;
  const activityValue = clamp01(figures.posts30d / settings.activityTarget);
  const replyPart = figures.replyShare === null ? 0 : clamp01(figures.replyShare / settings.replyShareTarget);
  const conversationValue =
    figures.responsiveness === null ? replyPart : (replyPart + figures.responsiveness) / 2;
  const localValue =
    figures.localShare === null ? 0 : clamp01(figures.localShare / settings.localShareTarget);
  const activeCount = figures.activePlatforms.length;
  const mixValue = figures.pairing.paired ? 1 : 0.3 * Math.min(2, activeCount);

  const parts: Array<Omit<FootprintComponent, 'contribution'>> = [
    {
      key: 'reach',
      label: 'Reach',
      value: reachValue,
      weight: weights.reach,
      explanation: `${num(figures.totalReach)} followers across all platforms, on a log scale where ${num(reference)} scores full marks.`,
    },
    {
      key: 'activity',
      label: 'Activity',
      value: activityValue,
      weight: weights.activity,
      explanation: `${num(figures.posts30d)} posts in the last 30 days; ${num(settings.activityTarget)} or more scores full marks.`,
    },
    {
      key: 'conversation',
      label: 'Conversation',
      value: conversationValue,
      weight: weights.conversation,
      explanation:
        (figures.replyShare === null
          ? 'No posts in the last 30 days to count replies in'
          : `${pct(figures.replyShare)} of posts were replies (${pct(settings.replyShareTarget)} scores full marks)`) +
        (figures.responsiveness === null
          ? '; no mentions to judge responsiveness by.'
          : `; ${pct(figures.responsiveness)} of mentions answered within 48 hours.`),
    },
    {
      key: 'local',
      label: 'Local share',
      value: localValue,
      weight: weights.local,
      explanation:
        figures.localShare === null
          ? 'No follower could be placed yet, so local share is unknown and scores 0.'
          : `${pct(figures.localShare)} of followers with a known place are in the ward; ${pct(settings.localShareTarget)} scores full marks.`,
    },
    {
      key: 'platformMix',
      label: 'Platform mix',
      value: mixValue,
      weight: weights.platformMix,
      explanation: figures.pairing.pair
        ? `Pairs ${figures.pairing.pair.detail} (detail) with ${figures.pairing.pair.listening} (listening).`
        : `${activeCount} active platform${activeCount === 1 ? '' : 's'} without a detail + listening pair.`,
    },
  ];
  const components = parts.map((part) => ({ ...part, contribution: 100 * part.weight * part.value }));
  const index = Math.min(
    100,
    Math.max(
      0,
      components.reduce((sum, c) => sum + c.contribution, 0),
    ),
  );
  return { index, components };
}
