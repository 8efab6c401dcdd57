import { z } from 'zod';
import { AccountGoneError, RateLimitedError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { parsePayload } from '../http/schema-validation';
import { YOUTUBE_UNIT_COST, youTubeKeyId } from './youtube-quota';
import type { YouTubeMethod, YouTubeQuota } from './youtube-quota';
import {
  youTubeChannelListSchema,
  youTubeCommentListSchema,
  youTubeCommentThreadListSchema,
  youTubeErrorSchema,
  youTubePlaylistItemListSchema,
  youTubeVideoListSchema,
} from './youtube-schemas';

export interface YouTubeClientOptions {
  http: HttpClient;
  apiKey: string;
  quota: YouTubeQuota;
  /** Default `https://www.googleapis.com/youtube/v3`. */
  baseUrl?: string;
  now?: () => Date;
}

type Query = Record<string, string | number | undefined>;

/** How `channels.list` finds one channel: by @handle, by id, or by a legacy username (`/user/<name>`). */
export type YouTubeChannelSelector = { forHandle: string } | { id: string } | { forUsername: string };

function errorReason(response: HttpResponse): { reason: string; message: string } | null {
  try {
    const parsed = youTubeErrorSchema.safeParse(JSON.parse(response.body));
    if (parsed.success)
      return { reason: parsed.data.error.errors?.[0]?.reason ?? '', message: parsed.data.error.message };
  } catch {
    // Not a Google error body.
  }
  return null;
}

/** YouTube Data API v3 with an API key; every call's units are reserved against the key's daily quota first. */
export class YouTubeClient {
  private readonly http: HttpClient;
  private readonly apiKey: string;
  private readonly keyId: string;
  private readonly quota: YouTubeQuota;
  private readonly baseUrl: string;
  private readonly now: () => Date;

  constructor(options: YouTubeClientOptions) {
    this.http = options.http;
    this.apiKey = options.apiKey;
    this.keyId = youTubeKeyId(options.apiKey);
    this.quota = options.quota;
    this.baseUrl = options.baseUrl ?? 'https://www.googleapis.com/youtube/v3';
    this.now = options.now ?? (() => new Date());
  }

  channel(selector: YouTubeChannelSelector, signal?: AbortSignal) {
    return this.get(
      'channels.list',
      { part: 'snippet,statistics,contentDetails', ...selector },
      youTubeChannelListSchema,
      signal,
    );
  }

  /**
   * A page of a playlist; empty when the playlist is not found: a channel with no public videos
   * answers so for its uploads playlist, and the channel itself was found by `channels.list`.
   */
  playlistItems(playlistId: string, pageToken: string | undefined, signal?: AbortSignal) {
    return this.get(
      'playlistItems.list',
      { part: 'snippet,contentDetails', playlistId, maxResults: 50, pageToken },
      youTubePlaylistItemListSchema,
      signal,
      ['playlistNotFound'],
    );
  }

  /** Up to 50 ids a call (`maxResults` is not for use with `id`, the API reference says: not sent). */
  videos(ids: string[], signal?: AbortSignal) {
    return this.get(
      'videos.list',
      { part: 'snippet,statistics', id: ids.join(',') },
      youTubeVideoListSchema,
      signal,
    );
  }

  /**
   * Comment threads of a video; empty when its comments are disabled, or when the video was deleted or
   * made private since it was collected (one video gone says nothing about the channel).
   */
  commentThreads(videoId: string, pageToken: string | undefined, signal?: AbortSignal) {
    return this.get(
      'commentThreads.list',
      { part: 'snippet,replies', videoId, maxResults: 100, order: 'time', pageToken },
      youTubeCommentThreadListSchema,
      signal,
      ['commentsDisabled', 'videoNotFound'],
    );
  }

  /**
   * A page of the replies under a top-level comment (`commentThreads.list` returns only some of them).
   * Empty when the comment was deleted since its thread was read.
   */
  replies(parentId: string, pageToken: string | undefined, signal?: AbortSignal) {
    return this.get(
      'comments.list',
      { part: 'snippet', parentId, maxResults: 100, pageToken },
      youTubeCommentListSchema,
      signal,
      ['commentNotFound'],
    );
  }

  private async get<S extends z.ZodType>(
    method: YouTubeMethod,
    query: Query,
    schema: S,
    signal?: AbortSignal,
    emptyOnReasons: string[] = [],
  ): Promise<z.output<S> | { items: []; nextPageToken?: undefined }> {
    const url = new URL(`${this.baseUrl.replace(/\/$/, '')}/${method.replace('.list', '')}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    try {
      const { data, response } = await this.http.requestJson(
        {
          platform: 'youtube',
          method,
          url,
          // The key goes in Google's header rather than `?key=`, so it never appears in a logged URL.
          headers: { 'x-goog-api-key': this.apiKey },
          // Every request costs units, failed ones and retries included.
          beforeAttempt: async () => {
            if (!(await this.quota.reserve({ keyId: this.keyId, units: YOUTUBE_UNIT_COST[method] }))) {
              throw new YouTubeQuotaExceededError(method, this.quota.resetsAt());
            }
          },
          // The daily quota above is the budget; responses announce none (no `rateLimitHeaders`).
          signal,
          acceptStatuses: emptyOnReasons.length > 0 ? [403, 404] : [],
          classifyError: (failed) => this.classify(method, failed),
        },
        z.unknown(),
      );
      if (response.status === 403 || response.status === 404) {
        if (emptyOnReasons.includes(errorReason(response)?.reason ?? '')) return { items: [] };
        const detail = `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
        throw (
          this.classify(method, response) ??
          (response.status === 403
            ? new UnauthorisedError('youtube', method, detail)
            : new AccountGoneError('youtube', method, detail))
        );
      }
      return parsePayload(schema, data, { platform: 'youtube', method });
    } catch (error) {
      // Google says the key's quota is spent: remember it so no worker tries again before the reset.
      if (error instanceof YouTubeQuotaExceededError) await this.quota.exhaust({ keyId: this.keyId });
      throw error;
    }
  }

  private classify(method: YouTubeMethod, response: HttpResponse): CollectorError | undefined {
    const error = errorReason(response);
    if (!error) return undefined;
    const { reason, message } = error;
    switch (reason) {
      case 'quotaExceeded':
      case 'dailyLimitExceeded':
        return new YouTubeQuotaExceededError(method, this.quota.resetsAt());
      case 'rateLimitExceeded':
      case 'userRateLimitExceeded':
        return new RateLimitedError('youtube', method, new Date(this.now().getTime() + 60_000));
      case 'keyInvalid':
      case 'keyExpired':
      case 'accessNotConfigured':
      case 'forbidden':
      case 'ipRefererBlocked':
        return new UnauthorisedError('youtube', method, `${reason}: ${message}`);
      case 'channelNotFound':
      case 'playlistNotFound':
      case 'videoNotFound':
        return new AccountGoneError('youtube', method, `${reason}: ${message}`);
      default:
        return response.status === 400 && /API key/i.test(message)
          ? new UnauthorisedError('youtube', method, message)
          : undefined;
    }
  }
}

/** The key's daily quota is spent: wait until midnight Pacific. */
export class YouTubeQuotaExceededError extends RateLimitedError {
  constructor(method: string, resetAt: Date) {
    super('youtube', method, resetAt);
    this.message = `youtube ${method}: daily quota spent until ${resetAt.toISOString()}`;
  }
}
