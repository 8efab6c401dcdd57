import type { FollowerPlace } from './account-facts';

export interface FollowerPlaceCounts {
  /** Followers placed in the account holder's ward (fractional: a split person counts by weight). */
  ward: number;
  /** Placed inside the council area but not in that ward (other wards, or ward not known). */
  council: number;
  elsewhere: number;
  unknown: number;
}

/**
 * Followers attributed to the ward, to the rest of the council area, elsewhere and unknown.
 * For a follower inside the council (status `ward` or `council`) with ward weights w:
 * ward += w[wardCode] and council += 1 − w[wardCode] (the rest of that person lies elsewhere in the
 * council). Status `elsewhere` adds 1 to elsewhere, `unknown` 1 to unknown. Fractional weights count
 * as fractions, so the four numbers sum to the number of followers but need not be whole.
 */
export function followerPlaceCounts(places: Iterable<FollowerPlace>, wardCode: string): FollowerPlaceCounts {
  const counts: FollowerPlaceCounts = { ward: 0, council: 0, elsewhere: 0, unknown: 0 };
  for (const place of places) {
    switch (place.status) {
      case 'ward':
      case 'council': {
        const inWard = wardWeight(place, wardCode);
        counts.ward += inWard;
        counts.council += 1 - inWard;
        break;
      }
      case 'elsewhere':
        counts.elsewhere += 1;
        break;
      case 'unknown':
        counts.unknown += 1;
        break;
    }
  }
  return counts;
}

/**
 * The weight a follower carries for one ward: w[wardCode] (clamped to [0, 1]) for a follower inside
 * the council (status `ward` or `council`), else 0.
 */
export function wardWeight(place: FollowerPlace, wardCode: string): number {
  if (place.status !== 'ward' && place.status !== 'council') return 0;
  return Math.min(1, Math.max(0, place.weights.get(wardCode) ?? 0));
}

/**
 * Local share = ward ÷ known, where known = ward + council + elsewhere. Followers whose place is
 * unknown are left out of both sides: no signal is not evidence of living elsewhere. Fractional
 * weights count as they are. Null when no follower's place is known.
 */
export function localShare(counts: FollowerPlaceCounts): number | null {
  const known = counts.ward + counts.council + counts.elsewhere;
  return known > 0 ? counts.ward / known : null;
}
