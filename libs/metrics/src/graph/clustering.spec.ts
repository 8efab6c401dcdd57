import { averageClustering, clustering } from './clustering';
import {
  byId,
  DIRECTED_CYCLE_WITH_DANGLING,
  graphOf,
  PATH,
  REPEATS_AND_LOOP,
  STAR,
  TRIANGLE_WITH_TAIL,
} from './__fixtures__/graph-of';

// Expected values: nx.clustering / nx.average_clustering of G.to_undirected(), NetworkX 2.8.8.
describe('clustering', () => {
  it('is 0 without triangles (path, star)', () => {
    expect(Array.from(clustering(graphOf(PATH, false)))).toEqual([0, 0, 0, 0]);
    expect(averageClustering(clustering(graphOf(STAR, false)))).toBe(0);
  });

  it('triangle with a tail: a and b close their only pair, c one pair of three', () => {
    const graph = graphOf(TRIANGLE_WITH_TAIL, false);
    const values = clustering(graph);
    expect(byId(graph, values)).toEqual({ a: 1, b: 1, c: 1 / 3, d: 0 });
    expect(averageClustering(values)).toBeCloseTo(0.5833333333333334, 15);
  });

  it('uses the undirected view of a directed graph', () => {
    const graph = graphOf(DIRECTED_CYCLE_WITH_DANGLING, true);
    expect(byId(graph, clustering(graph))).toEqual({ a: 1, b: 1, c: 1 / 3, d: 0 });
  });

  it('ignores self-loops and reciprocal duplicates', () => {
    // Undirected view: a–b, b–c, c–c, c–d, d–b.
    const graph = graphOf([...REPEATS_AND_LOOP, ['d', 'b']], true);
    // b–c–d is now a triangle; c's loop does not add to its degree (2 neighbours).
    expect(byId(graph, clustering(graph))).toEqual({ a: 0, b: 1 / 3, c: 1, d: 1 });
  });

  it('averages to 0 over no nodes', () => {
    expect(averageClustering(new Float64Array(0))).toBe(0);
  });
});
