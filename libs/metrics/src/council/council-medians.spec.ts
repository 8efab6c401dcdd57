import { councilMedians } from './council-medians';

describe('councilMedians', () => {
  it('takes each figure’s median over councillors who have it', () => {
    const rows = [
      { followers: 100, localShare: 0.1, engagementRate: null },
      { followers: 300, localShare: null, engagementRate: null },
      { followers: 200, localShare: 0.3, engagementRate: null },
      { followers: 1000, localShare: 0.4, engagementRate: null },
    ];
    // followers: 100, 200, 300, 1000 → (200 + 300) / 2 = 250; localShare: 0.1, 0.3, 0.4 → 0.3
    expect(councilMedians(rows, ['followers', 'localShare', 'engagementRate'])).toEqual({
      followers: 250,
      localShare: 0.3,
      engagementRate: null,
    });
  });
});
