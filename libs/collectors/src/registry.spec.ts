import { UnauthorisedError } from './errors';
import { HttpClient } from './http/http-client';
import { PLATFORMS } from './platform';
import { createCollectors } from './registry';
import { FixtureServer } from './testing/fixture-server';

describe('createCollectors', () => {
  it('builds one collector per platform, each naming its platform and role', () => {
    const collectors = createCollectors({
      x: { bearerToken: 't' },
      facebook: { accessToken: 't' },
      youtube: { apiKey: 'k' },
    });
    expect(Object.keys(collectors).sort()).toEqual([...PLATFORMS].sort());
    for (const platform of PLATFORMS) expect(collectors[platform].platform).toBe(platform);
    expect(collectors.rss.role).toBe('detail');
    expect(collectors.bluesky.role).toBe('listening');
    expect(collectors.bluesky.capabilities.mentions).toBe('no-service-account');
  });

  it('stands in for platforms without credentials with a collector that says what is missing', async () => {
    const collectors = createCollectors({});
    const error = await collectors.x.fetchProfile({ handle: 'someone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorisedError);
    expect((error as Error).message).toBe('x fetchProfile: not configured: an X API bearer token is missing');
    await expect(
      collectors.youtube.fetchPosts({
        account: { platform: 'youtube', handle: '@a', externalId: null },
        cursor: null,
        since: new Date(),
      }),
    ).rejects.toBeInstanceOf(UnauthorisedError);
  });

  it('shares one HTTP client, so its request count covers every platform', async () => {
    const server = await new FixtureServer().start();
    try {
      server.route('GET', '/xrpc/app.bsky.actor.getProfile', {
        json: {
          did: 'did:plc:abc',
          handle: 'a.bsky.social',
          followersCount: 1,
          followsCount: 2,
          postsCount: 3,
        },
      });
      server.route('GET', '/feed', {
        body: '<rss version="2.0"><channel><title>Blog</title><link>https://blog.example</link></channel></rss>',
        headers: { 'content-type': 'application/rss+xml' },
      });
      const http = new HttpClient({ timeoutMs: 2000 });
      const collectors = createCollectors({ http, bluesky: { appViewUrl: server.baseUrl } });
      await collectors.bluesky.fetchProfile({ handle: 'a.bsky.social' });
      await collectors.rss.fetchProfile({ handle: `${server.baseUrl}/feed` });
      expect(http.requestCount).toBe(2);
    } finally {
      await server.stop();
    }
  });
});
