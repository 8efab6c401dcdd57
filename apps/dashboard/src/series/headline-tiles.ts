import type { CouncilOverview, HeadlineFigures } from '@wardreach/contracts';
import { formatChange, formatCount, formatPercent, likesHiddenNote } from './format';

export type TileKey =
  'followers' | 'net7d' | 'net30d' | 'posts30d' | 'engagementRate' | 'replyShare' | 'localShare';

export interface HeadlineTile {
  key: TileKey;
  label: string;
  value: string;
  /** The council median, formatted; "—" when the council has no value for it. */
  median: string;
  /** Compared with the median in words, so the comparison never rests on colour. */
  comparison: 'above' | 'below' | 'level' | 'unknown';
  /** What the value leaves out, in words (likes a platform hides); null when nothing. */
  note: string | null;
}

/** The council medians each tile is compared with (anonymised: no councillor is named). */
export type CouncilMedians = Record<TileKey, number | null>;

/** The council medians each tile is compared with, as the API computes them (anonymised). */
export function councilMedians(overview: CouncilOverview): CouncilMedians {
  const t = overview.totals;
  return {
    followers: t.medianFollowers,
    net7d: t.medianFollowersNet7d,
    net30d: t.medianFollowersNet30d,
    posts30d: t.medianPosts30d,
    engagementRate: t.medianEngagementRate,
    replyShare: t.medianReplyShare,
    localShare: t.medianLocalShare,
  };
}

const TILE_SPECS: {
  key: TileKey;
  label: string;
  pick: (f: HeadlineFigures) => number | null;
  format: (v: number | null) => string;
  note?: (f: HeadlineFigures) => string | null;
}[] = [
  { key: 'followers', label: 'Followers', pick: (f) => f.followers, format: formatCount },
  { key: 'net7d', label: 'Net followers, 7 days', pick: (f) => f.followersNet7d, format: formatChange },
  { key: 'net30d', label: 'Net followers, 30 days', pick: (f) => f.followersNet30d, format: formatChange },
  { key: 'posts30d', label: 'Posts, 30 days', pick: (f) => f.posts30d, format: formatCount },
  {
    key: 'engagementRate',
    label: 'Engagement rate',
    pick: (f) => f.engagementRate,
    format: (v) => formatPercent(v, 2),
    note: (f) => likesHiddenNote(f.likesHidden30d),
  },
  { key: 'replyShare', label: 'Reply share', pick: (f) => f.replyShare, format: (v) => formatPercent(v) },
  { key: 'localShare', label: 'Local share', pick: (f) => f.localShare, format: (v) => formatPercent(v) },
];

export function headlineTiles(figures: HeadlineFigures, medians: CouncilMedians): HeadlineTile[] {
  return TILE_SPECS.map(({ key, label, pick, format, note }) => {
    const value = pick(figures);
    const mid = medians[key];
    return {
      key,
      label,
      value: format(value),
      median: format(mid),
      comparison: compare(value, mid),
      note: note?.(figures) ?? null,
    };
  });
}

function compare(value: number | null, mid: number | null): HeadlineTile['comparison'] {
  if (value === null || mid === null) return 'unknown';
  if (value > mid) return 'above';
  if (value < mid) return 'below';
  return 'level';
}

export interface LocalSplitRow {
  label: string;
  count: string;
  /** Share of all followers, so the four rows add up to 100%. */
  share: string;
}

/** Where followers are placed: the ward, elsewhere in the council area, elsewhere, unknown. */
export function localSplit(figures: HeadlineFigures): LocalSplitRow[] {
  const parts = [
    { label: 'In the ward', count: figures.followersWard },
    { label: 'Elsewhere in the council area', count: figures.followersCouncil },
    { label: 'Outside the council area', count: figures.followersElsewhere },
    { label: 'Place unknown', count: figures.followersUnknown },
  ];
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  return parts.map((p) => ({
    label: p.label,
    count: formatCount(p.count),
    share: formatPercent(total === 0 ? null : p.count / total),
  }));
}
