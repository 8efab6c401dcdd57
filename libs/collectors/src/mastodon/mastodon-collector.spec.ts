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
import { MastodonClient } from './mastodon-client';
import { MastodonCollector } from './mastodon-collector';
import accountById from './__fixtures__/accounts-by-id.json';
import followersPage1 from './__fixtures__/accounts-followers.page-1.json';
import followersPage2 from './__fixtures__/accounts-followers.page-2.json';
import following from './__fixtures__/accounts-following.json';
import lookupHidden from './__fixtures__/accounts-lookup.hidden-collections.json';
import lookup from './__fixtures__/accounts-lookup.json';
import lookupMoved from './__fixtures__/accounts-lookup.moved.json';
import lookupSuspended from './__fixtures__/accounts-lookup.suspended.json';
import statusesEmpty from './__fixtures__/accounts-statuses.empty.json';
import statusesMinId from './__fixtures__/accounts-statuses.min-id.json';
import statusesPage1 from './__fixtures__/accounts-statuses.page-1.json';
import statusesPage2 from './__fixtures__/accounts-statuses.page-2.json';
import authRequired from './__fixtures__/error.authenticated-user-required.json';
import notFound from './__fixtures__/error.record-not-found.json';
import tooMany from './__fixtures__/error.too-many-requests.json';
import statusesByIds from './__fixtures__/statuses-by-ids.json';
import context from './__fixtures__/statuses-context.json';

const ID = '109876543210987654';
const account: AccountRef = { platform: 'mastodon', handle: 'hanaokafor@colne.social', externalId: ID };
const statusesPath = `/api/v1/accounts/${ID}/statuses`;
const NOW = new Date('2026-03-04T12:00:00Z');

describe('MastodonCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  function collector(gate?: InMemoryRateLimitGate) {
    const { http } = fastHttpClient({ gate, now: () => NOW });
    return new MastodonCollector({ client: new MastodonClient({ http, baseUrlOverride: server.baseUrl }) });
  }

  it('looks the account up by its full address and maps counts and hidden collections', async () => {
    server.enqueue('GET', '/api/v1/accounts/lookup', { json: lookup }, { json: lookupHidden });
    const mastodon = collector();
    expect(await mastodon.fetchProfile({ handle: '@hanaokafor@colne.social' })).toEqual({
      externalId: ID,
      handle: 'hanaokafor@colne.social',
      displayName: 'Cllr Hana Okafor',
      url: 'https://colne.social/@hanaokafor',
      followersCount: 642,
      followingCount: 230,
      postsCount: 1804,
      followersListed: true,
    });
    expect(server.requests[0].query.get('acct')).toBe('hanaokafor@colne.social');
    expect(
      (await mastodon.fetchProfile({ handle: 'https://colne.social/@hanaokafor' })).followersListed,
    ).toBe(false);
  });

  it('reports suspended, moved and unknown accounts as gone, and a closed instance as unauthorised', async () => {
    server.enqueue(
      'GET',
      '/api/v1/accounts/lookup',
      { json: lookupSuspended },
      { json: lookupMoved },
      { status: 404, json: notFound },
      { status: 401, json: authRequired },
    );
    const mastodon = collector();
    await expect(mastodon.fetchProfile({ handle: 'formercllr@colne.social' })).rejects.toBeInstanceOf(
      AccountGoneError,
    );
    await expect(mastodon.fetchProfile({ handle: 'oldhandle@colne.social' })).rejects.toThrow(
      'has moved to newhandle@other.social',
    );
    await expect(mastodon.fetchProfile({ handle: 'nobody@colne.social' })).rejects.toBeInstanceOf(
      AccountGoneError,
    );
    const closed = await mastodon.fetchProfile({ handle: 'someone@private.social' }).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(UnauthorisedError);
    expect((closed as Error).message).toBe(
      'mastodon GET /api/v1/accounts/lookup: private.social refuses logged-out access (This API requires an authenticated user)',
    );
    await expect(mastodon.fetchProfile({ handle: 'not a handle' })).rejects.toBeInstanceOf(
      MalformedPayloadError,
    );
  });

  it('pages back with max_id to `since` on a first run, then forward with min_id only', async () => {
    server.route('GET', statusesPath, (request) => ({
      json: request.query.get('max_id') ? statusesPage2 : statusesPage1,
    }));
    const mastodon = collector();
    // One status a day from 3 March back; 20 January 18:00 is the 43rd, 19 January the first too old.
    const first = await mastodon.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-01-20T00:00:00Z'),
    });
    expect(first.items).toHaveLength(43);
    expect(first.items.at(-1)!.createdAt).toBe('2026-01-20T18:00:00.000Z');
    expect(server.requestsTo(statusesPath).map((r) => [r.query.get('limit'), r.query.get('max_id')])).toEqual(
      [
        ['40', null],
        ['40', '111000000000061000'],
      ],
    );
    const [bins, repost, reply] = first.items;
    expect(bins).toMatchObject({
      kind: 'original',
      text: 'Bin collections change from Monday & brown bins go fortnightly: https://www.kirklees.gov.uk/bins',
      likes: 12,
      reposts: 4,
      replies: 3,
      links: ['https://www.kirklees.gov.uk/bins'],
      url: 'https://colne.social/@hanaokafor/111000000000100000',
    });
    // The reblogged status's engagement is its author's; the reblog is at the councillor's address.
    expect(repost).toMatchObject({
      kind: 'repost',
      likes: 0,
      reposts: 0,
      replies: 0,
      quotes: 0,
      text: 'A62 closed this weekend',
      url: 'https://colne.social/@hanaokafor/111000000000099000',
    });
    expect(reply).toMatchObject({
      kind: 'reply',
      links: [],
      // The author answered, named by the reply's mention of them, as every instance names them.
      inReplyTo: {
        externalId: '110999000000000055',
        authorExternalId: 'hd9walker@colne.social',
        authorFormerIds: ['109000000000000101'],
      },
    });

    server.enqueue('GET', statusesPath, { json: statusesMinId });
    const second = await mastodon.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-01-21T00:00:00Z'),
    });
    expect(second.items.map((post) => post.externalId)).toEqual(
      ['111000000000200000', '111000000000201000', '111000000000202000'].reverse(),
    );
    expect(server.requestsTo(statusesPath).at(-1)!.query.get('min_id')).toBe('111000000000100000');
    expect(server.requestsTo(statusesPath)).toHaveLength(3);

    server.enqueue('GET', statusesPath, { json: statusesEmpty });
    const third = await mastodon.fetchPosts({
      account,
      cursor: second.nextCursor,
      since: new Date('2026-01-21T00:00:00Z'),
    });
    expect(third).toEqual({ items: [], nextCursor: second.nextCursor });
    expect(server.requestsTo(statusesPath).at(-1)!.query.get('min_id')).toBe('111000000000202000');
  });

  it('addresses a reblog with no url of its own by its activity, not by the reblogged status', async () => {
    const reblog = {
      ...statusesPage1[1],
      uri: 'https://colne.social/users/hanaokafor/statuses/111000000000099000/activity',
      url: null,
    };
    server.route('GET', '/api/v1/statuses', { json: [reblog] });
    const [repost] = await collector().refreshPosts({ account, externalIds: [reblog.id] });
    expect(repost).toMatchObject({
      kind: 'repost',
      likes: 0,
      reposts: 0,
      url: 'https://colne.social/users/hanaokafor/statuses/111000000000099000/activity',
    });
  });

  it('pages followers through the Link header, with bio and profile fields as profile text', async () => {
    const followersPath = `/api/v1/accounts/${ID}/followers`;
    server.enqueue(
      'GET',
      followersPath,
      {
        json: followersPage1,
        headers: {
          link: `<https://colne.social/api/v1/accounts/${ID}/followers?limit=80&max_id=7163058>; rel="next", <https://colne.social/api/v1/accounts/${ID}/followers?limit=80&since_id=7163100>; rel="prev"`,
        },
      },
      {
        json: followersPage2,
        headers: {
          link: `<https://colne.social/api/v1/accounts/${ID}/followers?limit=80&since_id=7163050>; rel="prev"`,
        },
      },
    );
    const mastodon = collector();
    const page1 = await mastodon.fetchFollowers({ account, pageCursor: null });
    expect(page1.items).toHaveLength(80);
    expect(page1.items[0]).toEqual({
      externalId: 'hd9walker@colne.social',
      handle: 'hd9walker@colne.social',
      displayName: 'Walker',
      profileText: 'Hiker. Holmfirth HD9\nLocation: Holmfirth',
      // The id this instance gave them, by which earlier releases knew them (erasures made then).
      formerIds: ['109000000000000101'],
    });
    expect(page1.nextCursor).toBe('7163058');
    const page2 = await mastodon.fetchFollowers({ account, pageCursor: page1.nextCursor });
    expect(page2.nextCursor).toBeNull();
    expect(server.requestsTo(followersPath)[1].query.get('max_id')).toBe('7163058');
  });

  it('fails a sweep whose account hid its followers part-way, rather than ending it (which would mark everyone unseen lost)', async () => {
    const followersPath = `/api/v1/accounts/${ID}/followers`;
    server.route('GET', followersPath, { json: [] });
    server.enqueue('GET', '/api/v1/accounts/lookup', { json: lookupHidden }, { json: lookup });
    const mastodon = collector();
    const hidden = await mastodon.fetchFollowers({ account, pageCursor: '7163058' }).catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(TransientError);
    expect((hidden as Error).message).toContain('hid its followers');
    // Not hidden: the empty page after a full last one is the list's end.
    expect(await mastodon.fetchFollowers({ account, pageCursor: '7163058' })).toEqual({
      items: [],
      nextCursor: null,
    });
    // A first page asks nothing more (the sweep writer knows a list that showed nobody).
    await mastodon.fetchFollowers({ account, pageCursor: null });
    expect(server.requestsTo('/api/v1/accounts/lookup')).toHaveLength(2);
  });

  it('identifies a person by user@domain, the same from any instance, not by an instance’s own id', async () => {
    // Alice lives on fosstodon.org; a councillor there and one on colne.social both have her as follower.
    const alice = followersPage1[0];
    const local = { ...alice, id: '900000000000000001', username: 'Alice', acct: 'Alice' };
    const remote = { ...alice, id: '109000000000000555', username: 'Alice', acct: 'Alice@Fosstodon.org' };
    server.route('GET', `/api/v1/accounts/${ID}/followers`, { json: [remote] });
    server.route('GET', '/api/v1/accounts/777/followers', { json: [local] });
    const mastodon = collector();
    const onColne = await mastodon.fetchFollowers({ account, pageCursor: null });
    const onFosstodon = await mastodon.fetchFollowers({
      account: { platform: 'mastodon', handle: 'cllr@fosstodon.org', externalId: '777' },
      pageCursor: null,
    });
    expect(onColne.items[0].externalId).toBe('alice@fosstodon.org');
    expect(onFosstodon.items[0].externalId).toBe('alice@fosstodon.org');

    // A reply to herself names the councillor; a reply whose author no mention names names nobody.
    const [, , reply] = statusesPage1;
    const own = { ...reply, id: '111000000000300000', in_reply_to_account_id: ID, mentions: [] };
    const unknown = { ...reply, id: '111000000000300001', mentions: [] };
    server.route('GET', '/api/v1/statuses', { json: [own, unknown] });
    const refreshed = await mastodon.refreshPosts({ account, externalIds: [own.id, unknown.id] });
    expect(refreshed.map((post) => post.inReplyTo?.authorExternalId)).toEqual([
      'hanaokafor@colne.social',
      null,
    ]);
  });

  it('looks up whom a new reply answers when its author took the mention out, once an account', async () => {
    // Three replies naming nobody: two to hd9walker (by this instance's id for them), one to an account gone since.
    const [, , reply] = statusesPage1;
    const first = { ...reply, id: '111000000000300002', mentions: [] };
    const second = { ...reply, id: '111000000000300001', in_reply_to_id: '110999000000000056', mentions: [] };
    const toGone = {
      ...reply,
      id: '111000000000300000',
      in_reply_to_account_id: '109000000000000999',
      mentions: [],
    };
    server.route('GET', statusesPath, { json: [first, second, toGone] });
    server.route('GET', '/api/v1/accounts/109000000000000101', { json: accountById });
    server.route('GET', '/api/v1/accounts/109000000000000999', { status: 404, json: notFound });
    const mastodon = collector();
    const { items } = await mastodon.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-01-01T00:00:00Z'),
    });
    expect(items.map((post) => post.inReplyTo)).toEqual([
      {
        externalId: '110999000000000055',
        authorExternalId: 'hd9walker@colne.social',
        authorFormerIds: ['109000000000000101'],
      },
      {
        externalId: '110999000000000056',
        authorExternalId: 'hd9walker@colne.social',
        authorFormerIds: ['109000000000000101'],
      },
      { externalId: '110999000000000055', authorExternalId: null, authorFormerIds: [] },
    ]);
    expect(server.requestsTo('/api/v1/accounts/109000000000000101')).toHaveLength(1);
    expect(server.requestsTo('/api/v1/accounts/109000000000000999')).toHaveLength(1);

    // An account the instance will not show logged out stays unnamed; the collection goes on.
    server.route('GET', '/api/v1/accounts/109000000000000999', { status: 403, json: authRequired });
    const refused = await mastodon.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-01-01T00:00:00Z'),
    });
    expect(refused.items.map((post) => post.inReplyTo?.authorExternalId)).toEqual([
      'hd9walker@colne.social',
      'hd9walker@colne.social',
      null,
    ]);
    // One that answers without an address fails loudly, naming the method and the path.
    server.route('GET', '/api/v1/accounts/109000000000000999', { json: { id: '109000000000000999' } });
    await expect(
      mastodon.fetchPosts({ account, cursor: null, since: new Date('2026-01-01T00:00:00Z') }),
    ).rejects.toThrow(MalformedPayloadError);
    await expect(
      mastodon.fetchPosts({ account, cursor: null, since: new Date('2026-01-01T00:00:00Z') }),
    ).rejects.toThrow(/GET \/api\/v1\/accounts\/:id.*acct/);

    // A reply that mentions whom it answers costs no lookup.
    const lookups = server.requestsTo('/api/v1/accounts/109000000000000101').length;
    server.route('GET', statusesPath, { json: [reply] });
    await mastodon.fetchPosts({ account, cursor: null, since: new Date('2026-01-01T00:00:00Z') });
    expect(server.requestsTo('/api/v1/accounts/109000000000000101')).toHaveLength(lookups);
  });

  it('pages the accounts the councillor follows through the Link header too', async () => {
    server.route('GET', `/api/v1/accounts/${ID}/following`, {
      json: following,
      headers: {
        link: `<https://colne.social/api/v1/accounts/${ID}/following?limit=80&max_id=990>; rel="next"`,
      },
    });
    const page = await collector().fetchFollowing({ account, pageCursor: null });
    expect(page.items.map((a) => a.handle)).toEqual(['late0@colne.social', 'late1@colne.social']);
    expect(page.nextCursor).toBe('990');
  });

  it('re-reads counts 20 statuses a request and falls back to single reads on instances older than 4.3', async () => {
    server.enqueue('GET', '/api/v1/statuses', { json: statusesByIds }, { status: 404, json: notFound });
    server.route('GET', '/api/v1/statuses/111000000000100000', { json: statusesByIds[0] });
    server.route('GET', '/api/v1/statuses/1', { status: 404, json: notFound });
    const ids = Array.from({ length: 20 }, (_, i) => String(111000000000000000 + i));
    const refreshed = await collector().refreshPosts({
      account,
      externalIds: [...ids, '111000000000100000', '1'],
    });
    expect(server.requestsTo('/api/v1/statuses').map((r) => r.query.getAll('id[]').length)).toEqual([20, 2]);
    expect(refreshed.map((post) => [post.externalId, post.likes])).toEqual([
      ['111000000000100000', 20],
      ['111000000000095000', 5],
      ['111000000000100000', 20],
    ]);
  });

  it('reads the context only of statuses with unread replies and finds the councillor’s answers', async () => {
    server.route('GET', '/api/v1/statuses/111000000000100000/context', { json: context });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [
        { externalId: '111000000000100000', url: 'u', replies: 5, repliesSeen: 3 },
        { externalId: '111000000000095000', url: 'u', replies: 2, repliesSeen: 2 },
      ],
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v1/statuses/111000000000100000/context']);
    expect(interactions.map((i) => [i.externalId, i.inReplyToExternalId, i.answeredAt])).toEqual([
      ['111000000000100101', '111000000000100000', '2026-03-03T18:50:00.000Z'],
      ['111000000000100103', '111000000000100102', null],
      // A reply to a resident's reply answers no councillor status.
      ['111000000000100104', null, '2026-03-03T20:00:00.000Z'],
    ]);
    expect(interactions.map((i) => i.authorExternalId)).toEqual([
      'hd9walker@colne.social',
      'slawitbaker@colne.social',
      'kirkleesnews@news.example',
    ]);
    // The instance's own users also by the id it gives them (erasures made by earlier releases);
    // another instance's user by none (their id there named them nowhere else).
    expect(interactions.map((i) => i.authorFormerIds?.length)).toEqual([1, 1, 0]);
  });

  it('holds only direct replies against a status’s reply count, so a later direct reply is read', async () => {
    // P; Ann replies (A) and Bob replies to A: P counts 1 reply. Then Carol replies to P: it counts 2.
    const [ann, , , bob] = context.descendants;
    const carol = { ...ann, id: '111000000000100200', account: context.descendants[2].account };
    const contextPath = '/api/v1/statuses/111000000000100000/context';
    server.enqueue(
      'GET',
      contextPath,
      { json: { ancestors: [], descendants: [ann, bob] } },
      { json: { ancestors: [], descendants: [ann, bob, carol] } },
    );
    const mastodon = collector();
    const held: Array<string | null> = [];
    // What the API holds against P: the replies that answer it (collection.repository.ts).
    const read = async (replies: number) => {
      const found = await mastodon.fetchInteractions({
        account,
        posts: [
          {
            externalId: '111000000000100000',
            url: 'u',
            replies,
            repliesSeen: held.filter((inReplyTo) => inReplyTo === '111000000000100000').length,
          },
        ],
      });
      held.push(...found.map((interaction) => interaction.inReplyToExternalId));
      return found;
    };
    expect(await read(1)).toHaveLength(2);
    const second = await read(2);
    expect(server.requestsTo(contextPath)).toHaveLength(2);
    expect(second.map((i) => i.externalId)).toContain('111000000000100200');
  });

  it('honours X-RateLimit headers with an ISO reset, and delays on a 429 it cannot sleep through', async () => {
    server.enqueue(
      'GET',
      '/api/v1/accounts/lookup',
      {
        json: lookup,
        headers: {
          'x-ratelimit-limit': '300',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '2026-03-04T12:15:00.000Z',
        },
      },
      {
        status: 429,
        json: tooMany,
        headers: {
          'x-ratelimit-limit': '300',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '2026-03-04T12:10:00.000Z',
        },
      },
    );
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const mastodon = collector(gate);
    await mastodon.fetchProfile({ handle: 'hanaokafor@colne.social' });
    const spent = await mastodon.fetchProfile({ handle: 'hanaokafor@colne.social' }).catch((e: unknown) => e);
    expect((spent as RateLimitedError).resetAt.toISOString()).toBe('2026-03-04T12:15:00.000Z');
    expect(server.requests).toHaveLength(1);
    const ungated = await collector()
      .fetchProfile({ handle: 'hanaokafor@colne.social' })
      .catch((e: unknown) => e);
    expect(ungated).toBeInstanceOf(RateLimitedError);
    expect((ungated as RateLimitedError).resetAt.toISOString()).toBe('2026-03-04T12:10:00.000Z');
  });

  it('retries a 503 with Retry-After and a cut body, then succeeds', async () => {
    server.enqueue(
      'GET',
      '/api/v1/accounts/lookup',
      { status: 503, headers: { 'retry-after': '2' }, body: 'Service Unavailable' },
      { json: lookup, cutAfterBytes: 40 },
    );
    server.route('GET', '/api/v1/accounts/lookup', { json: lookup });
    await expect(collector().fetchProfile({ handle: 'hanaokafor@colne.social' })).resolves.toMatchObject({
      followersCount: 642,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('names the path of a malformed status', async () => {
    const broken = structuredClone(statusesPage2) as Array<Record<string, unknown>>;
    broken[2].favourites_count = null;
    server.route('GET', statusesPath, { json: broken });
    const error = await collector()
      .fetchPosts({ account, cursor: null, since: new Date('2026-01-01') })
      .catch((e: unknown) => e);
    expect((error as MalformedPayloadError).path).toBe('[2].favourites_count');
    expect((error as Error).message).toMatch(
      /^mastodon GET \/api\/v1\/accounts\/:id\/statuses: malformed payload/,
    );
  });

  it('names the path of a time that is not one, instead of failing while mapping it', async () => {
    const broken = structuredClone(statusesPage2) as Array<Record<string, unknown>>;
    broken[1].created_at = '2026-02-30T25:61:00Z';
    server.route('GET', statusesPath, { json: broken });
    const error = await collector()
      .fetchPosts({ account, cursor: null, since: new Date('2026-01-01') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as MalformedPayloadError).path).toBe('[1].created_at');
  });
});
