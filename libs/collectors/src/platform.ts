/** Every platform wardreach collects from. Adding one is a new folder and a line in `registry.ts`. */
export const PLATFORMS = ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * The Networked Councillor pilots found that pairing a channel for detail (a blog, a page)
 * with one for listening and networking builds the biggest networks.
 */
export type ChannelRole = 'detail' | 'listening';

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}
