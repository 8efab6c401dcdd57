import type {
  AccountCard,
  CouncilOverview,
  CouncillorFootprint,
  CouncillorListResponse,
  CouncillorSummary,
  HeadlineFigures,
  SnapshotPoint,
} from '@wardreach/contracts';

/** Hand-made, contract-shaped data for the dashboard's tests (no resident is ever named). */
export function figures(overrides: Partial<HeadlineFigures> = {}): HeadlineFigures {
  return {
    followers: 1000,
    following: 200,
    posts: 500,
    followersNet7d: 5,
    followersNet30d: 20,
    posts30d: 30,
    engagementRate: 0.004,
    likesHidden30d: 0,
    replyShare: 0.25,
    localShare: 0.4,
    followersWard: 200,
    followersCouncil: 150,
    followersElsewhere: 150,
    followersUnknown: 500,
    ...overrides,
  };
}

export function councillor(
  overrides: Partial<CouncillorSummary> & Pick<CouncillorSummary, 'id' | 'name'>,
): CouncillorSummary {
  return {
    party: 'Labour',
    ward: { code: 'E05001001', name: 'Almondbury' },
    platforms: ['bluesky'],
    figures: figures(),
    lastCollectedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

export const COUNCILLORS: CouncillorSummary[] = [
  councillor({ id: 'c1', name: 'Amira Shah', figures: figures({ followers: 1500 }) }),
  councillor({
    id: 'c2',
    name: 'Ben Holt',
    party: 'Green',
    ward: { code: 'E05001002', name: 'Holme Valley South' },
    platforms: ['mastodon', 'rss'],
    figures: figures({ followers: 300, engagementRate: null }),
  }),
  councillor({
    id: 'c3',
    name: 'Carys Price',
    party: null,
    ward: { code: 'E05001003', name: 'Colne Valley' },
    platforms: [],
    figures: figures({ followers: 0, posts30d: 0, engagementRate: null, localShare: null }),
    lastCollectedAt: null,
  }),
];

export function councillorList(updatedAt = '2026-11-20T09:00:00Z'): CouncillorListResponse {
  return { items: COUNCILLORS, total: COUNCILLORS.length, updatedAt };
}

export function overview(): CouncilOverview {
  return {
    council: { code: 'E08000034', name: 'Kirklees' },
    councillors: 3,
    accounts: 3,
    wards: 3,
    councillorsOnline: 2,
    totals: {
      followers: 1800,
      posts30d: 60,
      medianFollowers: 300,
      medianEngagementRate: 0.004,
      medianLocalShare: 0.4,
      medianFollowersNet7d: 5,
      medianFollowersNet30d: 20,
      medianPosts30d: 30,
      medianReplyShare: 0.25,
    },
    updatedAt: '2026-11-20T09:00:00Z',
  };
}

export function snapshot(
  date: string,
  followers: number,
  postsOnDay: number,
  engagement30d: number,
): SnapshotPoint {
  return { date, followers, posts30d: 10, postsOnDay, engagement30d, localShare: 0.4 };
}

export function account(overrides: Partial<AccountCard> = {}): AccountCard {
  return {
    id: 'a1',
    platform: 'bluesky',
    handle: '@amira.example.social',
    url: 'https://bsky.app/profile/amira.example.social',
    status: 'active',
    statusReason: null,
    mentions: 'collected',
    figures: figures({ followers: 1500 }),
    lastCollectedAt: '2026-11-20T09:00:00Z',
    nextDueAt: '2026-11-21T09:00:00Z',
    series: [],
    ...overrides,
  };
}

export function footprint(overrides: Partial<CouncillorFootprint> = {}): CouncillorFootprint {
  const { figures: _figures, lastCollectedAt: _last, ...summary } = COUNCILLORS[0];
  return {
    councillor: summary,
    figures: figures({ followers: 1500 }),
    accounts: [account()],
    series: [
      snapshot('2026-11-18', 1480, 2, 90),
      snapshot('2026-11-19', 1490, 0, 85),
      snapshot('2026-11-20', 1500, 3, 100),
    ],
    waiting: { items: [], total: 0, overdue: 0 },
    suggestedConnections: [
      {
        account: {
          id: 'org1',
          name: 'Marsden Food Bank',
          platform: 'mastodon',
          handle: 'FoodBank@colne.social',
        },
        councillorsConnected: 4,
      },
      {
        account: {
          id: 'org2',
          name: 'Castle Hill Friends',
          platform: 'bluesky',
          handle: '@castlehill.example.org',
        },
        councillorsConnected: 0,
      },
    ],
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}
