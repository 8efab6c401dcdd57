import { hasUnreadReplies } from '../has-unread-replies';
import type {
  CollectedFollower,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Page,
} from '../collected';
import type {
  Collector,
  CollectorCapabilities,
  FetchFollowersParams,
  FetchInteractionsParams,
  FetchPostsParams,
  FetchProfileParams,
  RefreshPostsParams,
} from '../collector';
import { RateLimitedError, UnauthorisedError } from '../errors';
import type { BlueskyClient } from './bluesky-client';
import { nextPageCursor } from '../next-page-cursor';
import { mapFeedItem, mapFollower, mapPost, mapProfile, parseAtUri, postWebUrl } from './bluesky-mapper';
import { decodePostsCursor, encodePostsCursor } from './bluesky-posts-cursor';
import type { PostView, ThreadNode } from './bluesky-schemas';

export interface BlueskyCollectorOptions {
  client: BlueskyClient;
  now?: () => Date;
  /** Safety bound on author-feed pages in one `fetchPosts` (100 posts a page; default 50). */
  maxFeedPages?: number;
  /** Safety bound on mention-search pages in one `fetchInteractions` (default 5). */
  maxMentionPages?: number;
}

const GET_POSTS_BATCH = 25;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * How far below the newest post already collected each run reads the feed again. A client stamps
 * `createdAt` itself, and a post it stamped a little early (a clock running behind, a post written
 * offline and sent later) sorts below posts published before it: without this overlap a run that had
 * already collected those would stop short of it. Posts read again are upserted unchanged, and it
 * costs no request unless an hour's posts overflow the first page.
 */
export const POSTS_OVERLAP_MS = 60 * 60 * 1000;

/** Bluesky through the public AppView: no credentials except the optional mention-search account. */
export class BlueskyCollector implements Collector {
  readonly platform = 'bluesky' as const;
  readonly role = 'listening' as const;
  private readonly client: BlueskyClient;
  private readonly now: () => Date;
  private readonly maxFeedPages: number;
  private readonly maxMentionPages: number;

  constructor(options: BlueskyCollectorOptions) {
    this.client = options.client;
    this.now = options.now ?? (() => new Date());
    this.maxFeedPages = options.maxFeedPages ?? 50;
    this.maxMentionPages = options.maxMentionPages ?? 5;
  }

  /** Mentions follow the service account: read again after each collection, which may find it refused. */
  get capabilities(): CollectorCapabilities {
    return {
      followerList: true,
      followingList: true,
      replies: true,
      refreshPosts: true,
      mentions: this.client.mentionsCoverage,
    };
  }

  async fetchProfile({ handle, signal }: FetchProfileParams): Promise<CollectedProfile> {
    return mapProfile(await this.client.getProfile(handle.replace(/^@/, ''), signal));
  }

  /**
   * Pages the author feed from the newest post down to `POSTS_OVERLAP_MS` below the newest one seen
   * (or to `since` on a first run), so a post its client dated a little early is not missed; the
   * posts of that overlap come back again, and the caller upserts them. The feed is ordered, and the
   * cursor kept, by when each post sorts: the earlier of the time its client wrote on it and the time
   * the AppView indexed it (a repost: when it was reposted), as the AppView sorts; so a post dated in
   * the future by its client cannot hold back every later one.
   */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const known = decodePostsCursor(cursor);
    const floor = known
      ? new Date(Date.parse(known.newestAt) - POSTS_OVERLAP_MS).toISOString()
      : since.toISOString();
    const did = account.externalId ?? account.handle;
    const items: CollectedPost[] = [];
    let newest: { uri: string; sortAt: string } | null = null;
    let pageCursor: string | undefined;
    pages: for (let page = 0; page < this.maxFeedPages; page++) {
      const data = await this.client.getAuthorFeed(did, pageCursor, signal);
      for (const item of data.feed) {
        const post = mapFeedItem(item, did);
        const sortAt = post.kind === 'repost' ? post.createdAt : earlier(post.createdAt, item.post.indexedAt);
        if (sortAt < floor) break pages;
        items.push(post);
        if (!newest || sortAt > newest.sortAt) newest = { uri: post.externalId, sortAt };
      }
      if (!data.cursor || data.feed.length === 0) break;
      pageCursor = data.cursor;
    }
    const nextCursor = newest
      ? encodePostsCursor({ v: 1, newestUri: newest.uri, newestAt: newest.sortAt })
      : known
        ? cursor
        : null;
    return { items, nextCursor };
  }

  /** Re-reads engagement with `getPosts`, 25 posts a request; reposts and deleted posts are left out. */
  async refreshPosts({ externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    const views = await this.postViews(
      externalIds.filter((uri) => parseAtUri(uri)?.collection === 'app.bsky.feed.post'),
      signal,
    );
    return views.map(mapPost);
  }

  async fetchFollowers({
    account,
    pageCursor,
    signal,
  }: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    const data = await this.client.getFollowers(
      account.externalId ?? account.handle,
      pageCursor ?? undefined,
      signal,
    );
    return {
      items: data.followers.map(mapFollower),
      nextCursor: nextPageCursor(data.cursor, pageCursor),
    };
  }

  async fetchFollowing({
    account,
    pageCursor,
    signal,
  }: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    const data = await this.client.getFollows(
      account.externalId ?? account.handle,
      pageCursor ?? undefined,
      signal,
    );
    return {
      items: data.follows.map(mapFollower),
      nextCursor: nextPageCursor(data.cursor, pageCursor),
    };
  }

  /**
   * Replies under the councillor's posts with unread replies, with the councillor's first answer
   * under each, plus mentions when a service account is configured. Requests: one `getPostThread`
   * per post with unread replies (+ mention pages): the fewest that can find them.
   */
  async fetchInteractions({
    account,
    posts,
    mentionsSince,
    signal,
  }: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    const did = account.externalId ?? (await this.client.getProfile(account.handle, signal)).did;
    const due = posts.filter(hasUnreadReplies);

    const interactions = new Map<string, CollectedInteraction>();
    for (const post of due) {
      const thread = await this.client.getPostThread(post.externalId, signal);
      if (thread && 'post' in thread) collectReplies(thread, did, interactions);
    }
    if (this.client.mentionsCoverage === 'collected') {
      const since = mentionsSince ?? new Date(this.now().getTime() - WEEK_MS);
      let mentions: CollectedInteraction[] = [];
      try {
        mentions = await this.mentions(did, since, signal);
      } catch (error) {
        // The service account was refused or is rate limited: the councillor's account is fine, and its
        // replies stand. The coverage says mentions were left out, so the next search reaches back.
        const serviceAccountAtFault = error instanceof UnauthorisedError || error instanceof RateLimitedError;
        if (!serviceAccountAtFault || this.client.mentionsCoverage === 'collected') throw error;
      }
      for (const mention of mentions) {
        if (!interactions.has(mention.externalId)) interactions.set(mention.externalId, mention);
      }
    }
    return [...interactions.values()];
  }

  private async postViews(uris: string[], signal?: AbortSignal): Promise<PostView[]> {
    const views: PostView[] = [];
    for (let start = 0; start < uris.length; start += GET_POSTS_BATCH) {
      views.push(...(await this.client.getPosts(uris.slice(start, start + GET_POSTS_BATCH), signal)).posts);
    }
    return views;
  }

  private async mentions(did: string, since: Date, signal?: AbortSignal): Promise<CollectedInteraction[]> {
    const found: CollectedInteraction[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < this.maxMentionPages; page++) {
      const data = await this.client.searchMentions(did, since, cursor, signal);
      for (const post of data.posts) {
        if (post.author.did === did) continue;
        const parent = post.record.reply?.parent.uri ?? null;
        found.push({
          externalId: post.uri,
          // Addressed by the author's DID: the link opens the post without the dashboard naming them.
          url: postWebUrl(post.uri, post.author.did),
          kind: 'mention',
          createdAt: new Date(post.record.createdAt).toISOString(),
          authorExternalId: post.author.did,
          inReplyToExternalId: parent && parseAtUri(parent)?.did === did ? parent : null,
          answeredAt: null,
        });
      }
      if (!data.cursor || data.posts.length === 0) break;
      cursor = data.cursor;
    }
    return found;
  }
}

/** The earliest post by `did` anywhere below `node`: the councillor's first answer. */
function firstAnswerBy(node: ThreadNode, did: string): string | null {
  let first: string | null = null;
  for (const child of 'post' in node ? (node.replies ?? []) : []) {
    if (!('post' in child)) continue;
    const candidates = [
      child.post.author.did === did ? new Date(child.post.record.createdAt).toISOString() : null,
      firstAnswerBy(child, did),
    ];
    for (const at of candidates) if (at && (!first || at < first)) first = at;
  }
  return first;
}

/**
 * Walks a thread; every reply by someone else becomes an interaction. It answers a councillor post
 * only when it replies to one directly: a post's reply count covers its direct replies only, and the
 * replies held against it are compared with that count, so a reply to a resident's reply answers no
 * councillor post (and the resident's post, whose address names them, is not kept).
 */
function collectReplies(node: ThreadNode, did: string, into: Map<string, CollectedInteraction>): void {
  if (!('post' in node)) return;
  const parent = node.post.author.did === did ? node.post.uri : null;
  for (const child of node.replies ?? []) {
    if (!('post' in child)) continue;
    const author = child.post.author.did;
    if (author !== did) {
      into.set(child.post.uri, {
        externalId: child.post.uri,
        url: postWebUrl(child.post.uri, author),
        kind: 'reply',
        createdAt: new Date(child.post.record.createdAt).toISOString(),
        authorExternalId: author,
        inReplyToExternalId: parent,
        answeredAt: firstAnswerBy(child, did),
      });
    }
    collectReplies(child, did, into);
  }
}

/** The earlier of two ISO 8601 times (the second may be missing). */
function earlier(a: string, b: string | undefined): string {
  if (!b) return a;
  const bIso = new Date(b).toISOString();
  return bIso < a ? bIso : a;
}
