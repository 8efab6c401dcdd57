import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountRef, CollectedPost, CollectedProfile, Page } from '../collected';
import { AccountGoneError, MalformedPayloadError } from '../errors';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import type { RecordedRequest } from '../testing/fixture-server';
import { RssCollector } from './rss-collector';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const RSS = 'application/rss+xml; charset=UTF-8';
const NOW = new Date('2026-03-06T12:00:00Z');

describe('RssCollector (contract, replayed over HTTP)', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  const rss = () => new RssCollector({ http: fastHttpClient().http, now: () => NOW });
  /** The request at `index` asked for the feed without validators (an unconditional GET). */
  const expectUnconditional = (index: number): void => {
    expect(server.requests[index].headers['if-none-match']).toBeUndefined();
    expect(server.requests[index].headers['if-modified-since']).toBeUndefined();
  };
  const account = (path: string): AccountRef => ({
    platform: 'rss',
    handle: `${server.baseUrl}${path}`,
    externalId: null,
  });

  it('reads an RSS 2.0 feed’s title and site as the profile, with no counts', async () => {
    server.route('GET', '/feed/', { body: fixture('blog.rss.xml'), headers: { 'content-type': RSS } });
    expect(await rss().fetchProfile({ handle: `${server.baseUrl}/feed/` })).toEqual({
      externalId: `${server.baseUrl}/feed/`,
      handle: `${server.baseUrl}/feed/`,
      displayName: 'Cllr Hana Okafor – Colne Valley',
      url: 'https://hanaokafor.example.org/',
      followersCount: null,
      followingCount: null,
      postsCount: null,
      followersListed: false,
    });
  });

  it('fetches posts since a date, then answers a conditional GET with 304, then only new entries', async () => {
    server.enqueue(
      'GET',
      '/feed/',
      {
        body: fixture('blog.rss.xml'),
        headers: { 'content-type': RSS, etag: 'W/"a1"', 'last-modified': 'Tue, 03 Mar 2026 18:02:11 GMT' },
      },
      { status: 304, headers: { etag: 'W/"a1"' } },
      {
        body: fixture('blog.rss.newer.xml'),
        headers: { 'content-type': RSS, etag: 'W/"b2"', 'last-modified': 'Thu, 05 Mar 2026 08:16:40 GMT' },
      },
    );
    const collector = rss();
    const since = new Date('2026-02-01T00:00:00Z');
    const first = await collector.fetchPosts({ account: account('/feed/'), cursor: null, since });
    expect(first.items.map((post) => [post.externalId, post.createdAt, post.replies])).toEqual([
      ['https://hanaokafor.example.org/?p=412', '2026-03-03T18:00:00.000Z', 4],
      ['https://hanaokafor.example.org/?p=405', '2026-02-20T09:30:00.000Z', 0],
    ]);
    expect(first.items[0]).toMatchObject({
      kind: 'original',
      url: 'https://hanaokafor.example.org/2026/03/03/brown-bins/',
      text: 'Brown bins go fortnightly from April\n\nThe council has confirmed the new brown bin round. Full details on the council site.\n\nQuestions? Email me.',
      links: ['https://hanaokafor.example.org/2026/03/03/brown-bins/', 'https://www.kirklees.gov.uk/bins'],
    });

    const second = await collector.fetchPosts({
      account: account('/feed/'),
      cursor: first.nextCursor,
      since,
    });
    expect(second).toEqual({ items: [], nextCursor: first.nextCursor });
    expect(server.requests[1].headers['if-none-match']).toBe('W/"a1"');
    expect(server.requests[1].headers['if-modified-since']).toBe('Tue, 03 Mar 2026 18:02:11 GMT');

    const third = await collector.fetchPosts({
      account: account('/feed/'),
      cursor: second.nextCursor,
      since,
    });
    expect(third.items.map((post) => post.externalId)).toEqual(['https://hanaokafor.example.org/?p=415']);
    expect(third.items[0].links).toContain('https://www.kirklees.gov.uk/consultations/marsden-car-park');
    expect(JSON.parse(third.nextCursor!)).toMatchObject({ etag: 'W/"b2"' });
  });

  /**
   * One collection as the API's collection service runs it: the profile, given the posts cursor of
   * the last collection, then the posts.
   */
  async function collect(
    collector: RssCollector,
    path: string,
    cursor: string | null,
  ): Promise<{ profile: CollectedProfile; posts: Page<CollectedPost> }> {
    const handle = `${server.baseUrl}${path}`;
    const profile = await collector.fetchProfile({ handle, cursor });
    const posts = await collector.fetchPosts({
      account: { platform: 'rss', handle, externalId: profile.externalId },
      cursor,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    return { profile, posts };
  }
  const a1 = { 'content-type': RSS, etag: 'W/"a1"', 'last-modified': 'Tue, 03 Mar 2026 18:02:11 GMT' };
  const b2 = { 'content-type': RSS, etag: 'W/"b2"', 'last-modified': 'Thu, 05 Mar 2026 08:16:40 GMT' };
  const hana = (path: string): CollectedProfile => ({
    externalId: `${server.baseUrl}${path}`,
    handle: `${server.baseUrl}${path}`,
    displayName: 'Cllr Hana Okafor – Colne Valley',
    url: 'https://hanaokafor.example.org/',
    followersCount: null,
    followingCount: null,
    postsCount: null,
    followersListed: false,
  });
  /** A server that honours If-None-Match: 304 to the validator of the feed it serves, else the feed. */
  const honouring =
    (etag: string, body: string, headers: Record<string, string>) => (request: RecordedRequest) =>
      request.headers['if-none-match'] === etag ? { status: 304, headers: { etag } } : { body, headers };

  it('makes one request per collection: a conditional GET whose 304 answers the profile and the posts', async () => {
    // The blog renames itself with its next post: the new title reaches the profile, and the 304 after it.
    const renamed = fixture('blog.rss.newer.xml').replace(
      'Colne Valley</title>',
      'Colne Valley &amp; Golcar</title>',
    );
    server.enqueue(
      'GET',
      '/feed/',
      { body: fixture('blog.rss.xml'), headers: a1 },
      { status: 304, headers: { etag: 'W/"a1"' } },
      { body: renamed, headers: b2 },
      { status: 304, headers: { etag: 'W/"b2"' } },
    );
    const collector = rss();

    // A first collection has no cursor: one unconditional read serves the profile and the posts.
    const first = await collect(collector, '/feed/', null);
    expect(server.requests).toHaveLength(1);
    expectUnconditional(0);
    expect(first.profile).toEqual(hana('/feed/'));
    expect(first.posts.items.map((post) => post.externalId)).toEqual([
      'https://hanaokafor.example.org/?p=412',
      'https://hanaokafor.example.org/?p=405',
    ]);
    expect(JSON.parse(first.posts.nextCursor!)).toMatchObject({
      etag: 'W/"a1"',
      lastModified: 'Tue, 03 Mar 2026 18:02:11 GMT',
      feed: { title: 'Cllr Hana Okafor – Colne Valley', siteUrl: 'https://hanaokafor.example.org/' },
    });

    // Steady state, feed unchanged: one conditional GET; its 304 gives the profile from the cursor,
    // no new posts and the cursor back unchanged.
    const second = await collect(collector, '/feed/', first.posts.nextCursor);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].headers['if-none-match']).toBe('W/"a1"');
    expect(server.requests[1].headers['if-modified-since']).toBe('Tue, 03 Mar 2026 18:02:11 GMT');
    expect(second.profile).toEqual(hana('/feed/'));
    expect(second.posts).toEqual({ items: [], nextCursor: first.posts.nextCursor });

    // The feed changed: the same one conditional GET brings it (200), and only the new entry comes out.
    const third = await collect(collector, '/feed/', second.posts.nextCursor);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2].headers['if-none-match']).toBe('W/"a1"');
    expect(third.profile).toEqual({
      ...hana('/feed/'),
      displayName: 'Cllr Hana Okafor – Colne Valley & Golcar',
    });
    expect(third.posts.items.map((post) => post.externalId)).toEqual([
      'https://hanaokafor.example.org/?p=415',
    ]);
    expect(JSON.parse(third.posts.nextCursor!)).toMatchObject({
      etag: 'W/"b2"',
      lastModified: 'Thu, 05 Mar 2026 08:16:40 GMT',
      feed: { title: 'Cllr Hana Okafor – Colne Valley & Golcar' },
    });

    const fourth = await collect(collector, '/feed/', third.posts.nextCursor);
    expect(server.requests).toHaveLength(4);
    expect(server.requests[3].headers['if-none-match']).toBe('W/"b2"');
    expect(fourth.profile).toEqual(third.profile);
    expect(fourth.posts).toEqual({ items: [], nextCursor: third.posts.nextCursor });
  });

  it('reads unconditionally for a cursor stored without the feed’s title and site, and stores them', async () => {
    server.route('GET', '/feed/', honouring('W/"a1"', fixture('blog.rss.xml'), a1));
    const old = JSON.stringify({
      v: 1,
      etag: 'W/"a1"',
      lastModified: 'Tue, 03 Mar 2026 18:02:11 GMT',
      seen: [
        'https://hanaokafor.example.org/?p=412',
        'https://hanaokafor.example.org/?p=405',
        'https://hanaokafor.example.org/?p=398',
      ],
    });
    const collector = rss();

    // A 304 could not give the profile: the one read is unconditional, and its feed is what the cursor saw.
    const upgraded = await collect(collector, '/feed/', old);
    expect(server.requests).toHaveLength(1);
    expectUnconditional(0);
    expect(upgraded.profile).toEqual(hana('/feed/'));
    expect(upgraded.posts.items).toEqual([]);
    expect(JSON.parse(upgraded.posts.nextCursor!)).toEqual({
      ...(JSON.parse(old) as object),
      feed: { title: 'Cllr Hana Okafor – Colne Valley', siteUrl: 'https://hanaokafor.example.org/' },
    });

    // From then on, one conditional GET.
    const next = await collect(collector, '/feed/', upgraded.posts.nextCursor);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].headers['if-none-match']).toBe('W/"a1"');
    expect(next).toEqual({
      profile: hana('/feed/'),
      posts: { items: [], nextCursor: upgraded.posts.nextCursor },
    });
  });

  it('reads unconditionally, once per collection, a feed served without validators', async () => {
    server.route('GET', '/feed/', { body: fixture('blog.rss.xml'), headers: { 'content-type': RSS } });
    const collector = rss();
    const first = await collect(collector, '/feed/', null);
    const second = await collect(collector, '/feed/', first.posts.nextCursor);
    expect(server.requests).toHaveLength(2);
    expectUnconditional(1);
    expect(second).toEqual({
      profile: hana('/feed/'),
      posts: { items: [], nextCursor: first.posts.nextCursor },
    });
  });

  it('lets a profile read answer one fetchPosts only: of the same feed and cursor, within seconds', async () => {
    server.route('GET', '/feed/', honouring('W/"a1"', fixture('blog.rss.xml'), a1));
    server.route('GET', '/feed.atom', {
      body: fixture('blog.atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    });
    let now = NOW;
    const collector = new RssCollector({ http: fastHttpClient().http, now: () => now });
    const feed = account('/feed/');
    const since = new Date('2026-02-01T00:00:00Z');
    const { posts } = await collect(collector, '/feed/', null);
    const cursor = posts.nextCursor;
    expect(server.requests).toHaveLength(1);
    const conditional = () => server.requests.map((request) => request.headers['if-none-match'] ?? null);

    // The profile's read served that collection's fetchPosts; the next one asks the server.
    const again = await collector.fetchPosts({ account: feed, cursor, since });
    expect(again).toEqual({ items: [], nextCursor: cursor });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].headers['if-modified-since']).toBe('Tue, 03 Mar 2026 18:02:11 GMT');

    // A profile read (200 or 304) older than a few seconds is not trusted as this collection's read.
    await collector.fetchProfile({ handle: feed.handle });
    now = new Date(NOW.getTime() + 11_000);
    expect(await collector.fetchPosts({ account: feed, cursor, since })).toEqual({
      items: [],
      nextCursor: cursor,
    });
    now = NOW;
    await collector.fetchProfile({ handle: feed.handle, cursor });
    now = new Date(NOW.getTime() + 11_000);
    expect(await collector.fetchPosts({ account: feed, cursor, since })).toEqual({
      items: [],
      nextCursor: cursor,
    });
    now = NOW;
    expect(conditional()).toEqual([null, 'W/"a1"', null, 'W/"a1"', 'W/"a1"', 'W/"a1"']);

    // A 304 answers the cursor it was asked with, not another one.
    await collector.fetchProfile({ handle: feed.handle, cursor });
    const fromScratch = await collector.fetchPosts({ account: feed, cursor: null, since });
    expect(fromScratch.items).toHaveLength(2);
    expect(conditional().slice(6)).toEqual(['W/"a1"', null]);

    // Nor is a profile read used for another feed.
    await collector.fetchProfile({ handle: feed.handle, cursor });
    const atom = await collector.fetchPosts({ account: account('/feed.atom'), cursor: null, since });
    expect(atom.items).toHaveLength(2);
    expect(server.requests.map((request) => request.path).slice(8)).toEqual(['/feed/', '/feed.atom']);
  });

  it('reads Atom with relative links, XHTML content and thr:count', async () => {
    server.route('GET', '/feed.atom', {
      body: fixture('blog.atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    });
    const collector = rss();
    const profile = await collector.fetchProfile({ handle: `${server.baseUrl}/feed.atom` });
    expect(profile).toMatchObject({
      displayName: 'Cllr Sam Whitworth — Holme Valley South',
      url: `${server.baseUrl}/`,
    });
    const posts = await collector.fetchPosts({
      account: account('/feed.atom'),
      cursor: null,
      since: new Date('2026-01-01'),
    });
    expect(posts.items.map((post) => [post.url, post.createdAt, post.replies])).toEqual([
      [`${server.baseUrl}/2026/03/holmfirth-depot`, '2026-03-02T20:00:00.000Z', 6],
      ['https://samwhitworth.example.net/2026/02/flood-wardens', '2026-02-14T08:00:00.000Z', 0],
    ]);
    expect(posts.items[0].text).toBe(
      'Holmfirth depot: what happens next\n\nThe planning committee deferred the depot application.\n\nI will keep HD9 residents posted.',
    );
    expect(posts.items[0].links).toContain('https://www.kirklees.gov.uk/planning/2026/0042');
  });

  it('reads Atom html content escaped as entities or in CDATA as HTML (text and links), and text content as text', async () => {
    server.route('GET', '/ward-news.atom', {
      body: fixture('ward-news.atom.xml'),
      headers: { 'content-type': 'application/atom+xml' },
    });
    const posts = await rss().fetchPosts({
      account: account('/ward-news.atom'),
      cursor: null,
      since: new Date('2026-01-01'),
    });
    expect(posts.items.map((post) => [post.text, post.links])).toEqual([
      [
        'Bins & recycling\n\nSee bins & more',
        ['https://priyashah.example.org/2026/03/bins', 'https://www.kirklees.gov.uk/bins'],
      ],
      [
        'Dalton Bank Road closure\n\nClosed nights until 6 March. Diversions & bus changes.',
        ['https://priyashah.example.org/2026/02/dalton-bank-road', 'https://www.kirklees.gov.uk/roadworks'],
      ],
      [
        'Budget vote\n\nCouncil tax rises 4.99% < 5%: the cap. Questions & answers at surgery.',
        ['https://priyashah.example.org/2026/02/budget'],
      ],
    ]);
  });

  it('reads RSS descriptions escaped as entities as HTML, unescaped once', async () => {
    server.route('GET', '/escaped.rss', {
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dalton news</title><link>https://dalton.example/</link>
<item><title>Bins</title><link>https://dalton.example/bins</link><guid>bins</guid>
<pubDate>Wed, 04 Mar 2026 17:30:00 GMT</pubDate><description>&lt;p&gt;See &lt;a href="https://www.kirklees.gov.uk/bins"&gt;bins&lt;/a&gt; &amp;amp; more&lt;/p&gt;</description></item>
</channel></rss>`,
      headers: { 'content-type': RSS },
    });
    const posts = await rss().fetchPosts({
      account: account('/escaped.rss'),
      cursor: null,
      since: new Date('2026-01-01'),
    });
    expect(posts.items.map((post) => [post.text, post.links])).toEqual([
      ['Bins\n\nSee bins & more', ['https://dalton.example/bins', 'https://www.kirklees.gov.uk/bins']],
    ]);
  });

  it('has no follower list, no replies and no engagement to refresh, and makes no request for them', async () => {
    const collector = rss();
    expect(await collector.fetchFollowers({ account: account('/feed/'), pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await collector.fetchFollowing({ account: account('/feed/'), pageCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(
      await collector.fetchInteractions({
        account: account('/feed/'),
        posts: [{ externalId: 'x', url: 'x', replies: 0 }],
      }),
    ).toEqual([]);
    expect(await collector.refreshPosts({ account: account('/feed/'), externalIds: ['x'] })).toEqual([]);
    expect(collector.capabilities).toEqual({
      followerList: false,
      followingList: false,
      replies: false,
      refreshPosts: false,
      mentions: 'not-offered',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('reports a removed feed as gone, an HTML page as malformed, and retries a cut feed', async () => {
    server.route('GET', '/gone', { status: 410, body: 'Gone' });
    server.route('GET', '/moved', {
      body: fixture('not-a-feed.html'),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const whole = fixture('blog.rss.xml');
    server.enqueue('GET', '/cut', { body: whole.slice(0, 900), headers: { 'content-type': RSS } });
    server.route('GET', '/cut', { body: whole, headers: { 'content-type': RSS } });
    const collector = rss();
    await expect(collector.fetchProfile({ handle: `${server.baseUrl}/gone` })).rejects.toBeInstanceOf(
      AccountGoneError,
    );
    await expect(collector.fetchProfile({ handle: `${server.baseUrl}/moved` })).rejects.toBeInstanceOf(
      MalformedPayloadError,
    );
    await expect(collector.fetchProfile({ handle: 'not a url' })).rejects.toBeInstanceOf(
      MalformedPayloadError,
    );
    const cut = await collector.fetchProfile({ handle: `${server.baseUrl}/cut` }).catch((e: unknown) => e);
    // A cut feed is transient: the job retries it.
    expect((cut as Error).name).toBe('TransientError');
    const retried = await collector.fetchProfile({ handle: `${server.baseUrl}/cut` });
    expect(retried.displayName).toBe('Cllr Hana Okafor – Colne Valley');
  });

  it('names the element that breaks the feed schema', async () => {
    server.route('GET', '/bad.atom', {
      body: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>No id</title></entry></feed>',
      headers: { 'content-type': 'application/atom+xml' },
    });
    const error = await rss()
      .fetchProfile({ handle: `${server.baseUrl}/bad.atom` })
      .catch((e: unknown) => e);
    expect((error as MalformedPayloadError).path).toBe('feed.entry[0].id');
  });

  it('reads a whole feed that is not well-formed (an unescaped &), and British Summer Time dates', async () => {
    server.route('GET', '/ward-news.rss', {
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Colne Valley news & views</title><link>https://colne.example/</link>
<item><title>Roads & pavements surgery</title><link>https://colne.example/roads</link><guid>roads</guid>
<pubDate>Mon, 02 Mar 2026 09:30:00 BST</pubDate><description>Bring your questions & photos.</description></item>
<item><title>Allotments</title><link>https://colne.example/allotments</link><guid>allotments</guid>
<pubDate>Sun, 01 Mar 2026 18:00:00 CEST</pubDate><description>Plots free.</description></item>
</channel></rss>`,
      headers: { 'content-type': RSS },
    });
    const page = await rss().fetchPosts({
      account: account('/ward-news.rss'),
      cursor: null,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(page.items.map((post) => [post.externalId, post.createdAt])).toEqual([
      ['roads', '2026-03-02T08:30:00.000Z'],
      ['allotments', '2026-03-01T16:00:00.000Z'],
    ]);
  });
});
