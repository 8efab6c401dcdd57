/** Total reach = Σ followers over the councillor's accounts. A person following on two platforms counts twice. */
export function totalReach(accounts: ReadonlyArray<{ followers: number }>): number {
  return accounts.reduce((sum, account) => sum + account.followers, 0);
}

/**
 * Local reach = Σ ward-attributed followers over the councillor's accounts (fractional weights
 * count; see `followerPlaceCounts`). Not de-duplicated across platforms: follower ids differ per
 * platform; the ward figure `distinctWardFollowers` de-duplicates across councillors.
 */
export function localReach(accounts: ReadonlyArray<{ followersWard: number }>): number {
  return accounts.reduce((sum, account) => sum + account.followersWard, 0);
}
