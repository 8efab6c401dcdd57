import type { SnapshotPoint } from '@wardreach/contracts';
import type { ChartSeries } from './chart-series';
import { formatChange, formatCount, formatDay, formatShortDay } from './format';

/** Followers per day, summed over the councillor's accounts by the API. */
export function followerTrendSeries(points: readonly SnapshotPoint[]): ChartSeries {
  const sorted = byDay(points);
  return {
    labels: sorted.map((p) => formatShortDay(p.date)),
    tableLabels: sorted.map((p) => formatDay(p.date)),
    datasets: [
      {
        label: 'Followers',
        kind: 'line',
        axis: 'left',
        values: sorted.map((p) => p.followers),
        display: sorted.map((p) => formatCount(p.followers)),
      },
    ],
  };
}

/** The sentence a screen reader hears for the chart: the range and the change over it. */
export function followerTrendSummary(points: readonly SnapshotPoint[]): string {
  const sorted = byDay(points);
  const first = sorted.at(0);
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return 'Follower trend: no history collected yet.';
  if (first === last)
    return `Follower trend: ${formatCount(last.followers)} followers on ${formatDay(last.date)}, one day of history.`;
  return (
    `Follower trend from ${formatDay(first.date)} to ${formatDay(last.date)}: ` +
    `${formatCount(first.followers)} to ${formatCount(last.followers)} followers ` +
    `(${formatChange(last.followers - first.followers)}).`
  );
}

export function byDay(points: readonly SnapshotPoint[]): SnapshotPoint[] {
  return [...points].sort((a, b) => a.date.localeCompare(b.date));
}
