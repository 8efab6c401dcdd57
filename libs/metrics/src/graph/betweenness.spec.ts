import fc from 'fast-check';
import { betweenness } from './betweenness';
import {
  byId,
  DIRECTED_CYCLE_WITH_DANGLING,
  edgePairs,
  graphOf,
  PATH,
  STAR,
  TRIANGLE_WITH_TAIL,
} from './__fixtures__/graph-of';

// Expected values: nx.betweenness_centrality(G, normalized=True), NetworkX 2.8.8.
describe('betweenness', () => {
  it('path a–b–c–d: b lies on a–c and a–d, both ways, over (n − 1)(n − 2) = 6', () => {
    const graph = graphOf(PATH, false);
    expect(byId(graph, betweenness(graph))).toEqual({ a: 0, b: 4 / 6, c: 4 / 6, d: 0 });
  });

  it('star: the hub lies on every leaf-to-leaf path, so it scores 1', () => {
    const graph = graphOf(STAR, false);
    expect(byId(graph, betweenness(graph))).toEqual({ hub: 1, x: 0, y: 0, z: 0, w: 0 });
  });

  it('triangle with a tail: only c, on a–d and b–d', () => {
    const graph = graphOf(TRIANGLE_WITH_TAIL, false);
    expect(byId(graph, betweenness(graph))).toEqual({ a: 0, b: 0, c: 4 / 6, d: 0 });
  });

  it('directed cycle with a dangling node follows edge direction', () => {
    const graph = graphOf(DIRECTED_CYCLE_WITH_DANGLING, true);
    // a on c→b; b on a→c, a→d; c on a→d, b→a, b→d; each over 6 (nx: 1/6, 1/3, 1/2, 0).
    const values = byId(graph, betweenness(graph));
    expect(values.a).toBeCloseTo(1 / 6, 15);
    expect(values.b).toBeCloseTo(2 / 6, 15);
    expect(values.c).toBeCloseTo(3 / 6, 15);
    expect(values.d).toBe(0);
  });

  it('splits credit between equally short paths', () => {
    // Square a–b–c–d–a: a to c goes through b or d, half each; 2 pairs × 2 orders × ½ / 6.
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
      ],
      false,
    );
    expect(byId(graph, betweenness(graph))).toEqual({ a: 1 / 6, b: 1 / 6, c: 1 / 6, d: 1 / 6 });
  });

  it('is not scaled when n ≤ 2', () => {
    expect(Array.from(betweenness(graphOf([['a', 'b']], true)))).toEqual([0, 0]);
  });

  it('is never negative nor above 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (pairs, directed) => {
          for (const value of betweenness(graphOf(edgePairs(pairs), directed))) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });
});
