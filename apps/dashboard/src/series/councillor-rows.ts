import type { CouncillorSummary, PlatformName } from '@wardreach/contracts';
import {
  formatChange,
  formatCount,
  formatDateTime,
  formatEngagementRate,
  formatPercent,
  MISSING,
} from './format';
import { PLATFORM_LABEL } from './platform-label';

/** The sortable columns of the council table, in display order. */
export const COUNCILLOR_COLUMNS = [
  'name',
  'ward',
  'party',
  'platforms',
  'followers',
  'net30d',
  'posts30d',
  'engagementRate',
  'localShare',
  'lastCollected',
] as const;
export type CouncillorColumn = (typeof COUNCILLOR_COLUMNS)[number];

export const COLUMN_LABEL: Record<CouncillorColumn, string> = {
  name: 'Name',
  ward: 'Ward',
  party: 'Party',
  platforms: 'Platforms',
  followers: 'Followers',
  net30d: 'Net followers, 30 days',
  posts30d: 'Posts, 30 days',
  engagementRate: 'Engagement rate',
  localShare: 'Local share',
  lastCollected: 'Last collected',
};

/** Text columns sort A→Z first; figures sort largest first, which is what people look for. */
export const COLUMN_KIND: Record<CouncillorColumn, 'text' | 'number'> = {
  name: 'text',
  ward: 'text',
  party: 'text',
  platforms: 'number',
  followers: 'number',
  net30d: 'number',
  posts30d: 'number',
  engagementRate: 'number',
  localShare: 'number',
  lastCollected: 'number',
};

export interface CouncillorRow {
  id: string;
  wardCode: string;
  platformNames: PlatformName[];
  /** What each cell shows. */
  display: Record<CouncillorColumn, string>;
  /** What each column sorts by; null sorts last in either direction. */
  sortValue: Record<CouncillorColumn, string | number | null>;
}

export function toCouncillorRow(c: CouncillorSummary): CouncillorRow {
  const f = c.figures;
  return {
    id: c.id,
    wardCode: c.ward.code,
    platformNames: c.platforms,
    display: {
      name: c.name,
      ward: c.ward.name,
      party: c.party ?? MISSING,
      platforms: c.platforms.length === 0 ? 'None' : c.platforms.map((p) => PLATFORM_LABEL[p]).join(', '),
      followers: formatCount(f.followers),
      net30d: formatChange(f.followersNet30d),
      posts30d: formatCount(f.posts30d),
      engagementRate: formatEngagementRate(f.engagementRate, f.likesHidden30d),
      localShare: formatPercent(f.localShare),
      lastCollected: formatDateTime(c.lastCollectedAt),
    },
    sortValue: {
      name: c.name,
      ward: c.ward.name,
      party: c.party,
      platforms: c.platforms.length,
      followers: f.followers,
      net30d: f.followersNet30d,
      posts30d: f.posts30d,
      engagementRate: f.engagementRate,
      localShare: f.localShare,
      lastCollected: c.lastCollectedAt === null ? null : Date.parse(c.lastCollectedAt),
    },
  };
}

/** Figures are right-aligned so digits line up; lists and dates read better left-aligned. */
export function alignsRight(column: CouncillorColumn): boolean {
  return COLUMN_KIND[column] === 'number' && column !== 'platforms' && column !== 'lastCollected';
}
