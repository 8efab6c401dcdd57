import { footprintIndex } from '../testing/council-figures-fixtures';
import { indexBreakdown, indexContributionSeries, indexContributionSummary } from './footprint-index-rows';

describe('footprint index breakdown', () => {
  it('shows each component’s score, weight, points and maximum, and the total', () => {
    const breakdown = indexBreakdown(footprintIndex());
    expect(breakdown.index).toBe('51.0');
    expect(breakdown.totalWeight).toBe('100%');
    expect(breakdown.rows[0]).toEqual({
      key: 'reach',
      label: 'Reach',
      score: '60.0%',
      weight: '30%',
      points: '18.0',
      maxPoints: '30.0',
      explanation: 'Followers against the council’s largest.',
    });
    expect(breakdown.rows.map((r) => r.points)).toEqual(['18.0', '10.0', '5.0', '8.0', '10.0']);
  });

  it('charts the points each component adds, labelled by component', () => {
    const series = indexContributionSeries(footprintIndex());
    expect(series.labels).toEqual(['Reach', 'Activity', 'Conversation', 'Local', 'Platform mix']);
    expect(series.tableLabels).toEqual(series.labels);
    expect(series.datasets).toHaveLength(1);
    expect(series.datasets[0].values).toEqual([18, 10, 5, 8, 10]);
    expect(series.datasets[0].kind).toBe('bar');
  });

  it('summarises the chart in one sentence', () => {
    expect(indexContributionSummary(footprintIndex())).toBe(
      'Footprint index 51.0 of 100: reach adds most (18.0 points), conversation least (5.0).',
    );
    expect(indexContributionSummary({ index: 0, components: [] })).toBe('Footprint index 0.0 of 100.');
  });
});
