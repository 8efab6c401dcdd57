import { AccountGoneError, MalformedPayloadError, RateLimitedError } from '../errors';
import { InMemoryRateLimitGate } from '../http/in-memory-rate-limit-gate';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import type { AccountRef } from '../collected';
import { BlueskyClient, BlueskySessions } from './bluesky-client';
import type { BlueskyServiceAccount } from './bluesky-client';
import { BlueskyCollector } from './bluesky-collector';
import newerFeed from './__fixtures__/author-feed.newer.json';
import feedPage1 from './__fixtures__/author-feed.page-1.json';
import feedPage2 from './__fixtures__/author-feed.page-2.json';
import createSession from './__fixtures__/create-session.json';
import accountTakedown from './__fixtures__/error.account-takedown.json';
import expiredToken from './__fixtures__/error.expired-token.json';
import profileNotFound from './__fixtures__/error.profile-not-found.json';
import threadNotFound from './__fixtures__/error.thread-not-found.json';
import followersPage1 from './__fixtures__/get-followers.page-1.json';
import followersPage2 from './__fixtures__/get-followers.page-2.json';
import follows from './__fixtures__/get-follows.json';
import postThread from './__fixtures__/get-post-thread.json';
import getPosts from './__fixtures__/get-posts.json';
import profile from './__fixtures__/get-profile.json';
import refreshSession from './__fixtures__/refresh-session.json';
import searchPosts from './__fixtures__/search-posts.json';
import authenticationRequired from './__fixtures__/error.authentication-required.json';

const DID = 'did:plc:w4xbqz7nvhkcm2ta5ldr3e6p';
const account: AccountRef = { platform: 'bluesky', handle: 'cllr-hana-okafor.bsky.social', externalId: DID };
const xrpc = (method: string) => `/xrpc/${method}`;
const NOW = new Date('2026-03-04T12:00:00Z');

describe('BlueskyCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  function collector(
    options: {
      serviceAccount?: Omit<BlueskyServiceAccount, 'serviceUrl'>;
      gate?: InMemoryRateLimitGate;
      sessions?: BlueskySessions;
      now?: () => Date;
    } = {},
  ) {
    const now = options.now ?? (() => NOW);
    const { http, sleeps } = fastHttpClient({ gate: options.gate, now });
    const client = new BlueskyClient({
      http,
      appViewUrl: server.baseUrl,
      serviceAccount: options.serviceAccount
        ? { ...options.serviceAccount, serviceUrl: server.baseUrl }
        : undefined,
      sessions: options.sessions,
      now,
    });
    return { collector: new BlueskyCollector({ client, now: () => NOW }), http, sleeps };
  }

  it('maps the profile counts and says the follower list is public', async () => {
    server.route('GET', xrpc('app.bsky.actor.getProfile'), { json: profile });
    const profileOut = await collector().collector.fetchProfile({ handle: '@cllr-hana-okafor.bsky.social' });
    expect(profileOut).toEqual({
      externalId: DID,
      handle: 'cllr-hana-okafor.bsky.social',
      displayName: 'Cllr Hana Okafor',
      url: 'https://bsky.app/profile/cllr-hana-okafor.bsky.social',
      followersCount: 1287,
      followingCount: 412,
      postsCount: 2311,
      followersListed: true,
    });
    expect(server.requests[0].query.get('actor')).toBe('cllr-hana-okafor.bsky.social');
  });

  it('pages the author feed back to `since` on a first run, then what is new and the hour below it', async () => {
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), (request) => ({
      json: request.query.get('cursor') ? feedPage2 : feedPage1,
    }));
    const { collector: bluesky } = collector();
    const first = await bluesky.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-01-15T00:00:00Z'),
    });
    expect(first.items.map((post) => [post.kind, post.createdAt])).toEqual([
      ['original', '2026-03-01T18:20:00.000Z'],
      ['original', '2026-02-27T12:05:00.000Z'],
      ['reply', '2026-02-25T08:40:00.000Z'],
      ['repost', '2026-02-21T09:30:00.000Z'],
      ['original', '2026-02-10T17:00:00.000Z'],
    ]);
    const [bins, surgery, reply, repost] = first.items;
    expect(bins).toMatchObject({
      likes: 14,
      reposts: 5,
      replies: 3,
      quotes: 1,
      url: 'https://bsky.app/profile/cllr-hana-okafor.bsky.social/post/3lbx7k2aa2c2a',
    });
    expect(bins.links).toEqual(['https://www.kirklees.gov.uk/beta/bins/collection-changes.aspx']);
    expect(surgery.links).toEqual(['https://www.marsdenlibrary.example.org/events']);
    expect(reply.inReplyTo).toEqual({
      externalId: 'at://did:plc:r3s1dentaaaaaaaaaaaaaaaa/app.bsky.feed.post/3lbx3q1aa1a1a',
      authorExternalId: 'did:plc:r3s1dentaaaaaaaaaaaaaaaa',
    });
    expect(repost.externalId).toBe(`at://${DID}/app.bsky.feed.repost/3lbx2c4rr5r5r`);
    // The reposted post's engagement is its author's; the repost is at the councillor's profile.
    expect(repost).toMatchObject({
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      url: 'https://bsky.app/profile/cllr-hana-okafor.bsky.social',
    });
    const feedRequests = server.requestsTo(xrpc('app.bsky.feed.getAuthorFeed'));
    expect(
      feedRequests.map((r) => [r.query.get('actor'), r.query.get('limit'), r.query.get('cursor')]),
    ).toEqual([
      [DID, '100', null],
      [DID, '100', '2026-02-25T08:40:00.000Z::3lbx3r9kk4e2c'],
    ]);

    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: newerFeed });
    const second = await bluesky.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-01-15T00:00:00Z'),
    });
    // The two new posts, and the newest of the last run again: it lies within the hour read again.
    expect(second.items.map((post) => post.externalId)).toEqual([
      `at://${DID}/app.bsky.feed.post/3lby2b1cc8h2f`,
      `at://${DID}/app.bsky.feed.post/3lby1a1bb9i2g`,
      `at://${DID}/app.bsky.feed.post/3lbx7k2aa2c2a`,
    ]);
    expect(server.requestsTo(xrpc('app.bsky.feed.getAuthorFeed'))).toHaveLength(3);
    expect(JSON.parse(second.nextCursor!)).toEqual({
      v: 1,
      newestUri: `at://${DID}/app.bsky.feed.post/3lby2b1cc8h2f`,
      newestAt: '2026-03-03T09:00:00.000Z',
    });

    // A run with nothing new reads only the last hour again, and keeps the cursor it was given.
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: newerFeed });
    const third = await bluesky.fetchPosts({
      account,
      cursor: second.nextCursor,
      since: new Date('2026-01-15T00:00:00Z'),
    });
    expect(third.items.map((post) => post.externalId)).toEqual([
      `at://${DID}/app.bsky.feed.post/3lby2b1cc8h2f`,
    ]);
    expect(third.nextCursor).toBe(second.nextCursor);
    expect(server.requestsTo(xrpc('app.bsky.feed.getAuthorFeed'))).toHaveLength(4);
  });

  it('keys a repost the AppView gives no URI by the councillor’s repost record, never by the reposted post', async () => {
    const item = feedPage2.feed.find((entry) => 'reason' in entry)!;
    const { uri: _uri, ...reason } = item.reason!;
    const { cid: _cid, ...reasonWithoutCid } = reason;
    server.enqueue(
      'GET',
      xrpc('app.bsky.feed.getAuthorFeed'),
      { json: { feed: [{ ...item, reason }] } },
      { json: { feed: [{ ...item, reason }] } },
      { json: { feed: [{ ...item, reason: reasonWithoutCid }] } },
    );
    const { collector: bluesky } = collector();
    const read = async () =>
      (await bluesky.fetchPosts({ account, cursor: null, since: new Date('2026-01-15T00:00:00Z') })).items;
    const [first] = await read();
    const [again] = await read();
    const [withoutCid] = await read();
    expect(first.externalId).toBe(`at://${DID}/app.bsky.feed.repost#bafyreirepost`);
    expect(again.externalId).toBe(first.externalId);
    expect(withoutCid.externalId).toBe(`at://${DID}/app.bsky.feed.repost#2026-02-21T09:30:00.000Z`);
    for (const repost of [first, withoutCid]) {
      expect(repost.externalId).not.toContain('0rgcivic');
      expect(repost.url).not.toContain('kirklees-news');
    }
  });

  it('collects a post its client dated a little early and that was published after the last run', async () => {
    type FeedItem = { post: { uri: string; cid: string; indexedAt: string; record: { createdAt: string } } };
    const feed = structuredClone(newerFeed) as { feed: FeedItem[] };
    const lastRunNewest = feed.feed[1].post;
    // Written at 15:10 by a phone whose clock ran behind, indexed the next morning after the last run.
    const early = structuredClone(feed.feed[1]);
    early.post.uri = `at://${DID}/app.bsky.feed.post/3lby3e4dd7j2h`;
    early.post.cid = 'bafyreiearlyclockearlyclockearlyclockearlyclockearlyclock';
    early.post.record.createdAt = '2026-03-02T15:10:00.000Z';
    early.post.indexedAt = '2026-03-03T10:00:00.000Z';
    // The AppView sorts it by its earlier time, 15:10: below the last run's newest post.
    feed.feed.splice(2, 0, early);
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: feed });
    const { collector: bluesky } = collector();
    const page = await bluesky.fetchPosts({
      account,
      cursor: JSON.stringify({
        v: 1,
        newestUri: lastRunNewest.uri,
        newestAt: lastRunNewest.record.createdAt,
      }),
      since: new Date('2026-01-15T00:00:00Z'),
    });
    expect(page.items.map((post) => post.externalId)).toEqual([
      `at://${DID}/app.bsky.feed.post/3lby2b1cc8h2f`,
      lastRunNewest.uri,
      early.post.uri,
    ]);
    expect(page.items[2].createdAt).toBe('2026-03-02T15:10:00.000Z');
    expect(JSON.parse(page.nextCursor!)).toMatchObject({ newestAt: '2026-03-03T09:00:00.000Z' });
  });

  it('keeps its cursor by when posts sort, so a post its client dated in the future holds back none after it', async () => {
    type Feed = { feed: Array<{ post: { uri: string; indexedAt: string; record: { createdAt: string } } }> };
    // The newest post was written by a client whose clock ran a year ahead; the AppView indexed it on time.
    const skewed = structuredClone(newerFeed) as Feed;
    skewed.feed = skewed.feed.slice(1);
    skewed.feed[0].post.record.createdAt = '2027-03-02T15:30:00.000Z';
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: skewed });
    const { collector: bluesky } = collector();
    const first = await bluesky.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-03-02T00:00:00Z'),
    });
    expect(JSON.parse(first.nextCursor!)).toMatchObject({ newestAt: skewed.feed[0].post.indexedAt });
    // A day later the councillor posts again: it is collected.
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: newerFeed });
    const second = await bluesky.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-03-02T00:00:00Z'),
    });
    // (The skewed post comes back too: it sorts within the hour read again.)
    expect(second.items.map((post) => post.externalId)).toEqual([
      (newerFeed as Feed).feed[0].post.uri,
      skewed.feed[0].post.uri,
    ]);
  });

  it('re-reads engagement 25 posts a request and leaves reposts out', async () => {
    server.route('GET', xrpc('app.bsky.feed.getPosts'), { json: getPosts });
    const uris = Array.from({ length: 30 }, (_, i) => `at://${DID}/app.bsky.feed.post/3lbx${i}`);
    const refreshed = await collector().collector.refreshPosts({
      account,
      externalIds: [...uris, `at://${DID}/app.bsky.feed.repost/3lbx2c4rr5r5r`],
    });
    const requests = server.requestsTo(xrpc('app.bsky.feed.getPosts'));
    expect(requests.map((r) => r.query.getAll('uris').length)).toEqual([25, 5]);
    expect(refreshed[0]).toMatchObject({ likes: 19, replies: 5 });
  });

  it('returns one page of followers a call with the bio as profile text, until the cursor runs out', async () => {
    server.route('GET', xrpc('app.bsky.graph.getFollowers'), (request) => ({
      json: request.query.get('cursor') ? followersPage2 : followersPage1,
    }));
    const { collector: bluesky } = collector();
    const page1 = await bluesky.fetchFollowers({ account, pageCursor: null });
    expect(page1.items).toHaveLength(5);
    expect(page1.items[0]).toEqual({
      externalId: 'did:plc:f0llower0000000000000000',
      handle: 'follower-0.bsky.social',
      displayName: 'Follower 0',
      profileText: 'Marsden born and bred. HD7 6',
    });
    expect(page1.items[3].profileText).toBe('');
    expect(page1.nextCursor).toBe('3lbfollowcursor0005');
    const page2 = await bluesky.fetchFollowers({ account, pageCursor: page1.nextCursor });
    expect(page2).toMatchObject({ nextCursor: null });
    expect(server.requestsTo(xrpc('app.bsky.graph.getFollowers')).map((r) => r.query.get('limit'))).toEqual([
      '100',
      '100',
    ]);
  });

  it('goes on past an empty page that has a cursor, and ends on a missing or repeated one', async () => {
    // The AppView pages a list before it drops blocked and taken-down accounts: a page can come back
    // empty with more after it. Ending there would mark every later follower lost.
    const { subject } = followersPage1;
    server.route('GET', xrpc('app.bsky.graph.getFollowers'), (request) => {
      const cursor = request.query.get('cursor');
      if (!cursor) return { json: { subject, followers: [], cursor: 'after-the-dropped' } };
      if (cursor === 'after-the-dropped') return { json: followersPage2 };
      return { json: { subject, followers: [], cursor } };
    });
    server.route('GET', xrpc('app.bsky.graph.getFollows'), { json: { ...follows, cursor: 'same' } });
    const { collector: bluesky } = collector();
    const empty = await bluesky.fetchFollowers({ account, pageCursor: null });
    expect(empty).toEqual({ items: [], nextCursor: 'after-the-dropped' });
    const last = await bluesky.fetchFollowers({ account, pageCursor: empty.nextCursor });
    expect(last.items).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
    // A cursor that repeats the one sent would ask for the same page for ever.
    await expect(bluesky.fetchFollowers({ account, pageCursor: 'stuck' })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    const following = await bluesky.fetchFollowing({ account, pageCursor: 'same' });
    expect(following.nextCursor).toBeNull();
    expect(following.items).toHaveLength(1);
  });

  it('lists the accounts the councillor follows, a page a call', async () => {
    server.route('GET', xrpc('app.bsky.graph.getFollows'), { json: follows });
    const page = await collector().collector.fetchFollowing({ account, pageCursor: 'abc' });
    expect(page).toEqual({
      items: [
        {
          externalId: 'did:plc:0rgcivicccccccccccccccccc',
          handle: 'kirklees-news.bsky.social',
          displayName: 'Local news',
          profileText: 'News for Kirklees',
        },
      ],
      nextCursor: '3lbfollowscursor01',
    });
    expect([...server.requests[0].query.entries()]).toEqual([
      ['actor', DID],
      ['limit', '100'],
      ['cursor', 'abc'],
    ]);
  });

  it('reads threads only of posts with unread replies, with the councillor’s first answer', async () => {
    server.route('GET', xrpc('app.bsky.feed.getPostThread'), { json: postThread });
    const { collector: bluesky } = collector();
    const bins = `at://${DID}/app.bsky.feed.post/3lbx7k2aa2c2a`;
    const planning = `at://${DID}/app.bsky.feed.post/3lbwzz1oo6f2d`;
    const interactions = await bluesky.fetchInteractions({
      account,
      posts: [
        { externalId: bins, url: 'u', replies: 5, repliesSeen: 3 },
        { externalId: planning, url: 'u', replies: 2, repliesSeen: 2 },
      ],
    });
    // The counts are the caller's: no request is spent learning them.
    expect(server.requestsTo(xrpc('app.bsky.feed.getPosts'))).toHaveLength(0);
    const threads = server.requestsTo(xrpc('app.bsky.feed.getPostThread'));
    expect(threads.map((r) => r.query.get('uri'))).toEqual([bins]);
    expect(interactions.map((i) => [i.authorExternalId, i.inReplyToExternalId, i.answeredAt])).toEqual([
      ['did:plc:r3s1dentaaaaaaaaaaaaaaaa', bins, '2026-03-01T19:30:00.000Z'],
      ['did:plc:r3s1dentbbbbbbbbbbbbbbbb', bins, null],
      // It answers the resident's reply above it, not the councillor's post.
      ['did:plc:0rgcivicccccccccccccccccc', null, null],
    ]);
    expect(interactions.every((i) => i.kind === 'reply')).toBe(true);
    expect(server.requestsTo(xrpc('app.bsky.feed.searchPosts'))).toHaveLength(0);
    expect(bluesky.capabilities.mentions).toBe('no-service-account');
  });

  it('holds only direct replies against a post’s reply count, so a later direct reply is read', async () => {
    // P; Ann replies (A) and Bob replies to A: P counts 1 reply. Then Carol replies to P: it counts 2.
    const p = postThread.thread;
    const [carol, ann] = p.replies as Array<{ post: unknown; replies?: unknown[] }>;
    const before = { thread: { ...p, post: { ...p.post, replyCount: 1 }, replies: [ann] } };
    const after = {
      thread: { ...p, post: { ...p.post, replyCount: 2 }, replies: [ann, { ...carol, replies: [] }] },
    };
    server.enqueue('GET', xrpc('app.bsky.feed.getPostThread'), { json: before }, { json: after });
    const { collector: bluesky } = collector();
    const held: string[] = [];
    // What the API holds against P: the replies that answer it (collection.repository.ts).
    const read = async (replies: number) => {
      const found = await bluesky.fetchInteractions({
        account,
        posts: [
          {
            externalId: p.post.uri,
            url: 'u',
            replies,
            repliesSeen: held.filter((inReplyTo) => inReplyTo === p.post.uri).length,
          },
        ],
      });
      held.push(...found.map((interaction) => interaction.inReplyToExternalId ?? ''));
      return found;
    };
    expect(await read(1)).toHaveLength(2);
    const second = await read(2);
    expect(server.requestsTo(xrpc('app.bsky.feed.getPostThread'))).toHaveLength(2);
    expect(second.map((i) => i.authorExternalId)).toContain('did:plc:r3s1dentaaaaaaaaaaaaaaaa');
  });

  it('reads posts never read before that have replies, and skips deleted posts', async () => {
    server.route('GET', xrpc('app.bsky.feed.getPostThread'), { status: 400, json: threadNotFound });
    const interactions = await collector().collector.fetchInteractions({
      account,
      posts: [
        { externalId: `at://${DID}/app.bsky.feed.post/3lbwzz1oo6f2d`, url: 'u', replies: 3 },
        { externalId: `at://${DID}/app.bsky.feed.post/3lbwxy1pp7g2e`, url: 'u', replies: 0 },
      ],
    });
    expect(interactions).toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual([xrpc('app.bsky.feed.getPostThread')]);
  });

  it('searches mentions with a service account, refreshing an expired session once', async () => {
    server.route('GET', xrpc('app.bsky.feed.getPosts'), { json: { posts: [] } });
    server.route('POST', xrpc('com.atproto.server.createSession'), { json: createSession });
    server.route('POST', xrpc('com.atproto.server.refreshSession'), { json: refreshSession });
    server.enqueue('GET', xrpc('app.bsky.feed.searchPosts'), { status: 400, json: expiredToken });
    server.route('GET', xrpc('app.bsky.feed.searchPosts'), { json: searchPosts });
    const { collector: bluesky } = collector({
      serviceAccount: { identifier: 'wardreach-monitor.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
    });
    expect(bluesky.capabilities.mentions).toBe('collected');
    const interactions = await bluesky.fetchInteractions({ account, posts: [] });
    expect(interactions).toEqual([
      {
        externalId: 'at://did:plc:r3s1dentbbbbbbbbbbbbbbbb/app.bsky.feed.post/3lby3c1dd1j2h',
        // Linked by the author's DID, not their handle: the dashboard names no resident.
        url: 'https://bsky.app/profile/did:plc:r3s1dentbbbbbbbbbbbbbbbb/post/3lby3c1dd1j2h',
        kind: 'mention',
        createdAt: '2026-03-02T21:10:00.000Z',
        authorExternalId: 'did:plc:r3s1dentbbbbbbbbbbbbbbbb',
        inReplyToExternalId: null,
        answeredAt: null,
      },
    ]);
    const searches = server.requestsTo(xrpc('app.bsky.feed.searchPosts'));
    expect(searches.map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(searches[1].query.get('mentions')).toBe(DID);
    expect(searches[1].query.get('since')).toBe('2026-02-25T12:00:00.000Z');
    expect(server.requestsTo(xrpc('com.atproto.server.refreshSession'))[0].headers.authorization).toBe(
      'Bearer refresh-1',
    );
    expect(JSON.parse(server.requestsTo(xrpc('com.atproto.server.createSession'))[0].body)).toEqual({
      identifier: 'wardreach-monitor.bsky.social',
      password: 'abcd-efgh-ijkl-mnop',
    });
  });

  it('logs the service account in once per process: collectors of later jobs reuse its session', async () => {
    server.route('POST', xrpc('com.atproto.server.createSession'), { json: createSession });
    server.route('GET', xrpc('app.bsky.feed.searchPosts'), { json: searchPosts });
    const sessions = new BlueskySessions();
    const serviceAccount = {
      identifier: 'wardreach-monitor.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
    };
    for (let job = 0; job < 3; job++) {
      await collector({ serviceAccount, sessions }).collector.fetchInteractions({ account, posts: [] });
    }
    expect(server.requestsTo(xrpc('com.atproto.server.createSession'))).toHaveLength(1);
    expect(server.requestsTo(xrpc('app.bsky.feed.searchPosts'))).toHaveLength(3);
  });

  it('a refused service account leaves mentions out, keeps the replies, and rests for an hour', async () => {
    server.route('GET', xrpc('app.bsky.feed.getPostThread'), { json: postThread });
    server.route('POST', xrpc('com.atproto.server.createSession'), {
      status: 401,
      json: authenticationRequired,
    });
    const sessions = new BlueskySessions();
    const serviceAccount = { identifier: 'wardreach-monitor.bsky.social', appPassword: 'revoked-password' };
    let now = NOW;
    const job = () => collector({ serviceAccount, sessions, now: () => now }).collector;
    const bins = `at://${DID}/app.bsky.feed.post/3lbwzz1oo6f2d`;
    const first = job();
    expect(first.capabilities.mentions).toBe('collected');
    const interactions = await first.fetchInteractions({
      account,
      posts: [{ externalId: bins, url: 'u', replies: 5, repliesSeen: 3 }],
    });
    expect(interactions.length).toBeGreaterThan(0);
    expect(interactions.every((i) => i.kind === 'reply')).toBe(true);
    expect(first.capabilities.mentions).toBe('service-account-refused');
    // The next job, within the hour, does not try the same password again.
    await job().fetchInteractions({ account, posts: [] });
    expect(server.requestsTo(xrpc('com.atproto.server.createSession'))).toHaveLength(1);
    now = new Date(NOW.getTime() + 61 * 60_000);
    expect(job().capabilities.mentions).toBe('collected');
    await job().fetchInteractions({ account, posts: [] });
    expect(server.requestsTo(xrpc('com.atproto.server.createSession'))).toHaveLength(2);
  });

  it('a rate-limited sign-in leaves mentions out until its reset, keeps the replies, and spends no more sign-ins', async () => {
    // createSession allows 30 sign-ins in 5 minutes and 300 a day; the councillor's collection must not
    // wait for that (it used to be delayed until the reset, a day at worst).
    const reset = new Date(NOW.getTime() + 3 * 60 * 60_000);
    server.route('GET', xrpc('app.bsky.feed.getPostThread'), { json: postThread });
    server.route('POST', xrpc('com.atproto.server.createSession'), {
      status: 429,
      headers: {
        'ratelimit-limit': '300',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset.getTime() / 1000),
      },
      json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const sessions = new BlueskySessions();
    const serviceAccount = {
      identifier: 'wardreach-monitor.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
    };
    let now = NOW;
    const job = () => collector({ serviceAccount, sessions, now: () => now }).collector;
    const first = job();
    const interactions = await first.fetchInteractions({
      account,
      posts: [
        { externalId: `at://${DID}/app.bsky.feed.post/3lbwzz1oo6f2d`, url: 'u', replies: 5, repliesSeen: 3 },
      ],
    });
    expect(interactions.length).toBeGreaterThan(0);
    expect(interactions.every((i) => i.kind === 'reply')).toBe(true);
    expect(first.capabilities.mentions).toBe('service-account-rate-limited');
    // Later jobs before the reset leave mentions out without trying to sign in again.
    now = new Date(reset.getTime() - 60_000);
    const waiting = job();
    expect(waiting.capabilities.mentions).toBe('service-account-rate-limited');
    await waiting.fetchInteractions({ account, posts: [] });
    expect(server.requestsTo(xrpc('com.atproto.server.createSession'))).toHaveLength(1);
    now = new Date(reset.getTime() + 1_000);
    expect(job().capabilities.mentions).toBe('collected');
  });

  it('signs in again only when a refresh is refused: a rate-limited refresh spends no sign-in', async () => {
    server.route('POST', xrpc('com.atproto.server.createSession'), { json: createSession });
    server.route('POST', xrpc('com.atproto.server.refreshSession'), {
      status: 429,
      headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(NOW.getTime() / 1000 + 600) },
      json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    server.route('GET', xrpc('app.bsky.feed.searchPosts'), { status: 400, json: expiredToken });
    const sessions = new BlueskySessions();
    const serviceAccount = {
      identifier: 'wardreach-monitor.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
    };
    const bluesky = collector({ serviceAccount, sessions }).collector;
    await expect(bluesky.fetchInteractions({ account, posts: [] })).resolves.toEqual([]);
    expect(bluesky.capabilities.mentions).toBe('service-account-rate-limited');
    expect(server.requestsTo(xrpc('com.atproto.server.refreshSession'))).toHaveLength(1);
    // The one sign-in is the session's first; the refresh's failure did not make another.
    expect(server.requestsTo(xrpc('com.atproto.server.createSession'))).toHaveLength(1);
  });

  it('reports a taken-down or unknown account as gone', async () => {
    server.enqueue(
      'GET',
      xrpc('app.bsky.actor.getProfile'),
      { status: 400, json: accountTakedown },
      { status: 400, json: profileNotFound },
    );
    const { collector: bluesky } = collector();
    const takedown = await bluesky.fetchProfile({ handle: 'gone.bsky.social' }).catch((e: unknown) => e);
    expect(takedown).toBeInstanceOf(AccountGoneError);
    expect((takedown as Error).message).toBe(
      'bluesky app.bsky.actor.getProfile: AccountTakedown: Account has been suspended',
    );
    await expect(bluesky.fetchProfile({ handle: 'nobody.bsky.social' })).rejects.toBeInstanceOf(
      AccountGoneError,
    );
  });

  it('fails loudly with the method and path when a payload breaks the lexicon', async () => {
    const broken = structuredClone(feedPage1) as { feed: Array<{ post: Record<string, unknown> }> };
    broken.feed[1].post.likeCount = '9';
    server.route('GET', xrpc('app.bsky.feed.getAuthorFeed'), { json: broken });
    const error = await collector()
      .collector.fetchPosts({ account, cursor: null, since: new Date('2026-01-01') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as MalformedPayloadError).path).toBe('feed[1].post.likeCount');
    expect((error as Error).message).toMatch(
      /^bluesky app\.bsky\.feed\.getAuthorFeed: malformed payload at feed\[1\]\.post\.likeCount/,
    );
  });

  it('retries a 429 after Retry-After and a truncated body, then succeeds', async () => {
    server.enqueue(
      'GET',
      xrpc('app.bsky.actor.getProfile'),
      {
        status: 429,
        headers: { 'retry-after': '1' },
        json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      },
      { json: profile, cutAfterBytes: 100 },
    );
    server.route('GET', xrpc('app.bsky.actor.getProfile'), { json: profile });
    const { collector: bluesky, sleeps, http } = collector();
    await expect(bluesky.fetchProfile({ handle: 'cllr-hana-okafor.bsky.social' })).resolves.toMatchObject({
      followersCount: 1287,
    });
    expect(sleeps.waits[0]).toBe(1000);
    expect(http.requestCount).toBe(3);
  });

  it('honours RateLimit-Remaining and RateLimit-Reset through the gate', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 120;
    server.route('GET', xrpc('app.bsky.actor.getProfile'), {
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset),
        'ratelimit-policy': '3000;w=300',
      },
      json: profile,
    });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const { collector: bluesky } = collector({ gate });
    await bluesky.fetchProfile({ handle: 'cllr-hana-okafor.bsky.social' });
    const error = await bluesky
      .fetchProfile({ handle: 'cllr-hana-okafor.bsky.social' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt.getTime()).toBe(reset * 1000);
    expect(server.requests).toHaveLength(1);
  });
});
