import type { z } from 'zod';
import type { HttpClient } from '../http/http-client';
import { classifyGraphError } from './facebook-errors';
import {
  facebookCommentsPageSchema,
  facebookPageSchema,
  facebookRepliesPageSchema,
  facebookPostsByIdSchema,
  facebookPostsPageSchema,
} from './facebook-schemas';
import { facebookUsageHeaders } from './facebook-usage-headers';

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
  'id,created_time,message,permalink_url,status_type,shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)';
const REPLY_FIELDS = 'id,created_time,from{id}';
const COMMENT_FIELDS = `id,created_time,from{id,name},permalink_url,comments.limit(25){${REPLY_FIELDS}}`;

type Query = Record<string, string | number | undefined>;

/** Graph API calls for a Facebook Page. */
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

  page(idOrUsername: string, signal?: AbortSignal) {
    return this.get(
      'GET /{page}',
      `/${encodeURIComponent(idOrUsername)}`,
      { fields: 'id,name,username,link,fan_count,followers_count' },
      facebookPageSchema,
      signal,
    );
  }

  /** The first page of posts since a time, or a later one with the query of the last page's `paging.next`. */
  posts(pageId: string, page: { since: number; next?: Record<string, string> }, signal?: AbortSignal) {
    return this.get(
      'GET /{page}/posts',
      `/${encodeURIComponent(pageId)}/posts`,
      { since: page.since, ...page.next, fields: FACEBOOK_POST_FIELDS, limit: 100 },
      facebookPostsPageSchema,
      signal,
    );
  }

  /** Up to 50 ids a call. */
  postsByIds(ids: string[], signal?: AbortSignal) {
    return this.get(
      'GET /?ids=',
      '/',
      { ids: ids.join(','), fields: FACEBOOK_POST_FIELDS },
      facebookPostsByIdSchema,
      signal,
    );
  }

  comments(postId: string, after: string | undefined, signal?: AbortSignal) {
    return this.get(
      'GET /{post}/comments',
      `/${encodeURIComponent(postId)}/comments`,
      { fields: COMMENT_FIELDS, filter: 'toplevel', limit: 100, after },
      facebookCommentsPageSchema,
      signal,
    );
  }

  /**
   * A further page of the replies under a comment, with the query of the `paging.next` of the replies
   * read before (the first 25 come nested in `comments`).
   */
  replies(commentId: string, next: Record<string, string>, signal?: AbortSignal) {
    return this.get(
      'GET /{comment}/comments',
      `/${encodeURIComponent(commentId)}/comments`,
      { ...next, fields: REPLY_FIELDS, limit: 100 },
      facebookRepliesPageSchema,
      signal,
    );
  }

  private async get<S extends z.ZodType>(
    method: string,
    path: string,
    query: Query,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
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
        rateLimitHeaders: facebookUsageHeaders,
        classifyError: classifyGraphError(method, this.now),
      },
      schema,
    );
    return data;
  }
}
