import type { AccountRef, CollectedInteraction } from '../collected';
import { AccountGoneError, MalformedPayloadError, RateLimitedError, UnauthorisedError } from '../errors';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import { YouTubeClient, YouTubeQuotaExceededError } from './youtube-client';
import { YouTubeCollector, uploadsPlaylistId, youTubeChannelSelector } from './youtube-collector';
import { InMemoryYouTubeQuota, youTubeKeyId } from './youtube-quota';
import channelsEmpty from './__fixtures__/channels.empty.json';
import channels from './__fixtures__/channels.json';
import commentThreads from './__fixtures__/comment-threads.json';
import commentThreadsSomeReplies from './__fixtures__/comment-threads.some-replies.json';
import repliesPage1 from './__fixtures__/comments.replies.page-1.json';
import repliesPage2 from './__fixtures__/comments.replies.page-2.json';
import repliesUnanswered from './__fixtures__/comments.replies.unanswered.json';
import commentsDisabled from './__fixtures__/error.comments-disabled.json';
import videoNotFound from './__fixtures__/error.video-not-found.json';
import keyInvalid from './__fixtures__/error.key-invalid.json';
import playlistNotFound from './__fixtures__/error.playlist-not-found.json';
import quotaExceeded from './__fixtures__/error.quota-exceeded.json';
import playlistNewer from './__fixtures__/playlist-items.newer.json';
import playlistPage1 from './__fixtures__/playlist-items.page-1.json';
import playlistPage2 from './__fixtures__/playlist-items.page-2.json';
import videosFirstRun from './__fixtures__/videos.first-run.json';
import videosNewer from './__fixtures__/videos.newer.json';
import videosRefresh from './__fixtures__/videos.refresh.json';

const CHANNEL = 'UCk3Wq9vHanaOkaforCV0a1b';
const account: AccountRef = { platform: 'youtube', handle: '@cllrhanaokafor', externalId: CHANNEL };
const NOW = new Date('2026-03-06T12:00:00Z');
const API_KEY = 'AIza-council-key';

describe('YouTubeCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  let quota: InMemoryYouTubeQuota;
  beforeEach(async () => {
    server = await new FixtureServer().start();
    quota = new InMemoryYouTubeQuota(10_000, () => NOW);
  });
  afterEach(async () => {
    await server.stop();
  });

  function collector() {
    const { http } = fastHttpClient({ now: () => NOW });
    return new YouTubeCollector({
      client: new YouTubeClient({
        http,
        apiKey: API_KEY,
        quota,
        baseUrl: `${server.baseUrl}/youtube/v3`,
        now: () => NOW,
      }),
    });
  }

  it('finds a channel by handle, reads counts sent as strings, and keeps the key out of the URL', async () => {
    server.route('GET', '/youtube/v3/channels', { json: channels });
    expect(await collector().fetchProfile({ handle: 'https://www.youtube.com/@cllrhanaokafor' })).toEqual({
      externalId: CHANNEL,
      handle: '@cllrhanaokafor',
      displayName: 'Cllr Hana Okafor',
      url: 'https://www.youtube.com/@cllrhanaokafor',
      followersCount: 312,
      followingCount: null,
      postsCount: 41,
      followersListed: false,
    });
    expect(server.requests[0].query.get('forHandle')).toBe('@cllrhanaokafor');
    expect(server.requests[0].query.get('key')).toBeNull();
    expect(server.requests[0].headers['x-goog-api-key']).toBe(API_KEY);
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(1);
    expect(youTubeChannelSelector(CHANNEL)).toEqual({ id: CHANNEL });
  });

  it('finds a channel by its legacy /user/ address, and refuses a /c/ address, which has no lookup, without a request', async () => {
    server.route('GET', '/youtube/v3/channels', { json: channels });
    const youtube = collector();
    await expect(
      youtube.fetchProfile({ handle: 'https://www.youtube.com/user/CllrHanaOkafor/videos' }),
    ).resolves.toMatchObject({ externalId: CHANNEL });
    expect(server.requests[0].query.get('forUsername')).toBe('CllrHanaOkafor');
    expect(server.requests[0].query.get('forHandle')).toBeNull();

    const custom = await youtube
      .fetchProfile({ handle: 'https://www.youtube.com/c/CllrHanaOkafor' })
      .catch((e: unknown) => e);
    // Not "gone": the admin is asked for an address the API can look up, and the job is not retried.
    expect(custom).toBeInstanceOf(MalformedPayloadError);
    expect((custom as Error).message).toContain("give the channel's @handle or its channel id");
    expect(server.requests).toHaveLength(1);
    expect(youTubeChannelSelector(`https://youtube.com/channel/${CHANNEL}/videos`)).toEqual({ id: CHANNEL });
    expect(youTubeChannelSelector(`https://youtube.com/Channel/${CHANNEL}`)).toEqual({ id: CHANNEL });
    // Channel ids are case-sensitive: a lower-cased one names no channel, and saying so beats "gone".
    expect(() => youTubeChannelSelector(`https://youtube.com/channel/${CHANNEL.toLowerCase()}`)).toThrow(
      /does not hold a channel id: one starts with UC/,
    );
    expect(youTubeChannelSelector('https://m.youtube.com/@cllrhanaokafor')).toEqual({
      forHandle: '@cllrhanaokafor',
    });
    expect(youTubeChannelSelector('cllrhanaokafor')).toEqual({ forHandle: '@cllrhanaokafor' });
  });

  it('reports a handle with no channel as gone', async () => {
    server.route('GET', '/youtube/v3/channels', { json: channelsEmpty });
    await expect(collector().fetchProfile({ handle: '@nobody' })).rejects.toBeInstanceOf(AccountGoneError);
  });

  it('pages the uploads playlist back to `since`, reads statistics in one batch, then only what is new', async () => {
    server.enqueue(
      'GET',
      '/youtube/v3/playlistItems',
      { json: playlistPage1 },
      { json: playlistPage2 },
      { json: playlistNewer },
    );
    server.enqueue('GET', '/youtube/v3/videos', { json: videosFirstRun }, { json: videosNewer });
    const youtube = collector();
    const first = await youtube.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-01-15T00:00:00Z'),
    });
    // vidFloods003's owner hides its likes: the API leaves likeCount out, and so do we (not 0).
    expect(first.items.map((post) => [post.externalId, post.likes, post.replies])).toEqual([
      ['vidBins0001', 18, 5],
      ['vidSurgery02', 4, 0],
      ['vidFloods003', null, 1],
    ]);
    expect(first.items[0].links).toEqual([
      'https://www.kirklees.gov.uk/bins',
      'https://hanaokafor.example.org',
    ]);
    const playlistRequests = server.requestsTo('/youtube/v3/playlistItems');
    expect(playlistRequests.map((r) => [r.query.get('playlistId'), r.query.get('pageToken')])).toEqual([
      [uploadsPlaylistId(CHANNEL), null],
      [uploadsPlaylistId(CHANNEL), 'EAAaBlBUOkNESQ'],
    ]);
    expect(server.requestsTo('/youtube/v3/videos')[0].query.get('id')).toBe(
      'vidBins0001,vidSurgery02,vidFloods003',
    );
    // `maxResults` is not supported with `id` (videos.list reference): a list of ids is its own length.
    expect(server.requestsTo('/youtube/v3/videos')[0].query.has('maxResults')).toBe(false);

    const second = await youtube.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-01-15T00:00:00Z'),
    });
    expect(second.items.map((post) => post.externalId)).toEqual(['vidCarPark05']);
    expect(server.requestsTo('/youtube/v3/playlistItems')).toHaveLength(3);
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(5);
  });

  it('reads comment threads only of videos with unread comments, answered by the channel’s first reply', async () => {
    server.route('GET', '/youtube/v3/commentThreads', { json: commentThreads });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [
        { externalId: 'vidBins0001', url: 'u', replies: 7, repliesSeen: 5 },
        { externalId: 'vidFloods003', url: 'u', replies: 1, repliesSeen: 1 },
      ],
    });
    expect(server.requestsTo('/youtube/v3/videos')).toHaveLength(0);
    expect(server.requestsTo('/youtube/v3/commentThreads').map((r) => r.query.get('videoId'))).toEqual([
      'vidBins0001',
    ]);
    expect(interactions.map((i) => [i.externalId, i.authorExternalId, i.answeredAt])).toEqual([
      ['UgxThread01', 'UCresidentAAAAAAAAAAAAAA', '2026-03-04T09:00:00.000Z'],
      ['UgxThread03', 'UCresidentCCCCCCCCCCCCCC', null],
    ]);
  });

  it('leaves out a comment whose author YouTube withholds: it could be neither exported nor erased', async () => {
    const [first, ...rest] = commentThreads.items;
    const { authorChannelId: _withheld, ...snippet } = first.snippet.topLevelComment.snippet;
    const authorless = {
      ...first,
      snippet: { ...first.snippet, topLevelComment: { ...first.snippet.topLevelComment, snippet } },
    };
    server.route('GET', '/youtube/v3/commentThreads', {
      json: { ...commentThreads, items: [authorless, ...rest] },
    });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 7, repliesSeen: 5 }],
    });
    expect(interactions.map((i) => i.externalId)).toEqual(['UgxThread03']);
  });

  it('reads the replies of a thread that returned only some, without the channel’s answer, and only those', async () => {
    server.route('GET', '/youtube/v3/commentThreads', { json: commentThreadsSomeReplies });
    server.route('GET', '/youtube/v3/comments', (request) => {
      if (request.query.get('parentId') === 'UgxThread07') return { json: repliesUnanswered };
      if (request.query.get('pageToken') === 'Z2V0X25ld2VzdF9vbmU') return { json: repliesPage2 };
      return { json: repliesPage1 };
    });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 136, repliesSeen: 0 }],
    });
    expect(interactions.map((i) => [i.externalId, i.answeredAt])).toEqual([
      // The earliest of the channel's answers, on the second page of replies.
      ['UgxThread04', '2026-03-04T18:45:00.000Z'],
      ['UgxThread05', '2026-03-05T08:00:00.000Z'],
      ['UgxThread06', null],
      ['UgxThread07', null],
    ]);
    expect(
      server
        .requestsTo('/youtube/v3/comments')
        .map((r) => ['parentId', 'part', 'maxResults', 'pageToken'].map((k) => r.query.get(k))),
    ).toEqual([
      // The newest thread first.
      ['UgxThread07', 'snippet', '100', null],
      ['UgxThread04', 'snippet', '100', null],
      ['UgxThread04', 'snippet', '100', 'Z2V0X25ld2VzdF9vbmU'],
    ]);
    // 1 unit for the threads, 1 for each page of replies.
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(4);
  });

  /** 30 unanswered threads, each returned with 1 of its 3 replies, a minute apart: Thread07 copied. */
  const routeThirtyUnansweredThreads = () => {
    const template = commentThreadsSomeReplies.items[3];
    const threads = Array.from({ length: 30 }, (_, n) => ({
      ...template,
      id: `UgxMany${n}`,
      snippet: {
        ...template.snippet,
        totalReplyCount: 3,
        topLevelComment: {
          ...template.snippet.topLevelComment,
          id: `UgxMany${n}`,
          snippet: {
            ...template.snippet.topLevelComment.snippet,
            publishedAt: new Date(Date.UTC(2026, 2, 4, 10, n)).toISOString(),
          },
        },
      },
    }));
    server.route('GET', '/youtube/v3/commentThreads', {
      json: { ...commentThreadsSomeReplies, items: threads },
    });
    server.route('GET', '/youtube/v3/comments', { json: repliesUnanswered });
  };

  it('reads the replies of at most 20 threads a call (or as configured), the newest first', async () => {
    routeThirtyUnansweredThreads();
    const posts = [{ externalId: 'vidBins0001', url: 'u', replies: 90, repliesSeen: 0 }];
    const read = () => server.requestsTo('/youtube/v3/comments').map((r) => r.query.get('parentId'));

    const interactions = await collector().fetchInteractions({ account, posts });
    expect(interactions).toHaveLength(30);
    expect(read()).toEqual(Array.from({ length: 20 }, (_, n) => `UgxMany${29 - n}`));
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(21);

    server.requests.length = 0;
    const { http } = fastHttpClient({ now: () => NOW });
    const client = new YouTubeClient({
      http,
      apiKey: API_KEY,
      quota,
      baseUrl: `${server.baseUrl}/youtube/v3`,
    });
    await new YouTubeCollector({ client, maxThreadReplyReads: 2 }).fetchInteractions({ account, posts });
    expect(read()).toEqual(['UgxMany29', 'UgxMany28']);
  });

  it('marks the threads the cap left unread, and reads them first next time, new comments or not', async () => {
    routeThirtyUnansweredThreads();
    const read = () => server.requestsTo('/youtube/v3/comments').map((r) => r.query.get('parentId'));
    const range = (from: number, to: number) =>
      Array.from({ length: Math.abs(to - from) + 1 }, (_, n) => `UgxMany${from < to ? from + n : from - n}`);
    const left = (interactions: CollectedInteraction[]) =>
      interactions.filter((i) => i.furtherRepliesUnread).map((i) => i.externalId);
    const queue = (ids: string[]) => ids.map((externalId) => ({ externalId, postExternalId: 'vidBins0001' }));

    // New comments: the 20 newest threads are read, the 10 oldest left unread.
    const first = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 90, repliesSeen: 0 }],
    });
    expect(read()).toEqual(range(29, 10));
    expect(left(first)).toEqual(range(0, 9));

    // No new comment since: the video is read again for those 10, and only their replies are read.
    server.requests.length = 0;
    const second = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 90, repliesSeen: 90 }],
      furtherRepliesUnread: queue(range(0, 9)),
    });
    expect(server.requestsTo('/youtube/v3/commentThreads')).toHaveLength(1);
    expect(read()).toEqual(range(0, 9));
    expect(left(second)).toEqual([]);

    // New comments again: those left unread before come first, in the queue's order, then the newest.
    server.requests.length = 0;
    const third = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 95, repliesSeen: 90 }],
      furtherRepliesUnread: queue(range(5, 9)),
    });
    expect(read()).toEqual([...range(5, 9), ...range(29, 15)]);
    expect(left(third)).toEqual([...range(0, 4), ...range(10, 14)]);
  });

  it('stops reading replies when the daily units are spent', async () => {
    quota = new InMemoryYouTubeQuota(2, () => NOW);
    server.route('GET', '/youtube/v3/commentThreads', { json: commentThreadsSomeReplies });
    server.route('GET', '/youtube/v3/comments', { json: repliesPage1 });
    await expect(
      collector().fetchInteractions({
        account,
        posts: [{ externalId: 'vidBins0001', url: 'u', replies: 136, repliesSeen: 0 }],
      }),
    ).rejects.toBeInstanceOf(YouTubeQuotaExceededError);
    expect(server.requestsTo('/youtube/v3/comments')).toHaveLength(1);
  });

  it('lists no subscribers or subscriptions, spending no quota', async () => {
    const youtube = collector();
    expect(await youtube.fetchFollowers({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await youtube.fetchFollowing({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.requests).toHaveLength(0);
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(0);
  });

  it('treats disabled comments as no comments', async () => {
    server.route('GET', '/youtube/v3/commentThreads', { status: 403, json: commentsDisabled });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: 'vidBins0001', url: 'u', replies: 2 }],
    });
    expect(interactions).toEqual([]);
  });

  it('skips a video deleted since it was collected, and still reads the comments of the others', async () => {
    server.route('GET', '/youtube/v3/commentThreads', (request) =>
      request.query.get('videoId') === 'vidGone0001'
        ? { status: 404, json: videoNotFound }
        : { status: 200, json: commentThreads },
    );
    const interactions = await collector().fetchInteractions({
      account,
      posts: [
        { externalId: 'vidGone0001', url: 'u', replies: 2 },
        { externalId: 'vidBins0001', url: 'u', replies: 2 },
      ],
    });
    expect(interactions.length).toBeGreaterThan(0);
    expect(interactions.every((i) => i.inReplyToExternalId === 'vidBins0001')).toBe(true);
  });

  it('waits for midnight Pacific after quotaExceeded, and refuses further calls on that key without a request', async () => {
    server.route('GET', '/youtube/v3/channels', { status: 403, json: quotaExceeded });
    const youtube = collector();
    const error = await youtube.fetchProfile({ handle: '@cllrhanaokafor' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeQuotaExceededError);
    expect(error).toBeInstanceOf(RateLimitedError);
    // 6 March 2026 is PST (UTC−8): midnight Pacific is 08:00 UTC on the 7th.
    expect((error as RateLimitedError).resetAt.toISOString()).toBe('2026-03-07T08:00:00.000Z');
    await expect(youtube.fetchProfile({ handle: '@cllrhanaokafor' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('stops before spending more than the daily units of a key', async () => {
    quota = new InMemoryYouTubeQuota(2, () => NOW);
    server.route('GET', '/youtube/v3/channels', { json: channels });
    const youtube = collector();
    await youtube.fetchProfile({ handle: '@cllrhanaokafor' });
    await youtube.fetchProfile({ handle: '@cllrhanaokafor' });
    await expect(youtube.fetchProfile({ handle: '@cllrhanaokafor' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('maps an invalid key to UnauthorisedError', async () => {
    server.route('GET', '/youtube/v3/channels', { status: 400, json: keyInvalid });
    await expect(collector().fetchProfile({ handle: '@x' })).rejects.toBeInstanceOf(UnauthorisedError);
  });

  it('reads no videos, and keeps the account, for a channel with no public videos (uploads playlist not found)', async () => {
    server.route('GET', '/youtube/v3/playlistItems', { status: 404, json: playlistNotFound });
    const youtube = collector();
    const since = new Date('2026-01-01');
    expect(await youtube.fetchPosts({ account, cursor: null, since })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.requestsTo('/youtube/v3/playlistItems')).toHaveLength(1);
    expect(server.requestsTo('/youtube/v3/videos')).toHaveLength(0);
  });

  it('retries a backend error and truncated JSON, then succeeds', async () => {
    server.enqueue(
      'GET',
      '/youtube/v3/channels',
      {
        status: 503,
        json: {
          error: {
            code: 503,
            message: 'The service is currently unavailable.',
            errors: [{ reason: 'backendError', domain: 'global' }],
          },
        },
      },
      {
        body: JSON.stringify(channels).slice(0, 80),
        headers: { 'content-type': 'application/json; charset=UTF-8' },
      },
    );
    server.route('GET', '/youtube/v3/channels', { json: channels });
    await expect(collector().fetchProfile({ handle: '@cllrhanaokafor' })).resolves.toMatchObject({
      followersCount: 312,
    });
    expect(server.requests).toHaveLength(3);
    // Google charges failed requests too.
    expect(quota.used(youTubeKeyId(API_KEY))).toBe(3);
  });

  it('names the statistic that is not a count', async () => {
    const broken = structuredClone(videosRefresh);
    broken.items[1].statistics.likeCount = 'lots';
    server.route('GET', '/youtube/v3/videos', { json: broken });
    const error = await collector()
      .refreshPosts({ account, externalIds: ['vidBins0001', 'vidFloods003'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as MalformedPayloadError).path).toBe('items[1].statistics.likeCount');
  });
});
