import { buildCompactGraph } from './compact-graph';
import type { CompactGraph } from './compact-graph';
import { edgeListFromPairs } from './edge-list';
import { byId, graphOf, REPEATS_AND_LOOP } from './__fixtures__/graph-of';

function rows(graph: CompactGraph, offsets: Int32Array, columns: Int32Array): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  graph.ids.forEach((id, v) => {
    out[id] = Array.from(columns.subarray(offsets[v], offsets[v + 1]), (u) => graph.ids[u]);
  });
  return out;
}

describe('buildCompactGraph', () => {
  it('collapses repeated directed edges, keeps self-loops and both directions of a reciprocal pair', () => {
    const graph = graphOf(REPEATS_AND_LOOP, true);
    // NetworkX DiGraph: a→b, b→a, b→c, c→c, c→d.
    expect(graph.edgeCount).toBe(5);
    expect(rows(graph, graph.outOffsets, graph.outTargets)).toEqual({
      a: ['b'],
      b: ['a', 'c'],
      c: ['c', 'd'],
      d: [],
    });
    expect(byId(graph, graph.inDegree)).toEqual({ a: 1, b: 1, c: 2, d: 1 });
    expect(byId(graph, graph.outDegree)).toEqual({ a: 1, b: 2, c: 2, d: 0 });
  });

  it('builds the undirected view of a directed graph as G.to_undirected()', () => {
    const graph = graphOf(REPEATS_AND_LOOP, true);
    expect(rows(graph, graph.undirectedOffsets, graph.undirectedNeighbours)).toEqual({
      a: ['b'],
      b: ['a', 'c'],
      c: ['b', 'c', 'd'],
      d: ['c'],
    });
    // a–b (from both directions), b–c, c–c, c–d.
    expect(graph.undirectedEdgeCount).toBe(4);
  });

  it('treats an undirected edge list as NetworkX Graph: a self-loop adds 2 to the degree', () => {
    const graph = graphOf(REPEATS_AND_LOOP, false);
    expect(graph.edgeCount).toBe(4);
    expect(byId(graph, graph.inDegree)).toEqual({ a: 1, b: 2, c: 4, d: 1 });
    expect(graph.outDegree).toBe(graph.inDegree);
    // No copy for the undirected view of an undirected graph.
    expect(graph.undirectedNeighbours).toBe(graph.outTargets);
    expect(graph.undirectedOffsets).toBe(graph.outOffsets);
  });

  it('keeps node numbering in order of first appearance', () => {
    const graph = buildCompactGraph(
      edgeListFromPairs([
        ['z', 'y'],
        ['x', 'z'],
      ]),
      { directed: true },
    );
    expect(graph.ids).toEqual(['z', 'y', 'x']);
    expect(graph.nodeCount).toBe(3);
  });

  it('builds an empty graph from an empty edge list', () => {
    const graph = graphOf([], true);
    expect([graph.nodeCount, graph.edgeCount, graph.undirectedEdgeCount]).toEqual([0, 0, 0]);
  });
});
