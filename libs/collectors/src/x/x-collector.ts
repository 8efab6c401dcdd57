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
import { AccountGoneError, MalformedPayloadError, TransientError } from '../errors';
import { compareSnowflakeIds } from '../snowflake-ids';
import type { XClient } from './x-client';
import {
  isLatestXTweetVersion,
  latestXTweetId,
  mapXFollower,
  mapXProfile,
  mapXTweet,
  originalXTweetId,
} from './x-mapper';
import { nextPageCursor } from '../next-page-cursor';
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

/** X's largest page of followers or followed accounts. */
const X_LIST_PAGE = 1000;

/**
 * X API v2 with the council's bearer token. Mentions (which include replies) cost reads: they are
 * bounded by the budget.
 *
 * A protected account's posts, mentions, followers and followed accounts are not public, and are not
 * collected: when its profile says `protected` (read first in every collection), only its public
 * counts are, and the other calls return nothing without a request. An account that turns protected
 * after its profile was read is refused by X with a `not-authorized-for-resource` error about the
 * user; that call yields nothing too, and the account is treated as protected from then on.
 *
 * An edited post has a new id for each version; the timelines return its newest version with its
 * edit history, so a post read within its edit window and edited later comes back under a new id.
 * Every post, and every interaction, is known by its original id (the first of its edit history),
 * with the text, counts and URL of the newest version read. Replies name the version they answered:
 * the collector maps every version id it has seen (in posts, refreshes, mentions, and the URL each
 * of the councillor's posts was stored with) back to its original, and leaves an id it has not seen
 * as it is (X sends no history for a referenced post without the `referenced_tweets.id` expansion,
 * which would bill every referenced post as a read).
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
  /**
   * The follower and following counts the profile gave ("followers <id>", "following <id>"): a list
   * shorter than a full page is asked for at its own length, so that the read budget holds back what
   * the page can cost, not a thousand reads (X bills each user returned).
   */
  private readonly listSizes = new Map<string, number | null>();
  /** Every version id of the posts this collector has read, to the post's original id. */
  private readonly originals = new Map<string, string>();
  private readonly originalOf = (id: string): string => this.originals.get(id) ?? id;

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
    const metrics = response.data.public_metrics;
    this.listSizes.set(`followers ${response.data.id}`, metrics?.followers_count ?? null);
    this.listSizes.set(`following ${response.data.id}`, metrics?.following_count ?? null);
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
      // The cursor is the newest id X returned (an edit's new id included), never an original id:
      // since_id then asks for exactly what came after it.
      newestId ??= response.meta?.newest_id ?? newestIdIn(response.data);
      paginationToken = nextPageCursor(response.meta?.next_token, paginationToken) ?? undefined;
      if (!paginationToken) break;
    }
    const handle = account.handle.replace(/^@/, '');
    this.learnVersions(tweets);
    const items = newestVersions(tweets).map((tweet) => mapXTweet(tweet, handle, this.originalOf));
    const nextCursor = newestId ? JSON.stringify({ v: 1, newestId }) : known ? cursor : null;
    return { items, nextCursor };
  }

  /**
   * Re-reads engagement 100 tweets a request; deleted tweets come back in `errors[]` and are left out.
   *
   * Posts are stored under their original id, and a lookup by an id returns that very version: for
   * an edited post, the original as first written, whose edit history lists the newer ids. X
   * attributes engagement to the version that was shown when it happened, so that old version
   * carries only what it gathered before its first edit (minutes, at most 30), not the counts the
   * timeline reported for the post, which were its newest version's. Storing them would make the
   * post's counts fall. So the newest id of each such history is looked up in a second request, and
   * the post is refreshed with that version's text, counts and URL, under its original id, as the
   * timeline would give it; if that version cannot be read, the post is left out and keeps the
   * counts it has.
   */
  async refreshPosts({ account, externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    const handle = account.handle.replace(/^@/, '');
    if (account.externalId !== null && this.protectedIds.has(account.externalId)) return [];
    const read: XTweet[] = [];
    const lookUp = async (ids: string[]) => {
      for (let start = 0; start < ids.length; start += TWEETS_BY_ID_BATCH) {
        const response = await this.client.tweetsByIds(ids.slice(start, start + TWEETS_BY_ID_BATCH), signal);
        this.learnVersions(response.data ?? []);
        read.push(...(response.data ?? []));
      }
    };
    await lookUp(externalIds);
    const behind = newestVersions(read).filter((tweet) => !isLatestXTweetVersion(tweet));
    if (behind.length > 0) await lookUp([...new Set(behind.map(latestXTweetId))]);
    // A post stored under a later version's id (by a release before posts were keyed on their
    // original) is refreshed under the id it is stored by, not added again under its original.
    const storedAs = new Map(externalIds.map((id) => [this.originalOf(id), id]));
    return newestVersions(read)
      .filter(isLatestXTweetVersion)
      .map((tweet) => {
        const post = mapXTweet(tweet, handle, this.originalOf);
        return { ...post, externalId: storedAs.get(post.externalId) ?? post.externalId };
      });
  }

  fetchFollowers(params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return this.list('followers', params);
  }

  fetchFollowing(params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return this.list('following', params);
  }

  /** A page of the account's followers or followed accounts (a protected account's: see `listRefused`). */
  private async list(
    list: 'followers' | 'following',
    { account, pageCursor, signal }: FetchFollowersParams,
  ): Promise<Page<CollectedFollower>> {
    const method = `GET /2/users/:id/${list}`;
    const id = await this.userId(account, signal);
    if (this.protectedIds.has(id)) return this.listRefused(method, pageCursor);
    const response = await this.client[list](id, pageCursor ?? undefined, signal, this.pageSize(list, id));
    if (this.turnedProtected(id, response.errors)) return this.listRefused(method, pageCursor);
    const error = userLevelError(response.errors, method);
    if (error) throw error;
    return {
      items: (response.data ?? []).map(mapXFollower),
      nextCursor: nextPageCursor(response.meta?.next_token, pageCursor),
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
    // A post's URL names the version it was read as: a reply to that version answers the post.
    for (const post of posts) {
      const version = /\/status\/(\d+)$/.exec(post.url)?.[1];
      if (version && !this.originals.has(version)) this.originals.set(version, post.externalId);
    }
    const startTime = (mentionsSince ?? new Date(this.now().getTime() - WEEK_MS)).toISOString();
    const mentions: XTweet[] = [];
    let paginationToken: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.mentions(id, { startTime, paginationToken }, signal);
      if (this.turnedProtected(id, response.errors)) return [];
      const error = userLevelError(response.errors, 'GET /2/users/:id/mentions');
      if (error) throw error;
      this.learnVersions(response.data ?? []);
      mentions.push(...(response.data ?? []));
      paginationToken = nextPageCursor(response.meta?.next_token, paginationToken) ?? undefined;
      if (!paginationToken) break;
    }
    // A mention edited while the search ran may be listed twice: its newest version stands.
    return newestVersions(mentions).flatMap((tweet): CollectedInteraction[] => {
      // A retweet of the councillor carries their @handle in its "RT @…:" text, so X lists it among
      // mentions; it is a repost of their words, not someone addressing them. A quote still is.
      // A post without its author (X always sends author_id when asked) could be neither exported
      // nor erased: it is left out.
      if (tweet.author_id === undefined || tweet.author_id === id || isRetweet(tweet)) return [];
      const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id;
      const parent = repliedTo === undefined ? null : this.originalOf(repliedTo);
      const replyToOwn = parent !== null && (own.has(parent) || tweet.in_reply_to_user_id === id);
      return [
        {
          externalId: originalXTweetId(tweet),
          url: `https://x.com/i/web/status/${tweet.id}`,
          kind: replyToOwn ? 'reply' : 'mention',
          createdAt: new Date(tweet.created_at).toISOString(),
          authorExternalId: tweet.author_id,
          inReplyToExternalId: replyToOwn ? parent : null,
          answeredAt: null,
        },
      ];
    });
  }

  /** Remembers every version id of these posts as naming their original. */
  private learnVersions(tweets: XTweet[]): void {
    for (const tweet of tweets) {
      const original = originalXTweetId(tweet);
      for (const version of tweet.edit_history_tweet_ids ?? [tweet.id]) this.originals.set(version, original);
    }
  }

  /**
   * Users to ask for in one page of a list: X's largest page (1,000), or the list's length from the
   * profile when shorter, with room for a few who joined since (a page that falls short is followed
   * by the next one). Unknown without a profile read: a full page.
   */
  private pageSize(list: 'followers' | 'following', id: string): number {
    const size = this.listSizes.get(`${list} ${id}`);
    return size == null ? X_LIST_PAGE : Math.min(X_LIST_PAGE, Math.max(10, Math.ceil(size * 1.05) + 5));
  }

  /**
   * A protected account's list, which is not public: nothing, on a first page. Part-way through a
   * sweep (the account turned protected since it began, found by this call or an earlier one), an
   * empty last page would end the sweep and mark everyone not yet seen as lost; failing the job
   * instead leaves the sweep's cursor as it was, and the retry reads the profile, finds the list no
   * longer public, and gives the sweep up.
   */
  private listRefused(method: string, pageCursor: string | null | undefined): Page<CollectedFollower> {
    if (pageCursor) {
      throw new TransientError('x', method, 'the account turned protected part-way through the sweep');
    }
    return { items: [], nextCursor: null };
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

/** The newest id among these tweets, for a page whose `meta` does not name it. */
function newestIdIn(tweets: XTweet[] | undefined): string | undefined {
  return tweets?.reduce<string | undefined>(
    (newest, tweet) =>
      newest === undefined || compareSnowflakeIds(tweet.id, newest) > 0 ? tweet.id : newest,
    undefined,
  );
}

/** One tweet per post: where two versions of an edited post were read, the newer (order kept). */
function newestVersions(tweets: XTweet[]): XTweet[] {
  const newest = new Map<string, XTweet>();
  for (const tweet of tweets) {
    const original = originalXTweetId(tweet);
    const known = newest.get(original);
    if (!known || compareSnowflakeIds(tweet.id, known.id) > 0) newest.set(original, tweet);
  }
  return tweets.filter((tweet) => newest.get(originalXTweetId(tweet)) === tweet);
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
