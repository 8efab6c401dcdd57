import { z } from 'zod';
import { payloadTime } from '../http/schema-validation';

/** Mastodon REST entities as documented (docs.joinmastodon.org/entities), only the fields we read. */

const count = z.number().int().nonnegative();

export const mastodonAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string(),
  url: z.string().nullable().optional(),
  note: z.string(),
  followers_count: count,
  following_count: count,
  statuses_count: count,
  fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  /** Mastodon ≥ 4.1: the owner hides their follower and following lists. */
  hide_collections: z.boolean().nullable().optional(),
  suspended: z.boolean().optional(),
  /** The account has moved to another (renamed). */
  moved: z.object({ acct: z.string() }).loose().nullable().optional(),
});
export type MastodonAccount = z.output<typeof mastodonAccountSchema>;

const statusCore = z.object({
  id: z.string(),
  created_at: payloadTime,
  in_reply_to_id: z.string().nullable(),
  in_reply_to_account_id: z.string().nullable(),
  uri: z.string(),
  url: z.string().nullable().optional(),
  content: z.string(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
  quotes_count: count.optional(),
  account: z.object({ id: z.string(), acct: z.string() }),
  /** Who the status mentions; a reply mentions the author it answers (ids and accts as this instance knows them). */
  mentions: z.array(z.object({ id: z.string(), acct: z.string() }).loose()).optional(),
  card: z.object({ url: z.string() }).loose().nullable().optional(),
});

export const mastodonStatusSchema = statusCore.extend({ reblog: statusCore.nullable().optional() });
export type MastodonStatus = z.output<typeof mastodonStatusSchema>;

export const statusListSchema = z.array(mastodonStatusSchema);
export const accountListSchema = z.array(mastodonAccountSchema);
export const contextSchema = z.object({
  ancestors: z.array(mastodonStatusSchema),
  descendants: z.array(mastodonStatusSchema),
});

/** The error body: `{ "error": "Record not found" }`. */
export const mastodonErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
