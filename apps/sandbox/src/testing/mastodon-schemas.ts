import { z } from 'zod';

/** Entity schemas written from docs.joinmastodon.org (Account, Status, Context, Error), for the sandbox's tests. */

const id = z.string().regex(/^\d+$/);
const datetime = z.iso.datetime();

export const accountEntity = z.object({
  id,
  username: z.string().min(1),
  acct: z.string().min(1),
  display_name: z.string(),
  locked: z.boolean(),
  bot: z.boolean(),
  created_at: datetime,
  note: z.string(),
  url: z.url(),
  avatar: z.url(),
  avatar_static: z.url(),
  header: z.url(),
  header_static: z.url(),
  followers_count: z.number().int().nonnegative(),
  following_count: z.number().int().nonnegative(),
  statuses_count: z.number().int().nonnegative(),
  last_status_at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  hide_collections: z.boolean().optional(),
  emojis: z.array(z.unknown()),
  fields: z.array(z.object({ name: z.string(), value: z.string(), verified_at: datetime.nullable() })),
});

const statusBase = z.object({
  id,
  created_at: datetime,
  in_reply_to_id: id.nullable(),
  in_reply_to_account_id: id.nullable(),
  sensitive: z.boolean(),
  spoiler_text: z.string(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  language: z.string().nullable(),
  uri: z.url(),
  url: z.url().nullable(),
  replies_count: z.number().int().nonnegative(),
  reblogs_count: z.number().int().nonnegative(),
  favourites_count: z.number().int().nonnegative(),
  content: z.string(),
  account: accountEntity,
  media_attachments: z.array(z.unknown()),
  mentions: z.array(z.object({ id, username: z.string(), url: z.url(), acct: z.string() })),
  tags: z.array(z.unknown()),
  emojis: z.array(z.unknown()),
  card: z
    .object({ url: z.url(), title: z.string(), type: z.enum(['link', 'photo', 'video', 'rich']) })
    .nullable(),
  poll: z.null(),
});

export const statusEntity = statusBase.extend({ reblog: statusBase.extend({ reblog: z.null() }).nullable() });
export const contextEntity = z.object({
  ancestors: z.array(statusEntity),
  descendants: z.array(statusEntity),
});
export const errorEntity = z.object({ error: z.string() });
