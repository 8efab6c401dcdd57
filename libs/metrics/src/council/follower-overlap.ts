import type { PlatformName } from '@wardreach/contracts';

/** All followers of one councillor, over their accounts, by pseudonymous id per platform. */
export interface CouncillorFollowerSet {
  councillorId: string;
  followers: Iterable<{ platform: PlatformName; followerId: string }>;
}

export interface FollowerOverlapPair {
  /** The two councillors, `a` before `b` in the input order. */
  a: string;
  b: string;
  /** |A ∩ B| */
  shared: number;
  /** |A ∪ B| */
  union: number;
  /** |A ∩ B| ÷ |A ∪ B| */
  jaccard: number;
}

export interface FollowerOverlapOptions {
  /** Keep pairs with at least this Jaccard index (default: any pair sharing a follower). */
  minJaccard?: number;
  /** Keep only each councillor's k most overlapping pairs (a pair stays if it is in either's top k). */
  topPerCouncillor?: number;
}

/** Jaccard index of two sets = |A ∩ B| ÷ |A ∪ B|; 0 when both are empty (nothing shared). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Follower overlap between councillors: for each pair, Jaccard = |A ∩ B| ÷ |A ∪ B| where A and B are
 * the councillors' followers as (platform, follower id) pairs: the same id on two platforms is two
 * followers, and a person who follows one councillor on two platforms is two members of A.
 *
 * Counts intersections through an inverted index (follower → councillors who have them), so the cost
 * is Σ_f k_f² over followers f followed-into by k_f councillors, plus n² counters for n councillors:
 * about 0.3 s for 120 councillors with 3,000 followers each (measured in the spec), where
 * comparing every pair of sets would be n²/2 set intersections. Pairs sharing no follower are never
 * returned. Sorted by Jaccard, largest first, ties in input order.
 */
export function followerOverlap(
  councillors: readonly CouncillorFollowerSet[],
  options: FollowerOverlapOptions = {},
): FollowerOverlapPair[] {
  const n = councillors.length;
  const followedBy = new Map<string, number[]>();
  const sizes = new Array<number>(n).fill(0);
  councillors.forEach((councillor, index) => {
    for (const { platform, followerId } of councillor.followers) {
      const key = `${platform}\u0000${followerId}`;
      let list = followedBy.get(key);
      if (list === undefined) {
        list = [];
        followedBy.set(key, list);
      }
      // Councillors are visited in order, so a repeat of this follower for this councillor is last.
      if (list[list.length - 1] !== index) {
        list.push(index);
        sizes[index] += 1;
      }
    }
  });

  const shared = new Int32Array(n * n);
  for (const list of followedBy.values()) {
    for (let i = 0; i < list.length; i += 1) {
      const row = list[i] * n;
      for (let j = i + 1; j < list.length; j += 1) shared[row + list[j]] += 1;
    }
  }

  const minJaccard = options.minJaccard ?? 0;
  let pairs: FollowerOverlapPair[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const both = shared[i * n + j];
      if (both === 0) continue;
      const union = sizes[i] + sizes[j] - both;
      const value = both / union;
      if (value < minJaccard) continue;
      pairs.push({
        a: councillors[i].councillorId,
        b: councillors[j].councillorId,
        shared: both,
        union,
        jaccard: value,
      });
    }
  }
  pairs.sort((x, y) => y.jaccard - x.jaccard); // stable: ties stay in input order
  if (options.topPerCouncillor !== undefined) pairs = keepTopPerCouncillor(pairs, options.topPerCouncillor);
  return pairs;
}

/** Pairs (already sorted best first) that are among the first k of either of their councillors. */
function keepTopPerCouncillor(pairs: readonly FollowerOverlapPair[], k: number): FollowerOverlapPair[] {
  const taken = new Map<string, number>();
  return pairs.filter((pair) => {
    const forA = taken.get(pair.a) ?? 0;
    const forB = taken.get(pair.b) ?? 0;
    taken.set(pair.a, forA + 1);
    taken.set(pair.b, forB + 1);
    return forA < k || forB < k;
  });
}
