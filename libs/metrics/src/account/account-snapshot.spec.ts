import type { FollowerPlace } from './account-facts';
import { buildAccountSnapshot, type BuildAccountSnapshotParams } from './account-snapshot';
import { postAt } from './testing/post-fact.fixture';

describe('buildAccountSnapshot', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const inWard: FollowerPlace = { status: 'ward', weights: new Map([['E05000001', 1]]) };
  const elsewhere: FollowerPlace = { status: 'elsewhere', weights: new Map() };
  const unknown: FollowerPlace = { status: 'unknown', weights: new Map() };

  const params: BuildAccountSnapshotParams = {
    now,
    profile: { followers: 10, following: 55, posts: 812 },
    posts: [
      postAt('2026-11-22T08:00:00Z', { likes: 3, links: ['https://www.kirklees.gov.uk/x'] }), // today
      postAt('2026-11-20T08:00:00Z', { kind: 'reply', likes: 1, replies: 1 }),
      postAt('2026-11-02T08:00:00Z', { kind: 'repost', reposts: 2, quotes: 1 }),
      postAt('2026-11-01T08:00:00Z', { likes: 4 }),
      postAt('2026-09-01T08:00:00Z', { likes: 90 }), // outside 30 days
    ],
    interactions: [
      { createdAt: new Date('2026-11-10T12:00:00Z'), answeredAt: new Date('2026-11-10T13:00:00Z') },
      { createdAt: new Date('2026-11-11T12:00:00Z'), answeredAt: null },
    ],
    followEdges: [
      { firstSeenAt: new Date('2026-11-20T00:00:00Z'), lostAt: null },
      { firstSeenAt: new Date('2026-05-01T00:00:00Z'), lostAt: new Date('2026-11-19T00:00:00Z') },
      { firstSeenAt: new Date('2026-11-05T00:00:00Z'), lostAt: null },
    ],
    followerPlaces: [inWard, inWard, elsewhere, unknown],
    wardCode: 'E05000001',
    councilDomains: ['kirklees.gov.uk'],
    history: [
      { date: '2026-10-23', followers: 4 },
      { date: '2026-11-15', followers: 8 },
      { date: '2026-11-22', followers: 999 }, // an earlier run today: superseded
    ],
  };

  it('computes every figure of the day', () => {
    expect(buildAccountSnapshot(params)).toEqual({
      date: '2026-11-22',
      followers: 10,
      following: 55,
      posts: 812,
      posts7d: 2,
      posts30d: 4,
      postsOnDay: 1,
      // 2 originals, 1 reply, 1 repost of 4
      originalShare: 0.5,
      replyShare: 0.25,
      repostShare: 0.25,
      replies30d: 1,
      // 3 + (1 + 1) + (2 + 1) + 4 = 12
      engagement30d: 12,
      likesHidden30d: 0,
      // 12 / (4 × 10) = 0.3
      engagementRate: 0.3,
      followersGained30d: 2,
      followersLost30d: 1,
      // 10 − 8 and 10 − 4, today's followers from the profile
      followersNet7d: 2,
      followersNet30d: 6,
      // 4 places listed, 10 followers: the 6 not yet placed are unknown (1 + 6 = 7)
      followersWard: 2,
      followersCouncil: 0,
      followersElsewhere: 1,
      followersUnknown: 7,
      // 2 / (2 + 0 + 1)
      localShare: 2 / 3,
      // both judged, one answered in 1 h
      interactionsJudged: 2,
      responsiveness: 0.5,
      medianHoursToAnswer: 1,
      overdueInteractions: 1,
      // 1 of 4 posts links to the council
      councilLinkShare: 0.25,
    });
  });

  it('leaves likes the platform withholds out of engagement, and counts the posts they were hidden on', () => {
    const snapshot = buildAccountSnapshot({
      ...params,
      posts: [...params.posts, postAt('2026-11-21T08:00:00Z', { likes: null, replies: 2 })],
    });
    // 12 + 2, over 5 posts × 10 followers
    expect(snapshot).toMatchObject({
      posts30d: 5,
      engagement30d: 14,
      likesHidden30d: 1,
      engagementRate: 14 / 50,
    });
  });

  it('handles an account with nothing collected yet', () => {
    const snapshot = buildAccountSnapshot({
      ...params,
      profile: { followers: 0, following: null, posts: null },
      posts: [],
      interactions: [],
      followEdges: null,
      followerPlaces: null,
      history: [],
    });
    expect(snapshot).toMatchObject({
      posts30d: 0,
      replyShare: null,
      engagementRate: null,
      followersGained30d: null,
      followersNet7d: null,
      followersUnknown: 0,
      localShare: null,
      responsiveness: null,
      councilLinkShare: null,
    });
  });
});
