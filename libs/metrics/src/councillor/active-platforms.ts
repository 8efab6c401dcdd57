import type { PlatformName } from '@wardreach/contracts';
import { PLATFORM_ORDER } from './channel-roles';

/**
 * Active platforms = the distinct platforms on which the councillor has at least one account with
 * ≥ 1 post in the last 30 days (window as `isWithinLastDays`), in display order. Two accounts on one
 * platform count once.
 */
export function activePlatforms(
  accounts: ReadonlyArray<{ platform: PlatformName; posts30d: number }>,
): PlatformName[] {
  const active = new Set(
    accounts.filter((account) => account.posts30d >= 1).map((account) => account.platform),
  );
  return PLATFORM_ORDER.filter((platform) => active.has(platform));
}
