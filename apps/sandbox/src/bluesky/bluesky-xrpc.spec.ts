import { startTestSandbox } from '../testing/test-sandbox';
import type { RunningSandbox } from '../testing/test-sandbox';
import {
  getAuthorFeedOutput,
  getFollowersOutput,
  getFollowsOutput,
  getPostsOutput,
  getPostThreadOutput,
  did,
  postView,
  profileViewDetailed,
  xrpcError,
} from '../testing/bluesky-schemas';
import type { ThreadViewPost } from '../testing/bluesky-schemas';
import { z } from 'zod';
import type { Actor } from '../world/world-model';

describe('Bluesky AppView XRPC', () => {
  let running: RunningSandbox;
  let councillor: Actor;

  beforeAll(async () => {
    running = await startTestSandbox();
    const { world } = running.sandbox;
    // The councillor account with the most followers, so pagination spans many pages.
    councillor = world.actors
      .filter((a) => a.kind === 'councillor' && a.platform === 'bluesky')
      .sort((a, b) => world.followers(b.index).length - world.followers(a.index).length)[0];
  });

  afterAll(() => running.sandbox.close());

  const xrpc = (nsid: string, params: Record<string, string | string[]>) => {
    const url = new URL(`/xrpc/${nsid}`, running.url);
    for (const [name, value] of Object.entries(params))
      for (const v of [value].flat()) url.searchParams.append(name, v);
    return fetch(url);
  };

  it('returns a detailed profile by handle or by DID, with counts', async () => {
    const byHandle = profileViewDetailed.parse(
      await (await xrpc('app.bsky.actor.getProfile', { actor: councillor.handle })).json(),
    );
    const byDid = profileViewDetailed.parse(
      await (await xrpc('app.bsky.actor.getProfile', { actor: councillor.externalId })).json(),
    );
    expect(byHandle).toEqual(byDid);
    expect(byHandle.did).toBe(councillor.externalId);
    expect(byHandle.followersCount).toBe(running.sandbox.world.followers(councillor.index).length);
  });

  it('answers an unknown actor and a missing parameter as the AppView does', async () => {
    const unknown = await xrpc('app.bsky.actor.getProfile', { actor: 'nobody-here.bsky.social' });
    expect(unknown.status).toBe(400);
    expect(xrpcError.parse(await unknown.json())).toEqual({
      error: 'InvalidRequest',
      message: 'Profile not found',
    });
    const missing = await xrpc('app.bsky.feed.getAuthorFeed', {});
    expect(missing.status).toBe(400);
    expect(xrpcError.parse(await missing.json()).error).toBe('InvalidRequest');
    const tooMany = await xrpc('app.bsky.graph.getFollowers', { actor: councillor.handle, limit: '101' });
    expect(tooMany.status).toBe(400);
    const unknownMethod = await xrpc('app.bsky.feed.getTimeline', {});
    expect(unknownMethod.status).toBe(501);
    expect(xrpcError.parse(await unknownMethod.json()).error).toBe('MethodNotImplemented');
  });

  it('pages through every follower exactly once, newest first, with the same total as the profile', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const response = await xrpc('app.bsky.graph.getFollowers', {
        actor: councillor.externalId,
        limit: '100',
        ...(cursor ? { cursor } : {}),
      });
      expect(response.headers.get('ratelimit-limit')).toBe('3000');
      const body = getFollowersOutput.parse(await response.json());
      expect(body.subject.did).toBe(councillor.externalId);
      seen.push(...body.followers.map((f) => f.did));
      cursor = body.cursor;
      if (!cursor) break;
    }
    expect(seen.length).toBeGreaterThan(100);
    expect(new Set(seen).size).toBe(seen.length);
    const expected = [...running.sandbox.world.followers(councillor.index)]
      .reverse()
      .map((e) => running.sandbox.world.actors[e.follower].externalId);
    expect(seen).toEqual(expected);
  });

  it('lists follows with the graph.getFollows shape', async () => {
    const body = getFollowsOutput.parse(
      await (await xrpc('app.bsky.graph.getFollows', { actor: councillor.handle, limit: '5' })).json(),
    );
    expect(body.follows.length).toBeLessThanOrEqual(5);
  });

  it('pages the author feed newest first with reposts as reasons and replies with reply refs', async () => {
    const feed: Array<ReturnType<typeof getAuthorFeedOutput.parse>['feed'][number]> = [];
    let cursor: string | undefined;
    do {
      const body = getAuthorFeedOutput.parse(
        await (
          await xrpc('app.bsky.feed.getAuthorFeed', {
            actor: councillor.handle,
            limit: '17',
            ...(cursor ? { cursor } : {}),
          })
        ).json(),
      );
      feed.push(...body.feed);
      cursor = body.cursor;
    } while (cursor);
    expect(feed).toHaveLength(running.sandbox.world.postsBy(councillor.index).length);
    const sortAt = feed.map((item) => Date.parse(item.reason?.indexedAt ?? item.post.record.createdAt));
    for (let i = 1; i < sortAt.length; i++) expect(sortAt[i]).toBeLessThanOrEqual(sortAt[i - 1]);
    const reposts = feed.filter((item) => item.reason);
    expect(reposts.length).toBeGreaterThan(0);
    expect(
      reposts.every(
        (item) =>
          item.reason!.by.did === councillor.externalId && item.post.author.did !== councillor.externalId,
      ),
    ).toBe(true);
    const replies = feed.filter((item) => item.post.record.reply);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((item) => item.reply?.parent.uri === item.post.record.reply!.parent.uri)).toBe(true);
  });

  it('filters the author feed as the lexicon describes', async () => {
    const noReplies = getAuthorFeedOutput.parse(
      await (
        await xrpc('app.bsky.feed.getAuthorFeed', {
          actor: councillor.handle,
          limit: '100',
          filter: 'posts_no_replies',
        })
      ).json(),
    );
    expect(noReplies.feed.some((item) => item.post.record.reply && !item.reason)).toBe(false);
    const media = getAuthorFeedOutput.parse(
      await (
        await xrpc('app.bsky.feed.getAuthorFeed', { actor: councillor.handle, filter: 'posts_with_media' })
      ).json(),
    );
    expect(media.feed).toEqual([]);
  });

  it('hydrates up to 25 posts by URI, and refuses more', async () => {
    const feed = getAuthorFeedOutput.parse(
      await (await xrpc('app.bsky.feed.getAuthorFeed', { actor: councillor.handle, limit: '30' })).json(),
    );
    const uris = feed.feed
      .filter((item) => !item.reason)
      .map((item) => item.post.uri)
      .slice(0, 25);
    const body = getPostsOutput.parse(await (await xrpc('app.bsky.feed.getPosts', { uris })).json());
    expect(body.posts.map((p) => p.uri)).toEqual(uris);
    const tooMany = await xrpc('app.bsky.feed.getPosts', { uris: Array.from({ length: 26 }, () => uris[0]) });
    expect(tooMany.status).toBe(400);
  });

  it('returns threads with nested replies down to the requested depth', async () => {
    const { world } = running.sandbox;
    const withAnswer = world
      .postsBy(councillor.index)
      .map((i) => world.posts[i])
      .find((p) => p.kind === 'original' && p.replies.some((r) => world.posts[r].replies.length > 0))!;
    const uri = `at://${councillor.externalId}/app.bsky.feed.post/${withAnswer.rkey}`;
    const deep = getPostThreadOutput.parse(await (await xrpc('app.bsky.feed.getPostThread', { uri })).json());
    const depthOf = (node: ThreadViewPost): number => 1 + Math.max(0, ...(node.replies ?? []).map(depthOf));
    expect(depthOf(deep.thread)).toBeGreaterThanOrEqual(3);
    expect(deep.thread.post.replyCount).toBe(deep.thread.replies!.length);
    const shallow = getPostThreadOutput.parse(
      await (await xrpc('app.bsky.feed.getPostThread', { uri, depth: '1' })).json(),
    );
    expect(depthOf(shallow.thread)).toBe(2);
    const answer = deep.thread.replies!.find((r) => r.replies?.length)!.replies![0];
    const upward = getPostThreadOutput.parse(
      await (await xrpc('app.bsky.feed.getPostThread', { uri: answer.post.uri, depth: '0' })).json(),
    );
    expect(upward.thread.parent?.parent?.post.uri).toBe(uri);
    const missing = await xrpc('app.bsky.feed.getPostThread', {
      uri: `at://${councillor.externalId}/app.bsky.feed.post/2222222222222`,
    });
    expect(missing.status).toBe(400);
    expect(xrpcError.parse(await missing.json()).error).toBe('NotFound');
  });

  it('searches mentions only for a logged-in caller, as the AppView does', async () => {
    const { world } = running.sandbox;
    const loggedOut = await xrpc('app.bsky.feed.searchPosts', { q: '*', mentions: councillor.handle });
    expect(loggedOut.status).toBe(401);
    expect(xrpcError.parse(await loggedOut.json()).error).toBe('AuthMissing');
    const login = await fetch(new URL('/xrpc/com.atproto.server.createSession', running.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'search-bot.bsky.social', password: 'app-password' }),
    });
    const session = z
      .object({ accessJwt: z.string(), refreshJwt: z.string(), did, handle: z.string() })
      .parse(await login.json());
    const url = new URL('/xrpc/app.bsky.feed.searchPosts', running.url);
    url.searchParams.set('q', '*');
    url.searchParams.set('mentions', councillor.externalId);
    url.searchParams.set('limit', '100');
    const found = z
      .object({ posts: z.array(postView), cursor: z.string().optional() })
      .parse(await (await fetch(url, { headers: { authorization: `Bearer ${session.accessJwt}` } })).json());
    const expected = world.posts.filter((p) => p.mentions.includes(councillor.index)).length;
    expect(found.posts).toHaveLength(Math.min(100, expected));
    expect(
      found.posts.every((p) =>
        p.record.facets?.some((f) =>
          f.features.some(
            (x) => x.$type === 'app.bsky.richtext.facet#mention' && x.did === councillor.externalId,
          ),
        ),
      ),
    ).toBe(true);
  });
});
