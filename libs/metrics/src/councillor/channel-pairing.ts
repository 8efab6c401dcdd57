import type { PlatformName } from '@wardreach/contracts';
import { DETAIL_PLATFORMS, LISTENING_PLATFORMS, PLATFORM_ORDER } from './channel-roles';

export interface ChannelPairing {
  /** Whether a detail channel and a listening channel are both in use, on two different platforms. */
  paired: boolean;
  /** The given platforms that can serve for detail / for listening. */
  detail: PlatformName[];
  listening: PlatformName[];
  /** One pair that satisfies the rule, for the explanation; null when unpaired. */
  pair: { detail: PlatformName; listening: PlatformName } | null;
}

/**
 * Detail + listening pairing over a councillor's platforms (pass the *active* ones):
 * paired ⇔ ∃ d ∈ DETAIL, l ∈ LISTENING with d ≠ l, both among the platforms.
 * The pilots' finding is about combining at least two platforms, so Facebook, which is in both
 * lists, cannot pair with itself: Facebook alone is unpaired, Facebook + Bluesky or Facebook + a blog
 * is paired.
 */
export function channelPairing(platforms: readonly PlatformName[]): ChannelPairing {
  const present = new Set(platforms);
  const ordered = PLATFORM_ORDER.filter((platform) => present.has(platform));
  const detail = ordered.filter((platform) => DETAIL_PLATFORMS.has(platform));
  const listening = ordered.filter((platform) => LISTENING_PLATFORMS.has(platform));
  for (const d of detail) {
    const l = listening.find((candidate) => candidate !== d);
    if (l !== undefined) return { paired: true, detail, listening, pair: { detail: d, listening: l } };
  }
  return { paired: false, detail, listening, pair: null };
}
