import { z } from 'zod';
import { payloadTime } from '../http/schema-validation';

/** Graph API (Pages) shapes, only the fields we ask for. Times are ISO 8601 with `+0000` offsets. */

const count = z.number().int().nonnegative();
const summary = z.object({ summary: z.object({ total_count: count }).loose() }).loose();
const paging = z
  .object({
    cursors: z.object({ after: z.string().optional() }).loose().optional(),
    next: z.string().optional(),
  })
  .loose();

export const facebookPageSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().optional(),
  link: z.string().optional(),
  fan_count: count.optional(),
  followers_count: count.optional(),
});
export type FacebookPage = z.output<typeof facebookPageSchema>;

/**
 * A post's attachment as asked for (`attachments{unshimmed_url,url,subattachments{unshimmed_url,url}}`):
 * `url` goes through Facebook's link shim (`https://l.facebook.com/l.php?u=…`) for a shared link,
 * `unshimmed_url` is the address itself. A post sharing several links carries them as subattachments.
 */
const attachmentLinks = z.object({
  unshimmed_url: z.string().optional(),
  url: z.string().optional(),
});
const attachmentSchema = attachmentLinks.extend({
  subattachments: z.object({ data: z.array(attachmentLinks), paging: paging.optional() }).optional(),
});
export type FacebookAttachment = z.output<typeof attachmentSchema>;

export const facebookPostSchema = z.object({
  id: z.string(),
  created_time: payloadTime,
  message: z.string().optional(),
  permalink_url: z.string().optional(),
  status_type: z.string().optional(),
  shares: z.object({ count: count }).optional(),
  reactions: summary.optional(),
  comments: summary.optional(),
  attachments: z.object({ data: z.array(attachmentSchema) }).optional(),
});
export type FacebookPost = z.output<typeof facebookPostSchema>;

export const facebookPostsPageSchema = z.object({
  data: z.array(facebookPostSchema),
  paging: paging.optional(),
});

/** `GET /?ids=a,b`: an object keyed by id. */
export const facebookPostsByIdSchema = z.record(z.string(), facebookPostSchema);

const from = z.object({ id: z.string(), name: z.string().optional() }).optional();

const replySchema = z.object({ id: z.string(), created_time: payloadTime, from });
export type FacebookReply = z.output<typeof replySchema>;

/** Replies under a comment: nested in it (`comments.limit(25)`), or a further page of them. */
export const facebookRepliesPageSchema = z.object({
  data: z.array(replySchema),
  paging: paging.optional(),
});

export const facebookCommentSchema = z.object({
  id: z.string(),
  created_time: payloadTime,
  from,
  permalink_url: z.string().optional(),
  comments: facebookRepliesPageSchema.loose().optional(),
});
export type FacebookComment = z.output<typeof facebookCommentSchema>;

export const facebookCommentsPageSchema = z.object({
  data: z.array(facebookCommentSchema),
  paging: paging.optional(),
});

export const facebookErrorSchema = z.object({
  error: z
    .object({
      message: z.string(),
      type: z.string().optional(),
      code: z.number().int(),
      error_subcode: z.number().int().optional(),
    })
    .loose(),
});
