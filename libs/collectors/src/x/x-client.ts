import { z } from 'zod';
import { RateLimitedError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { epochSecondsRateLimitHeaders } from '../http/rate-limit-headers';
import { startOfNextMonthUtc } from './x-read-budget';
import type { XReadBudget, XReadKind, XReadReservation } from './x-read-budget';
import { xProblemSchema, xTweetsPageSchema, xUserResponseSchema, xUsersPageSchema } from './x-schemas';

export interface XClientOptions {
  http: HttpClient;
  bearerToken: string;
  /** Default `https://api.x.com`. */
  baseUrl?: string;
  /** The monthly read budget; without one, reads are not limited by cost. */
  budget?: XReadBudget;
  now?: () => Date;
}

/** The monthly X budget would be exceeded: collection waits until it renews. */
export class XBudgetExhaustedError extends RateLimitedError {
  constructor(method: string, resetAt: Date) {
    super('x', method, resetAt);
    this.message = `x ${method}: monthly read budget spent until ${resetAt.toISOString()}`;
  }
}

const TWEET_FIELDS =
  'created_at,public_metrics,referenced_tweets,entities,in_reply_to_user_id,conversation_id,author_id,edit_history_tweet_ids';
const USER_FIELDS = 'public_metrics,description,location,protected';
const rateLimitHeaders = epochSecondsRateLimitHeaders('x-rate-limit');

/**
 * X's own monthly cap on the council's plan is spent (429 `UsageCapExceeded`): nothing more is read
 * until it renews, so the job waits for the next month (X's billing month may start on another day:
 * the first job after the wait finds out), not for the 15-minute window its headers announce.
 */
export class XUsageCapError extends RateLimitedError {
  constructor(method: string, resetAt: Date) {
    super('x', method, resetAt);
    this.message = `x ${method}: the plan's monthly usage cap is spent; waiting until ${resetAt.toISOString()}`;
  }
}

/** The body as an X problem document, or null when it is not one. */
function problemOf(response: HttpResponse) {
  try {
    return xProblemSchema.parse(JSON.parse(response.body));
  } catch {
    return null;
  }
}

function classify(method: string, now: () => Date) {
  return (response: HttpResponse): CollectorError | undefined => {
    if (response.status === 429) {
      // Otherwise an ordinary rate limit, read from the headers.
      const problem = problemOf(response);
      return problem?.title === 'UsageCapExceeded' || problem?.type?.endsWith('/usage-capped')
        ? new XUsageCapError(method, startOfNextMonthUtc(now()))
        : undefined;
    }
    if (response.status !== 401 && response.status !== 403) return undefined;
    const problem = problemOf(response);
    let detail =
      problem?.detail ?? problem?.title ?? problem?.errors?.[0]?.message ?? `HTTP ${response.status}`;
    if (problem?.reason) detail = `${detail} (${problem.reason})`;
    return new UnauthorisedError('x', method, `bearer token refused: ${detail}`);
  };
}

type Query = Record<string, string | number | undefined>;

/** The items X bills in a payload as sent: `data`'s length (1 for a single object), before validation. */
function itemsIn(payload: unknown): number {
  if (typeof payload !== 'object' || payload === null || !('data' in payload)) return 0;
  const { data } = payload;
  if (Array.isArray(data)) return data.length;
  return typeof data === 'object' && data !== null ? 1 : 0;
}

/**
 * What one request cost, retries included. X bills every 200 it sends by the items it carries, so
 * each attempt is counted on its own, from the payload as sent (one that then fails validation was
 * billed all the same). The HTTP client retries inside one call and runs `beforeAttempt` and
 * `afterAttempt` (with the status) for each, and the schema sees each body that parsed. A 200 whose
 * body did not parse (cut short) was billed for items no one can count: it is counted as the
 * attempt that parsed, or as the most the request could return if none did. An attempt with no
 * answer, or an error status, is not billed.
 */
class BilledReads {
  private attempt = 0;
  private readonly answered = new Set<number>();
  private readonly items = new Map<number, number>();

  constructor(private readonly maxReads: number) {}

  startAttempt(attempt: number): void {
    this.attempt = attempt;
  }

  ended(attempt: number, status: number | null): void {
    if (status !== null && status >= 200 && status < 300) this.answered.add(attempt);
  }

  parsed(payload: unknown): void {
    this.items.set(this.attempt, itemsIn(payload));
  }

  get total(): number {
    let total = 0;
    let last: number | undefined;
    for (const count of this.items.values()) {
      total += count;
      last = count;
    }
    let unread = 0;
    for (const attempt of this.answered) if (!this.items.has(attempt)) unread += 1;
    return total + unread * (last ?? this.maxReads);
  }
}

/** X API v2 with an app-only bearer token; every read is checked against the monthly budget. */
export class XClient {
  private readonly http: HttpClient;
  private readonly bearerToken: string;
  private readonly baseUrl: string;
  private readonly budget: XReadBudget | undefined;
  private readonly now: () => Date;

  constructor(options: XClientOptions) {
    this.http = options.http;
    this.bearerToken = options.bearerToken;
    this.baseUrl = options.baseUrl ?? 'https://api.x.com';
    this.budget = options.budget;
    this.now = options.now ?? (() => new Date());
  }

  userByUsername(username: string, signal?: AbortSignal) {
    return this.read(
      'GET /2/users/by/username/:username',
      `/2/users/by/username/${encodeURIComponent(username)}`,
      { 'user.fields': USER_FIELDS },
      xUserResponseSchema,
      'user',
      1,
      signal,
    );
  }

  tweets(
    userId: string,
    page: { sinceId?: string; startTime?: string; paginationToken?: string },
    signal?: AbortSignal,
  ) {
    const query = {
      max_results: 100,
      'tweet.fields': TWEET_FIELDS,
      since_id: page.sinceId,
      start_time: page.startTime,
      pagination_token: page.paginationToken,
    };
    return this.read(
      'GET /2/users/:id/tweets',
      `/2/users/${encodeURIComponent(userId)}/tweets`,
      query,
      xTweetsPageSchema,
      'post',
      100,
      signal,
    );
  }

  mentions(userId: string, page: { startTime: string; paginationToken?: string }, signal?: AbortSignal) {
    const query = {
      max_results: 100,
      'tweet.fields': TWEET_FIELDS,
      start_time: page.startTime,
      pagination_token: page.paginationToken,
    };
    return this.read(
      'GET /2/users/:id/mentions',
      `/2/users/${encodeURIComponent(userId)}/mentions`,
      query,
      xTweetsPageSchema,
      'post',
      100,
      signal,
    );
  }

  /** Up to 100 ids a call. */
  tweetsByIds(ids: string[], signal?: AbortSignal) {
    return this.read(
      'GET /2/tweets',
      '/2/tweets',
      { ids: ids.join(','), 'tweet.fields': TWEET_FIELDS },
      xTweetsPageSchema,
      'post',
      ids.length,
      signal,
    );
  }

  /** A page of up to `maxResults` users (1 to 1,000): the read budget holds back that many. */
  followers(userId: string, paginationToken: string | undefined, signal?: AbortSignal, maxResults = 1000) {
    const query = {
      max_results: maxResults,
      'user.fields': 'description,location',
      pagination_token: paginationToken,
    };
    return this.read(
      'GET /2/users/:id/followers',
      `/2/users/${encodeURIComponent(userId)}/followers`,
      query,
      xUsersPageSchema,
      'user',
      maxResults,
      signal,
    );
  }
  /** A page of up to `maxResults` users (1 to 1,000): the read budget holds back that many. */
  following(userId: string, paginationToken: string | undefined, signal?: AbortSignal, maxResults = 1000) {
    const query = {
      max_results: maxResults,
      'user.fields': 'description,location',
      pagination_token: paginationToken,
    };
    return this.read(
      'GET /2/users/:id/following',
      `/2/users/${encodeURIComponent(userId)}/following`,
      query,
      xUsersPageSchema,
      'user',
      maxResults,
      signal,
    );
  }

  private async read<S extends z.ZodType>(
    method: string,
    path: string,
    query: Query,
    schema: S,
    kind: XReadKind,
    maxReads: number,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    // What this request may cost is held before each attempt that could be billed beyond it: the
    // first, and a retry after an attempt X billed (a 200 cut short), so that retries never carry
    // the month past its budget. A retry after an error status or a dropped connection costs nothing
    // more and needs nothing more held.
    const budget = this.budget;
    const reservations: XReadReservation[] = [];
    const hold = async (): Promise<void> => {
      if (!budget) return;
      const reservation = await budget.reserve({ kind, maxReads });
      if (!reservation) throw new XBudgetExhaustedError(method, budget.renewsAt());
      reservations.push(reservation);
    };
    await hold();
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const billed = new BilledReads(maxReads);
    try {
      const { data } = await this.http.requestJson(
        {
          platform: 'x',
          method,
          url,
          headers: { authorization: `Bearer ${this.bearerToken}` },
          signal,
          rateLimitHeaders,
          // X's limits are per endpoint: one endpoint's spent window says nothing of another's.
          rateLimitScope: method,
          beforeAttempt: async (attempt) => {
            const held = reservations.reduce((sum, reservation) => sum + reservation.reserved, 0);
            if (attempt > 1 && held - billed.total < maxReads) await hold();
            billed.startAttempt(attempt);
          },
          afterAttempt: (attempt, status) => billed.ended(attempt, status),
          classifyError: classify(method, this.now),
        },
        z.preprocess((payload) => {
          billed.parsed(payload);
          return payload;
        }, schema),
      );
      return data;
    } finally {
      // What X billed replaces what was held, in the month it was held in; a failure that X sent no 200 for cost nothing.
      for (const [i, reservation] of reservations.entries()) {
        await budget?.settle({ reservation, reads: i === 0 ? billed.total : 0 });
      }
    }
  }
}
