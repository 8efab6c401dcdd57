import { snapshot } from '../testing/fixtures';
import { activitySeries, activitySummary } from './activity-series';
import { followerTrendSeries, followerTrendSummary } from './follower-trend';

// Deliberately out of order: the API's order must not matter.
const points = [
  snapshot('2026-11-20', 1500, 3, 100),
  snapshot('2026-11-18', 1480, 2, 90),
  snapshot('2026-11-19', 1490, 0, 85),
];

describe('follower trend', () => {
  it('orders days and formats labels and values', () => {
    const series = followerTrendSeries(points);
    expect(series.labels).toEqual(['18 Nov', '19 Nov', '20 Nov']);
    expect(series.tableLabels).toEqual(['18 Nov 2026', '19 Nov 2026', '20 Nov 2026']);
    expect(series.datasets).toEqual([
      {
        label: 'Followers',
        kind: 'line',
        axis: 'left',
        values: [1480, 1490, 1500],
        display: ['1,480', '1,490', '1,500'],
      },
    ]);
  });

  it('summarises the range and the change for screen readers', () => {
    expect(followerTrendSummary(points)).toBe(
      'Follower trend from 18 Nov 2026 to 20 Nov 2026: 1,480 to 1,500 followers (+20).',
    );
    expect(followerTrendSummary([])).toBe('Follower trend: no history collected yet.');
    expect(followerTrendSummary([points[0]])).toBe(
      'Follower trend: 1,500 followers on 20 Nov 2026, one day of history.',
    );
  });
});

describe('posts and engagement', () => {
  it('puts daily posts as bars on the left and 30-day engagement as a line on the right', () => {
    const series = activitySeries(points);
    expect(series.datasets.map((d) => [d.label, d.kind, d.axis, d.values])).toEqual([
      ['Posts that day', 'bar', 'left', [2, 0, 3]],
      ['Engagement, last 30 days', 'line', 'right', [90, 85, 100]],
    ]);
  });

  it('summarises totals, the busiest day and the engagement change', () => {
    expect(activitySummary(points)).toBe(
      'Posts and engagement from 18 Nov 2026 to 20 Nov 2026: 5 posts in all, at most 3 on one day (20 Nov 2026); ' +
        'engagement over 30 days went from 90 to 100.',
    );
    expect(activitySummary([])).toBe('Posts and engagement: no history collected yet.');
  });
});
