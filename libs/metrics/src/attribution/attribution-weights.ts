import type { AttributionResult } from './attribution-result';

/**
 * How much a follower counts towards each ward's totals, so that a follower attributed to several
 * wards counts fractionally towards each and every follower inside the council counts once in all:
 * - `ward` → weight 1 for that ward;
 * - `council` with n candidates → 1/n for each candidate (Σ weights = 1);
 * - `elsewhere`, `unknown` → no weights (they count in council-level totals, never in a ward's).
 */
export function attributionWeights(result: AttributionResult): Map<string, number> {
  const weights = new Map<string, number>();
  switch (result.status) {
    case 'ward':
      if (result.ward !== null) weights.set(result.ward, 1);
      break;
    case 'council':
      for (const ward of result.candidates) weights.set(ward, 1 / result.candidates.length);
      break;
    case 'elsewhere':
    case 'unknown':
      break;
  }
  return weights;
}
