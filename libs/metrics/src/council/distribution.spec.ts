import fc from 'fast-check';
import { distribution, indexDistribution } from './distribution';

describe('distribution of the index', () => {
  it('summarises hand-worked values into quartiles and ten bins', () => {
    // sorted: 5, 12, 18, 40, 55, 61, 100 (n = 7): q1 at h = 1.5 → 12 + 0.5 × 6 = 15;
    // median at h = 3 → 40; q3 at h = 4.5 → 55 + 0.5 × 6 = 58; mean 291 / 7
    const result = indexDistribution([55, 5, 100, 18, 40, 61, 12]);
    expect(result).toMatchObject({ count: 7, min: 5, q1: 15, median: 40, q3: 58, max: 100 });
    expect(result.mean).toBeCloseTo(291 / 7, 12);
    // 0–10: 5; 10–20: 12, 18; 40–50: 40; 50–60: 55; 60–70: 61; 90–100 (closed): 100
    expect(result.histogram.map((bin) => bin.count)).toEqual([1, 2, 0, 0, 1, 1, 1, 0, 0, 1]);
    expect(result.histogram[9]).toEqual({ from: 90, to: 100, count: 1 });
  });

  it('puts a value on an inner edge in the upper bin', () => {
    expect(distribution([10], [0, 10, 20]).histogram.map((bin) => bin.count)).toEqual([0, 1]);
  });

  it('is empty, not zero, with no councillors', () => {
    expect(indexDistribution([])).toMatchObject({ count: 0, min: null, median: null, max: null, mean: null });
  });

  it('rejects edges that do not increase', () => {
    expect(() => distribution([1], [0, 10, 10])).toThrow(RangeError);
  });

  it('bins every index in [0, 100] exactly once, with min ≤ q1 ≤ median ≤ q3 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1 }), (values) => {
        const result = indexDistribution(values);
        expect(result.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
        const ordered = [result.min!, result.q1!, result.median!, result.q3!, result.max!];
        expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
      }),
    );
  });
});
