import type { CouncillorSeries } from './cohort-facts';
import { cohortOutcomes } from './cohort-outcomes';
import { cohortWeeklySeries } from './cohort-weekly-series';

describe('cohortWeeklySeries', () => {
  // Daily snapshots from 18 Oct to 22 Nov; X gains 2 a day, Y 1 a day, Z 3 a day from 100.
  const daily = (councillorId: string, perDay: number, skip: string[] = []): CouncillorSeries => {
    const snapshots = [];
    for (let d = 0; d <= 35; d += 1) {
      const date = new Date(Date.UTC(2026, 9, 18 + d)).toISOString().slice(0, 10);
      if (!skip.includes(date)) snapshots.push({ date, figures: { posts30d: 100 + perDay * d } });
    }
    return { councillorId, snapshots };
  };
  const series = [daily('X', 2), daily('Y', 1), daily('Z', 3, ['2026-11-08', '2026-11-07'])];
  const cohort = { members: ['X'], start: '2026-11-01', end: null };
  const now = new Date('2026-11-22T09:00:00Z');

  it('puts a point every 7 days from weeks before the start to today', () => {
    const points = cohortWeeklySeries({ cohort, series, figure: 'posts30d', now, weeksBefore: 2 });
    expect(points.map((p) => p.date)).toEqual([
      '2026-10-18',
      '2026-10-25',
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      '2026-11-22',
    ]);
    // 18 Oct is day 0: X = 100; Y and Z = 100 → comparison median 100.
    expect(points[0]).toEqual({
      date: '2026-10-18',
      cohort: 100,
      comparison: 100,
      cohortCouncillors: 1,
      comparisonCouncillors: 2,
    });
    // 8 Nov is day 21: X = 142; Y = 121; Z missing 7 and 8 Nov → 6 Nov (day 19) = 157; median (121 + 157) / 2 = 139
    expect(points[3]).toMatchObject({ cohort: 142, comparison: 139, comparisonCouncillors: 2 });
  });

  it('starts and ends at the outcome table’s baseline and current values', () => {
    const points = cohortWeeklySeries({ cohort, series, figure: 'posts30d', now });
    const [outcome] = cohortOutcomes({ cohort, series, figures: ['posts30d'], now }).figures;
    expect(points[0].cohort).toBe(outcome.cohort.baseline);
    expect(points[points.length - 1].comparison).toBe(outcome.comparison.current);
  });

  it('adds the end day when it is off the weekly grid', () => {
    const points = cohortWeeklySeries({
      cohort: { ...cohort, end: '2026-11-10' },
      series,
      figure: 'posts30d',
      now,
    });
    expect(points.map((p) => p.date)).toEqual(['2026-11-01', '2026-11-08', '2026-11-10']);
  });

  it('is empty before the pilot starts', () => {
    expect(
      cohortWeeklySeries({ cohort: { ...cohort, start: '2026-12-01' }, series, figure: 'posts30d', now }),
    ).toEqual([]);
  });
});
