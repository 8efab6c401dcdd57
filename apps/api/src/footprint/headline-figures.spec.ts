import { accountSnapshot } from '../testing/account-snapshot.fixture';
import { headlineOf, pooledSeriesOf, seriesOf } from './headline-figures';

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

  it("carries an account's snapshot over a missed day, so the councillor's trend does not dip", () => {
    const main = (date: string, followers: number, postsOnDay = 0) => ({
      accountId: 'main',
      figures: accountSnapshot(date, { followers, postsOnDay }),
    });
    const channel = (date: string, followers: number) => ({
      accountId: 'channel',
      figures: accountSnapshot(date, { followers, postsOnDay: 1 }),
    });
    const rows = [
      main('2026-03-01', 1000, 2),
      channel('2026-03-01', 500),
      main('2026-03-02', 1000),
      // The channel's collection missed 2 March: its 1 March snapshot stands for it (no posts that day).
      main('2026-03-03', 1000),
      channel('2026-03-03', 510),
      // It then stops for good: beyond the tolerance it no longer counts.
      main('2026-03-07', 1010),
    ];
    expect(pooledSeriesOf(rows).map((p) => [p.date, p.followers, p.postsOnDay])).toEqual([
      ['2026-03-01', 1500, 3],
      ['2026-03-02', 1500, 0],
      ['2026-03-03', 1510, 1],
      ['2026-03-07', 1010, 0],
    ]);
    // An account counts from its first snapshot: nothing is carried back.
    expect(
      pooledSeriesOf([main('2026-03-01', 1000), channel('2026-03-02', 500)]).map((p) => p.followers),
    ).toEqual([1000, 1500]);
  });
});
