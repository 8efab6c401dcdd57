import fc from 'fast-check';
import type { CouncillorSeries } from './cohort-facts';
import { cohortOutcomes } from './cohort-outcomes';

const councillor = (councillorId: string, points: Record<string, number | null>): CouncillorSeries => ({
  councillorId,
  snapshots: Object.entries(points).map(([date, followers]) => ({ date, figures: { followers } })),
});

describe('cohortOutcomes', () => {
  const series = [
    // cohort
    councillor('A', { '2026-09-01': 100, '2026-10-01': 130, '2026-11-22': 160 }),
    councillor('B', { '2026-08-30': 200, '2026-10-01': 210, '2026-11-22': 240 }), // baseline 2 days early
    // comparison
    councillor('C', { '2026-09-01': 50, '2026-10-01': 55, '2026-11-22': 60 }),
    councillor('D', { '2026-09-01': 300, '2026-10-01': 305, '2026-11-22': 310 }),
    councillor('G', { '2026-09-01': 10, '2026-10-01': 40, '2026-11-22': 100 }),
    councillor('E', { '2026-09-20': 5, '2026-11-22': 999 }), // first collected after the start: no baseline
    councillor('F', { '2026-08-20': 80, '2026-11-22': 85 }), // 12 days before the start: too old
  ];
  const now = new Date('2026-11-22T18:00:00Z');

  it('compares medians at baseline and now with difference-in-differences', () => {
    const result = cohortOutcomes({
      cohort: { members: ['A', 'B'], start: '2026-09-01', end: null },
      series,
      figures: ['followers'],
      now,
    });
    // cohort: median(100, 200) = 150 → median(160, 240) = 200, change 50
    // comparison C, D, G: median(50, 300, 10) = 50 → median(60, 310, 100) = 100, change 50
    // DiD = 50 − 50 = 0
    expect(result).toEqual({
      start: '2026-09-01',
      until: '2026-11-22',
      aggregate: 'median',
      figures: [
        {
          figure: 'followers',
          cohort: { councillors: 2, baseline: 150, current: 200, change: 50 },
          comparison: { councillors: 3, baseline: 50, current: 100, change: 50 },
          differenceInDifferences: 0,
        },
      ],
    });
  });

  it('compares means when asked', () => {
    const [outcome] = cohortOutcomes({
      cohort: { members: ['A', 'B'], start: '2026-09-01', end: null },
      series,
      figures: ['followers'],
      now,
      aggregate: 'mean',
    }).figures;
    // comparison: (50 + 300 + 10) / 3 = 120 → (60 + 310 + 100) / 3 = 470 / 3, change 110 / 3
    // cohort change 50 → DiD = 50 − 110 / 3 = 40 / 3
    expect(outcome.comparison.change).toBeCloseTo(110 / 3, 9);
    expect(outcome.differenceInDifferences).toBeCloseTo(40 / 3, 9);
  });

  it('measures an ended pilot at its end, whatever happened since', () => {
    const result = cohortOutcomes({
      cohort: { members: ['A', 'B'], start: '2026-09-01', end: '2026-10-01' },
      series,
      figures: ['followers'],
      now,
    });
    // cohort 150 → median(130, 210) = 170, change 20; comparison 50 → median(55, 305, 40) = 55, change 5
    expect(result.until).toBe('2026-10-01');
    expect(result.figures[0]).toMatchObject({
      cohort: { baseline: 150, current: 170, change: 20 },
      comparison: { baseline: 50, current: 55, change: 5 },
      differenceInDifferences: 15,
    });
  });

  it('is null for a figure nobody has, a group with nobody, or a pilot not yet started', () => {
    const unknownFigure = cohortOutcomes({
      cohort: { members: ['A'], start: '2026-09-01', end: null },
      series,
      figures: ['localShare'],
      now,
    }).figures[0];
    expect(unknownFigure).toEqual({
      figure: 'localShare',
      cohort: { councillors: 0, baseline: null, current: null, change: null },
      comparison: { councillors: 0, baseline: null, current: null, change: null },
      differenceInDifferences: null,
    });
    const future = cohortOutcomes({
      cohort: { members: ['A'], start: '2026-12-01', end: null },
      series,
      figures: ['followers'],
      now,
    }).figures[0];
    expect(future.differenceInDifferences).toBeNull();
    expect(future.cohort.councillors).toBe(0);
  });

  it('rejects an end before the start', () => {
    expect(() =>
      cohortOutcomes({
        cohort: { members: [], start: '2026-09-01', end: '2026-08-01' },
        series,
        figures: [],
        now,
      }),
    ).toThrow(RangeError);
  });

  it('gives zero difference-in-differences when both groups move by the same amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom('median' as const, 'mean' as const),
        (cohortStart, comparisonStart, delta, aggregate) => {
          const build = (prefix: string, values: number[]) =>
            values.map((value, i) =>
              councillor(`${prefix}${i}`, { '2026-09-01': value, '2026-11-22': value + delta }),
            );
          const all = [...build('in', cohortStart), ...build('out', comparisonStart)];
          const [outcome] = cohortOutcomes({
            cohort: { members: cohortStart.map((_, i) => `in${i}`), start: '2026-09-01', end: null },
            series: all,
            figures: ['followers'],
            now,
            aggregate,
          }).figures;
          expect(outcome.differenceInDifferences).toBeCloseTo(0, 6);
          expect(outcome.cohort.change).toBeCloseTo(delta, 6);
        },
      ),
    );
  });
});
