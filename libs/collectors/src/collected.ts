import type { Platform } from './platform';

/** The account being collected, as wardreach knows it. */
export interface AccountRef {
  platform: Platform;
  handle: string;
  /** The platform's stable id (a DID, a Mastodon account id, a feed URL); null before the first resolve. */
  externalId: string | null;
}

/** An account's public profile and its counts, normalised. */
export interface CollectedProfile {
  externalId: string;
  handle: string;
  displayName: string | null;
  url: string;
  followersCount: number | null;
  followingCount: number | null;
  postsCount: number | null;
  /** Whether the platform lets the public list this account's followers. */
  followersListed: boolean;
}

/**
 * `reply`: an answer to someone else's post. A reply to the account's own post (a thread) is
 * `original`: it is broadcasting, not conversation, and counts so in the reply share.
 */
export type PostKind = 'original' | 'reply' | 'repost';

/** One of the councillor's own public posts, normalised. */
export interface CollectedPost {
  externalId: string;
  url: string;
  /** ISO 8601. */
  createdAt: string;
  kind: PostKind;
  text: string;
  /** Null when the platform withholds it (a YouTube channel can hide its videos' likes): unknown, not 0. */
  likes: number | null;
  reposts: number;
  replies: number;
  quotes: number;
  /** Links in the post (external URLs), used for the "links to the council's site" share. */
  links: string[];
  /** For a reply: the post it answers, and that post's author (with their `FormerIds`). */
  inReplyTo: ({ externalId: string; authorExternalId: string | null } & FormerIds<'authorFormerIds'>) | null;
}

/**
 * Ids an earlier release of wardreach identified a person by, where the platform's id for them has
 * changed since (Mastodon: the account id the councillor's instance gives its own users, before
 * people were identified by `user@domain`). Checked against erasures made before, and never stored.
 */
export type FormerIds<K extends string> = { [key in K]?: string[] };

/**
 * A follower's public profile, as the platform returns it. The text is only used to attribute the
 * follower to a ward at ingestion; it is never stored (PRODUCT.md, privacy).
 */
export interface CollectedFollower {
  externalId: string;
  handle: string;
  displayName: string | null;
  /** Public profile text that may place the person: location field and bio, joined. */
  profileText: string;
  /** Ids earlier releases identified them by (`FormerIds`). */
  formerIds?: string[];
}

/** A reply to, or a mention of, the councillor by someone else. */
export interface CollectedInteraction {
  externalId: string;
  url: string;
  kind: 'reply' | 'mention';
  /** ISO 8601. */
  createdAt: string;
  authorExternalId: string;
  /** Ids earlier releases identified the author by (`FormerIds`). */
  authorFormerIds?: string[];
  /**
   * The councillor's post it replies to directly, if any (a reply to someone else's reply below a
   * councillor's post answers none: platforms count only direct replies).
   */
  inReplyToExternalId: string | null;
  /** ISO 8601 time of the councillor's first answer to it, or null if unanswered. */
  answeredAt: string | null;
  /**
   * Set when a collector's cap on reply reads left the further replies under it unread (so an answer
   * there is not known): the caller gives it back in the next call's `furtherRepliesUnread`.
   */
  furtherRepliesUnread?: boolean;
}

/** One page of an incremental stream: the items and where to carry on. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
