import type { CouncillorFigureKey } from '@wardreach/contracts';
import { formatDecimal, formatIndex, formatPercent, MISSING } from './format';

/** How a councillor figure is read: an index out of 100, a share of 1, or a count. */
export type FigureKind = 'index' | 'share' | 'count';

/** `paired` is 1 or 0 per councillor, so its mean is the share of councillors with a pair. */
export const FIGURE_KIND: Record<CouncillorFigureKey, FigureKind> = {
  footprintIndex: 'index',
  totalReach: 'count',
  localReach: 'count',
  activePlatforms: 'count',
  paired: 'share',
  posts30d: 'count',
  replyShare: 'share',
  localShare: 'share',
  responsiveness: 'share',
  overdueInteractions: 'count',
  supportFlags: 'count',
};

/** What a CSV reader needs to know about a figure's raw numbers. */
export const FIGURE_UNIT: Record<FigureKind, string> = {
  index: 'index 0-100',
  share: 'share 0-1',
  count: 'count',
};

const signedOneDecimal = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const signedFixedOneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** A group's figure as the table shows it: index "62.4", share "25.0%", count "12.5"; null → "—". */
export function formatFigureValue(figure: CouncillorFigureKey, value: number | null): string {
  if (value === null) return MISSING;
  switch (FIGURE_KIND[figure]) {
    case 'index':
      return formatIndex(value);
    case 'share':
      return formatPercent(value);
    case 'count':
      return formatDecimal(value);
  }
}

/**
 * A change of a figure: the index signed with one decimal ("+3.0"), counts signed ("+3.5", "-2"), shares in percentage points
 * ("+15.0 pp"), since a change of a percentage is not itself a percentage; null → "—".
 */
export function formatFigureChange(figure: CouncillorFigureKey, value: number | null): string {
  if (value === null) return MISSING;
  switch (FIGURE_KIND[figure]) {
    case 'index':
      return signedFixedOneDecimal.format(value);
    case 'count':
      return signedOneDecimal.format(value);
    case 'share':
      return `${signedFixedOneDecimal.format(value * 100)} pp`;
  }
}
