import type { CollectedFollower, CollectedPost, CollectedProfile } from '../collected';
import type { FeedViewPost, PostView } from './bluesky-schemas';
import type { z } from 'zod';
import type { profileViewDetailedSchema, profileViewSchema } from './bluesky-schemas';

/** `at://did:plc:abc/app.bsky.feed.post/3k…` → `{ did, collection, rkey }`. */
export function parseAtUri(uri: string): { did: string; collection: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  return match ? { did: match[1], collection: match[2], rkey: match[3] } : null;
}

/** The public web address of a post on bsky.app. */
/**
 * A post's address on bsky.app under its author's handle, or under their DID (which bsky.app takes
 * too): residents' posts are linked by DID, so no link the dashboard holds spells their name.
 */
export function postWebUrl(uri: string, handle: string): string {
  const parts = parseAtUri(uri);
  return parts
    ? `https://bsky.app/profile/${handle}/post/${parts.rkey}`
    : `https://bsky.app/profile/${handle}`;
}

export function mapProfile(profile: z.output<typeof profileViewDetailedSchema>): CollectedProfile {
  return {
    externalId: profile.did,
    handle: profile.handle,
    displayName: profile.displayName || null,
    url: `https://bsky.app/profile/${profile.handle}`,
    followersCount: profile.followersCount ?? null,
    followingCount: profile.followsCount ?? null,
    postsCount: profile.postsCount ?? null,
    followersListed: true,
  };
}

/** Bluesky has no location field: the bio is the only text that may place a follower. */
export function mapFollower(profile: z.output<typeof profileViewSchema>): CollectedFollower {
  return {
    externalId: profile.did,
    handle: profile.handle,
    displayName: profile.displayName || null,
    profileText: profile.description ?? '',
  };
}

/** External links of a post: link facets and an external embed card, without duplicates. */
function linksOf(post: PostView): string[] {
  const links = new Set<string>();
  for (const facet of post.record.facets ?? []) {
    for (const feature of facet.features) {
      if (feature.$type === 'app.bsky.richtext.facet#link' && feature.uri) links.add(feature.uri);
    }
  }
  if (post.record.embed?.external?.uri) links.add(post.record.embed.external.uri);
  return [...links];
}

/** A post view (an original post or a reply) as one of the councillor's posts. */
export function mapPost(post: PostView): CollectedPost {
  const parent = post.record.reply?.parent.uri ?? null;
  // A reply to the account's own post continues its thread: an original post, not a conversation.
  const toOthers = parent !== null && parseAtUri(parent)?.did !== post.author.did;
  return {
    externalId: post.uri,
    url: postWebUrl(post.uri, post.author.handle),
    createdAt: new Date(post.record.createdAt).toISOString(),
    kind: toOthers ? 'reply' : 'original',
    text: post.record.text,
    likes: post.likeCount ?? 0,
    reposts: post.repostCount ?? 0,
    replies: post.replyCount ?? 0,
    quotes: post.quoteCount ?? 0,
    links: linksOf(post),
    inReplyTo: parent ? { externalId: parent, authorExternalId: parseAtUri(parent)?.did ?? null } : null,
  };
}

/**
 * An author-feed item. A repost is the councillor's act: it is keyed by their repost record (when
 * the AppView omits its URI, by the reposter and the record's CID or time, never by the reposted
 * post, whose address names its author), dated when it was reposted, and addressed by the
 * reposter's profile. The engagement belongs to the reposted post's author: a repost has none.
 */
export function mapFeedItem(item: FeedViewPost, accountDid: string): CollectedPost {
  const reason = item.reason;
  if (reason?.$type === 'app.bsky.feed.defs#reasonRepost') {
    const original = mapPost(item.post);
    const reposter = reason.by?.did ?? accountDid;
    const indexedAt = new Date(reason.indexedAt ?? item.post.indexedAt).toISOString();
    return {
      ...original,
      externalId: reason.uri ?? `at://${reposter}/app.bsky.feed.repost#${reason.cid ?? indexedAt}`,
      url: `https://bsky.app/profile/${reason.by?.handle ?? reposter}`,
      createdAt: indexedAt,
      kind: 'repost',
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      inReplyTo: null,
    };
  }
  return mapPost(item.post);
}
