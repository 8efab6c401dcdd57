import {
  formatChange,
  formatCount,
  formatDateTime,
  formatDay,
  formatPercent,
  formatShortDay,
  MISSING,
} from './format';

describe('format', () => {
  it('groups thousands the British way and shows null as a dash', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe(MISSING);
  });

  it('signs changes except zero', () => {
    expect(formatChange(12)).toBe('+12');
    expect(formatChange(-3)).toBe('-3');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(null)).toBe('—');
  });

  it('turns shares into percentages with fixed decimals', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.00456, 2)).toBe('0.46%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('formats calendar days without a time-zone shift', () => {
    expect(formatDay('2026-11-03')).toBe('3 Nov 2026');
    expect(formatDay('2026-01-01')).toBe('1 Jan 2026');
    expect(formatShortDay('2026-12-31')).toBe('31 Dec');
    expect(() => formatDay('03/11/2026')).toThrow('Not a YYYY-MM-DD day');
  });

  it('formats instants in UK local time (BST in summer, GMT in winter)', () => {
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
    expect(formatDateTime('2026-12-01T13:05:00Z')).toBe('1 Dec 2026, 13:05');
    expect(formatDateTime(null)).toBe('—');
  });
});
