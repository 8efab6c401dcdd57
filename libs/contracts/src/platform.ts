/** Platforms as the API names them (mirrors libs/collectors, which the dashboard may not import). */
export type PlatformName = 'bluesky' | 'mastodon' | 'rss' | 'x' | 'facebook' | 'youtube';

export type AccountStatus = 'active' | 'gone' | 'unauthorised' | 'failing' | 'paused';
