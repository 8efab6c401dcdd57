import type {
  AccountRef,
  CollectedFollower,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Page,
} from './collected';
import type { ChannelRole, Platform } from './platform';

export interface FetchProfileParams {
  handle: string;
  /**
   * The account's posts cursor from the last collection, for collectors that can answer the
   * profile and the posts from one conditional read (RSS); others ignore it. Absent or null
   * outside a scheduled collection (a first collection, the CLI, imports, lookups).
   */
  cursor?: string | null;
  /**
   * The account's platform id from an earlier collection, when known. The account is still looked
   * up by its handle (a handle that now names another account must show); a collector whose
   * platform keeps budgets per account (Facebook's per Page) spends the lookup from that id's.
   */
  externalId?: string | null;
  signal?: AbortSignal;
}

export interface FetchPostsParams {
  account: AccountRef;
  /** The cursor this stream returned last time (opaque to the caller); null on the first run. */
  cursor: string | null;
  /** On a first run, how far back to go. */
  since: Date;
  signal?: AbortSignal;
}

export interface RefreshPostsParams {
  account: AccountRef;
  /** Posts whose engagement counts should be re-read. */
  externalIds: string[];
  signal?: AbortSignal;
}

export interface FetchFollowersParams {
  account: AccountRef;
  /** The page cursor of a sweep in progress; null starts a sweep. */
  pageCursor: string | null;
  signal?: AbortSignal;
}

export interface FetchInteractionsParams {
  account: AccountRef;
  /**
   * The councillor's recent posts whose replies should be read, with `replies`: the reply count as
   * the caller knows it (fresh from `fetchPosts`/`refreshPosts`), and optionally `repliesSeen`: how
   * many of them were already read. A post is read only when `replies > (repliesSeen ?? 0)` (or for
   * `furtherRepliesUnread` under it), so no request is spent on a post without new replies, and none
   * on learning counts the caller has.
   */
  posts: Array<{ externalId: string; url: string; replies: number; repliesSeen?: number }>;
  /**
   * Replies under `posts` whose further replies earlier calls left unread (`furtherRepliesUnread`),
   * the longest left first. Their further replies are read before any others', and their posts are
   * read for them even without new replies, so none waits for ever behind newer ones.
   */
  furtherRepliesUnread?: Array<{ externalId: string; postExternalId: string }>;
  /** Mentions newer than this are read (where the platform allows); default 7 days before now. */
  mentionsSince?: Date;
  signal?: AbortSignal;
}

export interface CollectorCapabilities {
  /** Can list followers (Bluesky, Mastodon, X); Facebook and RSS cannot. */
  followerList: boolean;
  /** Can list the accounts this one follows (Bluesky, Mastodon, X): the councillor's side of the civic network. */
  followingList: boolean;
  /** Can read replies to the councillor's posts. */
  replies: boolean;
  /** Can re-read engagement counts of known posts in bulk. */
  refreshPosts: boolean;
  /** Whether mentions by others are read, and if not, why (read again after each collection). */
  mentions: MentionsCoverage;
}

/**
 * Mentions of an account by others: `collected`; `not-offered` where the platform has no mention
 * search this client may use (Mastodon logged out, Facebook, YouTube, RSS: replies or comments only);
 * on Bluesky, whose search refuses logged-out callers, `no-service-account` when none is configured,
 * `service-account-refused` when the one configured was refused, and `service-account-rate-limited` when
 * its sign-ins or searches are rate limited until a reset (replies are still collected; the next search
 * after the reset starts where the last one that ran did).
 */
export type MentionsCoverage =
  | 'collected'
  | 'not-offered'
  | 'no-service-account'
  | 'service-account-refused'
  | 'service-account-rate-limited';

/**
 * One platform's public data, read through its real API. Implementations are plain classes with
 * no framework imports; HTTP is injected and every call has a time-out. Failures are thrown as the
 * typed errors in `errors.ts`, which decide the job's fate.
 */
export interface Collector {
  readonly platform: Platform;
  readonly role: ChannelRole;
  readonly capabilities: CollectorCapabilities;
  fetchProfile(params: FetchProfileParams): Promise<CollectedProfile>;
  /** Every post newer than the cursor (newest first), and the cursor to store for next time. */
  fetchPosts(params: FetchPostsParams): Promise<Page<CollectedPost>>;
  refreshPosts(params: RefreshPostsParams): Promise<CollectedPost[]>;
  /** One page of followers; a sweep is complete when `nextCursor` is null. */
  fetchFollowers(params: FetchFollowersParams): Promise<Page<CollectedFollower>>;
  /** One page of the accounts this one follows, in the same shape; complete when `nextCursor` is null. */
  fetchFollowing(params: FetchFollowersParams): Promise<Page<CollectedFollower>>;
  fetchInteractions(params: FetchInteractionsParams): Promise<CollectedInteraction[]>;
}
