import fc from 'fast-check';
import { fullJitterDelayMs } from './backoff';

describe('fullJitterDelayMs', () => {
  it('stays within [0, min(max, base × 2^retry)) for any random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, max, draw) => {
          const delay = fullJitterDelayMs(retry, base, max, () => draw);
          const ceiling = Math.min(max, base * 2 ** retry);
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });

  it('doubles the ceiling each retry until the cap', () => {
    const top = (retry: number) => fullJitterDelayMs(retry, 100, 1_000, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });
});
