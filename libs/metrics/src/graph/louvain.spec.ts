import fc from 'fast-check';
import { louvainCommunities } from './louvain';
import { modularity } from './modularity';
import { edgePairs, graphOf } from './__fixtures__/graph-of';
import {
  davisSouthernWomen,
  directedRandom,
  florentineFamilies,
  karateClub,
  lesMiserables,
} from './__fixtures__/networkx-reference';

describe('louvainCommunities', () => {
  it.each([
    ['karate club', karateClub],
    ['Florentine families', florentineFamilies],
    ['Davis southern women', davisSouthernWomen],
    ['Les Misérables', lesMiserables],
    ['a directed random graph (undirected view)', directedRandom],
  ])(
    'on %s: the same partition every run, within 3%% of the best of 100 NetworkX seeds',
    (_name, reference) => {
      const graph = graphOf(reference.edges, reference.directed);
      const first = louvainCommunities(graph);
      const second = louvainCommunities(graphOf(reference.edges, reference.directed));
      expect(Array.from(second.community)).toEqual(Array.from(first.community));
      expect(second.modularity).toBe(first.modularity);
      expect(first.modularity).toBeGreaterThanOrEqual(0.97 * reference.bestModularity);
      expect(first.modularity).toBeLessThanOrEqual(reference.bestModularity + 1e-12);
    },
  );

  it('reports the NetworkX modularity of the partition it returns, and its community count', () => {
    const graph = graphOf(karateClub.edges, false);
    const found = louvainCommunities(graph);
    expect(found.modularity).toBe(modularity(graph, found.community));
    expect(new Set(found.community).size).toBe(found.count);
  });

  it('labels communities from the largest down', () => {
    const graph = graphOf(lesMiserables.edges, false);
    const { community, count } = louvainCommunities(graph);
    const sizes = Array.from({ length: count }, (_, c) => community.filter((label) => label === c).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('splits two triangles joined by one edge into the two triangles', () => {
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['x', 'y'],
        ['y', 'z'],
        ['z', 'x'],
        ['c', 'x'],
      ],
      false,
    );
    const { community, count } = louvainCommunities(graph, { restarts: 1 });
    expect(count).toBe(2);
    expect(new Set([community[0], community[1], community[2]]).size).toBe(1);
    expect(new Set([community[3], community[4], community[5]]).size).toBe(1);
    expect(community[0]).not.toBe(community[3]);
  });

  it('keeps every node alone in a graph without edges between distinct nodes', () => {
    const {
      community,
      count,
      modularity: q,
    } = louvainCommunities(
      graphOf(
        [
          ['a', 'a'],
          ['b', 'b'],
        ],
        false,
      ),
    );
    expect(count).toBe(2);
    expect(Array.from(community)).toEqual([0, 1]);
    expect(q).toBeCloseTo(0.5, 14); // two loops, each its own community: 2 × (1/2 − (2/4)²)
  });

  it('never scores below the all-singletons partition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (pairs, directed) => {
          const graph = graphOf(edgePairs(pairs), directed);
          const singletons = Int32Array.from({ length: graph.nodeCount }, (_, v) => v);
          expect(louvainCommunities(graph, { restarts: 2 }).modularity).toBeGreaterThanOrEqual(
            modularity(graph, singletons) - 1e-12,
          );
        },
      ),
    );
  });
});
