import { wardDayFigures } from './ward-day-figures';

describe('wardDayFigures', () => {
  const ward = { id: 'w1', code: 'E05000001', name: 'Alder', adults: 1000 };
  const councillors = [{ id: 'c1', name: 'Ann Ash', party: null, wardCode: 'E05000001', wardName: 'Alder' }];
  const civicAccounts = [
    {
      id: 'org1',
      wardCode: null,
      name: 'Alder Library',
      platform: 'bluesky' as const,
      handle: 'library.example',
    },
  ];

  it('links a councillor’s own follows outward, so the councillor bridges followers and whom they follow', () => {
    const day = wardDayFigures({
      ward,
      councillors,
      followers: [],
      edges: [
        {
          wardCode: 'E05000001',
          councillorId: 'c1',
          direction: 'in',
          sourceKind: 'follower',
          sourceIds: ['101'],
        },
        {
          wardCode: 'E05000001',
          councillorId: 'c1',
          direction: 'out',
          sourceKind: 'civic',
          sourceIds: ['org1'],
        },
      ],
      civicAccounts,
      civicLinks: new Map([['org1', new Set(['c1'])]]),
    });
    // resident → Ann → library: Ann is on the one shortest path between the other two (1 of 2 × 1 pairs).
    expect(day.network).toMatchObject({ nodes: 3, edges: 2 });
    expect(day.network.bridges.map((bridge) => [bridge.label, bridge.betweenness])).toEqual([
      ['Ann Ash', 0.5],
    ]);
    // Ann follows the library: it is no suggestion, for the ward or for her.
    expect(day.suggestedConnections).toEqual([]);
    expect(day.councillorSuggestions).toEqual({ c1: [] });
  });
});
