import type {
  CohortListResponse,
  CohortOutcomesResponse,
  CohortSummary,
  CouncillorFigureValues,
  CouncillorIndexResponse,
  CouncillorRef,
  FigureOutcomeView,
  FootprintIndexView,
  SupportResponse,
  SupportRow,
  WardDetail,
  WardListResponse,
} from '@wardreach/contracts';

/** Hand-made, contract-shaped ward, support and cohort data for the dashboard's tests. */

export const AMIRA: CouncillorRef = {
  id: 'c1',
  name: 'Amira Shah',
  party: 'Labour',
  ward: { code: 'E05001001', name: 'Almondbury' },
};
export const BEN: CouncillorRef = {
  id: 'c2',
  name: 'Ben Holt',
  party: 'Green',
  ward: { code: 'E05001002', name: 'Holme Valley South' },
};
export const CARYS: CouncillorRef = {
  id: 'c3',
  name: 'Carys Price',
  party: null,
  ward: { code: 'E05001003', name: 'Colne Valley' },
};

export function figureValues(overrides: Partial<CouncillorFigureValues> = {}): CouncillorFigureValues {
  return {
    footprintIndex: 50,
    totalReach: 1000,
    localReach: 200,
    activePlatforms: 2,
    paired: 1,
    posts30d: 30,
    replyShare: 0.25,
    localShare: 0.4,
    responsiveness: 0.8,
    overdueInteractions: 0,
    supportFlags: 0,
    ...overrides,
  };
}

/** Weights 0.3, 0.2, 0.2, 0.2, 0.1: index = 100 × Σ wᵢcᵢ = 18 + 10 + 5 + 8 + 10 = 51. */
export function footprintIndex(): FootprintIndexView {
  return {
    index: 51,
    components: [
      {
        key: 'reach',
        label: 'Reach',
        value: 0.6,
        weight: 0.3,
        contribution: 18,
        explanation: 'Followers against the council’s largest.',
      },
      {
        key: 'activity',
        label: 'Activity',
        value: 0.5,
        weight: 0.2,
        contribution: 10,
        explanation: 'Posts in 30 days against a target of 20.',
      },
      {
        key: 'conversation',
        label: 'Conversation',
        value: 0.25,
        weight: 0.2,
        contribution: 5,
        explanation: 'Reply share against a target of 30%.',
      },
      {
        key: 'local',
        label: 'Local',
        value: 0.4,
        weight: 0.2,
        contribution: 8,
        explanation: 'Ward followers’ share against a target of 50%.',
      },
      {
        key: 'platformMix',
        label: 'Platform mix',
        value: 1,
        weight: 0.1,
        contribution: 10,
        explanation: 'A detail and a listening platform.',
      },
    ],
  };
}

function supportRow(councillor: CouncillorRef, overrides: Partial<SupportRow>): SupportRow {
  return {
    councillor,
    figures: figureValues(),
    activePlatforms: ['bluesky', 'rss'],
    footprint: footprintIndex(),
    flags: [],
    day: '2026-11-20',
    ...overrides,
  };
}

export function supportList(): SupportResponse {
  return {
    items: [
      supportRow(AMIRA, { footprint: { ...footprintIndex(), index: 72.46 } }),
      supportRow(BEN, {
        figures: figureValues({ totalReach: 300, posts30d: 2 }),
        activePlatforms: ['mastodon'],
        footprint: { ...footprintIndex(), index: 20.5 },
        flags: [
          { key: 'single-platform', reason: 'Active on 1 platform (Mastodon); at least 2 are suggested.' },
          { key: 'inactive', reason: '2 posts in the last 30 days; at least 4 are suggested.' },
        ],
      }),
      supportRow(CARYS, {
        figures: figureValues({ totalReach: 600, replyShare: null }),
        footprint: { ...footprintIndex(), index: 40 },
        flags: [{ key: 'inactive', reason: '0 posts in the last 30 days; at least 4 are suggested.' }],
      }),
    ],
    total: 3,
    flag: null,
    updatedAt: '2026-11-20T09:00:00Z',
  };
}

export function councillorIndex(): CouncillorIndexResponse {
  return {
    councillor: AMIRA,
    footprint: footprintIndex(),
    councilMedian: 44.5,
    day: '2026-11-20',
    updatedAt: '2026-11-20T09:00:00Z',
  };
}

export function wardList(): WardListResponse {
  return {
    items: [
      {
        code: 'E05001001',
        name: 'Almondbury',
        councillors: [AMIRA],
        adults: 12000,
        distinctWardFollowers: 600,
        penetration: 0.05,
        day: '2026-11-20',
      },
      {
        code: 'E05001002',
        name: 'Holme Valley South',
        councillors: [BEN],
        adults: 10000,
        distinctWardFollowers: 1200,
        penetration: 0.12,
        day: '2026-11-20',
      },
      {
        code: 'E05001003',
        name: 'Colne Valley',
        councillors: [CARYS],
        adults: null,
        distinctWardFollowers: 90,
        penetration: null,
        day: '2026-11-20',
      },
    ],
    total: 3,
    updatedAt: '2026-11-20T09:00:00Z',
  };
}

export function wardDetail(overrides: Partial<WardDetail> = {}): WardDetail {
  return {
    ward: { code: 'E05001001', name: 'Almondbury', adults: 12000 },
    councillors: [AMIRA],
    figures: {
      distinctWardFollowers: 600,
      byPlatform: { bluesky: 450, rss: 150 },
      adultPopulation: 12000,
      penetration: 0.05,
    },
    network: {
      nodes: 40,
      edges: 78,
      density: 0.1,
      components: 2,
      averageClustering: 0.31,
      communities: 2,
      modularity: 0.42,
      communityBreakdown: [
        {
          community: 0,
          size: 25,
          councillors: ['Amira Shah'],
          civic: ['Almondbury Community Association'],
          residents: 23,
        },
        { community: 1, size: 15, councillors: [], civic: [], residents: 15 },
      ],
      bridges: [
        {
          id: 'org1',
          label: 'Almondbury Community Association',
          kind: 'civic',
          betweenness: 0.25,
          community: 0,
        },
        { id: null, label: 'A resident', kind: 'resident', betweenness: 0.12, community: 1 },
      ],
    },
    suggestedConnections: [
      {
        account: {
          id: 'org2',
          name: 'Castle Hill Friends',
          platform: 'bluesky',
          handle: '@castlehill.example.org',
        },
        councillorsConnected: 3,
      },
    ],
    day: '2026-11-20',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

export const PILOT: CohortSummary = {
  id: '5b0c7c5e-2f61-4c39-9a57-3d2b1f0e8a11',
  name: 'Spring pilot',
  council: { code: 'E08000034', name: 'Kirklees' },
  startsOn: '2026-10-01',
  endsOn: null,
  members: [AMIRA, BEN],
};

export function cohortList(): CohortListResponse {
  return {
    items: [
      PILOT,
      { ...PILOT, id: '9d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f', name: 'Autumn pilot', members: [CARYS] },
    ],
    total: 2,
  };
}

function outcome(
  overrides: Partial<FigureOutcomeView> & Pick<FigureOutcomeView, 'figure' | 'label'>,
): FigureOutcomeView {
  return {
    cohort: { councillors: 2, baseline: 40, current: 55, change: 15 },
    comparison: { councillors: 1, baseline: 42, current: 45, change: 3 },
    differenceInDifferences: 12,
    weekly: [
      { date: '2026-09-24', cohort: 40, comparison: 42, cohortCouncillors: 2, comparisonCouncillors: 1 },
      { date: '2026-10-01', cohort: 48, comparison: 43, cohortCouncillors: 2, comparisonCouncillors: 1 },
      { date: '2026-10-08', cohort: 55, comparison: null, cohortCouncillors: 2, comparisonCouncillors: 0 },
    ],
    ...overrides,
  };
}

export function cohortOutcomes(aggregate: 'median' | 'mean' = 'median'): CohortOutcomesResponse {
  return {
    cohort: PILOT,
    until: '2026-11-20',
    updatedAt: '2026-11-20T06:00:00Z',
    aggregate,
    figures: [
      outcome({ figure: 'footprintIndex', label: 'Footprint index' }),
      outcome({
        figure: 'replyShare',
        label: 'Reply share',
        cohort: { councillors: 2, baseline: 0.1, current: 0.25, change: 0.15 },
        comparison: { councillors: 1, baseline: 0.2, current: 0.2, change: 0 },
        differenceInDifferences: 0.15,
        weekly: [],
      }),
      outcome({
        figure: 'posts30d',
        label: 'Posts in 30 days',
        cohort: { councillors: 2, baseline: 4, current: 12.5, change: 8.5 },
        comparison: { councillors: 0, baseline: null, current: null, change: null },
        differenceInDifferences: null,
        weekly: [],
      }),
    ],
  };
}
