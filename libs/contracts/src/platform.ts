/** Platforms as the API names them (mirrors libs/collectors, which the dashboard may not import). */
export type PlatformName = 'bluesky' | 'mastodon' | 'rss' | 'x' | 'facebook' | 'youtube';

export type AccountStatus = 'active' | 'gone' | 'unauthorised' | 'failing' | 'paused';

/**
 * Whether mentions of an account by others are collected (mirrors libs/collectors): `collected`;
 * `not-offered` where the platform has no mention search we may use (replies or comments only);
 * on Bluesky `no-service-account`, `service-account-refused` or `service-account-rate-limited` (replies are
 * still collected).
 */
export type MentionsCoverage =
  | 'collected'
  | 'not-offered'
  | 'no-service-account'
  | 'service-account-refused'
  | 'service-account-rate-limited';
