import { cidFor } from '../world/identifiers';
import type { World } from '../world/world';
import type { Actor, Post } from '../world/world-model';

/** View builders for app.bsky.* outputs, following the lexicon defs (actor/defs, feed/defs). */

const CDN = 'https://cdn.bsky.app/img';
const URL_PATTERN = /https?:\/\/[^\s]+/g;

export function postUri(world: World, post: Post): string {
  return `at://${world.actors[post.author].externalId}/app.bsky.feed.post/${post.rkey}`;
}

export function repostUri(world: World, post: Post): string {
  return `at://${world.actors[post.author].externalId}/app.bsky.feed.repost/${post.rkey}`;
}

/** A stable CID for a record, derived from its URI. */
export function recordCid(uri: string): string {
  return cidFor(uri);
}

function avatarOf(actor: Actor): string | undefined {
  // Most accounts set an avatar; a few keep the default.
  if (actor.index % 7 === 3) return undefined;
  return `${CDN}/avatar/plain/${actor.externalId}/${cidFor(`avatar:${actor.externalId}`)}@jpeg`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const publicViewerState = { muted: false, blockedBy: false };

/** app.bsky.actor.defs#profileViewBasic */
export function profileViewBasic(actor: Actor): Record<string, unknown> {
  return stripUndefined({
    did: actor.externalId,
    handle: actor.handle,
    displayName: actor.displayName || undefined,
    avatar: avatarOf(actor),
    associated: { activitySubscription: { allowSubscriptions: 'followers' } },
    viewer: publicViewerState,
    labels: [],
    createdAt: iso(actor.createdAtMs),
  });
}

/** app.bsky.actor.defs#profileView */
export function profileView(actor: Actor): Record<string, unknown> {
  return stripUndefined({
    ...profileViewBasic(actor),
    description: actor.bio || undefined,
    indexedAt: iso(actor.createdAtMs),
  });
}

/** app.bsky.actor.defs#profileViewDetailed, with the counts. */
export function profileViewDetailed(world: World, actor: Actor): Record<string, unknown> {
  let postsCount = 0;
  for (const index of world.postsBy(actor.index)) if (world.posts[index].kind !== 'repost') postsCount++;
  return stripUndefined({
    did: actor.externalId,
    handle: actor.handle,
    displayName: actor.displayName || undefined,
    description: actor.bio || undefined,
    avatar: avatarOf(actor),
    banner:
      actor.kind === 'resident'
        ? undefined
        : `${CDN}/banner/plain/${actor.externalId}/${cidFor(`banner:${actor.externalId}`)}@jpeg`,
    followersCount: world.followers(actor.index).length,
    followsCount: world.follows(actor.index).length,
    postsCount,
    associated: {
      lists: 0,
      feedgens: 0,
      starterPacks: 0,
      labeler: false,
      activitySubscription: { allowSubscriptions: 'followers' },
    },
    indexedAt: iso(actor.createdAtMs),
    createdAt: iso(actor.createdAtMs),
    viewer: publicViewerState,
    labels: [],
  });
}

function byteOffset(text: string, charIndex: number): number {
  return Buffer.byteLength(text.slice(0, charIndex), 'utf8');
}

/** app.bsky.feed.post record: text with link and mention facets (UTF-8 byte ranges), embed, reply refs. */
export function postRecord(world: World, post: Post): Record<string, unknown> {
  const facets: unknown[] = [];
  for (const match of post.text.matchAll(URL_PATTERN)) {
    const start = match.index;
    facets.push({
      $type: 'app.bsky.richtext.facet',
      index: {
        byteStart: byteOffset(post.text, start),
        byteEnd: byteOffset(post.text, start + match[0].length),
      },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: match[0] }],
    });
  }
  for (const mentioned of post.mentions) {
    const actor = world.actors[mentioned];
    const start = post.text.indexOf(`@${actor.handle}`);
    if (start < 0) continue;
    facets.push({
      $type: 'app.bsky.richtext.facet',
      index: {
        byteStart: byteOffset(post.text, start),
        byteEnd: byteOffset(post.text, start + actor.handle.length + 1),
      },
      features: [{ $type: 'app.bsky.richtext.facet#mention', did: actor.externalId }],
    });
  }
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    createdAt: iso(post.createdAtMs),
    langs: ['en'],
    text: post.text,
  };
  if (facets.length > 0) record.facets = facets;
  if (post.links.length > 0)
    record.embed = { $type: 'app.bsky.embed.external', external: externalOf(post.links[0]) };
  if (post.replyParent !== null && post.replyRoot !== null) {
    const parentUri = postUri(world, world.posts[post.replyParent]);
    const rootUri = postUri(world, world.posts[post.replyRoot]);
    record.reply = {
      root: { uri: rootUri, cid: recordCid(rootUri) },
      parent: { uri: parentUri, cid: recordCid(parentUri) },
    };
  }
  return record;
}

function externalOf(link: string): { uri: string; title: string; description: string } {
  const host = new URL(link).hostname.replace(/^www\./, '');
  return {
    uri: link,
    title: host === 'kirklees.gov.uk' ? 'Kirklees Council' : host,
    description: `Read more on ${host}`,
  };
}

/** app.bsky.feed.defs#postView */
export function postView(world: World, post: Post): Record<string, unknown> {
  const uri = postUri(world, post);
  const view: Record<string, unknown> = {
    uri,
    cid: recordCid(uri),
    author: profileViewBasic(world.actors[post.author]),
    record: postRecord(world, post),
    bookmarkCount: 0,
    replyCount: post.replies.length,
    repostCount: post.repostCount,
    likeCount: post.likeCount,
    quoteCount: post.quoteCount,
    indexedAt: iso(post.createdAtMs),
    viewer: { threadMuted: false, embeddingDisabled: false },
    labels: [],
  };
  if (post.links.length > 0)
    view.embed = { $type: 'app.bsky.embed.external#view', external: externalOf(post.links[0]) };
  return view;
}

/** app.bsky.feed.defs#feedViewPost: a post, its reply context, or the repost that brought it. */
export function feedViewPost(world: World, item: Post): Record<string, unknown> {
  if (item.kind === 'repost' && item.repostOf !== null) {
    const original = world.posts[item.repostOf];
    const uri = repostUri(world, item);
    return {
      post: postView(world, original),
      reason: {
        $type: 'app.bsky.feed.defs#reasonRepost',
        by: profileViewBasic(world.actors[item.author]),
        uri,
        cid: recordCid(uri),
        indexedAt: iso(item.createdAtMs),
      },
    };
  }
  const view: Record<string, unknown> = { post: postView(world, item) };
  if (item.replyParent !== null && item.replyRoot !== null) {
    const parent = world.posts[item.replyParent];
    const reply: Record<string, unknown> = {
      root: { $type: 'app.bsky.feed.defs#postView', ...postView(world, world.posts[item.replyRoot]) },
      parent: { $type: 'app.bsky.feed.defs#postView', ...postView(world, parent) },
    };
    if (parent.replyParent !== null)
      reply.grandparentAuthor = profileViewBasic(world.actors[world.posts[parent.replyParent].author]);
    view.reply = reply;
  }
  return view;
}

/** app.bsky.feed.defs#threadViewPost, with parents up to `parentHeight` and replies down to `depth`. */
export function threadViewPost(
  world: World,
  post: Post,
  depth: number,
  parentHeight: number,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    $type: 'app.bsky.feed.defs#threadViewPost',
    post: postView(world, post),
  };
  if (post.replyParent !== null && parentHeight > 0)
    view.parent = parentChain(world, world.posts[post.replyParent], parentHeight - 1);
  if (depth > 0) view.replies = repliesOf(world, post, depth - 1);
  view.threadContext = {};
  return view;
}

function parentChain(world: World, post: Post, height: number): Record<string, unknown> {
  const view: Record<string, unknown> = {
    $type: 'app.bsky.feed.defs#threadViewPost',
    post: postView(world, post),
  };
  if (post.replyParent !== null && height > 0)
    view.parent = parentChain(world, world.posts[post.replyParent], height - 1);
  view.threadContext = {};
  return view;
}

function repliesOf(world: World, post: Post, depth: number): Array<Record<string, unknown>> {
  return post.replies.map((index) => {
    const reply = world.posts[index];
    const view: Record<string, unknown> = {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: postView(world, reply),
    };
    if (depth > 0) view.replies = repliesOf(world, reply, depth - 1);
    view.threadContext = {};
    return view;
  });
}

function stripUndefined(object: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}
