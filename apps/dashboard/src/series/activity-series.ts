import type { SnapshotPoint } from '@wardreach/contracts';
import type { ChartSeries } from './chart-series';
import { formatCount, formatDay, formatShortDay } from './format';
import { byDay } from './follower-trend';

/**
 * Posts made each day (bars, left axis) and engagement on the last 30 days' posts
 * (likes + reposts + replies + quotes; line, right axis).
 */
export function activitySeries(points: readonly SnapshotPoint[]): ChartSeries {
  const sorted = byDay(points);
  return {
    labels: sorted.map((p) => formatShortDay(p.date)),
    tableLabels: sorted.map((p) => formatDay(p.date)),
    datasets: [
      {
        label: 'Posts that day',
        kind: 'bar',
        axis: 'left',
        values: sorted.map((p) => p.postsOnDay),
        display: sorted.map((p) => formatCount(p.postsOnDay)),
      },
      {
        label: 'Engagement, last 30 days',
        kind: 'line',
        axis: 'right',
        values: sorted.map((p) => p.engagement30d),
        display: sorted.map((p) => formatCount(p.engagement30d)),
      },
    ],
  };
}

export function activitySummary(points: readonly SnapshotPoint[]): string {
  const sorted = byDay(points);
  const first = sorted.at(0);
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return 'Posts and engagement: no history collected yet.';
  const posts = sorted.reduce((sum, p) => sum + p.postsOnDay, 0);
  const busiest = sorted.reduce((best, p) => (p.postsOnDay > best.postsOnDay ? p : best), first);
  return (
    `Posts and engagement from ${formatDay(first.date)} to ${formatDay(last.date)}: ` +
    `${formatCount(posts)} posts in all, at most ${formatCount(busiest.postsOnDay)} on one day (${formatDay(busiest.date)}); ` +
    `engagement over 30 days went from ${formatCount(first.engagement30d)} to ${formatCount(last.engagement30d)}.`
  );
}
