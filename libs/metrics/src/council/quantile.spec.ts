import fc from 'fast-check';
import { mean, median, quantile } from './quantile';

describe('quantile (type 7, linear interpolation)', () => {
  it('matches hand-worked quartiles', () => {
    // sorted 1, 3, 4, 8, 10: h(0.25) = 4 × 0.25 = 1 → 3; h(0.5) = 2 → 4; h(0.75) = 3 → 8
    const values = [8, 1, 10, 4, 3];
    expect(quantile(values, 0.25)).toBe(3);
    expect(quantile(values, 0.5)).toBe(4);
    expect(quantile(values, 0.75)).toBe(8);
    // four values 1, 2, 3, 4: h(0.25) = 0.75 → 1 + 0.75 × 1 = 1.75
    expect(quantile([4, 3, 2, 1], 0.25)).toBe(1.75);
  });

  it('takes the mean of the middle pair as the median of an even sample', () => {
    expect(median([10, 2, 6, 4])).toBe(5);
    expect(median([7])).toBe(7);
  });

  it('is null for an empty sample and rejects p outside [0, 1]', () => {
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('computes the mean', () => {
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('lies between min and max and does not reorder the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const copy = [...values];
          const q = quantile(values, p)!;
          expect(q).toBeGreaterThanOrEqual(Math.min(...values));
          expect(q).toBeLessThanOrEqual(Math.max(...values));
          expect(values).toEqual(copy);
        },
      ),
    );
  });
});
