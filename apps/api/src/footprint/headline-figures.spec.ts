import { accountSnapshot } from '../testing/account-snapshot.fixture';
import { headlineOf, seriesOf } from './headline-figures';

describe('headline figures', () => {
  // A Bluesky account and a YouTube channel that hides some videos' likes.
  const bluesky = accountSnapshot('2026-11-22', {
    followers: 400,
    posts30d: 10,
    engagement30d: 80,
    replyShare: 0.3,
    followersWard: 30,
    followersCouncil: 10,
    followersElsewhere: 20,
    followersUnknown: 340,
  });
  const youtube = accountSnapshot('2026-11-22', {
    followers: 100,
    posts30d: 2,
    engagement30d: 6,
    likesHidden30d: 1,
    replyShare: 0,
    followersUnknown: 100,
  });

  it("pools a councillor's accounts: counts add, shares pool numerators over denominators", () => {
    expect(headlineOf([bluesky, youtube])).toMatchObject({
      followers: 500,
      posts30d: 12,
      // (80 + 6) / (10 × 400 + 2 × 100)
      engagementRate: 86 / 4200,
      likesHidden30d: 1,
      // (0.3 × 10 + 0 × 2) / 12
      replyShare: 3 / 12,
      // 30 / (30 + 10 + 20)
      localShare: 0.5,
      followersUnknown: 440,
    });
  });

  it('has nothing to pool without snapshots', () => {
    expect(headlineOf([])).toMatchObject({ followers: 0, engagementRate: null, likesHidden30d: 0 });
  });

  it('sums each day over accounts', () => {
    expect(seriesOf([youtube, bluesky, accountSnapshot('2026-11-21', { followers: 490 })])).toEqual([
      { date: '2026-11-21', followers: 490, posts30d: 0, postsOnDay: 0, engagement30d: 0, localShare: null },
      { date: '2026-11-22', followers: 500, posts30d: 12, postsOnDay: 0, engagement30d: 86, localShare: 0.5 },
    ]);
  });
});
