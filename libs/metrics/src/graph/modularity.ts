import { undirectedDegrees } from './compact-graph';
import type { CompactGraph } from './compact-graph';

/**
 * Modularity of a partition on the undirected view, as NetworkX
 * `community.modularity(G.to_undirected(), communities, weight=None, resolution=1)`:
 *
 *   Q = Σ_c [ L_c / m − (D_c / 2m)² ]
 *
 * with m the edges of the undirected view, L_c the edges inside community c and D_c the sum of
 * its members' degrees (a self-loop is one edge inside and adds 2 to its node's degree).
 * `community[v]` labels node v. 0 for a graph without edges, where NetworkX would divide by zero.
 */
export function modularity(graph: CompactGraph, community: Int32Array): number {
  const { nodeCount: n, undirectedOffsets: offsets, undirectedNeighbours: neighbours } = graph;
  const m = graph.undirectedEdgeCount;
  if (m === 0) return 0;
  const degree = undirectedDegrees(n, offsets, neighbours);
  let communityCount = 0;
  for (let v = 0; v < n; v += 1) communityCount = Math.max(communityCount, community[v] + 1);
  const degreeSum = new Float64Array(communityCount);
  let insideEnds = 0;
  for (let v = 0; v < n; v += 1) {
    const c = community[v];
    degreeSum[c] += degree[v];
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
      const u = neighbours[i];
      // An ordinary edge inside c is seen from both ends, a self-loop once: count loops twice.
      if (u === v) insideEnds += 2;
      else if (community[u] === c) insideEnds += 1;
    }
  }
  let expected = 0;
  for (let c = 0; c < communityCount; c += 1) expected += (degreeSum[c] / (2 * m)) ** 2;
  return insideEnds / 2 / m - expected;
}
