import { z } from 'zod';
import { AccountGoneError } from '../errors';
import { furtherReplyReads, leftUnread } from '../further-reply-reads';
import { hasUnreadReplies } from '../has-unread-replies';
import type {
  AccountRef,
  CollectedFollower,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Page,
} from '../collected';
import type {
  Collector,
  CollectorCapabilities,
  FetchFollowersParams,
  FetchInteractionsParams,
  FetchPostsParams,
  FetchProfileParams,
  RefreshPostsParams,
} from '../collector';
import type { FacebookClient } from './facebook-client';
import { nextPageQuery } from './facebook-paging';
import type { FacebookAttachment, FacebookPage, FacebookPost, FacebookReply } from './facebook-schemas';

export interface FacebookCollectorOptions {
  client: FacebookClient;
  /** Safety bound on pages in one call (100 items a page; default 20). */
  maxPages?: number;
  /**
   * Comments whose further replies one `fetchInteractions` call may page through (default 20), those
   * left unread before first: see there. Bounds the requests a re-read of busy posts makes on the
   * Page's token.
   */
  maxCommentReplyReads?: number;
}

const cursorSchema = z.object({ v: z.literal(1), newestId: z.string(), newestAt: z.string() });
const IDS_BATCH = 50;
const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;

/**
 * A page handle may be its username, its numeric id or its facebook.com address: `/<username>`,
 * `/profile.php?id=<id>`, or, for a Page without a username (whose name Graph cannot look up),
 * `/people/<name>/<id>`, the older `/pages/<name>/<id>` or the newer `/p/<name>-<id>/`.
 */
export function facebookPageRef(handle: string): string {
  const match =
    /^https?:\/\/(?:www\.|m\.)?facebook\.com\/(?:profile\.php\?id=(\d+)|(?:people|pages)\/[^/?#]+\/(\d+)|p\/[^/?#]*-(\d{6,})(?=[/?#]|$)|([^/?#]+))/i.exec(
      handle.trim(),
    );
  return match ? (match[1] ?? match[2] ?? match[3] ?? match[4]) : handle.trim().replace(/^@/, '');
}

function mapPage(page: FacebookPage): CollectedProfile {
  return {
    externalId: page.id,
    handle: page.username ?? page.id,
    displayName: page.name,
    url: page.link ?? `https://www.facebook.com/${page.id}`,
    // New Pages report followers; classic Pages only likes (fans).
    followersCount: page.followers_count ?? page.fan_count ?? null,
    followingCount: null,
    postsCount: null,
    followersListed: false,
  };
}

/** `https://l.facebook.com/l.php?u=<address>&h=…` (Facebook's link shim) → the address. */
function unshim(link: string): string {
  try {
    const url = new URL(link);
    const shimmed = /^lm?\.facebook\.com$/i.test(url.hostname) && url.pathname === '/l.php';
    return (shimmed && url.searchParams.get('u')) || link;
  } catch {
    return link;
  }
}

/** Facebook's own addresses: a photo's, a video's, an album's or the post's own page. */
function isFacebookAddress(link: string): boolean {
  try {
    return /(^|\.)(facebook\.com|fb\.watch|fb\.com)$/i.test(new URL(link).hostname);
  } catch {
    return true;
  }
}

/**
 * The external links a post's attachments point to, subattachments included (a post sharing several
 * links). Attachments that show Facebook's own content (photos, videos, a shared post) are no links.
 */
function attachmentLinks(attachments: FacebookAttachment[] | undefined): string[] {
  return (attachments ?? []).flatMap((attachment) => {
    const own = attachment.unshimmed_url ?? attachment.url;
    const links = own ? [unshim(own)] : [];
    links.push(...attachmentLinks(attachment.subattachments?.data));
    return links.filter((link) => !isFacebookAddress(link));
  });
}

function mapPost(post: FacebookPost): CollectedPost {
  return {
    externalId: post.id,
    url: post.permalink_url ?? `https://www.facebook.com/${post.id}`,
    createdAt: new Date(post.created_time).toISOString(),
    kind: post.status_type === 'shared_story' && !post.message ? 'repost' : 'original',
    text: post.message ?? '',
    likes: post.reactions?.summary.total_count ?? 0,
    reposts: post.shares?.count ?? 0,
    replies: post.comments?.summary.total_count ?? 0,
    quotes: 0,
    links: [
      ...new Set([...(post.message?.match(URL_PATTERN) ?? []), ...attachmentLinks(post.attachments?.data)]),
    ],
    inReplyTo: null,
  };
}

/** The earliest of `replies` the Page itself wrote. */
function pageAnswer(replies: FacebookReply[], pageId: string): string | null {
  const times = replies
    .filter((reply) => reply.from?.id === pageId)
    .map((reply) => new Date(reply.created_time).toISOString());
  return times.length > 0 ? times.sort()[0] : null;
}

/** A Facebook Page through the Graph API. No follower list exists for Pages: counts only. */
export class FacebookCollector implements Collector {
  readonly platform = 'facebook' as const;
  readonly role = 'detail' as const;
  readonly capabilities: CollectorCapabilities = {
    followerList: false,
    followingList: false,
    replies: true,
    refreshPosts: true,
    mentions: 'not-offered',
  };
  private readonly client: FacebookClient;
  private readonly maxPages: number;
  private readonly maxCommentReplyReads: number;

  constructor(options: FacebookCollectorOptions) {
    this.client = options.client;
    this.maxPages = options.maxPages ?? 20;
    this.maxCommentReplyReads = options.maxCommentReplyReads ?? 20;
  }

  async fetchProfile({ handle, externalId, signal }: FetchProfileParams): Promise<CollectedProfile> {
    return mapPage(await this.client.page(facebookPageRef(handle), signal, externalId));
  }

  /** Posts since the newest known one (`since` is inclusive, so that one is dropped), newest first. */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const pageId = await this.pageId(account, signal);
    const known = decodeCursor(cursor);
    const from = Math.floor((known ? new Date(known.newestAt) : since).getTime() / 1000);
    const posts: FacebookPost[] = [];
    let next: Record<string, string> | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.posts(pageId, { since: from, next }, signal);
      posts.push(...response.data.filter((post) => post.id !== known?.newestId));
      // Only a missing `next` ends paging: a page may come back empty (Graph filters posts after
      // paging), and time-based pages carry no cursors.
      next = nextPageQuery(response.paging?.next) ?? undefined;
      if (!next) break;
    }
    const items = posts
      .map(mapPost)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const nextCursor =
      items.length > 0
        ? JSON.stringify({ v: 1, newestId: items[0].externalId, newestAt: items[0].createdAt })
        : known
          ? cursor
          : null;
    return { items, nextCursor };
  }

  async refreshPosts({ externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    const refreshed: CollectedPost[] = [];
    for (let start = 0; start < externalIds.length; start += IDS_BATCH) {
      refreshed.push(...(await this.postsStillThere(externalIds.slice(start, start + IDS_BATCH), signal)));
    }
    return refreshed;
  }

  /**
   * The posts among `ids` that still exist. Graph refuses a whole `?ids=` lookup when one of them was
   * deleted (#803, or #100 subcode 33), which says nothing about the Page: a refused lookup is split
   * in halves until the deleted posts are found and left out (a few more requests per deleted post).
   */
  private async postsStillThere(ids: string[], signal?: AbortSignal): Promise<CollectedPost[]> {
    try {
      return Object.values(await this.client.postsByIds(ids, signal)).map(mapPost);
    } catch (error) {
      if (!(error instanceof AccountGoneError)) throw error;
      if (ids.length === 1) return [];
      const half = Math.ceil(ids.length / 2);
      const first = await this.postsStillThere(ids.slice(0, half), signal);
      return [...first, ...(await this.postsStillThere(ids.slice(half), signal))];
    }
  }

  /** Pages have no public follower list. */
  fetchFollowers(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }
  /** Pages have no public following list. */
  fetchFollowing(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }

  /**
   * Top-level comments on posts with unread comments, each answered when the Page replied under
   * it. Requests: one per such post (+ one per further 100 comments, + one per further page of
   * replies under a comment whose first 25 replies hold no answer of the Page's). Councillors rarely
   * answer, so most busy comments qualify, and again each time the post's count grows: at most
   * `maxCommentReplyReads` comments (default 20) have their further replies read in one call, those
   * left unread before (`furtherRepliesUnread`) first, the longest left first, then the newest. The
   * others are given as unanswered this time (an answer already stored is kept) and marked
   * `furtherRepliesUnread`: their posts are read again for them next time, new comments or not, and
   * no comment waits for ever behind newer ones. A post read only for those reads no other comment's
   * further replies: they were read when it last had new comments.
   */
  async fetchInteractions({
    account,
    posts,
    furtherRepliesUnread,
    signal,
  }: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    const pageId = await this.pageId(account, signal);
    const left = leftUnread(furtherRepliesUnread);
    const due = posts.filter((post) => hasUnreadReplies(post) || left.posts.has(post.externalId));
    const interactions: CollectedInteraction[] = [];
    const unread: Array<{ interaction: CollectedInteraction; next: Record<string, string> }> = [];
    for (const post of due) {
      const grown = hasUnreadReplies(post);
      let after: string | undefined;
      for (let page = 0; page < this.maxPages; page++) {
        let response;
        try {
          response = await this.client.comments(pageId, post.externalId, after, signal);
        } catch (error) {
          // The post was deleted since it was collected: its comments went with it, the Page did not.
          if (error instanceof AccountGoneError) break;
          throw error;
        }
        for (const comment of response.data) {
          // Without Page-level access Meta withholds who commented. Such a comment is left out: it may
          // be the Page's own, and one whose author is unknown could be neither exported nor erased.
          if (!comment.from || comment.from.id === pageId) continue;
          const interaction: CollectedInteraction = {
            externalId: comment.id,
            url: comment.permalink_url ?? `https://www.facebook.com/${comment.id}`,
            kind: 'reply',
            createdAt: new Date(comment.created_time).toISOString(),
            authorExternalId: comment.from.id,
            inReplyToExternalId: post.externalId,
            answeredAt: pageAnswer(comment.comments?.data ?? [], pageId),
          };
          interactions.push(interaction);
          const next = nextPageQuery(comment.comments?.paging?.next);
          if (!interaction.answeredAt && next && (grown || left.replies.has(interaction.externalId)))
            unread.push({ interaction, next });
        }
        after = response.paging?.next ? response.paging.cursors?.after : undefined;
        if (!after) break;
      }
    }
    for (const { interaction, next } of furtherReplyReads(unread, left, this.maxCommentReplyReads)) {
      interaction.answeredAt = await this.laterAnswer(interaction.externalId, next, pageId, signal);
    }
    return interactions;
  }

  /**
   * The Page's first reply under a comment past the 25 nested in it: while the answer is not among the
   * replies read and `paging.next` links more, the next page is read. Graph lists replies oldest first,
   * so the first answer found is the earliest.
   */
  private async laterAnswer(
    commentId: string,
    first: Record<string, string>,
    pageId: string,
    signal?: AbortSignal,
  ): Promise<string | null> {
    let answer: string | null = null;
    let next: Record<string, string> | null = first;
    for (let page = 0; !answer && next && page < this.maxPages; page++) {
      let response;
      try {
        response = await this.client.replies(pageId, commentId, next, signal);
      } catch (error) {
        // The comment was deleted since it was read: nothing left to answer.
        if (error instanceof AccountGoneError) return null;
        throw error;
      }
      answer = pageAnswer(response.data, pageId);
      next = nextPageQuery(response.paging?.next);
    }
    return answer;
  }

  private async pageId(account: AccountRef, signal?: AbortSignal): Promise<string> {
    return account.externalId ?? (await this.client.page(facebookPageRef(account.handle), signal)).id;
  }
}

function decodeCursor(text: string | null): z.output<typeof cursorSchema> | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
