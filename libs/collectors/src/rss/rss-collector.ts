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
import type { HttpClient } from '../http/http-client';
import { parseFeed } from './feed-parser';
import type { FeedEntry, ParsedFeed } from './feed-parser';

export interface RssCollectorOptions {
  http: HttpClient;
  now?: () => Date;
}

/**
 * What the last fetch of a feed saw: its validators for a conditional GET, the ids of the entries
 * it held (feeds have no paging; anything not seen before is new), and the feed's title and site,
 * which are the profile when the server answers 304. Cursors stored before `feed` was kept lack
 * it; their profile read is unconditional, and the posts cursor it leads to has it.
 */
const cursorSchema = z.object({
  v: z.literal(1),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  seen: z.array(z.string()),
  feed: z.object({ title: z.string(), siteUrl: z.string().nullable() }).optional(),
});
type RssCursor = z.output<typeof cursorSchema>;
type FeedHeader = Pick<ParsedFeed, 'title' | 'siteUrl'>;

/** A feed as one 200 answer held it, with the validators that came with it. */
interface FeedRead {
  feed: ParsedFeed;
  etag: string | null;
  lastModified: string | null;
}

/**
 * What `fetchProfile` learnt of a feed, for the `fetchPosts` that follows: the feed it read, or
 * that the server answered 304 to the validators of `cursor`.
 */
type ProfileRead = { url: string; at: Date } & ({ read: FeedRead } | { unchangedSince: string });

/** Feeds hold their newest 10–50 entries; remembering a few hundred ids is ample. */
const SEEN_LIMIT = 500;
/**
 * How long a profile read (a 200 or a 304) stands in for the posts read that follows it. A
 * collection calls `fetchPosts` straight after `fetchProfile`; anything older is read again rather
 * than trusted.
 */
const PROFILE_READ_REUSE_MS = 10_000;
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
    mentions: 'not-offered',
  };
  private readonly http: HttpClient;
  private readonly now: () => Date;
  /**
   * What `fetchProfile` just learnt of a feed (the feed, or a 304), kept for the `fetchPosts` of the
   * same feed that follows it in a collection, so a collection makes one request. One slot: it is
   * replaced by the next profile read and dropped once used, so a collector set that resolves many
   * feeds (an import) holds at most one.
   */
  private profileRead: ProfileRead | null = null;

  constructor(options: RssCollectorOptions) {
    this.http = options.http;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The profile is the feed's title and site. Given the posts cursor of the last collection, with
   * validators and the title and site it saw, the GET is conditional and a 304 is answered from the
   * cursor; otherwise (no cursor, or one stored before it kept the title) it is unconditional.
   * What it learnt (the feed, or the 304) is kept for the `fetchPosts` that follows.
   */
  async fetchProfile({ handle, cursor, signal }: FetchProfileParams): Promise<CollectedProfile> {
    const url = feedUrl(handle);
    const known = decodeCursor(cursor ?? null);
    const conditional = known?.feed && (known.etag || known.lastModified) ? known : null;
    const read = await this.read(url, conditional, signal);
    const at = this.now();
    if (read) {
      this.profileRead = { url: url.toString(), at, read };
      return profileOf(url, read.feed);
    }
    if (!cursor || !conditional?.feed) {
      throw new MalformedPayloadError('rss', METHOD, '', 'HTTP 304 to an unconditional GET');
    }
    this.profileRead = { url: url.toString(), at, unchangedSince: cursor };
    return profileOf(url, conditional.feed);
  }

  /**
   * Every entry not seen last time (and, on a first run, not older than `since`): from what this
   * collection's profile read just learnt or, without it, from a conditional GET. A 304 (the
   * profile's, for this very cursor, or this GET's) means nothing new and the cursor unchanged. A
   * feed the profile read unconditionally is compared with the cursor like any 200; where the
   * server would have answered 304 it is the feed the cursor saw, so the outcome is the same.
   */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const known = decodeCursor(cursor);
    const url = feedUrl(account.externalId ?? account.handle);
    const kept = this.takeProfileRead(url, cursor);
    const read = kept === 'unchanged' ? null : (kept ?? (await this.read(url, known, signal)));
    if (!read) return { items: [], nextCursor: cursor };
    const { feed } = read;
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
      etag: read.etag,
      lastModified: read.lastModified,
      seen: [...new Set([...feed.entries.map((entry) => entry.id), ...(known?.seen ?? [])])].slice(
        0,
        SEEN_LIMIT,
      ),
      feed: { title: feed.title, siteUrl: feed.siteUrl },
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

  /**
   * What the profile's read learnt of this feed, once, if it is recent enough to be this
   * collection's read: the feed, or 'unchanged' for a 304 to the validators of this `cursor`.
   */
  private takeProfileRead(url: URL, cursor: string | null): FeedRead | 'unchanged' | null {
    const kept = this.profileRead;
    if (!kept || kept.url !== url.toString()) return null;
    this.profileRead = null;
    if (this.now().getTime() - kept.at.getTime() > PROFILE_READ_REUSE_MS) return null;
    if ('read' in kept) return kept.read;
    return kept.unchangedSince === cursor ? 'unchanged' : null;
  }

  /** A GET, conditional when the cursor holds validators; null when the feed is unchanged (304). */
  private async read(url: URL, known: RssCursor | null, signal?: AbortSignal): Promise<FeedRead | null> {
    const headers: Record<string, string> = { accept: ACCEPT };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const response = await this.http.request({
      platform: 'rss',
      method: METHOD,
      url,
      headers,
      signal,
      // Feeds announce no request budget: no `rateLimitHeaders`, so the gate is not asked.
      acceptStatuses: [304],
    });
    if (response.status === 304) return null;
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) && !/xhtml\+xml/i.test(contentType)) {
      throw new MalformedPayloadError('rss', METHOD, '', `expected a feed, got ${contentType}`);
    }
    return {
      feed: parseFeed(response.body, response.url || url.toString()),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
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

function profileOf(url: URL, feed: FeedHeader): CollectedProfile {
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
