import { z } from 'zod';

/** X API v2 response schemas written from docs.x.com (User, Tweet, meta, partial errors), for the sandbox's tests. */

const id = z.string().regex(/^\d{1,19}$/);
const count = z.number().int().nonnegative();

export const xUser = z.object({
  id,
  name: z.string(),
  username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
  description: z.string().optional(),
  location: z.string().optional(),
  created_at: z.iso.datetime().optional(),
  public_metrics: z
    .object({ followers_count: count, following_count: count, tweet_count: count, listed_count: count })
    .optional(),
});

export const xTweet = z.object({
  id,
  text: z.string(),
  edit_history_tweet_ids: z.array(id),
  created_at: z.iso.datetime().optional(),
  author_id: id.optional(),
  conversation_id: id.optional(),
  in_reply_to_user_id: id.optional(),
  referenced_tweets: z
    .array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id }))
    .optional(),
  public_metrics: z
    .object({ retweet_count: count, reply_count: count, like_count: count, quote_count: count })
    .optional(),
  entities: z
    .object({
      urls: z.array(z.object({ start: count, end: count, url: z.url(), expanded_url: z.url() })).optional(),
      mentions: z.array(z.object({ start: count, end: count, username: z.string(), id })).optional(),
    })
    .optional(),
});

export const xPartialError = z.object({
  title: z.string(),
  detail: z.string(),
  resource_type: z.string(),
  type: z.url(),
});
export const xMeta = z.object({
  result_count: count,
  newest_id: id.optional(),
  oldest_id: id.optional(),
  next_token: z.string().optional(),
});
export const xUserResponse = z.object({ data: xUser.optional(), errors: z.array(xPartialError).optional() });
export const xUsersPage = z.object({ data: z.array(xUser).optional(), meta: xMeta });
export const xTweetsPage = z.object({ data: z.array(xTweet).optional(), meta: xMeta });
export const xTweetsLookup = z.object({
  data: z.array(xTweet).optional(),
  errors: z.array(xPartialError).optional(),
});
export const xProblem = z.object({ title: z.string(), detail: z.string(), type: z.string() });
