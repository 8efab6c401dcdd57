import { z } from 'zod';
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
import { AccountGoneError, MalformedPayloadError } from '../errors';
import { isYouTubeChannelId, YOUTUBE_CHANNEL_ID } from '../identifiers';
import type { YouTubeChannelSelector, YouTubeClient } from './youtube-client';
import type { YouTubeChannel, YouTubeComment, YouTubeVideo } from './youtube-schemas';

export interface YouTubeCollectorOptions {
  client: YouTubeClient;
  /** Safety bound on pages in one call (50 videos or 100 threads a page; default 20). */
  maxPages?: number;
  /**
   * Threads whose replies one `fetchInteractions` call may read with `comments.list` (default 20),
   * those left unread before first: see there. Bounds the quota a re-read of busy videos can spend on
   * the shared key.
   */
  maxThreadReplyReads?: number;
}

const cursorSchema = z.object({ v: z.literal(1), newestVideoId: z.string(), newestAt: z.string() });
const VIDEOS_BATCH = 50;
const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;

/** The paths of a youtube.com address the API can look up: `/@handle`, `/channel/UC…`, `/user/<name>`. */
const KNOWN_PATH = new RegExp(
  String.raw`^(?:(@[^/]+)|channel/(${YOUTUBE_CHANNEL_ID})|user/([^/]+))(?:/|$)`,
  'i',
);

/**
 * `@handle`, `handle`, a channel id (`UC…`), or a youtube.com address: `/@handle`, `/channel/UC…` or
 * the legacy `/user/<name>`. A custom address (`/c/<name>`, `/<name>`) has no API lookup: it is refused
 * with a message that asks for the @handle or the channel id, before any request.
 */
export function youTubeChannelSelector(handle: string): YouTubeChannelSelector {
  const trimmed = handle.trim();
  const url = /^https?:\/\/(?:www\.|m\.)?youtube\.com\/([^?#]*)/i.exec(trimmed);
  if (url) {
    const path = url[1];
    const known = KNOWN_PATH.exec(path);
    if (known?.[1]) return { forHandle: known[1] };
    // Case-sensitive, although the path's words are not: `/channel/uc…` is no channel's id.
    if (known?.[2] && isYouTubeChannelId(known[2])) return { id: known[2] };
    if (known?.[2]) {
      throw new MalformedPayloadError(
        'youtube',
        'channels.list',
        'handle',
        `"${trimmed}" does not hold a channel id: one starts with UC, in capitals`,
      );
    }
    if (known?.[3]) return { forUsername: known[3] };
    throw new MalformedPayloadError(
      'youtube',
      'channels.list',
      'handle',
      `"${trimmed}" is a custom channel address, which the YouTube API cannot look up: give the channel's @handle or its channel id (UC…) instead`,
    );
  }
  if (isYouTubeChannelId(trimmed)) return { id: trimmed };
  return { forHandle: trimmed.startsWith('@') ? trimmed : `@${trimmed}` };
}

/** Every channel's uploads playlist is its id with `UC` replaced by `UU`: no request needed to find it. */
export function uploadsPlaylistId(channelId: string): string {
  return channelId.startsWith('UC') ? `UU${channelId.slice(2)}` : channelId;
}

function mapChannel(channel: YouTubeChannel): CollectedProfile {
  const handle = channel.snippet.customUrl ?? channel.id;
  return {
    externalId: channel.id,
    handle,
    displayName: channel.snippet.title,
    url: channel.snippet.customUrl
      ? `https://www.youtube.com/${channel.snippet.customUrl}`
      : `https://www.youtube.com/channel/${channel.id}`,
    followersCount: channel.statistics?.hiddenSubscriberCount
      ? null
      : (channel.statistics?.subscriberCount ?? null),
    followingCount: null,
    postsCount: channel.statistics?.videoCount ?? null,
    followersListed: false,
  };
}

function mapVideo(video: YouTubeVideo): CollectedPost {
  const description = video.snippet.description ?? '';
  return {
    externalId: video.id,
    url: `https://www.youtube.com/watch?v=${video.id}`,
    createdAt: new Date(video.snippet.publishedAt).toISOString(),
    kind: 'original',
    text: [video.snippet.title, description].filter(Boolean).join('\n\n'),
    // Left out when the channel hides the video's likes: unknown, not none.
    likes: video.statistics?.likeCount ?? null,
    reposts: 0,
    replies: video.statistics?.commentCount ?? 0,
    quotes: 0,
    links: [...new Set(description.match(URL_PATTERN) ?? [])],
    inReplyTo: null,
  };
}

/** The earliest of `replies` the channel wrote, or null. */
function channelAnswer(replies: YouTubeComment[], channelId: string): string | null {
  const times = replies
    .filter((reply) => reply.snippet.authorChannelId?.value === channelId)
    .map((reply) => new Date(reply.snippet.publishedAt).toISOString());
  return times.length > 0 ? times.sort()[0] : null;
}

/** A YouTube channel with the council's API key; 1 quota unit per call. Subscribers are not listable. */
export class YouTubeCollector implements Collector {
  readonly platform = 'youtube' as const;
  readonly role = 'detail' as const;
  readonly capabilities: CollectorCapabilities = {
    followerList: false,
    followingList: false,
    replies: true,
    refreshPosts: true,
    mentions: 'not-offered',
  };
  private readonly client: YouTubeClient;
  private readonly maxPages: number;
  private readonly maxThreadReplyReads: number;

  constructor(options: YouTubeCollectorOptions) {
    this.client = options.client;
    this.maxPages = options.maxPages ?? 20;
    this.maxThreadReplyReads = options.maxThreadReplyReads ?? 20;
  }

  async fetchProfile({ handle, signal }: FetchProfileParams): Promise<CollectedProfile> {
    const response = await this.client.channel(youTubeChannelSelector(handle), signal);
    const channel = response.items?.[0];
    if (!channel) throw new AccountGoneError('youtube', 'channels.list', `no channel for ${handle}`);
    return mapChannel(channel);
  }

  /** The uploads playlist, newest first, down to the newest known video (or `since`); then statistics 50 at a time. */
  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const channelId = await this.channelId(account, signal);
    const known = decodeCursor(cursor);
    const floor = known ? known.newestAt : since.toISOString();
    const videoIds: string[] = [];
    let pageToken: string | undefined;
    pages: for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.playlistItems(uploadsPlaylistId(channelId), pageToken, signal);
      for (const item of response.items) {
        const publishedAt = new Date(
          item.contentDetails.videoPublishedAt ?? item.snippet.publishedAt,
        ).toISOString();
        if (item.contentDetails.videoId === known?.newestVideoId || publishedAt < floor) break pages;
        videoIds.push(item.contentDetails.videoId);
      }
      pageToken = response.nextPageToken;
      if (!pageToken) break;
    }
    const items = (await this.videos(videoIds, signal))
      .map(mapVideo)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const nextCursor =
      items.length > 0
        ? JSON.stringify({ v: 1, newestVideoId: items[0].externalId, newestAt: items[0].createdAt })
        : known
          ? cursor
          : null;
    return { items, nextCursor };
  }

  async refreshPosts({ externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    return (await this.videos(externalIds, signal)).map(mapVideo);
  }

  /** A channel's subscribers are private. */
  fetchFollowers(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }
  /** Subscriptions are private by default and not collected. */
  fetchFollowing(_params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return Promise.resolve({ items: [], nextCursor: null });
  }

  /**
   * Comment threads on videos with unread comments (one request per 100 threads), answered when the
   * channel replied in the thread. A thread carries only some of its replies: when the channel's answer
   * is not among them and replies are missing, the thread's replies are read (one request per 100).
   * Councillors rarely answer, so most threads of a busy video qualify, and again each time its count
   * grows: at most `maxThreadReplyReads` threads (default 20) are read so in one call, those left
   * unread before (`furtherRepliesUnread`) first, the longest left first, then the newest. The others
   * are given as unanswered this time (an answer already stored is kept) and marked
   * `furtherRepliesUnread`: their videos are read again for them next time, new comments or not, and
   * no thread waits for ever behind newer ones. A video read only for those reads no other thread's
   * replies: they were read when it last had new comments.
   */
  async fetchInteractions({
    account,
    posts,
    furtherRepliesUnread,
    signal,
  }: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    const channelId = await this.channelId(account, signal);
    const left = leftUnread(furtherRepliesUnread);
    const due = posts.filter((post) => hasUnreadReplies(post) || left.posts.has(post.externalId));
    const interactions: CollectedInteraction[] = [];
    const unread: Array<{ interaction: CollectedInteraction; threadId: string }> = [];
    for (const post of due) {
      const grown = hasUnreadReplies(post);
      let pageToken: string | undefined;
      for (let page = 0; page < this.maxPages; page++) {
        const response = await this.client.commentThreads(post.externalId, pageToken, signal);
        for (const thread of response.items) {
          const top = thread.snippet.topLevelComment;
          // A comment whose author YouTube withholds (a closed channel) is left out: it could be
          // neither exported nor erased.
          const author = top.snippet.authorChannelId?.value;
          if (author === undefined || author === channelId) continue;
          const returned = thread.replies?.comments ?? [];
          const interaction: CollectedInteraction = {
            externalId: top.id,
            url: `https://www.youtube.com/watch?v=${post.externalId}&lc=${top.id}`,
            kind: 'reply',
            createdAt: new Date(top.snippet.publishedAt).toISOString(),
            authorExternalId: author,
            inReplyToExternalId: post.externalId,
            answeredAt: channelAnswer(returned, channelId),
          };
          interactions.push(interaction);
          const partial = returned.length < (thread.snippet.totalReplyCount ?? 0);
          if (!interaction.answeredAt && partial && (grown || left.replies.has(top.id)))
            unread.push({ interaction, threadId: top.id });
        }
        pageToken = response.nextPageToken;
        if (!pageToken) break;
      }
    }
    for (const { interaction, threadId } of furtherReplyReads(unread, left, this.maxThreadReplyReads)) {
      interaction.answeredAt = await this.threadAnswer(threadId, channelId, signal);
    }
    return interactions;
  }

  /**
   * The channel's first answer among all the replies of a thread. `replies.comments` of a thread is
   * only a subset of its `totalReplyCount` replies, so a thread already answered there, or returned
   * whole, is not read. The order of `comments.list` is not documented, so every page is read and the
   * earliest answer kept.
   */
  private async threadAnswer(
    threadId: string,
    channelId: string,
    signal?: AbortSignal,
  ): Promise<string | null> {
    const replies: YouTubeComment[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const response = await this.client.replies(threadId, pageToken, signal);
      replies.push(...response.items);
      pageToken = response.nextPageToken;
      if (!pageToken) break;
    }
    return channelAnswer(replies, channelId);
  }

  private async videos(ids: string[], signal?: AbortSignal): Promise<YouTubeVideo[]> {
    const videos: YouTubeVideo[] = [];
    for (let start = 0; start < ids.length; start += VIDEOS_BATCH) {
      videos.push(...(await this.client.videos(ids.slice(start, start + VIDEOS_BATCH), signal)).items);
    }
    return videos;
  }

  private async channelId(account: AccountRef, signal?: AbortSignal): Promise<string> {
    return account.externalId ?? (await this.fetchProfile({ handle: account.handle, signal })).externalId;
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
