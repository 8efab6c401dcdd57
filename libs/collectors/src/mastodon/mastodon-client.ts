import { z } from 'zod';
import { AccountGoneError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { isoResetRateLimitHeaders } from '../http/rate-limit-headers';
import { parsePayload } from '../http/schema-validation';
import { linkHeaderParam } from './mastodon-handle';
import type { MastodonHandle } from './mastodon-handle';
import {
  accountListSchema,
  contextSchema,
  mastodonAccountSchema,
  mastodonErrorSchema,
  mastodonStatusSchema,
  statusListSchema,
} from './mastodon-schemas';

export interface MastodonClientOptions {
  http: HttpClient;
  /** When set, every instance's requests go here (the sandbox); otherwise `https://<instance>`. */
  baseUrlOverride?: string;
}

type Query = Record<string, string | number | string[] | undefined>;

function errorText(response: HttpResponse): string {
  try {
    const parsed = mastodonErrorSchema.safeParse(JSON.parse(response.body));
    if (parsed.success) return parsed.data.error;
  } catch {
    // Not a JSON error body: fall through to the status.
  }
  return `HTTP ${response.status}`;
}

function classify(method: string, instance: string) {
  return (response: HttpResponse): CollectorError | undefined => {
    switch (response.status) {
      case 401:
      case 403:
        return new UnauthorisedError(
          'mastodon',
          method,
          `${instance} refuses logged-out access (${errorText(response)})`,
        );
      case 404:
      case 410:
        return new AccountGoneError('mastodon', method, `${errorText(response)} on ${instance}`);
      default:
        return undefined;
    }
  };
}

/** An account's id on the instance and its address there: what naming a person needs. */
const accountAddressSchema = z.object({ id: z.string(), acct: z.string() });

/** Public (logged-out) Mastodon REST calls against any instance. */
export class MastodonClient {
  private readonly http: HttpClient;
  private readonly baseUrlOverride: string | undefined;

  constructor(options: MastodonClientOptions) {
    this.http = options.http;
    this.baseUrlOverride = options.baseUrlOverride;
  }

  /** `GET /api/v1/accounts/lookup?acct=`: the full `user@instance` when every instance is one server. */
  lookup(handle: MastodonHandle, signal?: AbortSignal) {
    const acct = this.baseUrlOverride ? `${handle.username}@${handle.instance}` : handle.username;
    return this.get(
      handle.instance,
      'GET /api/v1/accounts/lookup',
      '/api/v1/accounts/lookup',
      { acct },
      mastodonAccountSchema,
      signal,
    ).then((r) => r.data);
  }

  /** `GET /api/v1/accounts/:id/statuses`: `max_id` pages back, `min_id` pages forward from a known status. */
  async statuses(
    instance: string,
    accountId: string,
    page: { maxId?: string; minId?: string },
    signal?: AbortSignal,
  ) {
    const path = `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`;
    const { data } = await this.get(
      instance,
      'GET /api/v1/accounts/:id/statuses',
      path,
      { limit: 40, max_id: page.maxId, min_id: page.minId },
      statusListSchema,
      signal,
    );
    return data;
  }

  /** `GET /api/v1/statuses?id[]=` (Mastodon ≥ 4.3, 20 at most); null when the instance is older. */
  statusesByIds(instance: string, ids: string[], signal?: AbortSignal) {
    return this.getUnlessGone(
      instance,
      'GET /api/v1/statuses',
      '/api/v1/statuses',
      { 'id[]': ids },
      statusListSchema,
      [404],
      signal,
    );
  }

  /**
   * `GET /api/v1/accounts/:id`, by the id this instance gives the account: its `id` and `acct` only,
   * all a reply's target needs; null when it is gone.
   */
  account(instance: string, accountId: string, signal?: AbortSignal) {
    const path = `/api/v1/accounts/${encodeURIComponent(accountId)}`;
    return this.getUnlessGone(
      instance,
      'GET /api/v1/accounts/:id',
      path,
      {},
      accountAddressSchema,
      [404, 410],
      signal,
    );
  }

  /** `GET /api/v1/statuses/:id`; null when the status is deleted. */
  status(instance: string, id: string, signal?: AbortSignal) {
    const path = `/api/v1/statuses/${encodeURIComponent(id)}`;
    return this.getUnlessGone(
      instance,
      'GET /api/v1/statuses/:id',
      path,
      {},
      mastodonStatusSchema,
      [404],
      signal,
    );
  }

  /** `GET /api/v1/accounts/:id/followers`, 80 a page; the next page's `max_id` comes from the `Link` header. */
  followers(instance: string, accountId: string, maxId: string | undefined, signal?: AbortSignal) {
    return this.accountPage(instance, accountId, 'followers', maxId, signal);
  }

  /** `GET /api/v1/accounts/:id/following`, paged the same way. */
  following(instance: string, accountId: string, maxId: string | undefined, signal?: AbortSignal) {
    return this.accountPage(instance, accountId, 'following', maxId, signal);
  }

  private async accountPage(
    instance: string,
    accountId: string,
    list: 'followers' | 'following',
    maxId: string | undefined,
    signal?: AbortSignal,
  ) {
    const path = `/api/v1/accounts/${encodeURIComponent(accountId)}/${list}`;
    const { data, response } = await this.get(
      instance,
      `GET /api/v1/accounts/:id/${list}`,
      path,
      { limit: 80, max_id: maxId },
      accountListSchema,
      signal,
    );
    return { accounts: data, nextMaxId: linkHeaderParam(response.headers.get('link'), 'next', 'max_id') };
  }

  /** `GET /api/v1/statuses/:id/context`; null when the status is deleted. */
  context(instance: string, statusId: string, signal?: AbortSignal) {
    const path = `/api/v1/statuses/${encodeURIComponent(statusId)}/context`;
    return this.getUnlessGone(
      instance,
      'GET /api/v1/statuses/:id/context',
      path,
      {},
      contextSchema,
      [404],
      signal,
    );
  }

  private get<S extends z.ZodType>(
    instance: string,
    method: string,
    path: string,
    query: Query,
    schema: S,
    signal?: AbortSignal,
  ) {
    return this.http.requestJson(this.request(instance, method, path, query, signal), schema);
  }

  /**
   * A GET for which the `gone` statuses mean "not there" (null) rather than a failure of the
   * collection; any other answer is parsed by `schema`.
   */
  private async getUnlessGone<S extends z.ZodType>(
    instance: string,
    method: string,
    path: string,
    query: Query,
    schema: S,
    gone: number[],
    signal?: AbortSignal,
  ): Promise<z.output<S> | null> {
    const { data, response } = await this.http.requestJson(
      { ...this.request(instance, method, path, query, signal), acceptStatuses: gone },
      z.unknown(),
    );
    return gone.includes(response.status)
      ? null
      : parsePayload(schema, data, { platform: 'mastodon', method });
  }

  private request(instance: string, method: string, path: string, query: Query, signal?: AbortSignal) {
    const url = new URL(path, this.baseUrlOverride ?? `https://${instance}`);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    return {
      platform: 'mastodon' as const,
      method,
      url,
      signal,
      rateLimitHeaders: isoResetRateLimitHeaders,
      classifyError: classify(method, instance),
    };
  }
}
