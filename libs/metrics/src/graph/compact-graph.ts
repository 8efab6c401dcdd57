import type { EdgeList } from './edge-list';

/**
 * A simple graph in compressed sparse row (CSR) form over integer node indices, built once per
 * snapshot and shared read-only by every figure. graphology, as installed, took 10× igraph's time
 * to build a million-edge graph and 26× to make its undirected copy (issue, item 9): one object
 * per node and edge. Two pairs of typed arrays cost 8 bytes per edge and no garbage collection.
 *
 * Semantics are NetworkX's `DiGraph` / `Graph`: repeated edges collapse into one; self-loops are
 * kept (they count in degrees, density, PageRank and modularity, and clustering ignores them).
 */
export interface CompactGraph {
  readonly directed: boolean;
  /** `ids[v]` is node v's id; nodes are numbered in order of first appearance in the edge list. */
  readonly ids: readonly string[];
  readonly nodeCount: number;
  /** Distinct edges, self-loops included (NetworkX `number_of_edges()`). */
  readonly edgeCount: number;
  /**
   * Successors of v (directed) or neighbours of v (undirected), sorted ascending, each once, v
   * itself once if it has a self-loop: `outTargets[outOffsets[v] .. outOffsets[v + 1])`.
   */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  /** In-degree per node; for an undirected graph, the degree (a self-loop counts twice). */
  readonly inDegree: Int32Array;
  /** Out-degree per node; for an undirected graph, the degree (a self-loop counts twice). */
  readonly outDegree: Int32Array;
  /**
   * The undirected view, NetworkX `G.to_undirected()` (u–v whenever u→v or v→u), in the same CSR
   * layout. For an undirected graph these are the very arrays above, not a copy.
   */
  readonly undirectedOffsets: Int32Array;
  readonly undirectedNeighbours: Int32Array;
  /** Edges of the undirected view, self-loops included. */
  readonly undirectedEdgeCount: number;
}

/** Builds the {@link CompactGraph} of an edge list, directed or not. */
export function buildCompactGraph(edges: EdgeList, options: { readonly directed: boolean }): CompactGraph {
  const nodeCount = edges.ids.length;
  const { sources, targets } = edges;
  if (options.directed) {
    const out = sortedUniqueRows(nodeCount, sources.length, (emit) => {
      for (let e = 0; e < sources.length; e += 1) emit(sources[e], targets[e]);
    });
    const undirected = symmetrise(nodeCount, out.offsets, out.targets);
    const outDegree = new Int32Array(nodeCount);
    const inDegree = new Int32Array(nodeCount);
    for (let v = 0; v < nodeCount; v += 1) outDegree[v] = out.offsets[v + 1] - out.offsets[v];
    for (let e = 0; e < out.targets.length; e += 1) inDegree[out.targets[e]] += 1;
    return {
      directed: true,
      ids: edges.ids,
      nodeCount,
      edgeCount: out.targets.length,
      outOffsets: out.offsets,
      outTargets: out.targets,
      inDegree,
      outDegree,
      undirectedOffsets: undirected.offsets,
      undirectedNeighbours: undirected.targets,
      undirectedEdgeCount: undirected.edgeCount,
    };
  }
  const rows = sortedUniqueRows(nodeCount, 2 * sources.length, (emit) => {
    for (let e = 0; e < sources.length; e += 1) {
      emit(sources[e], targets[e]);
      if (sources[e] !== targets[e]) emit(targets[e], sources[e]);
    }
  });
  const degree = undirectedDegrees(nodeCount, rows.offsets, rows.targets);
  const edgeCount = countUndirectedEdges(nodeCount, rows.offsets, rows.targets);
  return {
    directed: false,
    ids: edges.ids,
    nodeCount,
    edgeCount,
    outOffsets: rows.offsets,
    outTargets: rows.targets,
    inDegree: degree,
    outDegree: degree,
    undirectedOffsets: rows.offsets,
    undirectedNeighbours: rows.targets,
    undirectedEdgeCount: edgeCount,
  };
}

/** Degree in the undirected view, a self-loop counting twice as in NetworkX. */
export function undirectedDegrees(
  nodeCount: number,
  offsets: Int32Array,
  neighbours: Int32Array,
): Int32Array {
  const degree = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v += 1) {
    let d = offsets[v + 1] - offsets[v];
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) if (neighbours[i] === v) d += 1;
    degree[v] = d;
  }
  return degree;
}

function countUndirectedEdges(nodeCount: number, offsets: Int32Array, neighbours: Int32Array): number {
  let ends = 0;
  let loops = 0;
  for (let v = 0; v < nodeCount; v += 1) {
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
      if (neighbours[i] === v) loops += 1;
      else ends += 1;
    }
  }
  return ends / 2 + loops;
}

/** The undirected view of directed CSR rows: both directions of every edge, each pair once. */
function symmetrise(
  nodeCount: number,
  offsets: Int32Array,
  targets: Int32Array,
): { offsets: Int32Array; targets: Int32Array; edgeCount: number } {
  const rows = sortedUniqueRows(nodeCount, 2 * targets.length, (emit) => {
    for (let u = 0; u < nodeCount; u += 1) {
      for (let i = offsets[u]; i < offsets[u + 1]; i += 1) {
        const v = targets[i];
        emit(u, v);
        if (u !== v) emit(v, u);
      }
    }
  });
  return { ...rows, edgeCount: countUndirectedEdges(nodeCount, rows.offsets, rows.targets) };
}

/**
 * CSR rows from (row, column) pairs produced twice by `produce` (a counting pass, then a filling
 * pass, so no intermediate pair list is allocated), each row sorted with duplicates removed.
 */
function sortedUniqueRows(
  nodeCount: number,
  maxPairs: number,
  produce: (emit: (row: number, column: number) => void) => void,
): { offsets: Int32Array; targets: Int32Array } {
  const offsets = new Int32Array(nodeCount + 1);
  produce((row) => {
    offsets[row + 1] += 1;
  });
  for (let v = 0; v < nodeCount; v += 1) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, nodeCount);
  const raw = new Int32Array(Math.min(maxPairs, offsets[nodeCount]));
  produce((row, column) => {
    raw[cursor[row]] = column;
    cursor[row] += 1;
  });
  // Sort each row and squeeze out repeats in place; rows only ever move left.
  let write = 0;
  for (let v = 0; v < nodeCount; v += 1) {
    const start = offsets[v];
    const end = offsets[v + 1];
    offsets[v] = write;
    if (end - start > 1) raw.subarray(start, end).sort();
    let previous = -1;
    for (let i = start; i < end; i += 1) {
      const column = raw[i];
      if (column !== previous) {
        raw[write] = column;
        write += 1;
        previous = column;
      }
    }
  }
  offsets[nodeCount] = write;
  return { offsets, targets: write === raw.length ? raw : raw.slice(0, write) };
}
