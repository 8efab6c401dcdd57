import type { z } from 'zod';
import type { HttpClient } from '../http/http-client';
import { classifyGraphError, type MissingObject } from './facebook-errors';
import {
  facebookCommentsPageSchema,
  facebookPageSchema,
  facebookRepliesPageSchema,
  facebookPostsByIdSchema,
  facebookPostsPageSchema,
} from './facebook-schemas';
import { facebookAppUsageHeaders, facebookPageUsageHeaders } from './facebook-usage-headers';

export interface FacebookClientOptions {
  http: HttpClient;
  /** A Page or system-user access token. */
  accessToken: string;
  /** Default `https://graph.facebook.com`. */
  baseUrl?: string;
  /** Default `v23.0`. */
  apiVersion?: string;
  now?: () => Date;
}

export const FACEBOOK_POST_FIELDS =
  'id,created_time,message,permalink_url,status_type,shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),' +
  // A link shared as a preview card: its address is often deleted from the text once the card shows.
  'attachments{unshimmed_url,url,subattachments{unshimmed_url,url}}';
const REPLY_FIELDS = 'id,created_time,from{id}';
const COMMENT_FIELDS = `id,created_time,from{id,name},permalink_url,comments.limit(25){${REPLY_FIELDS}}`;

type Query = Record<string, string | number | undefined>;

/**
 * The Pages whose posts a `?ids=` lookup names: a Page post's id is `<page id>_<post id>`.
 */
function pagesOfPosts(ids: string[]): string[] {
  return [...new Set(ids.flatMap((id) => /^(\d+)_\d+$/.exec(id)?.[1] ?? []))];
}

/**
 * Graph API calls for a Facebook Page. Each call names the Pages it is about: Meta counts calls made
 * with a Page or system-user token against each Page apart (business-use-case limits), so besides
 * the app-wide budget of the host, every call spends its Page's own budget in the gate, and one
 * Page at its limit holds back only the calls about it.
 */
export class FacebookClient {
  private readonly http: HttpClient;
  private readonly accessToken: string;
  private readonly baseUrl: string;
  private readonly apiVersion: string;
  private readonly now: () => Date;

  constructor(options: FacebookClientOptions) {
    this.http = options.http;
    this.accessToken = options.accessToken;
    this.baseUrl = options.baseUrl ?? 'https://graph.facebook.com';
    this.apiVersion = options.apiVersion ?? 'v23.0';
    this.now = options.now ?? (() => new Date());
  }

  /**
   * A Page by its id or username. `pageId`, when the Page's id is known, is the budget the lookup
   * spends and its usage headers feed: otherwise a lookup by username keeps a budget of its own,
   * which a throttled Page's would not hold back.
   */
  page(idOrUsername: string, signal?: AbortSignal, pageId?: string | null) {
    return this.get(
      'GET /{page}',
      `/${encodeURIComponent(idOrUsername)}`,
      { fields: 'id,name,username,link,fan_count,followers_count' },
      facebookPageSchema,
      [pageId ?? idOrUsername],
      signal,
      'page',
    );
  }

  /** The first page of posts since a time, or a later one with the query of the last page's `paging.next`. */
  posts(pageId: string, page: { since: number; next?: Record<string, string> }, signal?: AbortSignal) {
    return this.get(
      'GET /{page}/posts',
      `/${encodeURIComponent(pageId)}/posts`,
      { since: page.since, ...page.next, fields: FACEBOOK_POST_FIELDS, limit: 100 },
      facebookPostsPageSchema,
      [pageId],
      signal,
      'page',
    );
  }

  /** Up to 50 ids a call; the call spends the budget of each Page whose posts it names. */
  postsByIds(ids: string[], signal?: AbortSignal) {
    return this.get(
      'GET /?ids=',
      '/',
      { ids: ids.join(','), fields: FACEBOOK_POST_FIELDS },
      facebookPostsByIdSchema,
      pagesOfPosts(ids),
      signal,
    );
  }

  /** Comments under a post of the Page `pageId`. */
  comments(pageId: string, postId: string, after: string | undefined, signal?: AbortSignal) {
    return this.get(
      'GET /{post}/comments',
      `/${encodeURIComponent(postId)}/comments`,
      { fields: COMMENT_FIELDS, filter: 'toplevel', limit: 100, after },
      facebookCommentsPageSchema,
      [pageId],
      signal,
    );
  }

  /**
   * A further page of the replies under a comment, with the query of the `paging.next` of the replies
   * read before (the first 25 come nested in `comments`), on a post of the Page `pageId`.
   */
  replies(pageId: string, commentId: string, next: Record<string, string>, signal?: AbortSignal) {
    return this.get(
      'GET /{comment}/comments',
      `/${encodeURIComponent(commentId)}/comments`,
      { ...next, fields: REPLY_FIELDS, limit: 100 },
      facebookRepliesPageSchema,
      [pageId],
      signal,
    );
  }

  private async get<S extends z.ZodType>(
    method: string,
    path: string,
    query: Query,
    schema: S,
    pages: string[],
    signal?: AbortSignal,
    /** Whether a missing object (100/33) is the Page itself or an item under it (`classifyGraphError`). */
    missing: MissingObject = 'item',
  ): Promise<z.output<S>> {
    // Usernames are not case-sensitive: one Page named two ways keeps one budget.
    const scopes = pages.map((page) => page.toLowerCase());
    const url = new URL(`/${this.apiVersion}${path === '/' ? '/' : path}`, this.baseUrl);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const { data } = await this.http.requestJson(
      {
        platform: 'facebook',
        method,
        url,
        // The token travels in a header, never in a URL that might be logged.
        headers: { authorization: `Bearer ${this.accessToken}` },
        signal,
        rateLimitHeaders: facebookAppUsageHeaders,
        scopedRateLimits: scopes.map((page) => ({
          scope: `page ${page}`,
          headers: facebookPageUsageHeaders(page),
        })),
        classifyError: classifyGraphError(method, this.now, scopes, missing),
      },
      schema,
    );
    return data;
  }
}
