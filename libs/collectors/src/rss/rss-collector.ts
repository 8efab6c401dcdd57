import { z } from 'zod';
import type {
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
import { MalformedPayloadError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { noRateLimitHeaders } from '../http/rate-limit-headers';
import { parseFeed } from './feed-parser';
import type { FeedEntry, ParsedFeed } from './feed-parser';

export interface RssCollectorOptions {
  http: HttpClient;
  now?: () => Date;
}

/**
 * What the last fetch of a feed saw: its validators for a conditional GET, and the ids of the
 * entries it held (feeds have no paging; anything not seen before is new).
 */
const cursorSchema = z.object({
  v: z.literal(1),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  seen: z.array(z.string()),
});
type RssCursor = z.output<typeof cursorSchema>;

/** Feeds hold their newest 10–50 entries; remembering a few hundred ids is ample. */
const SEEN_LIMIT = 500;
const METHOD = 'GET feed';
const ACCEPT =
  'application/rss+xml, application/atom+xml;q=0.95, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

/** A councillor's blog: RSS 2.0 or Atom, the "detail" channel. No followers, no engagement counts. */
export class RssCollector implements Collector {
  readonly platform = 'rss' as const;
  readonly role = 'detail' as const;
  readonly capabilities: CollectorCapabilities = {
    followerList: false,
    followingList: false,
    replies: false,
    refreshPosts: false,
    mentions: false,
  };
  private readonly http: HttpClient;
  private readonly now: () => Date;

  constructor(options: RssCollectorOptions) {
    this.http = options.http;
    this.now = options.now ?? (() => new Date());
  }

  async fetchProfile({ handle, signal }: FetchProfileParams): Promise<CollectedProfile> {
    const url = feedUrl(handle);
    const { feed } = await this.get(url, null, signal);
    if (!feed) throw new MalformedPayloadError('rss', METHOD, '', 'HTTP 304 to an unconditional GET');
    return {
      externalId: url.toString(),
      handle: url.toString(),
      displayName: feed.title || null,
      url: feed.siteUrl ?? url.toString(),
      followersCount: null,
      followingCount: null,
      postsCount: null,
      followersListed: false,
    };
  }

  /** A conditional GET; on 200, every entry not seen last time (and, on a first run, not older than `since`). */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const known = decodeCursor(cursor);
    const { feed, response } = await this.get(feedUrl(account.externalId ?? account.handle), known, signal);
    if (!feed) return { items: [], nextCursor: cursor };
    const seen = new Set(known?.seen ?? []);
    const fetchedAt = this.now().toISOString();
    const items = feed.entries
      .filter((entry) => !seen.has(entry.id))
      .filter(
        (entry) => known !== null || (entry.publishedAt !== null && entry.publishedAt >= since.toISOString()),
      )
      .map((entry) => mapEntry(entry, fetchedAt))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const next: RssCursor = {
      v: 1,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      seen: [...new Set([...feed.entries.map((entry) => entry.id), ...(known?.seen ?? [])])].slice(
        0,
        SEEN_LIMIT,
      ),
    };
    return { items, nextCursor: JSON.stringify(next) };
  }

  refreshPosts(_params: RefreshPostsParams): Promise<CollectedPost[]> {
    return Promise.resolve([]);
  }

  /** A blog has no public follower list. */
  fetchFollowers(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }
  /** A blog follows nobody. */
  fetchFollowing(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }

  fetchInteractions(_params: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    return Promise.resolve([]);
  }

  private async get(
    url: URL,
    known: RssCursor | null,
    signal?: AbortSignal,
  ): Promise<{ feed: ParsedFeed | null; response: HttpResponse }> {
    const headers: Record<string, string> = { accept: ACCEPT };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const response = await this.http.request({
      platform: 'rss',
      method: METHOD,
      url,
      headers,
      signal,
      rateLimitHeaders: noRateLimitHeaders,
      acceptStatuses: [304],
    });
    if (response.status === 304) return { feed: null, response };
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) && !/xhtml\+xml/i.test(contentType)) {
      throw new MalformedPayloadError('rss', METHOD, '', `expected a feed, got ${contentType}`);
    }
    return { feed: parseFeed(response.body, response.url || url.toString()), response };
  }
}

function feedUrl(handle: string): URL {
  try {
    const url = new URL(handle);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below.
  }
  throw new MalformedPayloadError('rss', METHOD, 'handle', `"${handle}" is not a feed URL`);
}

function decodeCursor(text: string | null): RssCursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** An undated entry first seen now is dated now: it is new to us, and a period needs a date. */
function mapEntry(entry: FeedEntry, fetchedAt: string): CollectedPost {
  return {
    externalId: entry.id,
    url: entry.url,
    createdAt: entry.publishedAt ?? fetchedAt,
    kind: 'original',
    text: [entry.title, entry.text].filter(Boolean).join('\n\n'),
    likes: 0,
    reposts: 0,
    replies: entry.comments,
    quotes: 0,
    links: entry.links,
    inReplyTo: null,
  };
}
