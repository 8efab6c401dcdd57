import type { AccountStatus, MentionsCoverage, PlatformName } from '@wardreach/contracts';

/** Display names; a Record so the compiler flags a platform added to the contracts but not here. */
export const PLATFORM_LABEL: Record<PlatformName, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'Blog (RSS/Atom)',
  x: 'X',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

export const PLATFORMS = Object.keys(PLATFORM_LABEL) as PlatformName[];

export function isPlatformName(value: string): value is PlatformName {
  return Object.hasOwn(PLATFORM_LABEL, value);
}

export const ACCOUNT_STATUS_LABEL: Record<AccountStatus, string> = {
  active: 'Active',
  gone: 'Gone (deleted or suspended)',
  unauthorised: 'Not authorised',
  failing: 'Collection failing',
  paused: 'Paused',
};

/**
 * An account's status as shown: one flagged gone that was never collected at all was more likely never
 * found (a mistyped handle) than deleted, and says so.
 */
export function accountStatusLabel(account: {
  status: AccountStatus;
  lastCollectedAt: string | null;
}): string {
  return account.status === 'gone' && account.lastCollectedAt === null
    ? 'Not found on the platform: check the handle'
    : ACCOUNT_STATUS_LABEL[account.status];
}

/** Whether an account's mentions by others are collected, and if not why, in a sentence. */
export const MENTIONS_LABEL: Record<MentionsCoverage, string> = {
  collected: 'Collected',
  'not-offered': 'Not collected: this platform offers no mention search (replies only, where it has them)',
  'no-service-account': 'Not collected: no Bluesky search account is set up (replies are collected)',
  'service-account-refused':
    'Not collected: Bluesky refused the search account; an admin should check its app password (replies are collected)',
  'service-account-rate-limited':
    'Not collected this time: Bluesky is limiting the search account’s sign-ins or searches; the search resumes after the reset and reaches back to where it stopped (replies are collected)',
};

/** Whether an account on the platform has followers (or subscribers) at all: a blog has none. */
export const HAS_FOLLOWERS: Record<PlatformName, boolean> = {
  bluesky: true,
  mastodon: true,
  x: true,
  facebook: true,
  youtube: true,
  rss: false,
};
