import { z } from 'zod';
import { payloadTime } from '../http/schema-validation';

/** X API v2 response shapes (docs.x.com), only the fields we read. */

const count = z.number().int().nonnegative();

/** A per-item error in a 200 (`errors[]`): a missing, suspended or protected resource. */
export const xPartialErrorSchema = z
  .object({
    title: z.string(),
    detail: z.string().optional(),
    type: z.string().optional(),
    resource_type: z.string().optional(),
    resource_id: z.string().optional(),
    value: z.string().optional(),
  })
  .loose();
export type XPartialError = z.output<typeof xPartialErrorSchema>;

export const xUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  description: z.string().optional(),
  location: z.string().optional(),
  protected: z.boolean().optional(),
  public_metrics: z
    .object({
      followers_count: count,
      following_count: count,
      tweet_count: count,
      listed_count: count.optional(),
    })
    .optional(),
});
export type XUser = z.output<typeof xUserSchema>;

export const xTweetSchema = z.object({
  id: z.string(),
  text: z.string(),
  created_at: payloadTime,
  author_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  conversation_id: z.string().optional(),
  /**
   * Every version of the post, oldest first (a default field: X sends it on every post since edits
   * began). Each edit makes a new id; the first is the post's original id, the last its newest version.
   */
  edit_history_tweet_ids: z.array(z.string()).min(1).optional(),
  referenced_tweets: z
    .array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: z.string() }))
    .optional(),
  public_metrics: z
    .object({ retweet_count: count, reply_count: count, like_count: count, quote_count: count.optional() })
    .optional(),
  entities: z
    .object({
      urls: z
        .array(
          z.object({
            url: z.string(),
            expanded_url: z.string().optional(),
            unwound_url: z.string().optional(),
          }),
        )
        .optional(),
    })
    .loose()
    .optional(),
});
export type XTweet = z.output<typeof xTweetSchema>;

const meta = z.object({
  result_count: count.optional(),
  newest_id: z.string().optional(),
  oldest_id: z.string().optional(),
  next_token: z.string().optional(),
});

export const xUserResponseSchema = z.object({
  data: xUserSchema.optional(),
  errors: z.array(xPartialErrorSchema).optional(),
});
export const xUsersPageSchema = z.object({
  data: z.array(xUserSchema).optional(),
  meta: meta.optional(),
  errors: z.array(xPartialErrorSchema).optional(),
});
export const xTweetsPageSchema = z.object({
  data: z.array(xTweetSchema).optional(),
  meta: meta.optional(),
  errors: z.array(xPartialErrorSchema).optional(),
});

/** An error response: a problem (`{ title, detail, type, status }`) or the older `{ errors: [{ message, code }] }`. */
export const xProblemSchema = z
  .object({
    title: z.string().optional(),
    detail: z.string().optional(),
    type: z.string().optional(),
    reason: z.string().optional(),
    errors: z
      .array(z.object({ message: z.string().optional(), code: z.number().optional() }).loose())
      .optional(),
  })
  .loose();
