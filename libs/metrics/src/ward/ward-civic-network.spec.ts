import type { CivicNodeRole } from './civic-network-nodes';
import { wardCivicNetwork } from './ward-civic-network';

describe('wardCivicNetwork', () => {
  // Two triangles {a, b, c} and {d, e, f}, every edge both ways, joined by c ⇄ d.
  const mutual = (x: string, y: string) => [
    { source: x, target: y },
    { source: y, target: x },
  ];
  const edges = [
    ...mutual('a', 'b'),
    ...mutual('b', 'c'),
    ...mutual('a', 'c'),
    ...mutual('d', 'e'),
    ...mutual('e', 'f'),
    ...mutual('d', 'f'),
    ...mutual('c', 'd'),
    { source: 'a', target: 'b' }, // a reply on top of a follow: one edge
    { source: 'a', target: 'a' }, // self-loop: dropped
    { source: 'a', target: 'stranger' }, // outside the ward network: dropped
  ];
  const roles = new Map<string, CivicNodeRole>([
    ['a', { kind: 'councillor', name: 'Cllr Ann' }],
    ['b', { kind: 'civic', name: 'Holmfirth Library' }],
    ['c', { kind: 'resident' }],
    ['d', { kind: 'councillor', name: 'Cllr Dee' }],
    ['e', { kind: 'resident' }],
    ['f', { kind: 'civic', name: 'Valley Food Bank' }],
  ]);

  it('reports density, clustering, communities and bridges worked out by hand', () => {
    const network = wardCivicNetwork(edges, roles);
    expect(network.nodes).toBe(6);
    // 14 directed edges of 6 × 5 possible
    expect(network.edges).toBe(14);
    expect(network.density).toBeCloseTo(14 / 30, 9);
    expect(network.components).toBe(1);
    // a, b, e, f: 1; c and d: 1 link among 3 neighbour pairs = 1/3 → (4 + 2/3) / 6
    expect(network.averageClustering).toBeCloseTo((4 + 2 / 3) / 6, 9);
    // two triangles: Q = 2 × (3/7 − (7/14)²) = 5/14 over the 7 undirected edges
    expect(network.communities).toBe(2);
    expect(network.modularity).toBeCloseTo(5 / 14, 9);
    const breakdown = network.communityBreakdown.map(({ size, councillors, civic, residents }) => ({
      size,
      councillors,
      civic,
      residents,
    }));
    expect(breakdown).toEqual(
      expect.arrayContaining([
        { size: 3, councillors: ['Cllr Ann'], civic: ['Holmfirth Library'], residents: 1 },
        { size: 3, councillors: ['Cllr Dee'], civic: ['Valley Food Bank'], residents: 1 },
      ]),
    );
    // c and d each carry the 12 ordered shortest paths between the triangles' other members and the
    // far side: 12 / ((6 − 1)(6 − 2)) = 0.6. The resident c is never named.
    expect(network.bridges.map(({ id, label, kind }) => ({ id, label, kind }))).toEqual([
      { id: null, label: 'A resident', kind: 'resident' },
      { id: 'd', label: 'Cllr Dee', kind: 'councillor' },
    ]);
    for (const bridge of network.bridges) expect(bridge.betweenness).toBeCloseTo(0.6, 9);
  });

  it('is an empty network with no edges', () => {
    const network = wardCivicNetwork([], roles);
    expect(network).toMatchObject({ nodes: 0, edges: 0, communityBreakdown: [], bridges: [] });
  });
});
