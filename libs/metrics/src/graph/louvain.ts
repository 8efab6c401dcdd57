import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';
import type { CompactGraph } from './compact-graph';
import { modularity } from './modularity';

/** A partition of the nodes: `community[v]` labels node v, 0 for the largest community. */
export interface Communities {
  readonly community: Int32Array;
  readonly count: number;
  /** NetworkX modularity of this partition ({@link modularity}). */
  readonly modularity: number;
}

export interface LouvainOptions {
  /** Seeded runs to try; the best modularity wins, the lowest seed on a tie. */
  readonly restarts?: number;
}

/** Runs tried by default: enough that the dashboard's figure sits near the best partition known. */
export const DEFAULT_LOUVAIN_RESTARTS = 4;
/** A level or a pass that gains no more modularity than this ends (NetworkX's `threshold`). */
const THRESHOLD = 1e-7;
/** Smallest score gain (in edge weight) worth a move; below it is rounding noise. */
const MIN_SCORE_GAIN = 1e-10;

/**
 * Louvain communities on the undirected view at resolution 1 (Blondel et al. 2008; NetworkX
 * `louvain_communities(G.to_undirected(), resolution=1)`): move nodes one at a time, starting in a
 * shuffled order, to the neighbouring community with the largest modularity gain
 *
 *   ΔQ ∝ k_{v,c} − Σtot_c · k_v / 2m
 *
 * until no move gains anything, merge each community into one node, and repeat while modularity
 * grows. The shuffle makes single runs differ, so the best of several seeded runs is kept: the
 * same graph always gets the same partition, and figures on a dashboard do not flicker.
 *
 * Written over typed arrays because graphology-communities-louvain needs a graphology graph,
 * whose construction alone took 10× igraph's time on the benchmark graph (issue, item 9).
 */
export function louvainCommunities(graph: CompactGraph, options: LouvainOptions = {}): Communities {
  const restarts = Math.max(1, options.restarts ?? DEFAULT_LOUVAIN_RESTARTS);
  // Every run starts from the same level graph and only reads it: build it once.
  const start = firstLevel(graph);
  let best: Communities | undefined;
  for (let seed = 0; seed < restarts; seed += 1) {
    const community = labelBySize(louvainRun(graph, start, xoroshiro128plus(seed)));
    const candidate = {
      community: community.labels,
      count: community.count,
      modularity: modularity(graph, community.labels),
    };
    if (best === undefined || candidate.modularity > best.modularity) best = candidate;
  }
  return best as Communities;
}

/** A weighted graph of one Louvain level; `loops[v]` is the weight of v's self-loop. */
interface LevelGraph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
  readonly loops: Float64Array;
  /** k_v = Σ weights + 2 · loop, so Σ_v k_v = 2m. */
  readonly strength: Float64Array;
}

function louvainRun(graph: CompactGraph, start: LevelGraph, random: RandomGenerator): Int32Array {
  let level = start;
  const totalStrength = 2 * graph.undirectedEdgeCount;
  const nodeCommunity = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v += 1) nodeCommunity[v] = v;
  if (totalStrength === 0) return nodeCommunity;
  for (;;) {
    const { community, gain } = moveNodes(level, totalStrength, random);
    if (gain <= THRESHOLD) return nodeCommunity;
    const { renumbered, count } = renumber(community);
    for (let v = 0; v < graph.nodeCount; v += 1) nodeCommunity[v] = renumbered[nodeCommunity[v]];
    if (count === level.nodeCount) return nodeCommunity;
    level = aggregate(level, renumbered, count);
  }
}

function firstLevel(graph: CompactGraph): LevelGraph {
  const { nodeCount: n, undirectedOffsets: csrOffsets, undirectedNeighbours: csrNeighbours } = graph;
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(csrNeighbours.length);
  const loops = new Float64Array(n);
  const strength = new Float64Array(n);
  let write = 0;
  for (let v = 0; v < n; v += 1) {
    for (let i = csrOffsets[v]; i < csrOffsets[v + 1]; i += 1) {
      const u = csrNeighbours[i];
      if (u === v) loops[v] = 1;
      else neighbours[write++] = u;
    }
    offsets[v + 1] = write;
    strength[v] = write - offsets[v] + 2 * loops[v];
  }
  const trimmed = write === neighbours.length ? neighbours : neighbours.slice(0, write);
  return {
    nodeCount: n,
    offsets,
    neighbours: trimmed,
    weights: new Float64Array(write).fill(1),
    loops,
    strength,
  };
}

/**
 * Local moving phase; returns each node's community and the modularity gained. Nodes wait in a
 * queue, first in shuffled order; when a node moves, only its neighbours outside its new
 * community are queued again (the pruning of Ozaki et al. 2016, also Leiden's fast local move).
 * Sweeping every node until a sweep gains nothing took ~50 sweeps on the benchmark graph, most
 * of them revisiting nodes whose neighbourhood had not changed.
 */
function moveNodes(
  level: LevelGraph,
  totalStrength: number,
  random: RandomGenerator,
): { community: Int32Array; gain: number } {
  const { nodeCount: n, offsets, neighbours, weights, strength } = level;
  const community = new Int32Array(n);
  const communityStrength = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    community[v] = v;
    communityStrength[v] = strength[v];
  }
  // A ring buffer of n slots holds every node at most once (`queued`).
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  for (let v = 0; v < n; v += 1) queue[v] = v;
  for (let i = n - 1; i > 0; i -= 1) {
    const j = unsafeUniformIntDistribution(0, i, random);
    const swap = queue[i];
    queue[i] = queue[j];
    queue[j] = swap;
  }
  let head = 0;
  let waiting = n;
  const weightTo = new Float64Array(n);
  const touched = new Int32Array(n);
  let gain = 0;
  while (waiting > 0) {
    const v = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    waiting -= 1;
    queued[v] = 0;
    const current = community[v];
    const kv = strength[v];
    let touchedCount = 0;
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
      const c = community[neighbours[i]];
      if (weightTo[c] === 0) touched[touchedCount++] = c;
      weightTo[c] += weights[i];
    }
    communityStrength[current] -= kv;
    const stayScore = weightTo[current] - (communityStrength[current] * kv) / totalStrength;
    let bestCommunity = current;
    let bestScore = stayScore;
    for (let t = 0; t < touchedCount; t += 1) {
      const c = touched[t];
      const score = weightTo[c] - (communityStrength[c] * kv) / totalStrength;
      if (score > bestScore) {
        bestScore = score;
        bestCommunity = c;
      }
      weightTo[c] = 0;
    }
    // Rounding must not let a node hop back and forth for nothing: demand a real gain.
    if (bestScore - stayScore <= MIN_SCORE_GAIN) bestCommunity = current;
    communityStrength[bestCommunity] += kv;
    if (bestCommunity === current) continue;
    community[v] = bestCommunity;
    gain += (2 * (bestScore - stayScore)) / totalStrength;
    for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
      const u = neighbours[i];
      if (queued[u] === 0 && community[u] !== bestCommunity) {
        queued[u] = 1;
        let tail = head + waiting;
        if (tail >= n) tail -= n;
        queue[tail] = u;
        waiting += 1;
      }
    }
  }
  return { community, gain };
}

/** Relabels community ids to 0..count−1 in order of first use. */
function renumber(community: Int32Array): { renumbered: Int32Array; count: number } {
  const map = new Int32Array(community.length).fill(-1);
  const renumbered = new Int32Array(community.length);
  let count = 0;
  for (let v = 0; v < community.length; v += 1) {
    const c = community[v];
    if (map[c] < 0) map[c] = count++;
    renumbered[v] = map[c];
  }
  return { renumbered, count };
}

/** Merges each community into one node: inner edges become its self-loop, the rest are summed. */
function aggregate(level: LevelGraph, community: Int32Array, count: number): LevelGraph {
  const { nodeCount: n, offsets, neighbours, weights } = level;
  const memberOffsets = new Int32Array(count + 1);
  for (let v = 0; v < n; v += 1) memberOffsets[community[v] + 1] += 1;
  for (let c = 0; c < count; c += 1) memberOffsets[c + 1] += memberOffsets[c];
  const members = new Int32Array(n);
  const cursor = memberOffsets.slice(0, count);
  for (let v = 0; v < n; v += 1) members[cursor[community[v]]++] = v;

  const nextOffsets = new Int32Array(count + 1);
  const nextNeighbours = new Int32Array(neighbours.length);
  const nextWeights = new Float64Array(neighbours.length);
  const loops = new Float64Array(count);
  const strength = new Float64Array(count);
  const weightTo = new Float64Array(count);
  const touched = new Int32Array(count);
  let write = 0;
  for (let c = 0; c < count; c += 1) {
    let touchedCount = 0;
    for (let m = memberOffsets[c]; m < memberOffsets[c + 1]; m += 1) {
      const v = members[m];
      loops[c] += level.loops[v];
      strength[c] += level.strength[v];
      for (let i = offsets[v]; i < offsets[v + 1]; i += 1) {
        const d = community[neighbours[i]];
        // An inner edge is met from both ends: half its weight each time makes one self-loop.
        if (d === c) loops[c] += weights[i] / 2;
        else {
          if (weightTo[d] === 0) touched[touchedCount++] = d;
          weightTo[d] += weights[i];
        }
      }
    }
    for (let t = 0; t < touchedCount; t += 1) {
      const d = touched[t];
      nextNeighbours[write] = d;
      nextWeights[write] = weightTo[d];
      write += 1;
      weightTo[d] = 0;
    }
    nextOffsets[c + 1] = write;
  }
  return {
    nodeCount: count,
    offsets: nextOffsets,
    neighbours: nextNeighbours.slice(0, write),
    weights: nextWeights.slice(0, write),
    loops,
    strength,
  };
}

/** Labels communities 0, 1, … from the largest down, ties by their first node, so labels are stable. */
function labelBySize(community: Int32Array): { labels: Int32Array; count: number } {
  const { renumbered, count } = renumber(community);
  const size = new Int32Array(count);
  for (let v = 0; v < renumbered.length; v += 1) size[renumbered[v]] += 1;
  // renumber() already numbers by first node, so a stable sort by size keeps that as tie-break.
  const bySize = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b] - size[a] || a - b);
  const label = new Int32Array(count);
  bySize.forEach((c, rank) => {
    label[c] = rank;
  });
  for (let v = 0; v < renumbered.length; v += 1) renumbered[v] = label[renumbered[v]];
  return { labels: renumbered, count };
}
