import type { AccountStatus, PlatformName } from '@wardreach/contracts';

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
