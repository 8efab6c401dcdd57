import type { CompactGraph } from './compact-graph';

/**
 * Density, as NetworkX `density(G)`: the share of possible edges present, self-loops counted in
 * m but not in the possibilities.
 *
 *   directed:   d = m / (n (n − 1))
 *   undirected: d = 2m / (n (n − 1))
 *
 * 0 when n ≤ 1.
 */
export function density(graph: CompactGraph): number {
  const n = graph.nodeCount;
  if (n <= 1) return 0;
  const possible = n * (n - 1);
  return graph.directed ? graph.edgeCount / possible : (2 * graph.edgeCount) / possible;
}
