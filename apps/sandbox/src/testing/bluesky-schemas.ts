import { z } from 'zod';

/** Response schemas written from the app.bsky lexicons (actor/defs, feed/defs, graph), for the sandbox's tests. */

export const did = z.string().regex(/^did:plc:[a-z2-7]{24}$/);
export const cid = z.string().regex(/^bafyrei[a-z2-7]{52}$/);
export const postUri = z.string().regex(/^at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.post\/[2-7a-z]{13}$/);
const datetime = z.iso.datetime();
const strongRef = z.object({ uri: postUri, cid });

export const profileViewBasic = z.object({
  did,
  handle: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
  displayName: z.string().optional(),
  avatar: z.url().optional(),
  labels: z.array(z.unknown()).optional(),
  createdAt: datetime.optional(),
});

export const profileView = profileViewBasic.extend({
  description: z.string().optional(),
  indexedAt: datetime.optional(),
});

export const profileViewDetailed = profileView.extend({
  followersCount: z.number().int().nonnegative(),
  followsCount: z.number().int().nonnegative(),
  postsCount: z.number().int().nonnegative(),
});

const facet = z.object({
  index: z.object({ byteStart: z.number().int().nonnegative(), byteEnd: z.number().int().positive() }),
  features: z.array(
    z.discriminatedUnion('$type', [
      z.object({ $type: z.literal('app.bsky.richtext.facet#link'), uri: z.url() }),
      z.object({ $type: z.literal('app.bsky.richtext.facet#mention'), did }),
    ]),
  ),
});

export const postRecord = z.object({
  $type: z.literal('app.bsky.feed.post'),
  text: z.string(),
  createdAt: datetime,
  langs: z.array(z.string()).optional(),
  facets: z.array(facet).optional(),
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
  embed: z.object({ $type: z.string() }).optional(),
});

export const postView = z.object({
  uri: postUri,
  cid,
  author: profileViewBasic,
  record: postRecord,
  embed: z.object({ $type: z.string() }).optional(),
  replyCount: z.number().int().nonnegative(),
  repostCount: z.number().int().nonnegative(),
  likeCount: z.number().int().nonnegative(),
  quoteCount: z.number().int().nonnegative(),
  indexedAt: datetime,
  labels: z.array(z.unknown()).optional(),
});

export const feedViewPost = z.object({
  post: postView,
  reply: z
    .object({
      root: postView.extend({ $type: z.literal('app.bsky.feed.defs#postView') }),
      parent: postView,
      grandparentAuthor: profileViewBasic.optional(),
    })
    .optional(),
  reason: z
    .object({
      $type: z.literal('app.bsky.feed.defs#reasonRepost'),
      by: profileViewBasic,
      uri: z
        .string()
        .regex(/\/app\.bsky\.feed\.repost\//)
        .optional(),
      cid: cid.optional(),
      indexedAt: datetime,
    })
    .optional(),
});

export const getAuthorFeedOutput = z.object({ cursor: z.string().optional(), feed: z.array(feedViewPost) });
export const getFollowersOutput = z.object({
  subject: profileView,
  cursor: z.string().optional(),
  followers: z.array(profileView),
});
export const getFollowsOutput = z.object({
  subject: profileView,
  cursor: z.string().optional(),
  follows: z.array(profileView),
});
export const getPostsOutput = z.object({ posts: z.array(postView) });

export interface ThreadViewPost {
  $type: 'app.bsky.feed.defs#threadViewPost';
  post: z.infer<typeof postView>;
  parent?: ThreadViewPost;
  replies?: ThreadViewPost[];
}

export const threadViewPost: z.ZodType<ThreadViewPost> = z.lazy(() =>
  z.object({
    $type: z.literal('app.bsky.feed.defs#threadViewPost'),
    post: postView,
    parent: threadViewPost.optional(),
    replies: z.array(threadViewPost).optional(),
  }),
);

export const getPostThreadOutput = z.object({ thread: threadViewPost });
export const xrpcError = z.object({ error: z.string(), message: z.string() });
