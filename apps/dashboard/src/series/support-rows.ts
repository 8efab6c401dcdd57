import type { SupportFlagView, SupportRow as SupportItem } from '@wardreach/contracts';
import type { ColumnKind } from './table-sort';
import { formatCount, formatIndex, formatPercent, MISSING } from './format';
import { PLATFORM_LABEL } from './platform-label';

/** The sortable columns of the support table, in display order: flags beside the name, so they stay in view on a phone. */
export const SUPPORT_COLUMNS = [
  'name',
  'flags',
  'footprintIndex',
  'ward',
  'party',
  'totalReach',
  'localReach',
  'posts30d',
  'replyShare',
] as const;
export type SupportColumn = (typeof SUPPORT_COLUMNS)[number];

export const SUPPORT_COLUMN_LABEL: Record<SupportColumn, string> = {
  name: 'Name',
  ward: 'Ward',
  party: 'Party',
  footprintIndex: 'Footprint index',
  totalReach: 'Followers',
  localReach: 'Ward followers',
  posts30d: 'Posts, 30 days',
  replyShare: 'Reply share',
  flags: 'Support flags',
};

export const SUPPORT_COLUMN_KIND: Record<SupportColumn, ColumnKind> = {
  name: 'text',
  ward: 'text',
  party: 'text',
  footprintIndex: 'number',
  totalReach: 'number',
  localReach: 'number',
  posts30d: 'number',
  replyShare: 'number',
  flags: 'number',
};

export interface SupportTableRow {
  id: string;
  wardCode: string;
  party: string | null;
  platforms: string;
  /** Each raised flag with the sentence that explains it. */
  flags: SupportFlagView[];
  display: Record<SupportColumn, string>;
  sortValue: Record<SupportColumn, string | number | null>;
}

export function toSupportRow(item: SupportItem): SupportTableRow {
  const { councillor, figures: f } = item;
  return {
    id: councillor.id,
    wardCode: councillor.ward.code,
    party: councillor.party,
    platforms:
      item.activePlatforms.length === 0
        ? 'None'
        : item.activePlatforms.map((p) => PLATFORM_LABEL[p]).join(', '),
    flags: item.flags,
    display: {
      name: councillor.name,
      ward: councillor.ward.name,
      party: councillor.party ?? MISSING,
      footprintIndex: formatIndex(item.footprint.index),
      totalReach: formatCount(f.totalReach),
      localReach: formatCount(f.localReach),
      posts30d: formatCount(f.posts30d),
      replyShare: formatPercent(f.replyShare),
      flags: item.flags.length === 0 ? 'None' : formatCount(item.flags.length),
    },
    sortValue: {
      name: councillor.name,
      ward: councillor.ward.name,
      party: councillor.party,
      footprintIndex: item.footprint.index,
      totalReach: f.totalReach,
      localReach: f.localReach,
      posts30d: f.posts30d,
      replyShare: f.replyShare,
      flags: item.flags.length,
    },
  };
}

/** Figures are right-aligned so digits line up; the flags column holds sentences. */
export function supportAlignsRight(column: SupportColumn): boolean {
  return SUPPORT_COLUMN_KIND[column] === 'number' && column !== 'flags';
}
