import { councillorFigures } from './councillor-figures';
import { localReach, totalReach } from './reach';
import { accountFigures } from './testing/councillor-account.fixture';

describe('councillor figures', () => {
  const accounts = [
    accountFigures({
      platform: 'bluesky',
      followers: 400,
      followersWard: 30,
      followersCouncil: 50,
      followersElsewhere: 20,
      followersUnknown: 300,
      posts30d: 20,
      replies30d: 8,
      interactionsJudged: 10,
      responsiveness: 0.8,
    }),
    accountFigures({
      platform: 'facebook',
      followers: 100,
      followersUnknown: 100,
      posts30d: 5,
      replies30d: 0,
    }),
    accountFigures({
      platform: 'x',
      followers: 250,
      followersWard: 10,
      followersCouncil: 10,
      followersElsewhere: 80,
      followersUnknown: 150,
      posts30d: 0,
      interactionsJudged: 5,
      responsiveness: 0.2,
    }),
  ];

  it('sums reach and pools shares over accounts', () => {
    expect(totalReach(accounts)).toBe(750); // 400 + 100 + 250
    expect(localReach(accounts)).toBe(40); // 30 + 0 + 10
    expect(councillorFigures(accounts)).toEqual({
      accounts: 3,
      activePlatforms: ['bluesky', 'facebook'],
      pairing: {
        paired: true,
        detail: ['facebook'],
        listening: ['bluesky', 'facebook'],
        pair: { detail: 'facebook', listening: 'bluesky' },
      },
      totalReach: 750,
      localReach: 40,
      posts30d: 25,
      // 8 / 25
      replyShare: 0.32,
      // 40 / (100 + 0 + 100)
      localShare: 0.2,
      // (0.8 × 10 + 0.2 × 5) / 15 = 9 / 15
      responsiveness: 0.6,
    });
  });

  it('has nulls, not zeros, for a councillor with no accounts', () => {
    expect(councillorFigures([])).toMatchObject({
      totalReach: 0,
      posts30d: 0,
      replyShare: null,
      localShare: null,
      responsiveness: null,
      activePlatforms: [],
    });
  });
});
