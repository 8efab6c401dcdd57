import { buildAccountSnapshot } from '../account/account-snapshot';
import { accountFiguresFromSnapshot } from './account-figures-from-snapshot';
import { councillorFigures } from './councillor-figures';

describe('accountFiguresFromSnapshot', () => {
  it('carries the counts a councillor total needs from an account snapshot', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const snapshot = buildAccountSnapshot({
      now,
      profile: { followers: 3, following: 1, posts: 2 },
      posts: [
        {
          createdAt: new Date('2026-11-21T00:00:00Z'),
          kind: 'reply',
          likes: 0,
          reposts: 0,
          replies: 0,
          quotes: 0,
          links: [],
        },
        {
          createdAt: new Date('2026-11-20T00:00:00Z'),
          kind: 'original',
          likes: 0,
          reposts: 0,
          replies: 0,
          quotes: 0,
          links: [],
        },
      ],
      interactions: [
        { createdAt: new Date('2026-11-01T00:00:00Z'), answeredAt: new Date('2026-11-01T01:00:00Z') },
      ],
      followEdges: null,
      followerPlaces: [
        { status: 'ward', weights: new Map([['W', 1]]) },
        { status: 'elsewhere', weights: new Map() },
        { status: 'unknown', weights: new Map() },
      ],
      wardCode: 'W',
      councilDomains: [],
      history: [],
    });
    const figures = accountFiguresFromSnapshot('mastodon', snapshot);
    expect(figures).toEqual({
      platform: 'mastodon',
      followers: 3,
      followersWard: 1,
      followersCouncil: 0,
      followersElsewhere: 1,
      followersUnknown: 1,
      posts30d: 2,
      replies30d: 1,
      interactionsJudged: 1,
      responsiveness: 1,
    });
    // 1 reply of 2 posts; 1 in ward of 2 known
    expect(councillorFigures([figures])).toMatchObject({
      replyShare: 0.5,
      localShare: 0.5,
      activePlatforms: ['mastodon'],
    });
  });
});
