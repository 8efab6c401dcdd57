import type { CompactGraph } from './compact-graph';

/** Damping, tolerance and iteration cap of NetworkX `pagerank` defaults. */
export const PAGERANK_DAMPING = 0.85;
const TOLERANCE = 1e-6;
const MAX_ITERATIONS = 100;

/**
 * PageRank, as NetworkX `pagerank(G, alpha=0.85, weight=None)`: power iteration from the uniform
 * vector,
 *
 *   x'(v) = α · ( Σ_{u→v} x(u) / out(u)  +  Σ_{u dangling} x(u) / N )  +  (1 − α) / N
 *
 * where out(u) counts u's distinct successors (neighbours, for an undirected graph) and a dangling
 * node (no successors) spreads its rank uniformly. Stops when Σ |x' − x| < N · 1e-6 (at most 100
 * iterations; with α = 0.85 the L1 change shrinks by α each step, so it always stops in time),
 * then rescales to sum 1. Returns one score per node index.
 */
export function pageRank(graph: CompactGraph): Float64Array {
  const { nodeCount: n, outOffsets: offsets, outTargets: targets } = graph;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    let dangling = 0;
    for (let u = 0; u < n; u += 1) if (offsets[u + 1] === offsets[u]) dangling += rank[u];
    next.fill((1 - PAGERANK_DAMPING) / n + (PAGERANK_DAMPING * dangling) / n);
    // Push each node's share along its out-edges: one pass over the out-CSR, no transpose needed.
    for (let u = 0; u < n; u += 1) {
      const start = offsets[u];
      const end = offsets[u + 1];
      if (start === end) continue;
      const share = (PAGERANK_DAMPING * rank[u]) / (end - start);
      for (let i = start; i < end; i += 1) next[targets[i]] += share;
    }
    let change = 0;
    for (let v = 0; v < n; v += 1) change += Math.abs(next[v] - rank[v]);
    [rank, next] = [next, rank];
    if (change < n * TOLERANCE) break;
  }
  let total = 0;
  for (let v = 0; v < n; v += 1) total += rank[v];
  for (let v = 0; v < n; v += 1) rank[v] /= total;
  return rank;
}
