import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  FacebookClient,
  FacebookCollector,
  HttpClient,
  MastodonClient,
  MastodonCollector,
} from '@wardreach/collectors';
import type { Collector, Platform } from '@wardreach/collectors';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { CliModule } from '../cli.module';
import { pseudonymise } from '../common/pseudonymise';
import { PrivacyRepository } from '../privacy/privacy.repository';
import { seedRoster } from '../testing/seed-roster';
import { startLocalHttpServer } from '../testing/local-http-server';
import type { LocalHttpServer } from '../testing/local-http-server';
import { strictFake } from '../testing/strict-fake';
import { createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CollectAccountService } from './collect-account.service';
import { CollectionStatusRepository } from './collection-status.repository';
import type { CollectorSet } from './collector-set';
import { CollectorSetFactory } from './collector-set.factory';

const SECRET = 'collect-account spec secret of thirty-two characters';
const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const IDS = {
  council: '00000000-0000-4000-8000-0000000000c1',
  ward: '00000000-0000-4000-8000-0000000000c2',
  councillor: '00000000-0000-4000-8000-0000000000c3',
};
const DID = 'did:plc:cllrann00000000000000000';
const HANDLE = 'cllr-ann.bsky.social';
const RESIDENT = 'did:plc:r3s1dentaaaaaaaaaaaaaaaa';

const author = { did: DID, handle: HANDLE, displayName: 'Cllr Ann', labels: [] };
const HOUR_MS = 60 * 60 * 1000;

/** A post as the AppView shows it (a PostView), by `did`, replying to `parent` if given. */
function postView(params: {
  did: string;
  rkey: string;
  text: string;
  hoursAgo: number;
  replyCount?: number;
  parent?: { uri: string; cid: string };
  root?: { uri: string; cid: string };
}) {
  const at = new Date(Date.now() - params.hoursAgo * HOUR_MS).toISOString();
  const { did } = params;
  return {
    uri: `at://${did}/app.bsky.feed.post/${params.rkey}`,
    cid: `bafyrei${params.rkey}`,
    author: { did, handle: did === DID ? HANDLE : `${params.rkey}.bsky.social`, labels: [] },
    record: {
      $type: 'app.bsky.feed.post',
      createdAt: at,
      langs: ['en'],
      text: params.text,
      ...(params.parent ? { reply: { parent: params.parent, root: params.root ?? params.parent } } : {}),
    },
    replyCount: params.replyCount ?? 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: at,
    labels: [],
  };
}

type PostView = ReturnType<typeof postView>;
const ref = (post: PostView) => ({ uri: post.uri, cid: post.cid });
const threadOf = (post: PostView, replies: unknown[] = []) => ({
  $type: 'app.bsky.feed.defs#threadViewPost',
  post,
  replies,
});

/** The councillor's reply to a resident, as the AppView's author feed lists it. */
function replyToResident() {
  const parent = {
    uri: `at://${RESIDENT}/app.bsky.feed.post/3lbx3q1aa1a1a`,
    cid: 'bafyreiparent3lbx3q1aa1a1a',
  };
  return {
    post: {
      uri: `at://${DID}/app.bsky.feed.post/3lbx3r9kk4e2c`,
      cid: 'bafyrei3lbx3r9kk4e2c',
      author,
      record: {
        $type: 'app.bsky.feed.post',
        createdAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
        langs: ['en'],
        text: "Thanks, it's on the agenda for the next ward meeting.",
        reply: { parent, root: parent },
      },
      replyCount: 0,
      repostCount: 0,
      likeCount: 2,
      quoteCount: 0,
      indexedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      labels: [],
    },
  };
}

/**
 * One collection by the real service and Bluesky collector, against a local AppView, on the machine's
 * PostgreSQL: what a collection stores when someone is erased while it runs.
 */
describe('CollectAccountService', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: Client;
  let appView: LocalHttpServer;
  /** Runs when the author feed is asked for, before it is answered. */
  let whileFetchingPosts: () => Promise<void> = () => Promise.resolve();
  /** What the AppView holds: the author feed, and each post's thread by its URI. */
  let feed: unknown[] = [replyToResident()];
  let threads: Record<string, unknown> = {};
  /** The accounts the councillor follows, as getFollows lists them. */
  let follows: unknown[] = [];
  /** Requests by XRPC method. */
  const asked: Record<string, number> = {};

  beforeAll(async () => {
    const json = (response: ServerResponse, status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    appView = await startLocalHttpServer((request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://appview');
      asked[url.pathname] = (asked[url.pathname] ?? 0) + 1;
      switch (url.pathname) {
        case '/xrpc/app.bsky.actor.getProfile':
          return json(response, 200, {
            ...author,
            followersCount: 0,
            followsCount: 0,
            postsCount: 1,
            indexedAt: '2025-01-01T00:00:00.000Z',
            createdAt: '2025-01-01T00:00:00.000Z',
          });
        case '/xrpc/app.bsky.feed.getAuthorFeed':
          return void whileFetchingPosts().then(() => json(response, 200, { feed }));
        case '/xrpc/app.bsky.feed.getPosts':
          return json(response, 200, {
            posts: url.searchParams
              .getAll('uris')
              .map((uri) => (threads[uri] as { post: PostView } | undefined)?.post)
              .filter(Boolean),
          });
        case '/xrpc/app.bsky.feed.getPostThread': {
          const thread = threads[url.searchParams.get('uri') ?? ''];
          return thread
            ? json(response, 200, { thread })
            : json(response, 400, { error: 'NotFound', message: 'Post not found' });
        }
        case '/xrpc/app.bsky.graph.getFollowers':
          return json(response, 200, { subject: author, followers: [] });
        case '/xrpc/app.bsky.graph.getFollows':
          return json(response, 200, { subject: author, follows });
        default:
          return json(response, 400, { error: 'InvalidRequest', message: `no route ${url.pathname}` });
      }
    });

    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(
        testConfig({
          DATABASE_URL: database.url,
          WARDREACH_SECRET_KEY: SECRET,
          BLUESKY_APPVIEW_URL: appView.url,
        }),
      ),
      { logger: false, abortOnError: false },
    );
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedRoster(db, IDS);
    await db.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id) VALUES ($1, $2, 'bluesky', $3, $4)`,
      [ACCOUNT, IDS.councillor, HANDLE, DID],
    );
  });

  afterAll(async () => {
    await db?.end();
    await context?.close();
    await database?.drop();
    await appView?.close();
  });

  it('a reply to someone erased while the posts were fetched is stored without naming whom it answers', async () => {
    // The resident's erasure commits after the collection began and before its posts are written.
    whileFetchingPosts = async () => {
      await context
        .get(PrivacyRepository)
        .erase('bluesky', pseudonymise(SECRET, 'bluesky', RESIDENT), RESIDENT);
    };
    const account = await context.get(AccountsRepository).findById(ACCOUNT);
    const outcome = await context
      .get(CollectAccountService)
      .collect(account!, await context.get(CollectorSetFactory).create());
    expect(outcome.newPosts).toBe(1);
    const { rows } = await db.query(
      `SELECT kind, in_reply_to, in_reply_to_author FROM post WHERE account_id = $1`,
      [ACCOUNT],
    );
    expect(rows).toEqual([{ kind: 'reply', in_reply_to: null, in_reply_to_author: null }]);
  });

  it('reads a post’s replies again only when its reply count has grown since they were last read', async () => {
    whileFetchingPosts = () => Promise.resolve();
    await db.query(`DELETE FROM post`);
    await db.query(`UPDATE platform_account SET cursors = '{}'::jsonb`);
    const collect = async () => {
      const account = await context.get(AccountsRepository).findById(ACCOUNT);
      await context
        .get(CollectAccountService)
        .collect(account!, await context.get(CollectorSetFactory).create());
    };
    const threadReads = () => asked['/xrpc/app.bsky.feed.getPostThread'] ?? 0;
    const stored = async () =>
      (
        await db.query<{ text: string }>(
          `SELECT split_part(external_id, '/', 5) AS text FROM interaction WHERE account_id = $1 ORDER BY 1`,
          [ACCOUNT],
        )
      ).rows.map((row) => row.text);

    // The councillor's post has one direct reply (Bea's), which Cai answered in turn: Bluesky counts
    // direct replies only, so the post's count is 1 though its thread holds two replies by others.
    let post = postView({ did: DID, rkey: 'bins', text: 'Bin day moves', hoursAgo: 5, replyCount: 1 });
    const bea = postView({
      did: 'did:plc:bea',
      rkey: 'bea1',
      text: 'Which day?',
      hoursAgo: 4,
      parent: ref(post),
    });
    const cai = postView({
      did: 'did:plc:cai',
      rkey: 'cai1',
      text: 'Thursday',
      hoursAgo: 3,
      parent: ref(bea),
      root: ref(post),
    });
    const thread = (direct: unknown[]) => threadOf(post, direct);
    feed = [{ post }];
    threads = { [post.uri]: thread([threadOf(bea, [threadOf(cai)])]) };
    const before = threadReads();
    await collect();
    expect(threadReads() - before).toBe(1);
    expect(await stored()).toEqual(['bea1', 'cai1']);

    // Nothing new: the thread is not read again.
    await collect();
    expect(threadReads() - before).toBe(1);

    // Dee replies to the post itself: the count grows to 2, and the thread is read for her reply.
    post = { ...post, replyCount: 2 };
    const dee = postView({
      did: 'did:plc:dee',
      rkey: 'dee1',
      text: 'And garden waste?',
      hoursAgo: 1,
      parent: ref(post),
    });
    feed = [{ post }];
    threads = { [post.uri]: thread([threadOf(bea, [threadOf(cai)]), threadOf(dee)]) };
    await collect();
    expect(threadReads() - before).toBe(2);
    expect(await stored()).toEqual(['bea1', 'cai1', 'dee1']);

    // A count the thread never shows in full (a reply hidden or deleted): read once, not on every run.
    post = { ...post, replyCount: 3 };
    feed = [{ post }];
    threads = { [post.uri]: thread([threadOf(bea, [threadOf(cai)]), threadOf(dee)]) };
    await collect();
    await collect();
    expect(threadReads() - before).toBe(3);

    // Dee deletes her reply (the count falls to 2), then Eve replies: at 3 again, the thread is read.
    post = { ...post, replyCount: 2 };
    feed = [{ post }];
    threads = { [post.uri]: thread([threadOf(bea, [threadOf(cai)])]) };
    await collect();
    expect(threadReads() - before).toBe(3);
    post = { ...post, replyCount: 3 };
    const eve = postView({
      did: 'did:plc:eve',
      rkey: 'eve1',
      text: 'Thanks!',
      hoursAgo: 0.5,
      parent: ref(post),
    });
    feed = [{ post }];
    threads = { [post.uri]: thread([threadOf(bea, [threadOf(cai)]), threadOf(eve)]) };
    await collect();
    expect(threadReads() - before).toBe(4);
    expect(await stored()).toEqual(['bea1', 'cai1', 'dee1', 'eve1']);
  });
  it('reads first the further replies the cap left unread, so an answer under an older busy comment is found', async () => {
    // A Facebook Page whose post has busy comments: more replies under each than the 25 nested, so
    // finding the Page's answer means reading further replies, for at most 2 comments a collection.
    const FB_ACCOUNT = '00000000-0000-4000-8000-0000000000a2';
    const PAGE = '104829375500001';
    const POST = `${PAGE}_9911000001`;
    const postedAt = new Date(Date.now() - 5 * HOUR_MS);
    const at = (minutes: number) => new Date(postedAt.getTime() + minutes * 60_000).toISOString();
    const ANSWER = at(300);
    let comments: Array<{ id: string; minutes: number }> = [];
    /** The comments whose further replies were read, in order. */
    let repliesRead: string[] = [];
    let postReads = 0;
    const graph = await startLocalHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://graph');
      const path = url.pathname.replace(/^\/v23\.0/, '');
      const post = {
        id: POST,
        created_time: postedAt.toISOString(),
        message: 'Library opening hours are changing',
        comments: { data: [], summary: { total_count: comments.length } },
      };
      const reply = (id: string, from: string, time: string) => ({
        id,
        created_time: time,
        from: { id: from },
      });
      let body: unknown;
      if (path === '/CllrAnnPage') body = { id: PAGE, name: 'Cllr Ann', username: 'CllrAnnPage' };
      else if (path === `/${PAGE}/posts`) body = { data: [post] };
      else if (path === '/') body = { [POST]: post };
      else if (path === `/${POST}/comments`) {
        postReads++;
        body = {
          data: comments.map(({ id, minutes }) => ({
            id,
            created_time: at(minutes),
            from: { id: `resident-${id}`, name: 'Resident' },
            comments: {
              data: [reply(`${id}-1`, 'neighbour', at(minutes + 1))],
              paging: { next: `${graph.url}/v23.0/${id}/comments?after=MjUZD` },
            },
          })),
        };
      } else {
        const id = /^\/([^/]+)\/comments$/.exec(path)![1];
        repliesRead.push(id);
        // The Page answered under the oldest comment only, past the first 25 replies.
        body = { data: [reply(`${id}-26`, id === 'c1' ? PAGE : 'neighbour', ANSWER)] };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    try {
      await db.query(
        `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id) VALUES ($1, $2, 'facebook', 'CllrAnnPage', $3)`,
        [FB_ACCOUNT, IDS.councillor, PAGE],
      );
      const facebook = new FacebookCollector({
        client: new FacebookClient({ http: new HttpClient(), accessToken: 'page-token', baseUrl: graph.url }),
        maxCommentReplyReads: 2,
      });
      const collectors: CollectorSet = {
        collectors: strictFake<Record<Platform, Collector>>({ facebook }),
        requests: () => 0,
      };
      const collect = async () => {
        repliesRead = [];
        postReads = 0;
        const account = await context.get(AccountsRepository).findById(FB_ACCOUNT);
        await context.get(CollectAccountService).collect(account!, collectors);
      };
      const answered = async () =>
        (
          await db.query<{ external_id: string; answered_at: Date | null }>(
            `SELECT external_id, answered_at FROM interaction WHERE account_id = $1 ORDER BY created_at`,
            [FB_ACCOUNT],
          )
        ).rows.map((row) => [row.external_id, row.answered_at?.toISOString() ?? null]);

      // Three comments: the two newest have their further replies read, the oldest is left.
      comments = [
        { id: 'c1', minutes: 10 },
        { id: 'c2', minutes: 20 },
        { id: 'c3', minutes: 30 },
      ];
      await collect();
      expect(repliesRead).toEqual(['c3', 'c2']);

      // A busy post: a newer comment came. The one left last time is read first, and its answer found.
      comments = [...comments, { id: 'c4', minutes: 40 }];
      await collect();
      expect(repliesRead).toEqual(['c1', 'c4']);
      expect(await answered()).toEqual([
        ['c1', ANSWER],
        ['c2', null],
        ['c3', null],
        ['c4', null],
      ]);

      // Nothing new: the post is read again only for the two the cap left this time.
      await collect();
      expect([postReads, repliesRead]).toEqual([1, ['c2', 'c3']]);

      // None left: the post is not read again until it has new comments.
      await collect();
      expect([postReads, repliesRead]).toEqual([0, []]);
    } finally {
      await graph.close();
    }
  });

  it('reads whom the account follows, keeping each as a pseudonym key, once per sweep interval', async () => {
    const followed = (did: string, handle: string) => ({
      did,
      handle,
      displayName: handle,
      description: 'Holmfirth food bank',
      labels: [],
      indexedAt: '2025-01-01T00:00:00.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const FOOD_BANK = 'did:plc:foodbankaaaaaaaaaaaaaaaa';
    const JO = 'did:plc:r3s1dentjjjjjjjjjjjjjjjj';
    // And the resident erased by the first test: never stored again.
    follows = [
      followed(FOOD_BANK, 'foodbank.example'),
      followed(JO, 'jo.bsky.social'),
      followed(RESIDENT, 'r.bsky.social'),
    ];
    feed = [];
    threads = {};
    await db.query(`UPDATE platform_account SET cursors = '{}' WHERE id = $1`, [ACCOUNT]);
    const collect = async () =>
      context
        .get(CollectAccountService)
        .collect(
          (await context.get(AccountsRepository).findById(ACCOUNT))!,
          await context.get(CollectorSetFactory).create(),
        );
    const stored = async () =>
      (
        await db.query<{ key: string; lost: boolean }>(
          `SELECT target_id::text AS key, lost_at IS NOT NULL AS lost FROM follow_out WHERE account_id = $1 ORDER BY 1`,
          [ACCOUNT],
        )
      ).rows;
    const keyOf = async (did: string) =>
      (
        await db.query<{ key: string }>(`SELECT pseudonym_key($1)::text AS key`, [
          pseudonymise(SECRET, 'bluesky', did),
        ])
      ).rows[0].key;
    const [foodBank, resident] = [await keyOf(FOOD_BANK), await keyOf(JO)];

    expect((await collect()).followingPages).toBe(1);
    expect(await stored()).toEqual(
      [
        { key: foodBank, lost: false },
        { key: resident, lost: false },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    // Nothing of theirs but the key: no handle, name or profile text is stored anywhere.
    const { rows: leaks } = await db.query(
      `SELECT 1 FROM follow_edge WHERE follower_id = pseudonym_key($1)`,
      [pseudonymise(SECRET, 'bluesky', FOOD_BANK)],
    );
    expect(leaks).toEqual([]);

    // Read again only once the sweep interval has passed; then an unfollow is lost.
    follows = [followed(FOOD_BANK, 'foodbank.example')];
    expect((await collect()).followingPages).toBe(0);
    await db.query(
      `UPDATE platform_account SET cursors = jsonb_build_object('followingSweptAt', (now() - interval '8 days')::text) WHERE id = $1`,
      [ACCOUNT],
    );
    expect((await collect()).followingPages).toBe(1);
    expect(await stored()).toEqual(
      [
        { key: foodBank, lost: false },
        { key: resident, lost: true },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    follows = [];
    await db.query(`UPDATE platform_account SET cursors = '{}' WHERE id = $1`, [ACCOUNT]);
  });

  it('sweeps a dormant account’s followers weekly, an active one’s every few hours, and one that posts again at the active pace', async () => {
    const config = testConfig();
    const sweepDueIn = async (posts: PostView[]): Promise<number> => {
      feed = posts.map((post) => ({ post }));
      threads = {};
      await db.query(`DELETE FROM post WHERE account_id = $1`, [ACCOUNT]);
      await db.query(
        `UPDATE platform_account SET cursors = '{}', next_follower_sweep_at = now() - interval '1 minute' WHERE id = $1`,
        [ACCOUNT],
      );
      const account = await context.get(AccountsRepository).findById(ACCOUNT);
      const before = Date.now();
      await context
        .get(CollectAccountService)
        .collect(account!, await context.get(CollectorSetFactory).create());
      const { rows } = await db.query<{ at: Date }>(
        `SELECT next_follower_sweep_at AS at FROM platform_account WHERE id = $1`,
        [ACCOUNT],
      );
      return rows[0].at.getTime() - before;
    };
    // Its last post 40 days ago: dormant.
    const dormant = await sweepDueIn([
      postView({ did: DID, rkey: '3lold0000000a', text: 'Old news', hoursAgo: 40 * 24 }),
    ]);
    expect(dormant).toBeGreaterThan(config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS - 60_000);
    expect(dormant).toBeLessThanOrEqual(config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS + 60_000);
    // Dormant and last swept `hoursAgo` (its next sweep a dormant interval after), it posts again.
    const postsAgainSweptHoursAgo = async (hoursAgo: number) => {
      feed = [{ post: postView({ did: DID, rkey: '3lback000000a', text: 'Back with news', hoursAgo: 1 }) }];
      // As that sweep planned: its next a dormant interval after it.
      const sweptFrom = Date.now() - hoursAgo * HOUR_MS;
      await db.query(
        `UPDATE platform_account SET cursors = jsonb_build_object('followersSweptFrom', $2::text),
                next_follower_sweep_at = $3 WHERE id = $1`,
        [
          ACCOUNT,
          new Date(sweptFrom).toISOString(),
          new Date(sweptFrom + config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS),
        ],
      );
      return context
        .get(CollectAccountService)
        .collect(
          (await context.get(AccountsRepository).findById(ACCOUNT))!,
          await context.get(CollectorSetFactory).create(),
        );
    };
    // Swept 2 hours ago: not swept yet, but its next sweep is brought forward to the active pace,
    // which the collection status shows.
    const before = Date.now();
    const early = await postsAgainSweptHoursAgo(2);
    expect(early.followerPages).toBe(0);
    const [status] = (await new CollectionStatusRepository(context.get(DataSource)).accounts()).filter(
      (row) => row.id === ACCOUNT,
    );
    const broughtForward = Date.parse(status.nextFollowerSweepAt!) - (before - 2 * HOUR_MS);
    expect(broughtForward).toBeGreaterThanOrEqual(config.FOLLOWER_SWEEP_INTERVAL_MS - 60_000);
    expect(broughtForward).toBeLessThanOrEqual(config.FOLLOWER_SWEEP_INTERVAL_MS + 60_000);
    // Swept 7 hours ago: swept at once.
    const back = await postsAgainSweptHoursAgo(7);
    expect(back.followerPages).toBeGreaterThan(0);
    const active = await sweepDueIn([
      postView({ did: DID, rkey: '3lnew0000000a', text: 'Surgery on Friday', hoursAgo: 2 }),
    ]);
    expect(active).toBeGreaterThan(config.FOLLOWER_SWEEP_INTERVAL_MS - 60_000);
    expect(active).toBeLessThanOrEqual(config.FOLLOWER_SWEEP_INTERVAL_MS + 60_000);
  });
  it('looks at a hidden follower list when a sweep is due, and again only when the next one is', async () => {
    const config = testConfig();
    const MASTODON_ACCOUNT = '00000000-0000-4000-8000-0000000000a3';
    let followersAsked = 0;
    /** The councillor's statuses, newest first, as the instance lists them. */
    let statuses: unknown[] = [];
    const instance = await startLocalHttpServer((request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://instance');
      let body: unknown = [];
      if (url.pathname === '/api/v1/accounts/lookup') {
        // Mastodon 4.1+: the owner hides their follower and following lists.
        body = {
          id: '109348',
          username: 'cllrann',
          acct: 'cllrann@mastodon.example',
          display_name: 'Cllr Ann',
          url: 'https://mastodon.example/@cllrann',
          note: '<p>Ward councillor</p>',
          followers_count: 212,
          following_count: 40,
          statuses_count: statuses.length,
          hide_collections: true,
        };
      } else if (url.pathname === '/api/v1/accounts/109348/statuses') {
        const paging = url.searchParams.has('max_id') || url.searchParams.has('min_id');
        body = paging ? [] : statuses;
      } else if (url.pathname.endsWith('/followers') || url.pathname.endsWith('/following')) followersAsked++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    try {
      await db.query(
        `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES ($1, $2, 'mastodon', 'cllrann@mastodon.example')`,
        [MASTODON_ACCOUNT, IDS.councillor],
      );
      const mastodon = new MastodonCollector({
        client: new MastodonClient({ http: new HttpClient(), baseUrlOverride: instance.url }),
      });
      const collectors: CollectorSet = {
        collectors: strictFake<Record<Platform, Collector>>({ mastodon }),
        requests: () => 0,
      };
      const collect = async () => {
        const account = await context.get(AccountsRepository).findById(MASTODON_ACCOUNT);
        return context.get(CollectAccountService).collect(account!, collectors);
      };
      const nextSweep = async () => {
        const { rows } = await db.query<{ at: Date }>(
          `SELECT next_follower_sweep_at AS at FROM platform_account WHERE id = $1`,
          [MASTODON_ACCOUNT],
        );
        return rows[0].at.getTime();
      };
      // New, so a sweep is due: the list is hidden, so nobody is asked for, and the next look is a
      // dormant interval away (the account has not posted), not at the next collection.
      let before = Date.now();
      expect((await collect()).followerPages).toBe(0);
      let planned = await nextSweep();
      expect(planned).toBeGreaterThanOrEqual(before + config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS);
      expect(planned).toBeLessThanOrEqual(Date.now() + config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS);
      // Collected again before then: the plan stands.
      await collect();
      expect(await nextSweep()).toBe(planned);

      // Swept ten days ago, before it hid its list, it posts again and a sweep is due: the next look
      // is the active interval away, and stands, although the last sweep is far more than that ago.
      statuses = [
        {
          id: '113500000000000001',
          created_at: new Date(Date.now() - HOUR_MS).toISOString(),
          in_reply_to_id: null,
          in_reply_to_account_id: null,
          uri: 'https://mastodon.example/users/cllrann/statuses/113500000000000001',
          url: 'https://mastodon.example/@cllrann/113500000000000001',
          content: '<p>Surgery at the library on Saturday</p>',
          replies_count: 0,
          reblogs_count: 0,
          favourites_count: 1,
          account: { id: '109348', acct: 'cllrann' },
          mentions: [],
          reblog: null,
        },
      ];
      await db.query(
        `UPDATE platform_account SET cursors = cursors || jsonb_build_object('followersSweptFrom', $2::text),
                next_follower_sweep_at = now() - interval '1 minute' WHERE id = $1`,
        [MASTODON_ACCOUNT, new Date(Date.now() - 10 * 24 * HOUR_MS).toISOString()],
      );
      before = Date.now();
      expect((await collect()).followerPages).toBe(0);
      planned = await nextSweep();
      expect(planned).toBeGreaterThanOrEqual(before + config.FOLLOWER_SWEEP_INTERVAL_MS);
      expect(planned).toBeLessThanOrEqual(Date.now() + config.FOLLOWER_SWEEP_INTERVAL_MS);
      await collect();
      expect(await nextSweep()).toBe(planned);
      expect(followersAsked).toBe(0);
    } finally {
      await db.query(`DELETE FROM platform_account WHERE id = $1`, [MASTODON_ACCOUNT]);
      await instance.close();
    }
  });
});
