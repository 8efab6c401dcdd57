import { addDays, dayOf, daysBetween, startOfDay } from './calendar-day';

describe('calendar days (UTC)', () => {
  it('takes the UTC day of an instant, even late in the evening in BST', () => {
    // 23:30 BST on 1 July is 22:30 UTC, still 1 July; 00:30 BST on 2 July is 23:30 UTC on 1 July.
    expect(dayOf(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-01');
    expect(dayOf(new Date('2026-07-01T23:30:00+00:00'))).toBe('2026-07-01');
  });

  it('adds days across month, year and the March clock change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-10-01', '2026-10-31')).toBe(30);
    expect(daysBetween('2026-10-31', '2026-10-01')).toBe(-30);
  });

  it('rejects what is not a real day', () => {
    expect(() => startOfDay('2026-02-30')).toThrow(RangeError);
    expect(() => startOfDay('1 May 2026')).toThrow(RangeError);
  });
});
