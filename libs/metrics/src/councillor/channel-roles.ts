import type { PlatformName } from '@wardreach/contracts';

/**
 * Channels for detail: where a councillor can explain at length (a blog or RSS feed, a Facebook
 * page, YouTube videos). From the Networked Councillor pilots, as PRODUCT.md states them.
 */
export const DETAIL_PLATFORMS: ReadonlySet<PlatformName> = new Set<PlatformName>([
  'rss',
  'facebook',
  'youtube',
]);

/**
 * Channels for listening and networking: where residents talk back and accounts follow each other.
 * Facebook is in both lists: a page carries detail, and its comments and shares are a conversation.
 */
export const LISTENING_PLATFORMS: ReadonlySet<PlatformName> = new Set<PlatformName>([
  'bluesky',
  'mastodon',
  'x',
  'facebook',
]);

/** Display order of platforms, so lists come out the same way every time. */
export const PLATFORM_ORDER: readonly PlatformName[] = [
  'bluesky',
  'mastodon',
  'x',
  'facebook',
  'rss',
  'youtube',
];
