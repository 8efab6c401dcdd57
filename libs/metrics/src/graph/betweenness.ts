import type { CompactGraph } from './compact-graph';

/**
 * Betweenness centrality, as NetworkX `betweenness_centrality(G, normalized=True)`:
 *
 *   b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st  ·  1 / ((n − 1)(n − 2))
 *
 * over ordered pairs (s, t), σ_st the number of shortest s–t paths and σ_st(v) those through v;
 * edges followed forwards for a directed graph. For an undirected graph each pair is counted in
 * both orders and the same factor applies, exactly as NetworkX does. No scaling when n ≤ 2.
 *
 * Brandes' algorithm, O(n·m): one breadth-first search per source, then dependencies accumulated
 * in reverse order of distance over successors: δ(v) = σ_v Σ_{w succ v} (1 + δ(w)) / σ_w.
 */
export function betweenness(graph: CompactGraph): Float64Array {
  const { nodeCount: n, outOffsets: offsets, outTargets: targets } = graph;
  const centrality = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  // coefficient(w) = (1 + δ(w)) / σ_w, what each predecessor of w collects from it.
  const coefficient = new Float64Array(n);
  const order = new Int32Array(n);
  // The shortest-path DAG of one search, grouped by tail in search order: the edges v→w with
  // d(w) = d(v) + 1 are dag[dagStart[k] .. dagStart[k + 1]) for v = order[k]. Walking it backwards
  // accumulates dependencies without predecessor lists or a second scan of every edge.
  const dag = new Int32Array(targets.length);
  const dagStart = new Int32Array(n + 1);
  for (let source = 0; source < n; source += 1) {
    let head = 0;
    let tail = 0;
    let dagEnd = 0;
    order[tail++] = source;
    distance[source] = 0;
    paths[source] = 1;
    while (head < tail) {
      const v = order[head];
      dagStart[head] = dagEnd;
      head += 1;
      const nextDistance = distance[v] + 1;
      const sigma = paths[v];
      for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
        const w = targets[i];
        const dw = distance[w];
        if (dw < 0) {
          distance[w] = nextDistance;
          paths[w] = sigma;
          order[tail++] = w;
          dag[dagEnd++] = w;
        } else if (dw === nextDistance) {
          paths[w] += sigma;
          dag[dagEnd++] = w;
        }
      }
    }
    dagStart[tail] = dagEnd;
    for (let k = tail - 1; k >= 0; k -= 1) {
      const v = order[k];
      let collected = 0;
      for (let j = dagStart[k]; j < dagStart[k + 1]; j += 1) collected += coefficient[dag[j]];
      const dependency = paths[v] * collected;
      coefficient[v] = (1 + dependency) / paths[v];
      if (k > 0) centrality[v] += dependency;
    }
    for (let k = 0; k < tail; k += 1) distance[order[k]] = -1;
  }
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v += 1) centrality[v] *= scale;
  }
  return centrality;
}
