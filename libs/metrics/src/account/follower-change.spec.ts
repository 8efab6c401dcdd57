import { followerChange } from './follower-change';

describe('followerChange', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const edge = (firstSeenAt: string, lostAt: string | null = null) => ({
    firstSeenAt: new Date(firstSeenAt),
    lostAt: lostAt === null ? null : new Date(lostAt),
  });

  it('counts edges first seen and lost inside the window', () => {
    const edges = [
      edge('2026-11-20T00:00:00Z'), // gained in 7 and 30
      edge('2026-11-01T00:00:00Z'), // gained in 30
      edge('2026-10-23T12:00:00Z'), // gained exactly 30 days back: counts
      edge('2026-06-01T00:00:00Z', '2026-11-21T00:00:00Z'), // old follower, lost in 7 and 30
      edge('2026-11-05T00:00:00Z', '2026-11-10T00:00:00Z'), // came and went within 30 days
      edge('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), // all long ago
    ];
    // 30 days: gained 4 (20 Nov, 1 Nov, 23 Oct, 5 Nov), lost 2 (21 Nov, 10 Nov), net 2.
    expect(followerChange(edges, now, 30)).toEqual({ gained: 4, lost: 2, net: 2 });
    // 7 days: gained 1 (20 Nov), lost 1 (21 Nov), net 0.
    expect(followerChange(edges, now, 7)).toEqual({ gained: 1, lost: 1, net: 0 });
  });

  it('is all zero with no edges', () => {
    expect(followerChange([], now, 30)).toEqual({ gained: 0, lost: 0, net: 0 });
  });
});
