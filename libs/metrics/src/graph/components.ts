import type { CompactGraph } from './compact-graph';

/**
 * Number of connected components of the undirected view: NetworkX
 * `number_weakly_connected_components` for a directed graph, `number_connected_components` for
 * an undirected one. Isolated nodes count one each.
 */
export function countComponents(graph: CompactGraph): number {
  const { nodeCount, undirectedOffsets: offsets, undirectedNeighbours: neighbours } = graph;
  const seen = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let components = 0;
  for (let root = 0; root < nodeCount; root += 1) {
    if (seen[root]) continue;
    components += 1;
    seen[root] = 1;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top];
      for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
        const u = neighbours[i];
        if (!seen[u]) {
          seen[u] = 1;
          stack[top++] = u;
        }
      }
    }
  }
  return components;
}
