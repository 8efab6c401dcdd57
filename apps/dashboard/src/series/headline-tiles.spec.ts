import { figures, overview } from '../testing/fixtures';
import { councilMedians, headlineTiles, localSplit } from './headline-tiles';

describe('headline tiles', () => {
  it('takes every median from the overview the API computed', () => {
    const medians = councilMedians(overview());
    expect(medians).toEqual({
      followers: 300,
      net7d: 5,
      net30d: 20,
      posts30d: 30,
      engagementRate: 0.004,
      replyShare: 0.25,
      localShare: 0.4,
    });
  });

  it('compares each figure with the median in words', () => {
    const tiles = headlineTiles(
      figures({ followers: 1500, posts30d: 10, replyShare: null }),
      councilMedians(overview()),
    );
    const byKey = Object.fromEntries(tiles.map((t) => [t.key, t]));
    expect(byKey.followers).toMatchObject({ value: '1,500', median: '300', comparison: 'above' });
    expect(byKey.posts30d).toMatchObject({ value: '10', median: '30', comparison: 'below' });
    expect(byKey.engagementRate).toMatchObject({ value: '0.40%', median: '0.40%', comparison: 'level' });
    expect(byKey.replyShare).toMatchObject({ value: '—', median: '25.0%', comparison: 'unknown' });
    expect(tiles.map((t) => t.label)).toEqual([
      'Followers',
      'Net followers, 7 days',
      'Net followers, 30 days',
      'Posts, 30 days',
      'Engagement rate',
      'Reply share',
      'Local share',
    ]);
  });

  it('says when the engagement rate leaves out likes a platform hides', () => {
    const medians = councilMedians(overview());
    const note = (likesHidden30d: number) =>
      headlineTiles(figures({ likesHidden30d }), medians).find((t) => t.key === 'engagementRate')?.note;
    expect(note(0)).toBeNull();
    expect(note(1)).toBe('not counting likes hidden on 1 post');
    expect(note(1200)).toBe('not counting likes hidden on 1,200 posts');
    expect(
      headlineTiles(figures({ likesHidden30d: 3 }), medians).filter((t) => t.note !== null),
    ).toHaveLength(1);
  });

  it('splits followers by place as shares of all followers', () => {
    expect(localSplit(figures())).toEqual([
      { label: 'In the ward', count: '200', share: '20.0%' },
      { label: 'Elsewhere in the council area', count: '150', share: '15.0%' },
      { label: 'Outside the council area', count: '150', share: '15.0%' },
      { label: 'Place unknown', count: '500', share: '50.0%' },
    ]);
    const empty = figures({
      followersWard: 0,
      followersCouncil: 0,
      followersElsewhere: 0,
      followersUnknown: 0,
    });
    expect(localSplit(empty).map((r) => r.share)).toEqual(['—', '—', '—', '—']);
  });
});
