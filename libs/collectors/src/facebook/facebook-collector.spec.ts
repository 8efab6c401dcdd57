import type { AccountRef, CollectedInteraction } from '../collected';
import { AccountGoneError, RateLimitedError, UnauthorisedError } from '../errors';
import { InMemoryRateLimitGate } from '../http/in-memory-rate-limit-gate';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import { FacebookClient } from './facebook-client';
import { FacebookCollector, facebookPageRef } from './facebook-collector';
import commentsPage1 from './__fixtures__/comments.page-1.json';
import commentsPage2 from './__fixtures__/comments.page-2.json';
import commentsManyReplies from './__fixtures__/comments.many-replies.json';
import replies504Page2 from './__fixtures__/replies.504.page-2.json';
import replies504Page3 from './__fixtures__/replies.504.page-3.json';
import replies506Page2 from './__fixtures__/replies.506.page-2.json';
import error100Subcode33 from './__fixtures__/error.100-33.json';
import error17 from './__fixtures__/error.17.json';
import error190 from './__fixtures__/error.190.json';
import error80001 from './__fixtures__/error.80001.json';
import error613 from './__fixtures__/error.613.json';
import error803 from './__fixtures__/error.803.json';
import page from './__fixtures__/page.json';
import postsById from './__fixtures__/posts-by-ids.json';
import postsAttachments from './__fixtures__/posts.attachments.json';
import postsFiltered from './__fixtures__/posts.filtered.json';
import postsOtherPage from './__fixtures__/posts.other-page.json';
import postsPage1 from './__fixtures__/posts.page-1.json';
import postsPage2 from './__fixtures__/posts.page-2.json';
import postsSince from './__fixtures__/posts.since.json';
import postsByTime1 from './__fixtures__/posts.time-based.page-1.json';
import postsByTime2 from './__fixtures__/posts.time-based.page-2.json';

const PAGE_ID = '104829375512345';
const account: AccountRef = { platform: 'facebook', handle: 'CllrHanaOkafor', externalId: PAGE_ID };
const NOW = new Date('2026-03-06T12:00:00Z');

/** A second councillor's Page, read with the same system-user token. */
const OTHER_PAGE_ID = '100089123456789';
const otherAccount: AccountRef = { platform: 'facebook', handle: 'CllrJaneDoe', externalId: OTHER_PAGE_ID };

/** `X-Business-Use-Case-Usage` as Meta sends it: one entry list per business object, the Page's id. */
function bucUsage(pageId: string, callCount: number, regainMinutes: number): Record<string, string> {
  return {
    'x-business-use-case-usage': JSON.stringify({
      [pageId]: [
        {
          type: 'pages',
          call_count: callCount,
          total_cputime: 7,
          total_time: 9,
          estimated_time_to_regain_access: regainMinutes,
        },
      ],
    }),
  };
}

describe('FacebookCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  function collector(gate?: InMemoryRateLimitGate) {
    const { http } = fastHttpClient({ gate, now: () => NOW });
    return new FacebookCollector({
      client: new FacebookClient({
        http,
        accessToken: 'page-token',
        baseUrl: server.baseUrl,
        now: () => NOW,
      }),
    });
  }

  /** The two pages of comments under post 9911002233 (the fixtures), one request each. */
  function serveTwoPagesOfComments(): void {
    server.enqueue(
      'GET',
      `/v23.0/${PAGE_ID}_9911002233/comments`,
      { json: commentsPage1 },
      { json: commentsPage2 },
    );
  }

  it('reads followers and fans of a Page, with the token in a header', async () => {
    server.route('GET', '/v23.0/CllrHanaOkafor', { json: page });
    expect(await collector().fetchProfile({ handle: 'https://www.facebook.com/CllrHanaOkafor/' })).toEqual({
      externalId: PAGE_ID,
      handle: 'CllrHanaOkafor',
      displayName: 'Cllr Hana Okafor',
      url: 'https://www.facebook.com/CllrHanaOkafor',
      followersCount: 1040,
      followingCount: null,
      postsCount: null,
      followersListed: false,
    });
    expect(server.requests[0].headers.authorization).toBe('Bearer page-token');
    expect(server.requests[0].query.get('access_token')).toBeNull();
    expect(facebookPageRef('https://www.facebook.com/profile.php?id=1048293')).toBe('1048293');
  });

  it('reads a Page given by its /people/<name>/<id> address by the id', async () => {
    server.route('GET', `/v23.0/${PAGE_ID}`, { json: page });
    const profile = await collector().fetchProfile({
      handle: `https://www.facebook.com/people/Cllr-Hana-Okafor/${PAGE_ID}/?mibextid=ZbWKwL`,
    });
    expect(profile.externalId).toBe(PAGE_ID);
    expect(server.requests.map((r) => r.path)).toEqual([`/v23.0/${PAGE_ID}`]);
    expect(facebookPageRef(`https://m.facebook.com/people/Cllr-Jane-Doe/100089123456789`)).toBe(
      '100089123456789',
    );
    expect(facebookPageRef('https://www.facebook.com/CllrHanaOkafor/')).toBe('CllrHanaOkafor');
    // A Page without a username, by its older and newer addresses.
    expect(facebookPageRef(`https://www.facebook.com/pages/Cllr-Jane-Doe/100089123456789`)).toBe(
      '100089123456789',
    );
    expect(facebookPageRef(`https://www.facebook.com/p/Cllr-Jane-Doe-100089123456789/`)).toBe(
      '100089123456789',
    );
  });

  it('pages posts since a date, then asks only since the newest known one', async () => {
    const path = `/v23.0/${PAGE_ID}/posts`;
    server.enqueue('GET', path, { json: postsPage1 }, { json: postsPage2 }, { json: postsSince });
    const facebook = collector();
    const first = await facebook.fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(
      first.items.map((post) => [post.externalId, post.kind, post.likes, post.replies, post.reposts]),
    ).toEqual([
      [`${PAGE_ID}_9911002233`, 'original', 44, 7, 12],
      [`${PAGE_ID}_9911002200`, 'repost', 3, 0, 0],
      [`${PAGE_ID}_9911002100`, 'original', 15, 2, 0],
    ]);
    expect(first.items[0].links).toEqual(['https://www.kirklees.gov.uk/bins']);
    expect(server.requestsTo(path).map((r) => [r.query.get('since'), r.query.get('after')])).toEqual([
      [String(Date.parse('2026-02-01T00:00:00Z') / 1000), null],
      [String(Date.parse('2026-02-01T00:00:00Z') / 1000), 'QVFIUjRkLWAFTER1'],
    ]);
    const second = await facebook.fetchPosts({
      account,
      cursor: first.nextCursor,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(second.items.map((post) => post.externalId)).toEqual([`${PAGE_ID}_9911002300`]);
    expect(server.requestsTo(path)[2].query.get('since')).toBe(
      String(Date.parse('2026-03-03T18:00:00Z') / 1000),
    );
  });

  it('takes links from the attachments (and their subattachments) as well as the message, once each', async () => {
    const path = `/v23.0/${PAGE_ID}/posts`;
    server.route('GET', path, { json: postsAttachments });
    const page = await collector().fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(page.items.map((post) => [post.externalId, post.links])).toEqual([
      // The address deleted from the text once the preview card appeared.
      [`${PAGE_ID}_9911002400`, ['https://www.kirklees.gov.uk/beta/parking/car-park-consultation.aspx']],
      // In the text and in the card: once.
      [`${PAGE_ID}_9911002380`, ['https://www.kirklees.gov.uk/bins']],
      // Several link cards in one post; the post itself is no link.
      [
        `${PAGE_ID}_9911002350`,
        [
          'https://www.kirklees.gov.uk/beta/libraries/opening-hours.aspx',
          'https://www.examiner.co.uk/news/west-yorkshire-news/birstall-library-hours-change',
        ],
      ],
      // A photo is no link either.
      [`${PAGE_ID}_9911002320`, []],
    ]);
    expect(server.requestsTo(path)[0].query.get('fields')).toContain(
      'attachments{unshimmed_url,url,subattachments{unshimmed_url,url}}',
    );
  });

  it('pages on past a page Graph emptied by filtering, while it links a next one', async () => {
    const path = `/v23.0/${PAGE_ID}/posts`;
    server.enqueue('GET', path, { json: postsPage1 }, { json: postsFiltered }, { json: postsPage2 });
    const page = await collector().fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(page.items.map((post) => post.externalId)).toEqual([
      `${PAGE_ID}_9911002233`,
      `${PAGE_ID}_9911002200`,
      `${PAGE_ID}_9911002100`,
    ]);
    expect(server.requestsTo(path).map((r) => r.query.get('after'))).toEqual([
      null,
      'QVFIUjRkLWAFTER1',
      'QVFIUjRkLWAFTER1b',
    ]);
  });

  it('follows time-based paging (until and __paging_token, no cursors), never sending a token from the link', async () => {
    const path = `/v23.0/${PAGE_ID}/posts`;
    server.enqueue('GET', path, { json: postsByTime1 }, { json: postsByTime2 });
    const page = await collector().fetchPosts({
      account,
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(page.items.map((post) => post.externalId)).toEqual([
      `${PAGE_ID}_9911002233`,
      `${PAGE_ID}_9911002200`,
      `${PAGE_ID}_9911002100`,
    ]);
    const [, second] = server.requestsTo(path);
    expect(server.requestsTo(path)).toHaveLength(2);
    expect(
      Object.fromEntries(['since', 'until', '__paging_token'].map((k) => [k, second.query.get(k)])),
    ).toEqual({
      since: String(Date.parse('2026-02-01T00:00:00Z') / 1000),
      until: '1772359200',
      __paging_token: 'enc_AdBnextPagingToken',
    });
    expect(second.query.get('access_token')).toBeNull();
    expect(second.headers.authorization).toBe('Bearer page-token');
  });

  it('re-reads engagement through ?ids=, 50 posts a request', async () => {
    server.route('GET', '/v23.0/', { json: postsById });
    const ids = Array.from({ length: 51 }, (_, i) => `${PAGE_ID}_${9911000000 + i}`);
    const refreshed = await collector().refreshPosts({ account, externalIds: ids });
    expect(server.requests.map((r) => r.query.get('ids')!.split(',').length)).toEqual([50, 1]);
    expect(refreshed.find((post) => post.externalId === `${PAGE_ID}_9911002233`)).toMatchObject({
      replies: 9,
      likes: 44,
    });
  });

  it('leaves out a post deleted since it was collected, and still refreshes the others', async () => {
    const [kept, other] = Object.keys(postsById);
    const gone = `${PAGE_ID}_9911000000`;
    server.route('GET', '/v23.0/', (request) => {
      const ids = request.query.get('ids')!.split(',');
      if (ids.includes(gone)) return { status: 404, json: error803 };
      return { json: Object.fromEntries(Object.entries(postsById).filter(([id]) => ids.includes(id))) };
    });
    const refreshed = await collector().refreshPosts({ account, externalIds: [kept, gone, other] });
    expect(refreshed.map((post) => post.externalId).sort()).toEqual([kept, other].sort());
  });

  it('skips the comments of a post deleted since it was collected, and reads the others', async () => {
    server.route('GET', `/v23.0/${PAGE_ID}_9911000000/comments`, { status: 400, json: error100Subcode33 });
    serveTwoPagesOfComments();
    const interactions = await collector().fetchInteractions({
      account,
      posts: [
        { externalId: `${PAGE_ID}_9911000000`, url: 'u', replies: 3, repliesSeen: 0 },
        { externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 9, repliesSeen: 7 },
      ],
    });
    expect(interactions.map((i) => i.externalId)).toEqual(['9911002233_501']);
  });

  it('has no follower or following list and makes no request for them', async () => {
    expect(await collector().fetchFollowers({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await collector().fetchFollowing({ account, pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('reads comments only on posts with unread comments, with the Page’s first reply as the answer, leaving out those Meta names no author for', async () => {
    serveTwoPagesOfComments();
    const interactions = await collector().fetchInteractions({
      account,
      posts: [
        { externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 9, repliesSeen: 7 },
        { externalId: `${PAGE_ID}_9911002100`, url: 'u', replies: 2, repliesSeen: 2 },
      ],
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      `/v23.0/${PAGE_ID}_9911002233/comments`,
      `/v23.0/${PAGE_ID}_9911002233/comments`,
    ]);
    expect(server.requests[1].query.get('after')).toBe('COMMENTS2');
    expect(interactions.map((i) => [i.externalId, i.authorExternalId, i.answeredAt])).toEqual([
      ['9911002233_501', '7000000001', '2026-03-03T19:15:00.000Z'],
    ]);
  });

  it('follows the replies under a comment past the first 25 until the Page’s answer, never sending a token from the link', async () => {
    server.route('GET', `/v23.0/${PAGE_ID}_9911002233/comments`, { json: commentsManyReplies });
    server.enqueue(
      'GET',
      '/v23.0/9911002233_504/comments',
      { json: replies504Page2 },
      { json: replies504Page3 },
    );
    server.enqueue('GET', '/v23.0/9911002233_506/comments', { json: replies506Page2 });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 90, repliesSeen: 0 }],
    });
    expect(interactions.map((i) => [i.externalId, i.answeredAt])).toEqual([
      ['9911002233_504', '2026-03-04T08:10:00.000Z'], // on the third page of its replies
      ['9911002233_505', '2026-03-03T20:00:00.000Z'], // among the first 25: nothing more read
      ['9911002233_506', null], // every reply read, none the Page's
    ]);
    // The newest comment first; 504 stops at the answer though a further page is linked; 505 is not
    // followed at all.
    expect(server.requests.map((r) => [r.path, r.query.get('after')])).toEqual([
      [`/v23.0/${PAGE_ID}_9911002233/comments`, null],
      ['/v23.0/9911002233_506/comments', 'MjUZD'],
      ['/v23.0/9911002233_504/comments', 'MjUZD'],
      ['/v23.0/9911002233_504/comments', 'MjcZD'],
    ]);
    for (const request of server.requests.slice(1)) {
      expect(request.query.get('access_token')).toBeNull();
      expect(request.headers.authorization).toBe('Bearer page-token');
      expect(request.query.get('fields')).toBe('id,created_time,from{id}');
      expect(request.query.get('limit')).toBe('100');
    }
  });

  it('reads further replies under at most 20 comments a call (or as configured), the newest first', async () => {
    // 30 unanswered comments, each with more replies than the 25 nested, a minute apart: 506 copied.
    const template = commentsManyReplies.data[2];
    const comments = Array.from({ length: 30 }, (_, n) => ({
      ...template,
      id: `9911002233_7${String(n).padStart(2, '0')}`,
      created_time: new Date(Date.UTC(2026, 2, 3, 19, n)).toISOString(),
    }));
    server.route('GET', `/v23.0/${PAGE_ID}_9911002233/comments`, {
      json: { ...commentsManyReplies, data: comments, paging: {} },
    });
    for (const comment of comments)
      server.route('GET', `/v23.0/${comment.id}/comments`, { json: replies506Page2 });
    const posts = [{ externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 900, repliesSeen: 0 }];
    const read = () =>
      server.requests.slice(1).map((r) => r.path.replace(/^\/v23\.0\/(.*)\/comments$/, '$1'));

    const interactions = await collector().fetchInteractions({ account, posts });
    expect(interactions).toHaveLength(30);
    expect(read()).toEqual(
      Array.from({ length: 20 }, (_, n) => `9911002233_7${String(29 - n).padStart(2, '0')}`),
    );

    server.requests.length = 0;
    const { http } = fastHttpClient({ now: () => NOW });
    const client = new FacebookClient({
      http,
      accessToken: 'page-token',
      baseUrl: server.baseUrl,
      now: () => NOW,
    });
    await new FacebookCollector({ client, maxCommentReplyReads: 2 }).fetchInteractions({ account, posts });
    expect(read()).toEqual(['9911002233_729', '9911002233_728']);
  });

  it('marks the comments the cap left unread, and reads them first next time, new comments or not', async () => {
    // 30 unanswered comments, each with more replies than the 25 nested, a minute apart: 506 copied.
    const template = commentsManyReplies.data[2];
    const id = (n: number) => `9911002233_7${String(n).padStart(2, '0')}`;
    const comments = Array.from({ length: 30 }, (_, n) => ({
      ...template,
      id: id(n),
      created_time: new Date(Date.UTC(2026, 2, 3, 19, n)).toISOString(),
    }));
    server.route('GET', `/v23.0/${PAGE_ID}_9911002233/comments`, {
      json: { ...commentsManyReplies, data: comments, paging: {} },
    });
    for (const comment of comments)
      server.route('GET', `/v23.0/${comment.id}/comments`, { json: replies506Page2 });
    const postId = `${PAGE_ID}_9911002233`;
    const read = () =>
      server.requests
        .map((r) => r.path.replace(/^\/v23\.0\/(.*)\/comments$/, '$1'))
        .filter((p) => p !== postId);
    const range = (from: number, to: number) =>
      Array.from({ length: Math.abs(to - from) + 1 }, (_, n) => id(from < to ? from + n : from - n));
    const left = (interactions: CollectedInteraction[]) =>
      interactions.filter((i) => i.furtherRepliesUnread).map((i) => i.externalId);
    const queue = (ids: string[]) => ids.map((externalId) => ({ externalId, postExternalId: postId }));

    // New comments: the 20 newest are read, the 10 oldest left unread.
    const first = await collector().fetchInteractions({
      account,
      posts: [{ externalId: postId, url: 'u', replies: 900, repliesSeen: 0 }],
    });
    expect(read()).toEqual(range(29, 10));
    expect(left(first)).toEqual(range(0, 9));

    // No new comment since: the post is read again for those 10, and only their replies are read.
    server.requests.length = 0;
    const second = await collector().fetchInteractions({
      account,
      posts: [{ externalId: postId, url: 'u', replies: 900, repliesSeen: 900 }],
      furtherRepliesUnread: queue(range(0, 9)),
    });
    expect(server.requests[0].path).toBe(`/v23.0/${postId}/comments`);
    expect(read()).toEqual(range(0, 9));
    expect(left(second)).toEqual([]);

    // New comments again: those left unread before come first, in the queue's order, then the newest.
    server.requests.length = 0;
    const third = await collector().fetchInteractions({
      account,
      posts: [{ externalId: postId, url: 'u', replies: 950, repliesSeen: 900 }],
      furtherRepliesUnread: queue(range(5, 9)),
    });
    expect(read()).toEqual([...range(5, 9), ...range(29, 15)]);
    expect(left(third)).toEqual([...range(0, 4), ...range(10, 14)]);
  });

  it('leaves a comment deleted while its replies were read unanswered, and reads the others', async () => {
    server.route('GET', `/v23.0/${PAGE_ID}_9911002233/comments`, { json: commentsManyReplies });
    server.route('GET', '/v23.0/9911002233_504/comments', { status: 400, json: error100Subcode33 });
    server.enqueue('GET', '/v23.0/9911002233_506/comments', { json: replies506Page2 });
    const interactions = await collector().fetchInteractions({
      account,
      posts: [{ externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 90, repliesSeen: 0 }],
    });
    expect(interactions.map((i) => [i.externalId, i.answeredAt])).toEqual([
      ['9911002233_504', null],
      ['9911002233_505', '2026-03-03T20:00:00.000Z'],
      ['9911002233_506', null],
    ]);
  });

  it('maps codes 4/17/32/613 to RateLimitedError, 190 to UnauthorisedError and 803 to AccountGoneError', async () => {
    server.enqueue(
      'GET',
      '/v23.0/CllrHanaOkafor',
      { status: 400, json: error613 },
      {
        status: 400,
        json: error17,
        headers: {
          'x-business-use-case-usage': JSON.stringify({
            [PAGE_ID]: [
              {
                type: 'pages',
                call_count: 100,
                total_cputime: 12,
                total_time: 20,
                estimated_time_to_regain_access: 19,
              },
            ],
          }),
        },
      },
      { status: 400, json: error190 },
      { status: 404, json: error803 },
    );
    const facebook = collector();
    const limited = await facebook.fetchProfile({ handle: 'CllrHanaOkafor' }).catch((e: unknown) => e);
    expect((limited as RateLimitedError).resetAt.toISOString()).toBe('2026-03-06T13:00:00.000Z');
    const buc = await facebook.fetchProfile({ handle: 'CllrHanaOkafor' }).catch((e: unknown) => e);
    expect(buc).toBeInstanceOf(RateLimitedError);
    expect((buc as RateLimitedError).resetAt.toISOString()).toBe('2026-03-06T12:19:00.000Z');
    await expect(facebook.fetchProfile({ handle: 'CllrHanaOkafor' })).rejects.toBeInstanceOf(
      UnauthorisedError,
    );
    await expect(facebook.fetchProfile({ handle: 'CllrHanaOkafor' })).rejects.toBeInstanceOf(
      AccountGoneError,
    );
    expect(server.requests).toHaveLength(4);
  });

  it('reports a Page Graph cannot load (deleted, or the token lost access) as unauthorised, in Graph’s words', async () => {
    // Graph answers both with code 100, subcode 33: for the Page itself the token may be at fault, and an
    // admin told "gone" might remove an account (and its history) that only needs its token replaced.
    const missingPage = {
      error: {
        ...error100Subcode33.error,
        message: error100Subcode33.error.message.replace(/'[^']*'/, `'${PAGE_ID}'`),
      },
    };
    server.route('GET', `/v23.0/${PAGE_ID}`, { status: 400, json: missingPage });
    server.route('GET', `/v23.0/${PAGE_ID}/posts`, { status: 400, json: missingPage });
    const facebook = collector();
    const account = { platform: 'facebook' as const, handle: 'CllrHanaOkafor', externalId: PAGE_ID };
    const profile = await facebook.fetchProfile({ handle: PAGE_ID }).catch((e: unknown) => e);
    expect(profile).toBeInstanceOf(UnauthorisedError);
    expect((profile as UnauthorisedError).message).toMatch(
      /the Page is deleted, or the token cannot read it/,
    );
    await expect(
      facebook.fetchPosts({ account, cursor: null, since: new Date('2026-02-01T00:00:00Z') }),
    ).rejects.toBeInstanceOf(UnauthorisedError);
  });

  it('retries a Graph 500 (code 1, unknown error) and a cut body, then succeeds', async () => {
    server.enqueue(
      'GET',
      '/v23.0/CllrHanaOkafor',
      {
        status: 500,
        json: {
          error: {
            message: 'An unknown error has occurred.',
            type: 'OAuthException',
            code: 1,
            fbtrace_id: 'E1',
          },
        },
      },
      { json: page, cutAfterBytes: 30 },
    );
    server.route('GET', '/v23.0/CllrHanaOkafor', { json: page });
    await expect(collector().fetchProfile({ handle: 'CllrHanaOkafor' })).resolves.toMatchObject({
      followersCount: 1040,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('keeps a Page’s business-use-case usage to that Page: one Page near its limit leaves the others collecting', async () => {
    const busyPath = `/v23.0/${PAGE_ID}/posts`;
    const otherPath = `/v23.0/${OTHER_PAGE_ID}/posts`;
    server.route('GET', busyPath, { json: postsSince, headers: bucUsage(PAGE_ID, 95, 0) });
    server.route('GET', otherPath, { json: postsOtherPage, headers: bucUsage(OTHER_PAGE_ID, 4, 0) });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const facebook = collector(gate);
    const since = new Date('2026-02-01T00:00:00Z');

    await facebook.fetchPosts({ account, cursor: null, since });
    const other = await facebook.fetchPosts({ account: otherAccount, cursor: null, since });
    expect(other.items.map((post) => post.externalId)).toEqual([`${OTHER_PAGE_ID}_5520001100`]);

    // The busy Page itself waits out Meta's hour (no regain time given), without a request sent.
    const busy = await facebook.fetchPosts({ account, cursor: null, since }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(RateLimitedError);
    expect((busy as RateLimitedError).resetAt.toISOString()).toBe('2026-03-06T13:00:00.000Z');
    expect(server.requestsTo(busyPath)).toHaveLength(1);
    expect(server.requestsTo(otherPath)).toHaveLength(1);
  });

  it('holds a Page Meta throttled (#80001) until its regain time, in every request about it, and only that Page', async () => {
    const busyPath = `/v23.0/${PAGE_ID}/posts`;
    server.route('GET', busyPath, { status: 400, json: error80001, headers: bucUsage(PAGE_ID, 100, 19) });
    server.route('GET', `/v23.0/${OTHER_PAGE_ID}/posts`, {
      json: postsOtherPage,
      headers: bucUsage(OTHER_PAGE_ID, 4, 0),
    });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const facebook = collector(gate);
    const since = new Date('2026-02-01T00:00:00Z');
    const regained = '2026-03-06T12:19:00.000Z';

    const throttled = await facebook.fetchPosts({ account, cursor: null, since }).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(RateLimitedError);
    expect((throttled as RateLimitedError).resetAt.toISOString()).toBe(regained);

    await expect(facebook.fetchPosts({ account: otherAccount, cursor: null, since })).resolves.toMatchObject({
      items: [{ externalId: `${OTHER_PAGE_ID}_5520001100` }],
    });

    // Its profile, posts, comments under its posts and a refresh of its posts: all refused before
    // being sent (the profile is looked up by username, from the budget of the Page's id).
    const refused = await Promise.all([
      facebook.fetchProfile({ handle: account.handle, externalId: PAGE_ID }).catch((e: unknown) => e),
      facebook.fetchPosts({ account, cursor: null, since }).catch((e: unknown) => e),
      facebook
        .fetchInteractions({
          account,
          posts: [{ externalId: `${PAGE_ID}_9911002233`, url: 'u', replies: 9, repliesSeen: 7 }],
        })
        .catch((e: unknown) => e),
      facebook.refreshPosts({ account, externalIds: [`${PAGE_ID}_9911002233`] }).catch((e: unknown) => e),
    ]);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).resetAt.toISOString()).toBe(regained);
    }
    expect(server.requests.map((r) => r.path)).toEqual([busyPath, `/v23.0/${OTHER_PAGE_ID}/posts`]);
  });

  it('holds every Page back once the app-wide X-App-Usage nears its limit', async () => {
    server.route('GET', `/v23.0/${PAGE_ID}/posts`, {
      json: postsSince,
      headers: {
        'x-app-usage': '{"call_count":93,"total_time":40,"total_cputime":12}',
        ...bucUsage(PAGE_ID, 4, 0),
      },
    });
    server.route('GET', `/v23.0/${OTHER_PAGE_ID}/posts`, { json: postsOtherPage });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const facebook = collector(gate);
    const since = new Date('2026-02-01T00:00:00Z');
    await facebook.fetchPosts({ account, cursor: null, since });
    const other = await facebook
      .fetchPosts({ account: otherAccount, cursor: null, since })
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(RateLimitedError);
    expect((other as RateLimitedError).resetAt.toISOString()).toBe('2026-03-06T13:00:00.000Z');
    expect(server.requests).toHaveLength(1);
  });

  it('throttles on X-App-Usage before Meta does', async () => {
    server.route('GET', '/v23.0/CllrHanaOkafor', {
      json: page,
      headers: { 'x-app-usage': '{"call_count":93,"total_time":40,"total_cputime":12}' },
    });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const facebook = collector(gate);
    await facebook.fetchProfile({ handle: 'CllrHanaOkafor' });
    const throttled = await facebook.fetchProfile({ handle: 'CllrHanaOkafor' }).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(RateLimitedError);
    expect((throttled as RateLimitedError).resetAt.toISOString()).toBe('2026-03-06T13:00:00.000Z');
    expect(server.requests).toHaveLength(1);
  });
});
