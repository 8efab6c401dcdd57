import { z } from 'zod';
import { payloadTime } from '../http/schema-validation';

/** YouTube Data API v3 resources, only the parts we ask for. Counts arrive as decimal strings. */

const countString = z
  .string()
  .regex(/^\d+$/, 'expected a count as a decimal string')
  .transform((value) => Number(value));

export const youTubeChannelSchema = z.object({
  id: z.string(),
  snippet: z
    .object({ title: z.string(), customUrl: z.string().optional(), description: z.string().optional() })
    .loose(),
  statistics: z
    .object({
      viewCount: countString.optional(),
      subscriberCount: countString.optional(),
      hiddenSubscriberCount: z.boolean().optional(),
      videoCount: countString.optional(),
    })
    .optional(),
  contentDetails: z
    .object({ relatedPlaylists: z.object({ uploads: z.string().optional() }).loose() })
    .optional(),
});
export type YouTubeChannel = z.output<typeof youTubeChannelSchema>;

export const youTubeChannelListSchema = z.object({ items: z.array(youTubeChannelSchema).optional() });

export const youTubePlaylistItemListSchema = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      contentDetails: z.object({ videoId: z.string(), videoPublishedAt: payloadTime.optional() }),
      snippet: z.object({ publishedAt: payloadTime }).loose(),
    }),
  ),
});

export const youTubeVideoSchema = z.object({
  id: z.string(),
  snippet: z
    .object({
      publishedAt: payloadTime,
      channelId: z.string(),
      title: z.string(),
      description: z.string().optional(),
    })
    .loose(),
  statistics: z
    .object({
      viewCount: countString.optional(),
      likeCount: countString.optional(),
      favoriteCount: countString.optional(),
      commentCount: countString.optional(),
    })
    .optional(),
});
export type YouTubeVideo = z.output<typeof youTubeVideoSchema>;

export const youTubeVideoListSchema = z.object({ items: z.array(youTubeVideoSchema) });

const commentSchema = z.object({
  id: z.string(),
  snippet: z
    .object({ authorChannelId: z.object({ value: z.string() }).optional(), publishedAt: payloadTime })
    .loose(),
});

export const youTubeCommentThreadListSchema = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      id: z.string(),
      snippet: z
        .object({
          videoId: z.string().optional(),
          topLevelComment: commentSchema,
          totalReplyCount: z.number().int().optional(),
        })
        .loose(),
      replies: z.object({ comments: z.array(commentSchema) }).optional(),
    }),
  ),
});
export type YouTubeCommentThread = z.output<typeof youTubeCommentThreadListSchema>['items'][number];

/** `comments.list?parentId=`: the replies under one top-level comment. */
export const youTubeCommentListSchema = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(commentSchema),
});
export type YouTubeComment = z.output<typeof commentSchema>;

/** `{ error: { code, message, errors: [{ reason, domain }] } }`. */
export const youTubeErrorSchema = z.object({
  error: z
    .object({
      code: z.number(),
      message: z.string(),
      errors: z.array(z.object({ reason: z.string(), domain: z.string().optional() }).loose()).optional(),
    })
    .loose(),
});
