import type { z } from 'zod';
import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
} from '../errors';
import type { CollectorError } from '../errors';
import type { Platform } from '../platform';
import { abortableSleep } from './abortable-sleep';
import type { Sleep } from './abortable-sleep';
import { fullJitterDelayMs } from './backoff';
import { BudgetSpentError } from './rate-limit-gate';
import type { RateLimitGate, RateLimitObservation, RateLimitPermit } from './rate-limit-gate';
import type { RateLimitHeaderReader } from './rate-limit-headers';
import { parseRetryAfter } from './retry-after';
import { parsePayload } from './schema-validation';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  url: string;
}

export interface HttpRequest {
  platform: Platform;
  /** The platform's API method, named in every error: `app.bsky.feed.getAuthorFeed`, `GET /2/users/:id`. */
  method: string;
  url: URL;
  httpMethod?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * Reads the platform's budget headers. A platform that announces no budget (RSS feeds, YouTube's
   * daily quota) leaves it out: its requests bypass the gate, which could learn nothing from them,
   * and only `Retry-After` is honoured.
   */
  rateLimitHeaders?: RateLimitHeaderReader;
  /**
   * The budget those headers describe, when it is narrower than the host: X counts each endpoint
   * separately (15 follower pages, but 1,500 timeline pages, per 15 minutes), so its requests name
   * their endpoint and each has its own window in the gate.
   */
  rateLimitScope?: string;
  /**
   * Narrower budgets the request spends as well, each with its own scope in the gate and its own
   * reader of the same response. Meta counts the calls about each Page apart from the app's: a
   * request about a Page needs a permit from that Page's budget and from the host's
   * (`rateLimitHeaders`), so one Page at its limit holds back only the requests about it.
   */
  scopedRateLimits?: readonly ScopedRateLimit[];
  /** Turns a platform's error response into a typed error; `undefined` falls back to the defaults. */
  classifyError?: (response: HttpResponse) => CollectorError | undefined;
  /** Runs before every attempt, retries included (YouTube charges quota for each); may throw to stop. */
  beforeAttempt?: (attempt: number) => Promise<void> | void;
  /**
   * Runs after every attempt that was sent, with the status it was answered with (null: no answer,
   * the connection failed or timed out), before the body is read (X bills each 200 it sends).
   */
  afterAttempt?: (attempt: number, status: number | null) => void;
  /** Non-2xx statuses that are answers, not errors (304 for a conditional GET). */
  acceptStatuses?: readonly number[];
}

/** A budget narrower than the host's, kept in the gate under `<host> <scope>`. */
export interface ScopedRateLimit {
  scope: string;
  headers: RateLimitHeaderReader;
}

/** A budget a request spends: where the gate keeps it, and how a response reports it. */
interface Budget {
  host: string;
  read: RateLimitHeaderReader;
}

/** One HTTP request made (each retry counts): the API stores the count per run. */
export interface HttpRequestEvent {
  platform: Platform;
  method: string;
  host: string;
  attempt: number;
  /** Null when no response arrived (time-out, reset connection). */
  status: number | null;
  durationMs: number;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Per-request time-out (default 10 s). */
  timeoutMs?: number;
  /** Attempts per request including the first (default 4). */
  maxAttempts?: number;
  /** Backoff base and ceiling (defaults 500 ms and 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest announced wait (Retry-After, a reset) slept through in place; longer ones throw `RateLimitedError` (default 5 s). */
  maxInlineWaitMs?: number;
  gate?: RateLimitGate;
  sleep?: Sleep;
  random?: () => number;
  now?: () => Date;
  userAgent?: string;
  onRequest?: (event: HttpRequestEvent) => void;
}

/** The response could not be read whole, or its JSON does not parse: likely a cut connection. */
class RetryableFault extends Error {}

/**
 * The one HTTP client every collector uses: a time-out on every call, a shared rate-limit gate,
 * retries with exponential backoff and full jitter for 429, 5xx, time-outs and cut connections,
 * and typed errors for everything else.
 */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxInlineWaitMs: number;
  private readonly gate: RateLimitGate | undefined;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly now: () => Date;
  private readonly userAgent: string;
  private readonly onRequest: ((event: HttpRequestEvent) => void) | undefined;
  private requests = 0;

  constructor(options: HttpClientOptions = {}) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 5_000;
    this.gate = options.gate;
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.userAgent = options.userAgent ?? 'wardreach-collector/0.1 (+https://github.com/wardreach)';
    this.onRequest = options.onRequest;
  }

  /** HTTP requests made so far, retries included. */
  get requestCount(): number {
    return this.requests;
  }

  /** Sends a request and returns the raw response (2xx or an accepted status). */
  async request(request: HttpRequest): Promise<HttpResponse> {
    return this.send(request, (response) => response);
  }

  /** Sends a request and validates its JSON body against `schema`. */
  async requestJson<S extends z.ZodType>(
    request: HttpRequest,
    schema: S,
  ): Promise<{ data: z.output<S>; response: HttpResponse }> {
    return this.send(request, (response) => {
      // Some servers label JSON as text/plain; only a body that cannot be JSON under a non-JSON type is refused outright.
      const contentType = response.headers.get('content-type');
      if (contentType !== null && !/json/i.test(contentType) && !/^\s*[[{]/.test(response.body)) {
        throw new MalformedPayloadError(
          request.platform,
          request.method,
          '',
          `expected JSON, got ${contentType}`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch (error) {
        throw new RetryableFault(
          `JSON does not parse (${(error as Error).message}); the body may have been cut short`,
        );
      }
      return { data: parsePayload(schema, json, request), response };
    });
  }

  private async send<T>(request: HttpRequest, read: (response: HttpResponse) => T): Promise<T> {
    refuseUnsendableHeaders(request);
    const host = request.url.host;
    const budgets = this.budgets(request, host);
    let lastFault = 'no attempt made';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const isLast = attempt === this.maxAttempts;
      const permits = await this.acquire(request, budgets);
      try {
        await request.beforeAttempt?.(attempt);
      } catch (error) {
        await Promise.all(permits.map((permit) => permit.cancel()));
        throw error;
      }
      const started = Date.now();
      let response: HttpResponse;
      try {
        response = await this.fetchOnce(request);
      } catch (error) {
        await Promise.all(permits.map((permit) => permit.settle(null)));
        this.record(request, host, attempt, null, started);
        if (request.signal?.aborted) throw request.signal.reason;
        lastFault = describeNetworkFault(error);
        if (isLast) break;
        await this.backoff(attempt, request.signal);
        continue;
      }
      // The host's budget, when the request spends one, is the last of them; an ungated client reads
      // its headers only for the reset a 429 waits for.
      const observations = budgets.map((budget) => budget.read(response.headers, this.now()));
      await Promise.all(permits.map((permit, i) => permit.settle(observations[i])));
      let hostObservation: RateLimitObservation | null = null;
      if (request.rateLimitHeaders) {
        hostObservation = this.gate
          ? (observations.at(-1) ?? null)
          : request.rateLimitHeaders(response.headers, this.now());
      }
      // The reset a 429 without Retry-After waits for: the host's budget's, else a narrower one's.
      const observation = hostObservation ?? observations.find((announced) => announced !== null) ?? null;
      this.record(request, host, attempt, response.status, started);

      const ok =
        (response.status >= 200 && response.status < 300) ||
        request.acceptStatuses?.includes(response.status);
      if (ok) {
        try {
          return read(response);
        } catch (error) {
          if (!(error instanceof RetryableFault)) throw error;
          lastFault = error.message;
          if (isLast) break;
          await this.backoff(attempt, request.signal);
          continue;
        }
      }

      const classified = request.classifyError?.(response);
      if (classified) throw classified;

      if (response.status === 429 || response.status === 503) {
        const resetAt =
          parseRetryAfter(response.headers.get('retry-after'), this.now()) ??
          (response.status === 429 ? (observation?.resetAt ?? null) : null);
        if (resetAt) {
          const waitMs = Math.max(0, resetAt.getTime() - this.now().getTime());
          if (waitMs > this.maxInlineWaitMs || isLast) {
            if (response.status === 429)
              throw new RateLimitedError(request.platform, request.method, resetAt);
            throw new TransientError(
              request.platform,
              request.method,
              `HTTP 503, retry after ${resetAt.toISOString()}`,
            );
          }
          lastFault = `HTTP ${response.status}`;
          await this.sleep(waitMs, request.signal);
          continue;
        }
      }
      if (response.status === 429 || response.status === 408 || response.status >= 500) {
        lastFault = `HTTP ${response.status}`;
        if (isLast) {
          if (response.status === 429) {
            throw new RateLimitedError(
              request.platform,
              request.method,
              new Date(this.now().getTime() + this.maxDelayMs),
            );
          }
          break;
        }
        await this.backoff(attempt, request.signal);
        continue;
      }
      throw defaultError(request, response);
    }
    throw new TransientError(
      request.platform,
      request.method,
      `${lastFault} after ${this.maxAttempts} attempts`,
    );
  }

  /**
   * The budgets a request spends, the narrowest first: a request waiting for a spent Page's budget
   * then holds no permit from the host's, which every other request needs. The narrow ones are taken
   * in the order of their keys, each once, so two requests naming the same scopes in another order
   * never each hold one the other waits for.
   */
  private budgets(request: HttpRequest, host: string): Budget[] {
    if (!this.gate) return [];
    const scoped = new Map<string, Budget>();
    for (const budget of request.scopedRateLimits ?? []) {
      const key = `${host} ${budget.scope}`;
      if (!scoped.has(key)) scoped.set(key, { host: key, read: budget.headers });
    }
    const budgets = [...scoped.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    if (request.rateLimitHeaders) {
      budgets.push({
        host: request.rateLimitScope ? `${host} ${request.rateLimitScope}` : host,
        read: request.rateLimitHeaders,
      });
    }
    return budgets;
  }

  /**
   * A permit from the gate for every budget, in order (none when the request is not gated). A permit
   * stops counting once the time it was asked for has run out, and those taken first are held while
   * the later budgets are waited for (a Page's, while the app's budget waits for its probe's answer):
   * each is asked to last that wait too, up to one more time-out. A wait longer than that may have
   * outlasted them, and the request would go out on a Page's budget that no longer counts it, beside
   * another request given the same call; so all of them go back and are taken again.
   */
  private async acquire(request: HttpRequest, budgets: Budget[]): Promise<RateLimitPermit[]> {
    const gate = this.gate;
    if (!gate) return [];
    const holdMs = this.timeoutMs;
    for (;;) {
      const permits: RateLimitPermit[] = [];
      let firstTakenAt = 0;
      try {
        for (const [i, budget] of budgets.entries()) {
          const held = i < budgets.length - 1;
          permits.push(
            await gate.acquire({
              platform: request.platform,
              host: budget.host,
              signal: request.signal,
              timeoutMs: held ? this.timeoutMs + holdMs : this.timeoutMs,
            }),
          );
          if (i === 0) firstTakenAt = this.now().getTime();
        }
      } catch (error) {
        // The request will not be sent: the permits already taken go back.
        await Promise.all(permits.map((permit) => permit.cancel()));
        if (error instanceof BudgetSpentError)
          throw new RateLimitedError(request.platform, request.method, error.resetAt);
        throw error;
      }
      if (permits.length < 2 || this.now().getTime() - firstTakenAt <= holdMs) return permits;
      await Promise.all(permits.map((permit) => permit.cancel()));
    }
  }

  private async fetchOnce(request: HttpRequest): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const response = await this.fetchImpl(request.url, {
      method: request.httpMethod ?? 'GET',
      headers: { 'user-agent': this.userAgent, accept: 'application/json', ...request.headers },
      body: request.body,
      signal,
      redirect: 'follow',
    });
    // Reading the body can fail on its own when the connection is cut mid-way.
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, url: response.url };
  }

  private async backoff(attempt: number, signal?: AbortSignal): Promise<void> {
    await this.sleep(fullJitterDelayMs(attempt - 1, this.baseDelayMs, this.maxDelayMs, this.random), signal);
  }

  private record(
    request: HttpRequest,
    host: string,
    attempt: number,
    status: number | null,
    started: number,
  ): void {
    this.requests += 1;
    request.afterAttempt?.(attempt, status);
    this.onRequest?.({
      platform: request.platform,
      method: request.method,
      host,
      attempt,
      status,
      durationMs: Date.now() - started,
    });
  }
}

/**
 * What went wrong on the way, by its name and code only: the message of an error raised while the
 * request was built or sent can quote its URL or a header, and with them a credential (a YouTube key
 * travels in the query, X's and Facebook's tokens in a header), which must never reach a run's error,
 * the admin's view or a log.
 */
function describeNetworkFault(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed';
  if (error.name === 'TimeoutError') return 'timed out';
  const code = (error as Error & { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' ? `the connection failed (${code})` : `the request failed (${error.name})`;
}

/**
 * A header value HTTP cannot carry (a line break, a control character, a character beyond Latin-1) is
 * refused before anything is sent, naming the header but never its value. The only such values a
 * request can hold come from configuration (a token pasted with a line break inside it), so the
 * account is unauthorised until the admin sets it again, not a network fault retried for ever.
 */
function refuseUnsendableHeaders(request: HttpRequest): void {
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) continue;
    throw new UnauthorisedError(
      request.platform,
      request.method,
      `the ${name} header cannot be sent: its value holds a line break, a control character or a character HTTP headers cannot carry (a credential pasted with one inside it?); set the credential again`,
    );
  }
}

/** What an unexplained error status means when the platform's own classifier has no opinion. */
function defaultError(request: HttpRequest, response: HttpResponse): CollectorError {
  const excerpt = response.body.slice(0, 200);
  const detail = `HTTP ${response.status}: ${excerpt}`;
  switch (response.status) {
    case 401:
    case 403:
      return new UnauthorisedError(request.platform, request.method, detail);
    case 404:
    case 410:
      return new AccountGoneError(request.platform, request.method, detail);
    default:
      // A 4xx we cannot explain means our request or their contract changed: fail loudly, do not loop.
      return new MalformedPayloadError(request.platform, request.method, '', `unexpected ${detail}`);
  }
}
