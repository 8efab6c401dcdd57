import { z } from 'zod';
import { payloadTime } from '../http/schema-validation';

/** Response schemas for the AppView methods we call, after the lexicons in `app.bsky.*` (only the fields we read). */

const count = z.number().int().nonnegative();

export const profileViewBasicSchema = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  displayName: z.string().optional(),
});

export const profileViewSchema = profileViewBasicSchema.extend({
  description: z.string().optional(),
});

export const profileViewDetailedSchema = profileViewSchema.extend({
  followersCount: count.optional(),
  followsCount: count.optional(),
  postsCount: count.optional(),
});

const facetSchema = z.object({
  features: z.array(z.object({ $type: z.string(), uri: z.string().optional() }).loose()),
});

/** `app.bsky.feed.post`, the record inside a post view. */
export const postRecordSchema = z.object({
  text: z.string(),
  createdAt: payloadTime,
  reply: z
    .object({
      root: z.object({ uri: z.string() }),
      parent: z.object({ uri: z.string() }),
    })
    .optional(),
  facets: z.array(facetSchema).optional(),
  embed: z
    .object({
      $type: z.string(),
      external: z.object({ uri: z.string() }).optional(),
    })
    .loose()
    .optional(),
});

export const postViewSchema = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string(),
  author: profileViewBasicSchema,
  record: postRecordSchema,
  indexedAt: payloadTime,
  replyCount: count.optional(),
  repostCount: count.optional(),
  likeCount: count.optional(),
  quoteCount: count.optional(),
});
export type PostView = z.output<typeof postViewSchema>;

const reasonSchema = z
  .object({
    $type: z.string(),
    by: profileViewBasicSchema.optional(),
    /** The repost record (`at://<reposter>/app.bsky.feed.repost/<rkey>`) and its CID. */
    uri: z.string().optional(),
    cid: z.string().optional(),
    indexedAt: payloadTime.optional(),
  })
  .loose();

export const feedViewPostSchema = z.object({ post: postViewSchema, reason: reasonSchema.optional() });
export type FeedViewPost = z.output<typeof feedViewPostSchema>;

export const getAuthorFeedSchema = z.object({
  cursor: z.string().optional(),
  feed: z.array(feedViewPostSchema),
});

export const getPostsSchema = z.object({ posts: z.array(postViewSchema) });

export const getFollowsSchema = z.object({
  subject: profileViewSchema,
  cursor: z.string().optional(),
  follows: z.array(profileViewSchema),
});

export const getFollowersSchema = z.object({
  subject: profileViewSchema,
  cursor: z.string().optional(),
  followers: z.array(profileViewSchema),
});

export interface ThreadViewPost {
  $type?: string;
  post: PostView;
  replies?: ThreadNode[];
}
/** A node in a thread: a post with its replies, or a reply that is deleted or blocked. */
export type ThreadNode = ThreadViewPost | { $type?: string; uri: string; notFound?: true; blocked?: true };

export const threadNodeSchema: z.ZodType<ThreadNode> = z.lazy(() =>
  z.union([
    z.object({
      $type: z.string().optional(),
      post: postViewSchema,
      replies: z.array(threadNodeSchema).optional(),
    }),
    z.object({
      $type: z.string().optional(),
      uri: z.string(),
      notFound: z.literal(true).optional(),
      blocked: z.literal(true).optional(),
    }),
  ]),
);

export const getPostThreadSchema = z.object({ thread: threadNodeSchema });

export const searchPostsSchema = z.object({ cursor: z.string().optional(), posts: z.array(postViewSchema) });

export const sessionSchema = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  did: z.string(),
  handle: z.string(),
});
export type BlueskySession = z.output<typeof sessionSchema>;

/** The XRPC error body: `{ "error": "AccountTakedown", "message": "…" }`. */
export const xrpcErrorSchema = z.object({ error: z.string(), message: z.string().optional() });
