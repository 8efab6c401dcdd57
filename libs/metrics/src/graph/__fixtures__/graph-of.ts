import type { CompactGraph } from '../compact-graph';
import { buildCompactGraph } from '../compact-graph';
import { edgeListFromPairs } from '../edge-list';

/** The compact graph of `[source, target]` pairs, for tests. */
export function graphOf(edges: readonly (readonly [string, string])[], directed: boolean): CompactGraph {
  return buildCompactGraph(edgeListFromPairs(edges), { directed });
}

/** Per-node values keyed by id, so tests need not know the node numbering. */
export function byId(graph: CompactGraph, values: ArrayLike<number>): Record<string, number> {
  const keyed: Record<string, number> = {};
  graph.ids.forEach((id, v) => {
    keyed[id] = values[v];
  });
  return keyed;
}

/** Small hand-worked graphs (expected values in each spec, checked against NetworkX 2.8.8). */
export const PATH: readonly (readonly [string, string])[] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
];
export const STAR: readonly (readonly [string, string])[] = [
  ['hub', 'x'],
  ['hub', 'y'],
  ['hub', 'z'],
  ['hub', 'w'],
];
export const TRIANGLE_WITH_TAIL: readonly (readonly [string, string])[] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['c', 'd'],
];
/** a → b → c → a, and c → d where d follows no one (a dangling node). */
export const DIRECTED_CYCLE_WITH_DANGLING = TRIANGLE_WITH_TAIL;
/** Repeated and reversed edges and a self-loop on c: NetworkX collapses the repeats, keeps the loop. */
export const REPEATS_AND_LOOP: readonly (readonly [string, string])[] = [
  ['a', 'b'],
  ['b', 'a'],
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'c'],
  ['c', 'd'],
];

/** Arbitrary small edge lists over ids "n0".."n11" (self-loops and repeats included). */
export function edgePairs(pairs: readonly (readonly [number, number])[]): [string, string][] {
  return pairs.map(([s, t]) => [`n${s}`, `n${t}`]);
}
