import type { MentionsCoverage } from '@wardreach/collectors';

/** What one collection of one account did, for the run record and the live event. */
export interface CollectionOutcome {
  accountId: string;
  councillorId: string;
  newPosts: number;
  refreshedPosts: number;
  newInteractions: number;
  followersGained: number;
  followersLost: number;
  followerPages: number;
  /** Pages of the accounts this one follows read in this collection (0 when they were not due). */
  followingPages: number;
  requests: number;
  /** The counts on the profile as read in this collection. */
  profile: { followers: number | null; following: number | null; posts: number | null };
  /** Whether mentions were read, and if not why (as the collector said after reading interactions). */
  mentions: MentionsCoverage;
  /** Where the next mention search starts, when this collection searched them; null otherwise. */
  mentionsSearchedFrom: Date | null;
  /** Whether the account posted in the last 30 days (active), its posts of this collection included. */
  postedRecently: boolean;
}
