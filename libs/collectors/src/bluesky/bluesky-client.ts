import { z } from 'zod';
import type { MentionsCoverage } from '../collector';
import { MalformedPayloadError, RateLimitedError, UnauthorisedError } from '../errors';
import type { HttpClient } from '../http/http-client';
import { epochSecondsRateLimitHeaders } from '../http/rate-limit-headers';
import { parsePayload } from '../http/schema-validation';
import { classifyXrpcError, readXrpcError } from './bluesky-errors';
import {
  getAuthorFeedSchema,
  getFollowersSchema,
  getFollowsSchema,
  getPostThreadSchema,
  getPostsSchema,
  profileViewDetailedSchema,
  searchPostsSchema,
  sessionSchema,
} from './bluesky-schemas';
import type { BlueskySession, ThreadNode } from './bluesky-schemas';

/** A service account used only to search mentions (`searchPosts` refuses logged-out callers). */
export interface BlueskyServiceAccount {
  identifier: string;
  appPassword: string;
  /** The account's PDS or entryway (default `https://bsky.social`). */
  serviceUrl?: string;
}

export interface BlueskyClientOptions {
  http: HttpClient;
  /** Public AppView (default `https://public.api.bsky.app`). */
  appViewUrl?: string;
  serviceAccount?: BlueskyServiceAccount;
  /** The process's service-account sessions, shared by every client (a new cache by default). */
  sessions?: BlueskySessions;
  now?: () => Date;
}

/** How long a refused service account is left alone before a job tries it again. */
const REFUSAL_BACKOFF_MS = 60 * 60_000;

/**
 * Service-account sessions shared by every Bluesky client of a process (the collector set is made per
 * job): one `createSession` per process, then refreshed, rather than one per job against its limit
 * of 300 a day; a refusal (a wrong or revoked app password) remembered for an hour, so that jobs
 * do not each spend a login on it; and a rate limit on its sign-ins or searches remembered until the
 * announced reset, so that jobs leave mentions out until then instead of waiting for it. Held in memory
 * only.
 */
export class BlueskySessions {
  private readonly entries = new Map<
    string,
    { session?: BlueskySession; refusedUntil?: number; limitedUntil?: number }
  >();

  session(key: string): BlueskySession | undefined {
    return this.entries.get(key)?.session;
  }

  keep(key: string, session: BlueskySession): void {
    this.entries.set(key, { session });
  }

  refuse(key: string, now: Date): void {
    this.entries.set(key, { refusedUntil: now.getTime() + REFUSAL_BACKOFF_MS });
  }

  /** Rate limited until `until`: a session it holds is kept for then. */
  limit(key: string, until: Date): void {
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, { session: entry.session, limitedUntil: until.getTime() });
  }

  limited(key: string, now: Date): boolean {
    const until = this.entries.get(key)?.limitedUntil;
    return until !== undefined && until > now.getTime();
  }

  refused(key: string, now: Date): boolean {
    const until = this.entries.get(key)?.refusedUntil;
    return until !== undefined && until > now.getTime();
  }
}

type Query = Record<string, string | number | string[] | undefined>;

const rateLimitHeaders = epochSecondsRateLimitHeaders('ratelimit');

/** The XRPC calls the Bluesky collector makes, each validated against its lexicon's schema. */
export class BlueskyClient {
  private readonly http: HttpClient;
  private readonly appViewUrl: string;
  private readonly serviceAccount: BlueskyServiceAccount | undefined;
  private readonly sessions: BlueskySessions;
  private readonly now: () => Date;

  constructor(options: BlueskyClientOptions) {
    this.http = options.http;
    this.appViewUrl = options.appViewUrl ?? 'https://public.api.bsky.app';
    this.serviceAccount = options.serviceAccount;
    this.sessions = options.sessions ?? new BlueskySessions();
    this.now = options.now ?? (() => new Date());
  }

  /** Whether mentions can be searched now: a service account is configured and was not just refused. */
  get mentionsCoverage(): MentionsCoverage {
    if (!this.serviceAccount) return 'no-service-account';
    const key = this.sessionKey();
    if (this.sessions.refused(key, this.now())) return 'service-account-refused';
    return this.sessions.limited(key, this.now()) ? 'service-account-rate-limited' : 'collected';
  }

  getProfile(actor: string, signal?: AbortSignal) {
    return this.query('app.bsky.actor.getProfile', { actor }, profileViewDetailedSchema, signal);
  }

  getAuthorFeed(actor: string, cursor: string | undefined, signal?: AbortSignal) {
    return this.query(
      'app.bsky.feed.getAuthorFeed',
      { actor, limit: 100, filter: 'posts_with_replies', cursor },
      getAuthorFeedSchema,
      signal,
    );
  }

  /** At most 25 URIs a call (the lexicon's `maxLength`). */
  getPosts(uris: string[], signal?: AbortSignal) {
    return this.query('app.bsky.feed.getPosts', { uris }, getPostsSchema, signal);
  }

  getFollowers(actor: string, cursor: string | undefined, signal?: AbortSignal) {
    return this.query(
      'app.bsky.graph.getFollowers',
      { actor, limit: 100, cursor },
      getFollowersSchema,
      signal,
    );
  }
  getFollows(actor: string, cursor: string | undefined, signal?: AbortSignal) {
    return this.query('app.bsky.graph.getFollows', { actor, limit: 100, cursor }, getFollowsSchema, signal);
  }

  /** The thread below a post, or null when the post has been deleted (`NotFound`). */
  async getPostThread(uri: string, signal?: AbortSignal): Promise<ThreadNode | null> {
    const method = 'app.bsky.feed.getPostThread';
    const url = this.url(this.appViewUrl, method, { uri, depth: 10, parentHeight: 0 });
    const { data, response } = await this.http.requestJson(
      {
        platform: 'bluesky',
        method,
        url,
        signal,
        rateLimitHeaders,
        classifyError: classifyXrpcError(method),
        acceptStatuses: [400],
      },
      z.unknown(),
    );
    if (response.status === 400) {
      if (readXrpcError(response)?.error === 'NotFound') return null;
      throw (
        classifyXrpcError(method)(response) ??
        new MalformedPayloadError(
          'bluesky',
          method,
          '',
          `unexpected HTTP 400: ${response.body.slice(0, 200)}`,
        )
      );
    }
    return parsePayload(getPostThreadSchema, data, { platform: 'bluesky', method }).thread;
  }

  /** Posts mentioning `actor` since `since`, one page; needs the service account. */
  async searchMentions(actor: string, since: Date, cursor: string | undefined, signal?: AbortSignal) {
    const method = 'app.bsky.feed.searchPosts';
    const params: Query = {
      q: '*',
      mentions: actor,
      since: since.toISOString(),
      sort: 'latest',
      limit: 100,
      cursor,
    };
    return this.authorised(async (session) => {
      const { data } = await this.http.requestJson(
        {
          platform: 'bluesky',
          method,
          url: this.url(this.serviceUrl(), method, params),
          headers: { authorization: `Bearer ${session.accessJwt}` },
          signal,
          rateLimitHeaders,
          classifyError: classifyXrpcError(method),
        },
        searchPostsSchema,
      );
      return data;
    }, signal);
  }

  private async query<S extends z.ZodType>(
    method: string,
    params: Query,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    const { data } = await this.http.requestJson(
      {
        platform: 'bluesky',
        method,
        url: this.url(this.appViewUrl, method, params),
        signal,
        rateLimitHeaders,
        classifyError: classifyXrpcError(method),
      },
      schema,
    );
    return data;
  }

  /**
   * Runs `call` with the process's session; an expired access token is refreshed once, and only a
   * refresh refused (its token expired or revoked) makes a new session: a refresh that failed otherwise
   * (rate limited, the server down) fails the call without spending a sign-in. Credentials refused, or a
   * fresh session refused too, mean the service account is at fault, not the councillor's account: it
   * is marked refused (`mentionsCoverage`) and the `UnauthorisedError` thrown for the caller to leave
   * mentions out. A rate limit on its sign-ins or searches is the service account's too: it is marked
   * limited until the reset, and the `RateLimitedError` thrown for the caller to leave mentions out.
   */
  private async authorised<T>(
    call: (session: BlueskySession) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const key = this.sessionKey();
    try {
      let session = this.sessions.session(key);
      if (!session) {
        session = await this.createSession(signal);
        this.sessions.keep(key, session);
      }
      try {
        return await call(session);
      } catch (error) {
        if (!(error instanceof UnauthorisedError)) throw error;
        const expired = session;
        session = await this.refreshSession(expired, signal).catch((refreshError: unknown) => {
          if (refreshError instanceof UnauthorisedError) return this.createSession(signal);
          throw refreshError;
        });
        this.sessions.keep(key, session);
        return await call(session);
      }
    } catch (error) {
      if (error instanceof UnauthorisedError) this.sessions.refuse(key, this.now());
      if (error instanceof RateLimitedError) this.sessions.limit(key, error.resetAt);
      throw error;
    }
  }

  private sessionKey(): string {
    return `${this.serviceUrl()}\u0000${this.serviceAccount?.identifier ?? ''}`;
  }

  private async createSession(signal?: AbortSignal): Promise<BlueskySession> {
    const account = this.serviceAccount;
    const method = 'com.atproto.server.createSession';
    if (!account) throw new UnauthorisedError('bluesky', method, 'no service account configured');
    const { data } = await this.http.requestJson(
      {
        platform: 'bluesky',
        method,
        url: this.url(this.serviceUrl(), method, {}),
        httpMethod: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: account.identifier, password: account.appPassword }),
        signal,
        rateLimitHeaders,
        classifyError: (response) =>
          response.status === 400 || response.status === 401
            ? new UnauthorisedError(
                'bluesky',
                method,
                `service account refused: ${readXrpcError(response)?.error ?? response.status}`,
              )
            : undefined,
      },
      sessionSchema,
    );
    return data;
  }

  private async refreshSession(session: BlueskySession, signal?: AbortSignal): Promise<BlueskySession> {
    const method = 'com.atproto.server.refreshSession';
    const { data } = await this.http.requestJson(
      {
        platform: 'bluesky',
        method,
        url: this.url(this.serviceUrl(), method, {}),
        httpMethod: 'POST',
        headers: { authorization: `Bearer ${session.refreshJwt}` },
        signal,
        rateLimitHeaders,
        classifyError: classifyXrpcError(method),
      },
      sessionSchema,
    );
    return data;
  }

  private serviceUrl(): string {
    return this.serviceAccount?.serviceUrl ?? 'https://bsky.social';
  }

  private url(base: string, method: string, params: Query): URL {
    const url = new URL(`xrpc/${method}`, base.endsWith('/') ? base : `${base}/`);
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    return url;
  }
}
