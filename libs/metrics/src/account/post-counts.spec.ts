import { postsInLastDays } from './post-counts';
import { postAt } from './testing/post-fact.fixture';

describe('postsInLastDays', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const posts = [
    postAt('2026-11-22T09:00:00Z'), // today
    postAt('2026-11-15T12:00:00Z', { kind: 'reply' }), // exactly 7 days back: in both windows
    postAt('2026-11-15T11:59:59Z', { kind: 'repost' }), // a second older: 30-day window only
    postAt('2026-10-23T12:00:00Z'), // exactly 30 days back: in the 30-day window
    postAt('2026-10-23T11:00:00Z'), // 30 days and an hour: out
    postAt('2026-11-23T08:00:00Z'), // future: out
  ];

  it('counts every kind in the last 7 and 30 days, boundaries inclusive', () => {
    expect(postsInLastDays(posts, now, 7)).toBe(2);
    expect(postsInLastDays(posts, now, 30)).toBe(4);
  });

  it('is 0 with no posts', () => {
    expect(postsInLastDays([], now, 30)).toBe(0);
  });
});
