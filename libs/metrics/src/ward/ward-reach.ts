import type { PlatformName } from '@wardreach/contracts';
import type { FollowerPlace } from '../account/account-facts';
import { wardWeight } from '../account/follower-places';

/** One follow of one of the ward's councillors' accounts, by a pseudonymous follower id. */
export interface WardFollowerFact {
  platform: PlatformName;
  /** The follower's id on that platform (pseudonymous; never a name). */
  followerId: string;
  place: FollowerPlace;
}

export interface WardReachParams {
  wardCode: string;
  /** Every follower of every account of the ward's councillors; the same person may appear once per councillor. */
  followers: Iterable<WardFollowerFact>;
  /** Residents aged 18+ (ONS mid-year estimate); null when not loaded. */
  adultPopulation: number | null;
}

export interface WardReach {
  /** Σ over platforms of Σ over distinct followers of their ward weight. */
  distinctWardFollowers: number;
  byPlatform: Partial<Record<PlatformName, number>>;
  adultPopulation: number | null;
  /** distinctWardFollowers ÷ adultPopulation; null without a population. */
  penetration: number | null;
}

/**
 * Distinct ward-attributed followers across the ward's councillors:
 * Σ_platform Σ_{distinct follower f on that platform} w_f(ward), with w_f from `wardWeight`
 * (fractional weights count). A resident following all three ward councillors on Bluesky counts
 * once; the same resident on Bluesky and on X counts twice, because ids cannot be matched across
 * platforms. Should two sightings of one follower disagree (attributed at different times), the
 * larger weight is taken.
 * Penetration = distinct ward followers ÷ the ward's adult population; null when the population is
 * unknown or 0. It can exceed what is real when residents follow on several platforms.
 */
export function wardReach({ wardCode, followers, adultPopulation }: WardReachParams): WardReach {
  const weights = new Map<PlatformName, Map<string, number>>();
  for (const follower of followers) {
    const weight = wardWeight(follower.place, wardCode);
    let onPlatform = weights.get(follower.platform);
    if (onPlatform === undefined) {
      onPlatform = new Map();
      weights.set(follower.platform, onPlatform);
    }
    onPlatform.set(follower.followerId, Math.max(weight, onPlatform.get(follower.followerId) ?? 0));
  }
  const byPlatform: Partial<Record<PlatformName, number>> = {};
  let distinctWardFollowers = 0;
  for (const [platform, onPlatform] of weights) {
    let sum = 0;
    for (const weight of onPlatform.values()) sum += weight;
    byPlatform[platform] = sum;
    distinctWardFollowers += sum;
  }
  return {
    distinctWardFollowers,
    byPlatform,
    adultPopulation,
    penetration:
      adultPopulation !== null && adultPopulation > 0 ? distinctWardFollowers / adultPopulation : null,
  };
}
