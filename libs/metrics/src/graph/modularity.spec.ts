import { modularity } from './modularity';
import type { CompactGraph } from './compact-graph';
import { graphOf, REPEATS_AND_LOOP } from './__fixtures__/graph-of';
import { karateClub } from './__fixtures__/networkx-reference';

function partition(graph: CompactGraph, groups: readonly (readonly string[])[]): Int32Array {
  const community = new Int32Array(graph.nodeCount).fill(-1);
  groups.forEach((group, c) => {
    for (const id of group) community[graph.ids.indexOf(id)] = c;
  });
  return community;
}

// Expected values: nx.community.modularity(G.to_undirected(), communities, weight=None), NetworkX 2.8.8.
describe('modularity', () => {
  it("matches NetworkX on the karate club's actual split (Mr. Hi's club against the officer's)", () => {
    const graph = graphOf(karateClub.edges, false);
    const hi = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '10', '11', '12', '13', '16', '17', '19', '21'];
    const officer = graph.ids.filter((id) => !hi.includes(id));
    expect(modularity(graph, partition(graph, [hi, officer]))).toBeCloseTo(0.3582347140039448, 14);
  });

  it('counts a self-loop as one inner edge adding 2 to its node’s degree', () => {
    const undirected = graphOf([...REPEATS_AND_LOOP, ['d', 'a']], false);
    expect(
      modularity(
        undirected,
        partition(undirected, [
          ['a', 'b'],
          ['c', 'd'],
        ]),
      ),
    ).toBeCloseTo(0.08, 14);
    const directed = graphOf(REPEATS_AND_LOOP, true);
    expect(
      modularity(
        directed,
        partition(directed, [
          ['a', 'b'],
          ['c', 'd'],
        ]),
      ),
    ).toBeCloseTo(0.21875, 14);
  });

  it('is 0 for one community holding everything, and for a graph without edges', () => {
    const graph = graphOf(karateClub.edges, false);
    expect(modularity(graph, new Int32Array(graph.nodeCount))).toBeCloseTo(0, 14);
    expect(modularity(graphOf([], false), new Int32Array(0))).toBe(0);
  });
});
