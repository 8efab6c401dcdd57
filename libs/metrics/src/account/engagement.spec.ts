import { engagementInLastDays, engagementRate, likesHiddenInLastDays } from './engagement';
import { postAt } from './testing/post-fact.fixture';

describe('engagement', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const posts = [
    postAt('2026-11-20T10:00:00Z', { likes: 10, reposts: 2, replies: 3, quotes: 1 }), // 16
    postAt('2026-11-01T10:00:00Z', { likes: 4, reposts: 0, replies: 1, quotes: 0 }), // 5
    postAt('2026-10-01T10:00:00Z', { likes: 100, reposts: 50, replies: 0, quotes: 0 }), // outside 30 days
  ];

  it('sums likes + reposts + replies + quotes over posts of the last 30 days', () => {
    // 16 + 5 = 21
    expect(engagementInLastDays(posts, now)).toBe(21);
    expect(engagementInLastDays(posts, now, 7)).toBe(16);
  });

  it('counts the likes it knows, and says on how many posts of the window they were hidden', () => {
    const hidden = [
      ...posts,
      postAt('2026-11-21T10:00:00Z', { likes: null, reposts: 0, replies: 2, quotes: 0 }), // 2, likes hidden
      postAt('2026-10-02T10:00:00Z', { likes: null, reposts: 0, replies: 9, quotes: 0 }), // outside 30 days
    ];
    expect(engagementInLastDays(hidden, now)).toBe(23);
    expect(likesHiddenInLastDays(hidden, now)).toBe(1);
    expect(likesHiddenInLastDays(hidden, now, 90)).toBe(2);
    expect(likesHiddenInLastDays(posts, now)).toBe(0);
  });

  it('divides by posts × followers', () => {
    // 21 / (2 × 300) = 0.035
    expect(engagementRate({ engagement30d: 21, posts30d: 2, followers: 300 })).toBeCloseTo(0.035, 12);
  });

  it('is null with no posts or no followers', () => {
    expect(engagementRate({ engagement30d: 0, posts30d: 0, followers: 300 })).toBeNull();
    expect(engagementRate({ engagement30d: 5, posts30d: 3, followers: 0 })).toBeNull();
  });
});
