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

  it('shows points that add up to the index as shown, rounding by largest remainder', () => {
    const base = footprintIndex();
    const contributions = [15.55, 4.65, 8.05, 5, 4.55]; // 37.8; one by one they would show 38.0
    const view = {
      index: 37.8,
      components: base.components.map((c, i) => ({ ...c, contribution: contributions[i] })),
    };
    const breakdown = indexBreakdown(view);
    expect(breakdown.rows.map((r) => r.points)).toEqual(['15.6', '4.7', '8.0', '5.0', '4.5']);
    expect(breakdown.rows.reduce((sum, r) => sum + Number(r.points), 0)).toBeCloseTo(37.8, 9);
    expect(breakdown.index).toBe('37.8');
    expect(indexContributionSeries(view).datasets[0].display).toEqual(breakdown.rows.map((r) => r.points));
    expect(indexContributionSeries(view).datasets[0].values).toEqual(contributions);
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
