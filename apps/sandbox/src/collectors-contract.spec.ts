import { createCollectors, personIdOf } from '@wardreach/collectors';
import type {
  AccountRef,
  CollectedFollower,
  Collector,
  FetchFollowersParams,
  Page,
  Platform,
} from '@wardreach/collectors';
import { blogFeedPath } from './blogs/blog-feeds';
import type { RequestStatsSnapshot } from './http/request-stats';
import { startTestSandbox } from './testing/test-sandbox';
import type { RunningSandbox } from './testing/test-sandbox';
import type { Actor } from './world/world-model';

/**
 * The project's real collectors, pointed at the sandbox as the demo points them, read each
 * platform completely: a check that the sandbox speaks the shapes the collectors were written
 * for from the platforms' documentation.
 */
describe('the collectors against the sandbox', () => {
  let running: RunningSandbox;
  let collectors: Record<Platform, Collector>;
  const now = new Date('2026-11-01T12:00:00.000Z');

  beforeAll(async () => {
    running = await startTestSandbox({ residents: 6000 });
    collectors = createCollectors({
      now: () => now,
      bluesky: {
        appViewUrl: running.url,
        serviceAccount: {
          identifier: 'wardreach-search.bsky.social',
          appPassword: 'app-password',
          serviceUrl: running.url,
        },
      },
      mastodon: { baseUrlOverride: running.url },
      x: { bearerToken: 'sandbox-x-token', baseUrl: running.url },
    });
  });

  afterAll(() => running.sandbox.close());

  async function sweep(
    platform: Platform,
    account: AccountRef,
    side: 'followers' | 'following' = 'followers',
  ): Promise<string[]> {
    const ids: string[] = [];
    let pageCursor: string | null = null;
    for (let i = 0; i < 500; i++) {
      const params: FetchFollowersParams = { account, pageCursor };
      const page: Page<CollectedFollower> =
        side === 'followers'
          ? await collectors[platform].fetchFollowers(params)
          : await collectors[platform].fetchFollowing(params);
      ids.push(...page.items.map((f) => f.externalId));
      pageCursor = page.nextCursor;
      if (pageCursor === null) break;
    }
    return ids;
  }

  it.each(['bluesky', 'mastodon', 'x'] as const)(
    '%s: profile, posts, every follower and follow, and the replies',
    async (platform) => {
      const { world } = running.sandbox;
      // How collection identifies someone (Mastodon: user@domain, the same from every instance).
      const personId = (someone: Actor) =>
        personIdOf(platform, {
          externalId: someone.externalId,
          handle: `${someone.handle}@${someone.domain}`,
        });
      const actor = world.actors.find(
        (a) =>
          a.kind === 'councillor' &&
          a.platform === platform &&
          !a.hideCollections &&
          world.followers(a.index).length > 150 &&
          world.postsBy(a.index).some((i) => world.posts[i].kind === 'reply'),
      )!;
      const handle =
        platform === 'bluesky'
          ? actor.handle
          : platform === 'x'
            ? `@${actor.handle}`
            : `@${actor.handle}@${actor.domain}`;
      const profile = await collectors[platform].fetchProfile({ handle });
      expect(profile.externalId).toBe(actor.externalId);
      expect(profile.followersCount).toBe(world.followers(actor.index).length);
      const account: AccountRef = { platform, handle, externalId: profile.externalId };

      const posts = await collectors[platform].fetchPosts({
        account,
        cursor: null,
        since: new Date(now.getTime() - 30 * 86_400_000),
      });
      expect(posts.items.length).toBeGreaterThan(0);
      expect(posts.items.every((p) => Date.parse(p.createdAt) >= now.getTime() - 31 * 86_400_000)).toBe(true);
      expect(posts.nextCursor).not.toBeNull();

      const followers = await sweep(platform, account);
      expect(new Set(followers)).toEqual(
        new Set(world.followers(actor.index).map((e) => personId(world.actors[e.follower]))),
      );
      const following = await sweep(platform, account, 'following');
      expect(new Set(following)).toEqual(
        new Set(world.follows(actor.index).map((e) => personId(world.actors[e.subject]))),
      );

      const interactions = await collectors[platform].fetchInteractions({
        account,
        posts: posts.items.map((p) => ({ externalId: p.externalId, url: p.url, replies: p.replies })),
        mentionsSince: new Date(now.getTime() - 30 * 86_400_000),
      });
      const repliedTo = posts.items.filter((p) => p.replies > 0 && p.kind !== 'repost').length;
      if (repliedTo > 0) expect(interactions.length).toBeGreaterThan(0);
      expect(interactions.every((i) => i.authorExternalId !== personId(actor))).toBe(true);
      // Residents answered by the councillor's replies are identified as their followers are.
      const known = new Set(world.actors.filter((a) => a.platform === platform).map(personId));
      const answered = posts.items.flatMap((p) => p.inReplyTo?.authorExternalId ?? []);
      expect(answered.every((id) => known.has(id))).toBe(true);
      expect(interactions.every((i) => known.has(i.authorExternalId))).toBe(true);
      if (platform === 'bluesky') {
        // Mentions come from searchPosts, behind a session from the service account.
        const stats = await running.getJson<RequestStatsSnapshot>('/_sandbox/stats');
        expect(stats.requests.bluesky?.['com.atproto.server.createSession']).toBe(1);
        expect(stats.requests.bluesky?.['app.bsky.feed.searchPosts']).toBeGreaterThanOrEqual(1);
        const mentioned = world.posts.some(
          (p) => p.mentions.includes(actor.index) && p.createdAtMs >= now.getTime() - 30 * 86_400_000,
        );
        expect(interactions.some((i) => i.kind === 'mention')).toBe(mentioned);
      }
    },
  );

  it('rss: reads a blog and then gets nothing new', async () => {
    const blog = [...running.sandbox.world.blogs.values()][0];
    const url = new URL(blogFeedPath(blog), running.url).toString();
    const profile = await collectors.rss.fetchProfile({ handle: url });
    const account: AccountRef = { platform: 'rss', handle: url, externalId: profile.externalId };
    const first = await collectors.rss.fetchPosts({
      account,
      cursor: null,
      since: new Date(now.getTime() - 365 * 86_400_000),
    });
    expect(first.items).toHaveLength(blog.items.length);
    const second = await collectors.rss.fetchPosts({ account, cursor: first.nextCursor, since: new Date(0) });
    expect(second.items).toEqual([]);
  });
});
