import { isWithinLastDays } from './time-window';

describe('isWithinLastDays', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('includes an instant exactly N days back and excludes one a millisecond earlier', () => {
    // 30 days before 22 Nov 12:00 is 23 Oct 12:00.
    expect(isWithinLastDays(new Date('2026-10-23T12:00:00.000Z'), now, 30)).toBe(true);
    expect(isWithinLastDays(new Date('2026-10-23T11:59:59.999Z'), now, 30)).toBe(false);
  });

  it('includes now itself and excludes the future', () => {
    expect(isWithinLastDays(now, now, 7)).toBe(true);
    expect(isWithinLastDays(new Date('2026-11-22T12:00:00.001Z'), now, 7)).toBe(false);
  });
});
