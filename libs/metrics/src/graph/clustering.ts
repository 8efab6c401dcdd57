import type { CompactGraph } from './compact-graph';

/**
 * Local clustering coefficient of every node on the undirected view, as NetworkX
 * `clustering(G.to_undirected())`:
 *
 *   c(v) = 2 T(v) / (d(v) (d(v) − 1)),   0 when d(v) < 2
 *
 * with T(v) the triangles through v and d(v) its neighbours other than itself (self-loops are
 * ignored). Triangles are listed once each by orienting every edge towards the higher-degree end
 * (O(m^1.5)), so a follower graph's hubs do not cost d² each.
 */
export function clustering(graph: CompactGraph): Float64Array {
  const { nodeCount: n, undirectedOffsets: offsets, undirectedNeighbours: neighbours } = graph;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v += 1) {
    let d = 0;
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) if (neighbours[i] !== v) d += 1;
    degree[v] = d;
  }
  const ranksHigher = (u: number, v: number): boolean =>
    degree[u] > degree[v] || (degree[u] === degree[v] && u > v);
  const forwardOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v += 1) {
    let count = 0;
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) if (ranksHigher(neighbours[i], v)) count += 1;
    forwardOffsets[v + 1] = forwardOffsets[v] + count;
  }
  const forward = new Int32Array(forwardOffsets[n]);
  for (let v = 0, write = 0; v < n; v += 1) {
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1)
      if (ranksHigher(neighbours[i], v)) forward[write++] = neighbours[i];
  }
  const triangles = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v += 1) {
    for (let i = forwardOffsets[v]; i < forwardOffsets[v + 1]; i += 1) mark[forward[i]] = v;
    for (let i = forwardOffsets[v]; i < forwardOffsets[v + 1]; i += 1) {
      const u = forward[i];
      for (let j = forwardOffsets[u]; j < forwardOffsets[u + 1]; j += 1) {
        const w = forward[j];
        if (mark[w] === v) {
          triangles[v] += 1;
          triangles[u] += 1;
          triangles[w] += 1;
        }
      }
    }
  }
  const coefficient = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    const d = degree[v];
    coefficient[v] = d < 2 ? 0 : (2 * triangles[v]) / (d * (d - 1));
  }
  return coefficient;
}

/** Mean of {@link clustering} over all nodes, zeros included (NetworkX `average_clustering`); 0 for no nodes. */
export function averageClustering(coefficients: Float64Array): number {
  if (coefficients.length === 0) return 0;
  let total = 0;
  for (let v = 0; v < coefficients.length; v += 1) total += coefficients[v];
  return total / coefficients.length;
}
