import type { Platform } from '@wardreach/collectors';

/** The credentials each platform can use; a platform with none reads only public endpoints. */
export const CREDENTIAL_NAMES = {
  bluesky: ['service_handle', 'service_app_password'],
  mastodon: [],
  rss: [],
  x: ['bearer_token'],
  facebook: ['access_token'],
  youtube: ['api_key'],
} as const satisfies Record<Platform, readonly string[]>;

export type CredentialName = (typeof CREDENTIAL_NAMES)[Platform][number];

export function isCredentialName(platform: Platform, name: string): name is CredentialName {
  return (CREDENTIAL_NAMES[platform] as readonly string[]).includes(name);
}
