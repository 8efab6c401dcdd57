import { z } from 'zod';
import type {
  AccountRef,
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
import { AccountGoneError, MalformedPayloadError } from '../errors';
import type { XClient } from './x-client';
import { mapXFollower, mapXProfile, mapXTweet } from './x-mapper';
import { protectedUserError, userLevelError } from './x-partial-errors';
import type { XPartialError, XTweet } from './x-schemas';

export interface XCollectorOptions {
  client: XClient;
  now?: () => Date;
  /** Safety bound on timeline pages in one call (100 tweets a page; default 32, X's 3,200 cap). */
  maxPages?: number;
}

const cursorSchema = z.object({ v: z.literal(1), newestId: z.string().regex(/^\d+$/) });
const TWEETS_BY_ID_BATCH = 100;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * X API v2 with the council's bearer token. Mentions (which include replies) cost reads: they are
 * bounded by the budget.
 *
 * A protected account's posts, mentions, followers and followed accounts are not public, and are not
 * collected: when its profile says `protected` (read first in every collection), only its public
 * counts are, and the other calls return nothing without a request. An account that turns protected
 * after its profile was read is refused by X with a `not-authorized-for-resource` error about the
 * user; that call yields nothing too, and the account is treated as protected from then on.
 */
export class XCollector implements Collector {
  readonly platform = 'x' as const;
  readonly role = 'listening' as const;
  readonly capabilities: CollectorCapabilities = {
    followerList: true,
    followingList: true,
    replies: true,
    refreshPosts: true,
    mentions: 'collected',
  };
  private readonly client: XClient;
  private readonly now: () => Date;
  private readonly maxPages: number;
  /** Ids of the accounts this collector found protected (from their profile, or X's refusal). */
  private readonly protectedIds = new Set<string>();

  constructor(options: XCollectorOptions) {
    this.client = options.client;
    this.now = options.now ?? (() => new Date());
    this.maxPages = options.maxPages ?? 32;
  }

  async fetchProfile({ handle, signal }: FetchProfileParams): Promise<CollectedProfile> {
    const method = 'GET /2/users/by/username/:username';
    const response = await this.client.userByUsername(handle.replace(/^@/, ''), signal);
    const error = userLevelError(response.errors, method);
    if (error) throw error;
    if (!response.data) {
      if (protectedUserError(response.errors)) {
        throw new MalformedPayloadError('x', method, 'errors', `X refused the public profile of @${handle}`);
      }
      throw new AccountGoneError('x', method, `no user @${handle}`);
    }
    if (response.data.protected === true) this.protectedIds.add(response.data.id);
    else this.protectedIds.delete(response.data.id);
    return mapXProfile(response.data);
  }

  /** Own tweets since the newest known one (`since_id`), or since `since` on a first run (`start_time`). */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const id = await this.userId(account, signal);
    const known = decodeCursor(cursor);
    const unchanged = { items: [], nextCursor: known ? cursor : null };
    if (this.protectedIds.has(id)) return unchanged;
    const tweets: XTweet[] = [];
    let paginationToken: string | undefined;
    let newestId: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.tweets(
        id,
        known
          ? { sinceId: known.newestId, paginationToken }
          : { startTime: since.toISOString(), paginationToken },
        signal,
      );
      if (this.turnedProtected(id, response.errors)) return unchanged;
      const error = userLevelError(response.errors, 'GET /2/users/:id/tweets');
      if (error) throw error;
      tweets.push(...(response.data ?? []));
      newestId ??= response.meta?.newest_id;
      paginationToken = nextToken(response.meta, paginationToken);
      if (!paginationToken) break;
    }
    const handle = account.handle.replace(/^@/, '');
    const items = tweets.map((tweet) => mapXTweet(tweet, handle));
    const nextCursor = newestId ? JSON.stringify({ v: 1, newestId }) : known ? cursor : null;
    return { items, nextCursor };
  }

  /** Re-reads engagement 100 tweets a request; deleted tweets come back in `errors[]` and are left out. */
  async refreshPosts({ account, externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    const handle = account.handle.replace(/^@/, '');
    if (account.externalId !== null && this.protectedIds.has(account.externalId)) return [];
    const refreshed: CollectedPost[] = [];
    for (let start = 0; start < externalIds.length; start += TWEETS_BY_ID_BATCH) {
      const response = await this.client.tweetsByIds(
        externalIds.slice(start, start + TWEETS_BY_ID_BATCH),
        signal,
      );
      refreshed.push(...(response.data ?? []).map((tweet) => mapXTweet(tweet, handle)));
    }
    return refreshed;
  }

  async fetchFollowers({
    account,
    pageCursor,
    signal,
  }: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    const id = await this.userId(account, signal);
    if (this.protectedIds.has(id)) return { items: [], nextCursor: null };
    const response = await this.client.followers(id, pageCursor ?? undefined, signal);
    if (this.turnedProtected(id, response.errors)) return { items: [], nextCursor: null };
    const error = userLevelError(response.errors, 'GET /2/users/:id/followers');
    if (error) throw error;
    return {
      items: (response.data ?? []).map(mapXFollower),
      nextCursor: nextToken(response.meta, pageCursor) ?? null,
    };
  }
  async fetchFollowing({
    account,
    pageCursor,
    signal,
  }: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    const id = await this.userId(account, signal);
    if (this.protectedIds.has(id)) return { items: [], nextCursor: null };
    const response = await this.client.following(id, pageCursor ?? undefined, signal);
    if (this.turnedProtected(id, response.errors)) return { items: [], nextCursor: null };
    const error = userLevelError(response.errors, 'GET /2/users/:id/following');
    if (error) throw error;
    return {
      items: (response.data ?? []).map(mapXFollower),
      nextCursor: nextToken(response.meta, pageCursor) ?? null,
    };
  }

  /**
   * Mentions since `mentionsSince` (default 7 days); on X every reply mentions its parent's author,
   * so replies to the councillor's posts arrive here too, and one timeline serves both. The
   * councillor's answers are their own posts (`inReplyTo`), so `answeredAt` is left to the caller.
   */
  async fetchInteractions({
    account,
    posts,
    mentionsSince,
    signal,
  }: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    const id = await this.userId(account, signal);
    if (this.protectedIds.has(id)) return [];
    const own = new Set(posts.map((post) => post.externalId));
    const startTime = (mentionsSince ?? new Date(this.now().getTime() - WEEK_MS)).toISOString();
    const interactions: CollectedInteraction[] = [];
    let paginationToken: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.mentions(id, { startTime, paginationToken }, signal);
      if (this.turnedProtected(id, response.errors)) return [];
      const error = userLevelError(response.errors, 'GET /2/users/:id/mentions');
      if (error) throw error;
      for (const tweet of response.data ?? []) {
        // A retweet of the councillor carries their @handle in its "RT @…:" text, so X lists it among
        // mentions; it is a repost of their words, not someone addressing them. A quote still is.
        if (tweet.author_id === id || isRetweet(tweet)) continue;
        const parent = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id ?? null;
        const replyToOwn = parent !== null && (own.has(parent) || tweet.in_reply_to_user_id === id);
        interactions.push({
          externalId: tweet.id,
          url: `https://x.com/i/web/status/${tweet.id}`,
          kind: replyToOwn ? 'reply' : 'mention',
          createdAt: new Date(tweet.created_at).toISOString(),
          authorExternalId: tweet.author_id ?? 'unknown',
          inReplyToExternalId: replyToOwn ? parent : null,
          answeredAt: null,
        });
      }
      paginationToken = nextToken(response.meta, paginationToken);
      if (!paginationToken) break;
    }
    return interactions;
  }

  /** Whether X refused this call because the account is protected; remembered for the calls after. */
  private turnedProtected(id: string, errors: XPartialError[] | undefined): boolean {
    if (!protectedUserError(errors)) return false;
    this.protectedIds.add(id);
    return true;
  }

  private async userId(account: AccountRef, signal?: AbortSignal): Promise<string> {
    return account.externalId ?? (await this.fetchProfile({ handle: account.handle, signal })).externalId;
  }
}

/**
 * The token of the next page, or undefined at the end. A page may be empty and still have a next one
 * (X drops suspended and protected accounts after paging), so only the token ends a sweep; a token
 * that repeats the one just sent would loop, and ends it too.
 */
function nextToken(meta: { next_token?: string } | undefined, sent: string | null | undefined) {
  const token = meta?.next_token;
  return token && token !== sent ? token : undefined;
}

function isRetweet(tweet: XTweet): boolean {
  return tweet.referenced_tweets?.some((ref) => ref.type === 'retweeted') ?? false;
}

function decodeCursor(text: string | null): z.output<typeof cursorSchema> | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
