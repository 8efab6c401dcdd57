import fc from 'fast-check';
import { pageRank } from './pagerank';
import {
  byId,
  DIRECTED_CYCLE_WITH_DANGLING,
  edgePairs,
  graphOf,
  PATH,
  REPEATS_AND_LOOP,
  STAR,
  TRIANGLE_WITH_TAIL,
} from './__fixtures__/graph-of';

// Expected values: nx.pagerank(G, alpha=0.85, weight=None), NetworkX 2.8.8.
function expectRanks(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) expect(actual[id]).toBeCloseTo(value, 12);
}

describe('pageRank', () => {
  it('matches NetworkX on a path, ends equal and middles equal by symmetry', () => {
    const graph = graphOf(PATH, false);
    expectRanks(byId(graph, pageRank(graph)), {
      a: 0.17543839772251532,
      b: 0.32456160227748454,
      c: 0.32456160227748454,
      d: 0.17543839772251532,
    });
  });

  it('matches NetworkX on a star', () => {
    const graph = graphOf(STAR, false);
    const leaf = 0.13108082780409108;
    expectRanks(byId(graph, pageRank(graph)), {
      hub: 0.47567668878363595,
      x: leaf,
      y: leaf,
      z: leaf,
      w: leaf,
    });
  });

  it('matches NetworkX on a triangle with a tail', () => {
    const graph = graphOf(TRIANGLE_WITH_TAIL, false);
    expectRanks(byId(graph, pageRank(graph)), {
      a: 0.2459279727012903,
      b: 0.2459279727012903,
      c: 0.3667352990529791,
      d: 0.1414087555444403,
    });
  });

  it('spreads a dangling node’s rank uniformly (directed cycle with a dangling node)', () => {
    const graph = graphOf(DIRECTED_CYCLE_WITH_DANGLING, true);
    // a is fed only by c's half share, d likewise, so they tie.
    expectRanks(byId(graph, pageRank(graph)), {
      a: 0.2137621842472386,
      b: 0.26462302680270133,
      c: 0.3078526047028215,
      d: 0.2137621842472386,
    });
  });

  it('counts repeated edges once and a self-loop as one out-edge, as NetworkX does', () => {
    const directed = graphOf(REPEATS_AND_LOOP, true);
    expectRanks(byId(directed, pageRank(directed)), {
      a: 0.19139631874388183,
      b: 0.24848026317529373,
      c: 0.3328635330863563,
      d: 0.22725988499446806,
    });
    const undirected = graphOf([...REPEATS_AND_LOOP, ['d', 'a']], false);
    expectRanks(byId(undirected, pageRank(undirected)), {
      a: 0.22918420778516957,
      b: 0.22551178027133034,
      c: 0.31979223167216986,
      d: 0.22551178027133034,
    });
  });

  it('sums to 1 and is positive on any graph', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (pairs, directed) => {
          const ranks = pageRank(graphOf(edgePairs(pairs), directed));
          const total = ranks.reduce((sum, value) => sum + value, 0);
          expect(total).toBeCloseTo(1, 12);
          expect(ranks.every((value) => value > 0)).toBe(true);
        },
      ),
    );
  });
});
