import type { AccountRef } from '../collected';
import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
} from '../errors';
import { InMemoryRateLimitGate } from '../http/in-memory-rate-limit-gate';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import { XBudgetExhaustedError, XClient, XUsageCapError } from './x-client';
import { XCollector } from './x-collector';
import { InMemoryXReadBudget } from './x-read-budget';
import tooMany from './__fixtures__/error.too-many-requests.json';
import usageCapped from './__fixtures__/error.usage-capped.json';
import unauthorized from './__fixtures__/error.unauthorized.json';
import followersFiltered from './__fixtures__/followers.filtered.json';
import followersPage1 from './__fixtures__/followers.page-1.json';
import followersPage2 from './__fixtures__/followers.page-2.json';
import following from './__fixtures__/following.json';
import mentions from './__fixtures__/mentions.json';
import mentionsEdited from './__fixtures__/mentions.edited.json';
import tweetsLookupEditedLatest from './__fixtures__/tweets-lookup.edited-latest.json';
import tweetsLookupEditedOriginal from './__fixtures__/tweets-lookup.edited-original.json';
import tweetsLookup from './__fixtures__/tweets-lookup.partial.json';
import tweetsEmpty from './__fixtures__/tweets.empty.json';
import tweetsPage1 from './__fixtures__/tweets.page-1.json';
import tweetsPage2 from './__fixtures__/tweets.page-2.json';
import tweetsSelfThreadEdited from './__fixtures__/tweets.self-thread.edited.json';
import tweetsSinceIdEdited from './__fixtures__/tweets.since-id.edited.json';
import tweetsSinceId from './__fixtures__/tweets.since-id.json';
import notAuthorized from './__fixtures__/timeline.not-authorized.json';
import userNotFound from './__fixtures__/user.not-found.json';
import userProtected from './__fixtures__/user.protected.json';
import userSuspended from './__fixtures__/user.suspended.json';
import user from './__fixtures__/user.json';

const ID = '1587224409231466497';
const account: AccountRef = { platform: 'x', handle: 'HanaOkaforCV', externalId: ID };
const NOW = new Date('2026-03-06T12:00:00Z');

describe('XCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  function collector(budget?: InMemoryXReadBudget, gate?: InMemoryRateLimitGate) {
    const { http } = fastHttpClient({ now: () => NOW, gate });
    return new XCollector({
      client: new XClient({
        http,
        bearerToken: 'council-token',
        baseUrl: server.baseUrl,
        budget,
        now: () => NOW,
      }),
      now: () => NOW,
    });
  }

  it('reads the profile with public metrics, sending the bearer token', async () => {
    server.route('GET', '/2/users/by/username/HanaOkaforCV', { json: user });
    expect(await collector().fetchProfile({ handle: '@HanaOkaforCV' })).toEqual({
      externalId: ID,
      handle: 'HanaOkaforCV',
      displayName: 'Cllr Hana Okafor',
      url: 'https://x.com/HanaOkaforCV',
      followersCount: 2104,
      followingCount: 588,
      postsCount: 6120,
      followersListed: true,
    });
    expect(server.requests[0].headers.authorization).toBe('Bearer council-token');
    expect(server.requests[0].query.get('user.fields')).toContain('public_metrics');
  });

  it('turns a 200 carrying errors[] about the user into AccountGoneError, and a refused token into UnauthorisedError', async () => {
    server.route('GET', '/2/users/by/username/nobody_cv', { json: userNotFound });
    server.route('GET', '/2/users/by/username/formercllr', { json: userSuspended });
    server.route('GET', '/2/users/by/username/anyone', { status: 401, json: unauthorized });
    const x = collector();
    await expect(x.fetchProfile({ handle: 'nobody_cv' })).rejects.toBeInstanceOf(AccountGoneError);
    await expect(x.fetchProfile({ handle: 'formercllr' })).rejects.toThrow(
      'User has been suspended: [formercllr].',
    );
    const refused = await x.fetchProfile({ handle: 'anyone' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnauthorisedError);
    expect(server.requests).toHaveLength(3);
  });

  it('collects only the public counts of a protected account: no posts, mentions or followers are asked for', async () => {
    server.route('GET', '/2/users/by/username/TomBrennanCV', { json: userProtected });
    const x = collector();
    const profile = await x.fetchProfile({ handle: '@TomBrennanCV' });
    expect(profile).toMatchObject({
      externalId: '1587224409231466499',
      followersCount: 312,
      followingCount: 140,
      postsCount: 958,
      followersListed: false,
    });
    expect(server.requests[0].query.get('user.fields')).toContain('protected');
    const ref: AccountRef = { platform: 'x', handle: 'TomBrennanCV', externalId: profile.externalId };
    const cursor = JSON.stringify({ v: 1, newestId: '1897000000000000500' });
    const since = new Date('2026-02-01T00:00:00Z');
    expect(await x.fetchPosts({ account: ref, cursor, since })).toEqual({ items: [], nextCursor: cursor });
    expect(await x.fetchPosts({ account: ref, cursor: null, since })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await x.refreshPosts({ account: ref, externalIds: ['1897000000000000500'] })).toEqual([]);
    expect(await x.fetchInteractions({ account: ref, posts: [] })).toEqual([]);
    expect(await x.fetchFollowers({ account: ref, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await x.fetchFollowing({ account: ref, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('yields nothing, not UnauthorisedError, when X refuses a user that turned protected after its profile was read', async () => {
    const refused = { json: notAuthorized };
    server.route('GET', `/2/users/${ID}/tweets`, refused);
    server.route('GET', `/2/users/${ID}/mentions`, refused);
    server.route('GET', `/2/users/${ID}/followers`, refused);
    server.route('GET', `/2/users/${ID}/following`, refused);
    const cursor = JSON.stringify({ v: 1, newestId: '1897000000000000500' });
    const since = new Date('2026-02-01T00:00:00Z');
    const x = collector();
    expect(await x.fetchPosts({ account, cursor, since })).toEqual({ items: [], nextCursor: cursor });
    // Known protected from then on: nothing more is asked of it.
    expect(await x.fetchInteractions({ account, posts: [] })).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(await collector().fetchInteractions({ account, posts: [] })).toEqual([]);
    expect(await collector().fetchFollowers({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await collector().fetchFollowing({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      `/2/users/${ID}/tweets`,
      `/2/users/${ID}/mentions`,
      `/2/users/${ID}/followers`,
      `/2/users/${ID}/following`,
    ]);
  });

  it('fails a follower sweep part-way when the account turns protected, rather than ending it (which would mark everyone unseen lost)', async () => {
    server.route('GET', `/2/users/${ID}/followers`, { json: notAuthorized });
    const error = await collector()
      .fetchFollowers({ account, pageCursor: 'NEXT_PAGE_TOKEN' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain('turned protected');
    // Found protected by the timeline earlier in the same job: the sweep under way still fails.
    server.route('GET', '/2/users/by/username/HanaOkaforCV', { json: user });
    server.route('GET', `/2/users/${ID}/tweets`, { json: notAuthorized });
    const x = collector();
    await x.fetchProfile({ handle: 'HanaOkaforCV' });
    await x.fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') });
    const midSweep = await x.fetchFollowers({ account, pageCursor: 'MIDSWEEP' }).catch((e: unknown) => e);
    expect(midSweep).toBeInstanceOf(TransientError);
    // A first page of a protected account is simply empty.
    expect(await x.fetchFollowers({ account, pageCursor: null })).toEqual({ items: [], nextCursor: null });
  });

  it('drops the pages already read when a later one says the account turned protected, and still fails on a refused token', async () => {
    const path = `/2/users/${ID}/tweets`;
    server.enqueue(
      'GET',
      path,
      { json: tweetsPage1 },
      { json: notAuthorized },
      { status: 401, json: unauthorized },
    );
    const since = new Date('2026-02-01T00:00:00Z');
    expect(await collector().fetchPosts({ account, cursor: null, since })).toEqual({
      items: [],
      nextCursor: null,
    });
    const error = await collector()
      .fetchPosts({ account, cursor: null, since })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorisedError);
  });

  it('pages tweets from start_time on a first run, then asks only since_id', async () => {
    const path = `/2/users/${ID}/tweets`;
    server.enqueue(
      'GET',
      path,
      { json: tweetsPage1 },
      { json: tweetsPage2 },
      { json: tweetsSinceId },
      { json: tweetsEmpty },
    );
    const x = collector();
    const first = await x.fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') });
    expect(first.items.map((post) => [post.externalId, post.kind])).toEqual([
      ['1897000000000000500', 'original'],
      ['1896900000000000400', 'repost'],
      ['1896800000000000300', 'reply'],
      ['1894000000000000200', 'original'],
    ]);
    expect(first.items[0]).toMatchObject({
      likes: 31,
      reposts: 9,
      replies: 4,
      quotes: 1,
      links: ['https://www.kirklees.gov.uk/bins'],
      url: 'https://x.com/HanaOkaforCV/status/1897000000000000500',
    });
    // A retweet carries the original's counts: that engagement is the original author's, not the councillor's.
    expect(first.items[1]).toMatchObject({ likes: 0, reposts: 0, replies: 0, quotes: 0 });
    expect(first.items[2].inReplyTo).toEqual({
      externalId: '1896700000000000999',
      authorExternalId: '1409000000000000101',
    });
    expect(first.items[3].links).toEqual(['https://hanaokafor.example.org/2026/02/20/february-surgery/']);
    const requests = server.requestsTo(path);
    expect(
      requests.map((r) => [
        r.query.get('start_time'),
        r.query.get('pagination_token'),
        r.query.get('max_results'),
      ]),
    ).toEqual([
      ['2026-02-01T00:00:00.000Z', null, '100'],
      ['2026-02-01T00:00:00.000Z', '7140dibdnow9c7btw4b0tr2z9wpikgbkfa0k5pr4ls0p8', '100'],
    ]);

    const second = await x.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(second.items.map((post) => post.externalId)).toEqual(['1897300000000000700']);
    expect(server.requestsTo(path)[2].query.get('since_id')).toBe('1897000000000000500');
    const third = await x.fetchPosts({
      account,
      cursor: second.nextCursor,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(third).toEqual({ items: [], nextCursor: second.nextCursor });
    expect(server.requestsTo(path)[3].query.get('since_id')).toBe('1897300000000000700');
  });

  it('keeps a post edited after it was read under its original id, and the since_id cursor on the newest id returned', async () => {
    const path = `/2/users/${ID}/tweets`;
    server.enqueue(
      'GET',
      path,
      { json: tweetsPage1 },
      { json: tweetsPage2 },
      { json: tweetsSinceIdEdited },
      { json: tweetsEmpty },
    );
    const x = collector();
    const since = new Date('2026-02-01T00:00:00Z');
    const first = await x.fetchPosts({ account, cursor: null, since });
    expect(first.items[0]).toMatchObject({ externalId: '1897000000000000500', likes: 31 });
    // Edited after that run: since_id returns the newest version, under a new id, with its history.
    const second = await x.fetchPosts({ account, cursor: first.nextCursor, since });
    expect(server.requestsTo(path)[2].query.get('since_id')).toBe('1897000000000000500');
    expect(server.requestsTo(path)[2].query.get('tweet.fields')).toContain('edit_history_tweet_ids');
    expect(second.items).toEqual([
      expect.objectContaining({
        externalId: '1897000000000000500',
        url: 'https://x.com/HanaOkaforCV/status/1897000000000000510',
        text: 'Brown bins go fortnightly from 7 April https://t.co/0',
        likes: 44,
        reposts: 11,
        replies: 5,
      }),
    ]);
    expect(JSON.parse(second.nextCursor!)).toEqual({ v: 1, newestId: '1897000000000000510' });
    await x.fetchPosts({ account, cursor: second.nextCursor, since });
    expect(server.requestsTo(path)[3].query.get('since_id')).toBe('1897000000000000510');
  });

  it('names the original id of an edited post its own reply answers, and counts that reply as its thread', async () => {
    server.route('GET', `/2/users/${ID}/tweets`, { json: tweetsSelfThreadEdited });
    const page = await collector().fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(
      page.items.map((post) => [post.externalId, post.kind, post.inReplyTo?.externalId ?? null]),
    ).toEqual([
      // A reply to its own tweet continues the account's thread: an original post, linked to its parent.
      ['1897000000000000530', 'original', '1897000000000000500'],
      ['1897000000000000500', 'original', null],
    ]);
    expect(JSON.parse(page.nextCursor!)).toEqual({ v: 1, newestId: '1897000000000000530' });
  });

  it('refreshes an edited post, looked up by its original id, with its newest version’s counts', async () => {
    server.enqueue(
      'GET',
      '/2/tweets',
      { json: tweetsLookupEditedOriginal },
      { json: tweetsLookupEditedLatest },
      { json: tweetsLookupEditedOriginal },
      { json: { errors: tweetsLookup.errors } },
    );
    const x = collector();
    const refreshed = await x.refreshPosts({ account, externalIds: ['1897000000000000500'] });
    expect(refreshed).toEqual([
      expect.objectContaining({
        externalId: '1897000000000000500',
        url: 'https://x.com/HanaOkaforCV/status/1897000000000000510',
        text: 'Brown bins go fortnightly from 7 April https://t.co/0',
        likes: 47,
        reposts: 12,
        replies: 7,
        quotes: 2,
      }),
    ]);
    expect(server.requestsTo('/2/tweets').map((r) => r.query.get('ids'))).toEqual([
      '1897000000000000500',
      '1897000000000000510',
    ]);
    // The newest version cannot be read: the original's own (older, lower) counts are not stored.
    expect(await x.refreshPosts({ account, externalIds: ['1897000000000000500'] })).toEqual([]);
  });

  it('refreshes a post stored under a later version’s id (by an earlier release) under that id, not as a new post', async () => {
    server.route('GET', '/2/tweets', { json: tweetsLookupEditedLatest });
    const refreshed = await collector().refreshPosts({ account, externalIds: ['1897000000000000510'] });
    expect(refreshed.map((post) => [post.externalId, post.likes])).toEqual([['1897000000000000510', 47]]);
  });

  it('knows replies to an edited post, and edited mentions, by their original ids', async () => {
    server.route('GET', `/2/users/${ID}/mentions`, { json: mentionsEdited });
    const post = { externalId: '1897000000000000500', replies: 5 };
    // The post as stored after the edit was read: its URL names the newest version.
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ ...post, url: 'https://x.com/HanaOkaforCV/status/1897000000000000510' }],
    });
    expect(interactions.map((i) => [i.externalId, i.kind, i.inReplyToExternalId, i.url])).toEqual([
      ['1897200000000000900', 'mention', null, 'https://x.com/i/web/status/1897200000000000910'],
      [
        '1897000000000000600',
        'reply',
        '1897000000000000500',
        'https://x.com/i/web/status/1897000000000000600',
      ],
    ]);
    // A collector that read the edit in the timeline knows it without the URL.
    server.route('GET', `/2/users/${ID}/tweets`, { json: tweetsSinceIdEdited });
    const x = collector();
    await x.fetchPosts({
      account,
      cursor: JSON.stringify({ v: 1, newestId: '1897000000000000500' }),
      since: NOW,
    });
    const again = await x.fetchInteractions({ account, posts: [{ ...post, url: 'u' }] });
    expect(again.map((i) => i.inReplyToExternalId)).toEqual([null, '1897000000000000500']);
  });

  it('re-reads engagement and drops deleted tweets reported per item', async () => {
    server.route('GET', '/2/tweets', { json: tweetsLookup });
    const refreshed = await collector().refreshPosts({
      account,
      externalIds: ['1897000000000000500', '1895000000000000000'],
    });
    expect(refreshed.map((post) => [post.externalId, post.likes, post.replies])).toEqual([
      ['1897000000000000500', 40, 6],
    ]);
    expect(server.requests[0].query.get('ids')).toBe('1897000000000000500,1895000000000000000');
  });

  it('pages followers 1,000 at a time with location then bio as profile text', async () => {
    const path = `/2/users/${ID}/followers`;
    server.enqueue('GET', path, { json: followersPage1 }, { json: followersPage2 });
    const x = collector();
    const page1 = await x.fetchFollowers({ account, pageCursor: null });
    expect(page1.items.map((f) => f.profileText)).toEqual([
      'Marsden, HD7\nWalker and birder',
      'Slaithwaite baker',
      '',
    ]);
    expect(page1.nextCursor).toBe('DFEDBNRFT3MHCZZZ');
    const page2 = await x.fetchFollowers({ account, pageCursor: page1.nextCursor });
    expect(page2.nextCursor).toBeNull();
    expect(
      server.requestsTo(path).map((r) => [r.query.get('max_results'), r.query.get('pagination_token')]),
    ).toEqual([
      ['1000', null],
      ['1000', 'DFEDBNRFT3MHCZZZ'],
    ]);
  });

  it('carries a sweep past a page X emptied (suspended accounts filtered after paging) while it returns a next token', async () => {
    const path = `/2/users/${ID}/followers`;
    server.enqueue(
      'GET',
      path,
      { json: followersPage1 },
      { json: followersFiltered },
      { json: followersPage2 },
    );
    const x = collector();
    const seen: string[] = [];
    let pageCursor: string | null = null;
    do {
      const page = await x.fetchFollowers({ account, pageCursor });
      seen.push(...page.items.map((f) => f.handle));
      pageCursor = page.nextCursor;
    } while (pageCursor);
    expect(seen).toEqual(['resident_0', 'resident_1', 'resident_2', 'resident_3']);
    expect(server.requestsTo(path).map((r) => r.query.get('pagination_token'))).toEqual([
      null,
      'DFEDBNRFT3MHCZZZ',
      'QKGTQDBA2EM1CZZZ',
    ]);
  });

  it('carries on past an empty page of followed accounts, and ends a sweep whose next token repeats the one sent', async () => {
    server.route('GET', `/2/users/${ID}/following`, { json: followersFiltered });
    const x = collector();
    const first = await x.fetchFollowing({ account, pageCursor: null });
    expect(first).toEqual({ items: [], nextCursor: 'QKGTQDBA2EM1CZZZ' });
    const again = await x.fetchFollowing({ account, pageCursor: first.nextCursor });
    expect(again).toEqual({ items: [], nextCursor: null });
  });

  it('stops paging tweets and mentions when X repeats the token just sent', async () => {
    const looping = { ...tweetsEmpty, meta: { result_count: 0, next_token: 'SAMEPAGE' } };
    server.route('GET', `/2/users/${ID}/tweets`, { json: looping });
    server.route('GET', `/2/users/${ID}/mentions`, { json: looping });
    const x = collector();
    await x.fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') });
    await x.fetchInteractions({ account, posts: [] });
    expect(server.requestsTo(`/2/users/${ID}/tweets`)).toHaveLength(2);
    expect(server.requestsTo(`/2/users/${ID}/mentions`)).toHaveLength(2);
  });

  it('lists the accounts the councillor follows', async () => {
    server.route('GET', `/2/users/${ID}/following`, { json: following });
    const page = await collector().fetchFollowing({ account, pageCursor: null });
    expect(page).toEqual({
      items: [
        {
          externalId: '1409000000000009001',
          handle: 'KirkleesCouncil',
          displayName: 'Kirklees Council',
          profileText: 'Huddersfield\nOfficial account of Kirklees Council',
        },
      ],
      nextCursor: null,
    });
    expect(server.requests[0].query.get('max_results')).toBe('1000');
  });

  it('reads replies and mentions from the mentions timeline, leaving out the councillor’s own and retweets of them', async () => {
    server.route('GET', `/2/users/${ID}/mentions`, { json: mentions });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: '1897000000000000500', url: 'u', replies: 4 }],
    });
    // The retweet (1897260000000000960) carries "RT @HanaOkaforCV" but is no one's mention; the quote is.
    expect(
      interactions.map((i) => [i.externalId, i.kind, i.inReplyToExternalId, i.authorExternalId]),
    ).toEqual([
      ['1897100000000000800', 'reply', '1897000000000000500', '1409000000000000101'],
      ['1897200000000000900', 'mention', null, '1409000000000000102'],
      ['1897270000000000970', 'mention', null, '1409000000000000104'],
    ]);
    expect(server.requests[0].query.get('start_time')).toBe('2026-02-27T12:00:00.000Z');
  });

  it('stops before the monthly budget would be exceeded, and counts only what was read', async () => {
    server.route('GET', `/2/users/${ID}/followers`, { json: followersPage1 });
    // $0.01 a user read and $10.05 a month: a 1,000-follower page may cost $10, and each page read 3 users.
    const budget = new InMemoryXReadBudget(10.05, { post: 0.005, user: 0.01 }, () => NOW);
    const x = collector(budget);
    await x.fetchFollowers({ account, pageCursor: null });
    expect(budget.spent).toBeCloseTo(0.03, 9);
    await x.fetchFollowers({ account, pageCursor: 'next' });
    expect(budget.spent).toBeCloseTo(0.06, 9);
    // 0.06 + 10 > 10.05: refused before the request is made.
    const spent = await x.fetchFollowers({ account, pageCursor: 'next' }).catch((e: unknown) => e);
    expect(spent).toBeInstanceOf(XBudgetExhaustedError);
    expect(spent).toBeInstanceOf(RateLimitedError);
    expect((spent as RateLimitedError).resetAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(server.requests).toHaveLength(2);
  });

  it('asks a list shorter than a page at its own length, so a small budget still covers it', async () => {
    server.route('GET', '/2/users/by/username/HanaOkaforCV', {
      json: { data: { ...user.data, public_metrics: { ...user.data.public_metrics, followers_count: 40 } } },
    });
    server.route('GET', `/2/users/${ID}/followers`, { json: followersPage1 });
    // $0.01 a user read and $1 a month: a full page of 1,000 could cost $10 and would be refused.
    const budget = new InMemoryXReadBudget(1, { post: 0.005, user: 0.01 }, () => NOW);
    const x = collector(budget);
    await x.fetchProfile({ handle: 'HanaOkaforCV' });
    await x.fetchFollowers({ account, pageCursor: null });
    // 40 followers and room for a few more: 47 asked for.
    expect(server.requestsTo(`/2/users/${ID}/followers`)[0].query.get('max_results')).toBe('47');
    expect(budget.spent).toBeCloseTo(0.01 + 0.03, 9);
  });

  it('reads on while the budget covers a page, and refuses even a first page it cannot cover', async () => {
    server.route('GET', `/2/users/${ID}/followers`, { json: followersPage1 });
    // Price per user read $0.01, budget $12: a 1,000-follower page may cost $10.
    const budget = new InMemoryXReadBudget(12, { post: 0.005, user: 0.01 }, () => NOW);
    const x = collector(budget);
    await x.fetchFollowers({ account, pageCursor: null });
    expect(budget.spent).toBeCloseTo(0.03);
    await x.fetchFollowers({ account, pageCursor: 'next' });
    const error = await x.fetchFollowers({ account, pageCursor: 'next' }).catch((e: unknown) => e);
    // 0.06 spent + 10 more ≤ 12 still allowed; force the limit with a smaller budget.
    expect(error).toEqual(expect.objectContaining({ items: expect.any(Array) as unknown }));
    const tight = new InMemoryXReadBudget(5, { post: 0.005, user: 0.01 }, () => NOW);
    const spent = await collector(tight)
      .fetchFollowers({ account, pageCursor: null })
      .catch((e: unknown) => e);
    expect(spent).toBeInstanceOf(XBudgetExhaustedError);
    expect(spent).toBeInstanceOf(RateLimitedError);
    expect((spent as RateLimitedError).resetAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(server.requests).toHaveLength(3);
  });

  it('counts the items of a 200 whose payload then fails validation: X billed them all the same', async () => {
    // Two of the three tweets lack created_at: the page is refused, but X sent (and billed) three posts.
    const broken = {
      ...tweetsPage1,
      data: tweetsPage1.data.map(({ created_at, ...tweet }, i) =>
        i === 0 ? { ...tweet, created_at } : tweet,
      ),
    };
    server.route('GET', `/2/users/${ID}/tweets`, { json: broken });
    const budget = new InMemoryXReadBudget(100, { post: 0.005, user: 0.01 }, () => NOW);
    const error = await collector(budget)
      .fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect(budget.spent).toBeCloseTo(3 * 0.005, 9);
  });

  it('counts every 200 a request was retried through, and no error response', async () => {
    const path = `/2/users/${ID}/tweets`;
    server.enqueue(
      'GET',
      path,
      // Billed, cut short, retried: three posts for nothing, then the same three again.
      { body: JSON.stringify(tweetsPage2).slice(0, 80), headers: { 'content-type': 'application/json' } },
      { status: 503, json: { title: 'Service Unavailable' } },
      { json: { ...tweetsPage1, meta: { ...tweetsPage1.meta, next_token: undefined } } },
    );
    server.route('GET', '/2/users/by/username/HanaOkaforCV', { status: 401, json: unauthorized });
    const budget = new InMemoryXReadBudget(100, { post: 0.005, user: 0.01 }, () => NOW);
    const x = collector(budget);
    const page = await x.fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') });
    expect(page.items).toHaveLength(3);
    expect(server.requestsTo(path)).toHaveLength(3);
    expect(budget.spent).toBeCloseTo(6 * 0.005, 9);
    // A refused token is no 200: nothing billed, the reservation handed back.
    await expect(x.fetchProfile({ handle: 'HanaOkaforCV' })).rejects.toBeInstanceOf(UnauthorisedError);
    expect(budget.spent).toBeCloseTo(6 * 0.005, 9);
  });

  it('holds the budget again before retrying a page X billed, and never passes the month’s cap', async () => {
    const path = `/2/users/${ID}/followers`;
    const cut = {
      body: JSON.stringify(followersPage1).slice(0, 80),
      headers: { 'content-type': 'application/json' },
    };
    server.enqueue('GET', path, cut, cut, cut, cut);
    // $0.01 a user read and $10.05 a month: one full page may cost $10, two may not.
    const budget = new InMemoryXReadBudget(10.05, { post: 0.005, user: 0.01 }, () => NOW);
    const error = await collector(budget)
      .fetchFollowers({ account, pageCursor: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XBudgetExhaustedError);
    // One cut-short page was billed (counted as the most it could hold); the retry was not sent.
    expect(server.requestsTo(path)).toHaveLength(1);
    expect(budget.spent).toBeLessThanOrEqual(10.05);
  });

  it('counts a profile read twice when its first answer was cut short', async () => {
    server.enqueue('GET', '/2/users/by/username/HanaOkaforCV', {
      body: JSON.stringify(user).slice(0, 60),
      headers: { 'content-type': 'application/json' },
    });
    server.route('GET', '/2/users/by/username/HanaOkaforCV', { json: user });
    const budget = new InMemoryXReadBudget(100, { post: 0.005, user: 0.01 }, () => NOW);
    await collector(budget).fetchProfile({ handle: 'HanaOkaforCV' });
    expect(budget.spent).toBeCloseTo(2 * 0.01, 9);
  });

  it('retries a 429 it can sleep through and truncated JSON, then succeeds', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 2;
    server.enqueue(
      'GET',
      '/2/users/by/username/HanaOkaforCV',
      {
        status: 429,
        json: tooMany,
        headers: {
          'x-rate-limit-limit': '300',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(reset),
        },
      },
      { body: JSON.stringify(user).slice(0, 60), headers: { 'content-type': 'application/json' } },
    );
    server.route('GET', '/2/users/by/username/HanaOkaforCV', { json: user });
    await expect(collector().fetchProfile({ handle: 'HanaOkaforCV' })).resolves.toMatchObject({
      followersCount: 2104,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('delays on a 429 until x-rate-limit-reset', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 900;
    server.route('GET', '/2/users/by/username/HanaOkaforCV', {
      status: 429,
      json: tooMany,
      headers: {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(reset),
      },
    });
    const error = await collector()
      .fetchProfile({ handle: 'HanaOkaforCV' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt.getTime()).toBe(reset * 1000);
  });

  it("waits for the next month when the plan's monthly usage cap is spent, not for the 15-minute window", async () => {
    server.route('GET', '/2/users/by/username/HanaOkaforCV', {
      status: 429,
      json: usageCapped,
      headers: {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '299',
        'x-rate-limit-reset': String(Math.floor(NOW.getTime() / 1000) + 900),
      },
    });
    const error = await collector()
      .fetchProfile({ handle: 'HanaOkaforCV' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XUsageCapError);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(server.requests).toHaveLength(1);
  });

  it('keeps a rate-limit window per endpoint: spent follower pages do not hold back the profile', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 900;
    server.route('GET', `/2/users/${ID}/followers`, {
      json: followersPage2,
      headers: {
        'x-rate-limit-limit': '15',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(reset),
      },
    });
    server.route('GET', '/2/users/by/username/HanaOkaforCV', {
      json: user,
      headers: {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '299',
        'x-rate-limit-reset': String(reset),
      },
    });
    const x = collector(undefined, new InMemoryRateLimitGate({ now: () => NOW.getTime() }));
    const ref = { platform: 'x' as const, handle: 'HanaOkaforCV', externalId: ID };
    await x.fetchFollowers({ account: ref, pageCursor: null });
    await expect(x.fetchProfile({ handle: 'HanaOkaforCV' })).resolves.toMatchObject({ followersCount: 2104 });
    const spent = await x.fetchFollowers({ account: ref, pageCursor: null }).catch((e: unknown) => e);
    expect(spent).toBeInstanceOf(RateLimitedError);
    expect((spent as RateLimitedError).resetAt.getTime()).toBe(reset * 1000);
    expect(server.requests.map((r) => r.path)).toEqual([
      `/2/users/${ID}/followers`,
      '/2/users/by/username/HanaOkaforCV',
    ]);
  });
});
