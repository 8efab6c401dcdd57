import type { Platform } from '@wardreach/collectors';
import type { AppConfig } from '../config/app-config';
import type { StoredCredentials } from './credentials.service';

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

/** The environment variable that can give each credential instead of the one stored. */
export const CREDENTIAL_VARIABLES = {
  bluesky: { service_handle: 'BLUESKY_SERVICE_HANDLE', service_app_password: 'BLUESKY_SERVICE_APP_PASSWORD' },
  mastodon: {},
  rss: {},
  x: { bearer_token: 'X_BEARER_TOKEN' },
  facebook: { access_token: 'FACEBOOK_ACCESS_TOKEN' },
  youtube: { api_key: 'YOUTUBE_API_KEY' },
} as const satisfies {
  [P in Platform]: Record<(typeof CREDENTIAL_NAMES)[P][number], keyof AppConfig>;
};

/** A credential from the environment, where set there. */
export function credentialFromEnvironment(
  config: AppConfig,
  platform: Platform,
  name: string,
): string | undefined {
  const variable = (CREDENTIAL_VARIABLES[platform] as Record<string, keyof AppConfig | undefined>)[name];
  const value = variable ? config[variable] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The credential collection uses: the environment's, else the one the admin stored. */
export function credentialValue(
  config: AppConfig,
  stored: StoredCredentials['values'],
  platform: Platform,
  name: string,
): string | undefined {
  return credentialFromEnvironment(config, platform, name) ?? stored[platform]?.[name];
}
