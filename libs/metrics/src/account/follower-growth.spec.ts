import { latestFollowers, netFollowerGrowth } from './follower-growth';
import { snapshotOnOrBefore } from './snapshot-lookup';

describe('net follower growth from snapshots', () => {
  const series = [
    { date: '2026-10-20', followers: 180 },
    { date: '2026-10-23', followers: 200 },
    { date: '2026-11-14', followers: 240 },
    { date: '2026-11-15', followers: 250 },
    { date: '2026-11-21', followers: 262 },
    { date: '2026-11-22', followers: 270 },
  ];

  it('reads the latest followers', () => {
    expect(latestFollowers([series[2], series[5], series[0]])).toBe(270);
    expect(latestFollowers([])).toBeNull();
  });

  it('subtracts the snapshot exactly 7 and 30 days back', () => {
    // 22 Nov − 7 = 15 Nov (250): 270 − 250 = 20. 22 Nov − 30 = 23 Oct (200): 270 − 200 = 70.
    expect(netFollowerGrowth(series, '2026-11-22', 7)).toBe(20);
    expect(netFollowerGrowth(series, '2026-11-22', 30)).toBe(70);
  });

  it('fills a missed day from the nearest earlier snapshot within 3 days, never a later one', () => {
    const withoutThe15th = series.filter((s) => s.date !== '2026-11-15');
    // 15 Nov missing → 14 Nov (240): 270 − 240 = 30.
    expect(netFollowerGrowth(withoutThe15th, '2026-11-22', 7)).toBe(30);
    // Today missing → 21 Nov (262) stands for today: 262 − 250 = 12.
    expect(netFollowerGrowth(series.slice(0, 5), '2026-11-22', 7)).toBe(12);
  });

  it('is null when the series does not reach back that far', () => {
    const recent = series.slice(2);
    // 30 days back is 23 Oct; the series starts on 14 Nov.
    expect(netFollowerGrowth(recent, '2026-11-22', 30)).toBeNull();
    expect(netFollowerGrowth([], '2026-11-22', 7)).toBeNull();
  });

  it('is null when the gap before the target day is longer than the tolerance', () => {
    const gappy = [series[0], series[5]]; // 20 Oct and 22 Nov
    // 30 days back is 23 Oct; 20 Oct is 3 days earlier (allowed), 40 days back is 13 Oct (nothing).
    expect(netFollowerGrowth(gappy, '2026-11-22', 30)).toBe(90);
    expect(snapshotOnOrBefore(gappy, '2026-10-24')).toBeNull();
  });
});
