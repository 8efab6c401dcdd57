import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECT_USAGE_EXIT_CODE, registerCollectCommand } from './collect.command';
import type { CollectReport } from './collect.command';
import { capturedCli } from '../testing/captured-cli';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

type Reply = { status?: number; json?: unknown; body?: string; headers?: Record<string, string> };

/** A local stand-in for the platforms, answering by path from real-shaped payloads. */
let server: Server;
let baseUrl: string;
let routes: Map<string, (query: URLSearchParams) => Reply>;
let requested: string[];

beforeEach(async () => {
  routes = new Map();
  requested = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    requested.push(url.pathname);
    const reply = routes.get(url.pathname)?.(url.searchParams) ?? {
      status: 404,
      json: { error: 'Record not found' },
    };
    const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
    res.writeHead(reply.status ?? 200, {
      'content-type': reply.json !== undefined ? 'application/json' : 'text/plain',
      ...reply.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A data folder that does not exist: no embedded database, so no stored credentials to look up. */
const NO_DATA_DIR = join(tmpdir(), `wardreach-collect-spec-${randomBytes(6).toString('hex')}`);

/**
 * A Redis that refuses at once: these specs keep to the in-memory rate-limit gate, never writing
 * windows into the machine's Redis where the workers' are kept (the int spec runs against it).
 */
const NO_REDIS = 'redis://127.0.0.1:1';

/** What a run without Redis warns of, on stderr only. */
const noRedisWarning = (platform: string) =>
  `warning: REDIS_URL is not reachable: this run keeps to ${platform}'s rate limits by itself, not with the windows the workers share there\n`;

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const { program, stdout, stderr, setExitCode, run: output } = capturedCli();
  registerCollectCommand(
    program,
    { WARDREACH_DATA_DIR: NO_DATA_DIR, REDIS_URL: NO_REDIS, ...env },
    { stdout, stderr, setExitCode, now: () => new Date('2026-03-06T12:00:00Z') },
  );
  await program.parseAsync(['collect', ...args], { from: 'user' });
  return output();
}

const DID = 'did:plc:w4xbqz7nvhkcm2ta5ldr3e6p';
const author = { did: DID, handle: 'cllr-hana.bsky.social', displayName: 'Cllr Hana' };
const post = (rkey: string, createdAt: string, replyCount: number) => ({
  uri: `at://${DID}/app.bsky.feed.post/${rkey}`,
  cid: `bafyrei${rkey}`,
  author,
  record: { $type: 'app.bsky.feed.post', text: `post ${rkey}`, createdAt },
  indexedAt: createdAt,
  likeCount: 2,
  repostCount: 1,
  replyCount,
  quoteCount: 0,
});
const resident = { did: 'did:plc:residentaaaaaaaaaaaaaaaa', handle: 'resident-of-marsden.bsky.social' };

function blueskyRoutes(): void {
  routes.set('/xrpc/app.bsky.actor.getProfile', () => ({
    json: { ...author, description: 'Colne Valley', followersCount: 120, followsCount: 80, postsCount: 2 },
  }));
  routes.set('/xrpc/app.bsky.feed.getAuthorFeed', () => ({
    json: {
      feed: [
        { post: post('3la2', '2026-03-05T10:00:00.000Z', 1) },
        { post: post('3la1', '2026-03-01T10:00:00.000Z', 0) },
      ],
    },
  }));
  routes.set('/xrpc/app.bsky.graph.getFollowers', () => ({
    json: { subject: author, followers: [{ ...resident, description: 'Marsden HD7' }], cursor: 'next-page' },
  }));
  routes.set('/xrpc/app.bsky.feed.getPostThread', () => ({
    json: {
      thread: {
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: post('3la2', '2026-03-05T10:00:00.000Z', 1),
        replies: [
          {
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: {
              ...post('3lr1', '2026-03-05T11:00:00.000Z', 0),
              uri: `at://${resident.did}/app.bsky.feed.post/3lr1`,
              author: resident,
              record: {
                $type: 'app.bsky.feed.post',
                text: 'when?',
                createdAt: '2026-03-05T11:00:00.000Z',
                reply: {
                  root: { uri: `at://${DID}/app.bsky.feed.post/3la2`, cid: 'x' },
                  parent: { uri: `at://${DID}/app.bsky.feed.post/3la2`, cid: 'x' },
                },
              },
            },
            replies: [],
          },
        ],
      },
    },
  }));
}

describe('wardreach collect', () => {
  it('collects a Bluesky account once and prints counts without naming residents', async () => {
    blueskyRoutes();
    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social', '--json'], {
      BLUESKY_APPVIEW_URL: baseUrl,
    });
    // Without Redis it collects all the same, keeping to the limits by itself, and says so on stderr.
    expect(result.stderr).toBe(noRedisWarning('bluesky'));
    expect(result.exitCode).toBeNull();
    const report = JSON.parse(result.stdout) as CollectReport;
    expect(report.profile).toMatchObject({ externalId: DID, followersCount: 120 });
    expect(report.posts.map((p) => p.externalId)).toEqual([
      `at://${DID}/app.bsky.feed.post/3la2`,
      `at://${DID}/app.bsky.feed.post/3la1`,
    ]);
    expect(report.followers).toEqual({ count: 120, listed: true, firstPageSize: 1, morePages: true });
    expect(report.interactions).toEqual({
      count: 1,
      answered: 0,
      items: [
        {
          kind: 'reply',
          createdAt: '2026-03-05T11:00:00.000Z',
          inReplyToExternalId: `at://${DID}/app.bsky.feed.post/3la2`,
          answeredAt: null,
        },
      ],
    });
    // Only the post with a reply had its thread read: profile, feed, followers, one thread.
    expect(requested).toEqual([
      '/xrpc/app.bsky.actor.getProfile',
      '/xrpc/app.bsky.feed.getAuthorFeed',
      '/xrpc/app.bsky.graph.getFollowers',
      '/xrpc/app.bsky.feed.getPostThread',
    ]);
    expect(report.requests).toBe(4);
    expect(result.stdout).not.toContain('resident-of-marsden');
    expect(result.stdout).not.toContain('residentaaaa');
  });

  it('prints a short summary without --json', async () => {
    blueskyRoutes();
    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social'], {
      BLUESKY_APPVIEW_URL: baseUrl,
    });
    expect(result.stdout).toContain('followers 120, following 80, posts 2');
    expect(result.stdout).toContain('interactions: 1 (0 answered)');
  });

  it('collects an RSS feed, which has no follower list', async () => {
    routes.set('/feed', () => ({
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example</link><item><title>Bins</title><link>https://blog.example/bins</link><guid>b1</guid><pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>',
      headers: { 'content-type': 'application/rss+xml' },
    }));
    const result = await run(['--platform', 'rss', '--handle', `${baseUrl}/feed`, '--json'], {});
    const report = JSON.parse(result.stdout) as CollectReport;
    expect(report.posts).toHaveLength(1);
    expect(report.followers).toEqual({ count: null, listed: false, firstPageSize: 0, morePages: false });
    // One read of the feed serves the profile and the posts.
    expect(requested).toEqual(['/feed']);
    expect(report.requests).toBe(1);
  });

  it('sends every Mastodon instance to MASTODON_BASE_URL and reports an unknown account with exit code 2', async () => {
    const result = await run(['--platform', 'mastodon', '--handle', 'nobody@colne.social', '--json'], {
      MASTODON_BASE_URL: baseUrl,
    });
    expect(requested).toEqual(['/api/v1/accounts/lookup']);
    expect(result.exitCode).toBe(COLLECT_USAGE_EXIT_CODE);
    expect(result.stderr.startsWith(noRedisWarning('mastodon'))).toBe(true);
    expect(result.stderr.slice(noRedisWarning('mastodon').length)).toMatch(
      /^No such account on mastodon, or it is gone: mastodon GET \/api\/v1\/accounts\/lookup: Record not found on colne\.social/,
    );
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown platform and missing credentials with exit code 2, before any request', async () => {
    const unknown = await run(['--platform', 'myspace', '--handle', 'a'], {});
    expect(unknown.exitCode).toBe(COLLECT_USAGE_EXIT_CODE);
    expect(unknown.stderr).toBe(
      'Unknown platform "myspace": use one of bluesky, mastodon, rss, x, facebook, youtube.\n',
    );
    const x = await run(['--platform', 'x', '--handle', 'someone'], {});
    expect(x.exitCode).toBe(COLLECT_USAGE_EXIT_CODE);
    expect(x.stderr).toBe(
      'Collecting from x needs an X API bearer token: set X_BEARER_TOKEN, or store one with `wardreach credentials set x bearer_token`.\n',
    );
    const youtube = await run(['--platform', 'youtube', '--handle', '@someone'], {});
    expect(youtube.stderr).toContain('set YOUTUBE_API_KEY');
    expect(requested).toEqual([]);
  });

  it('logs the Bluesky service account in at BLUESKY_SERVICE_URL, as the worker does, never at bsky.social', async () => {
    blueskyRoutes();
    routes.set('/xrpc/com.atproto.server.createSession', () => ({
      json: {
        accessJwt: 'access-1',
        refreshJwt: 'refresh-1',
        did: 'did:plc:monitor',
        handle: 'monitor.test',
      },
    }));
    routes.set('/xrpc/app.bsky.feed.searchPosts', () => ({ json: { posts: [] } }));
    // Anything not sent to the local server is recorded and refused, never sent.
    const elsewhere: string[] = [];
    const realFetch = globalThis.fetch;
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(baseUrl)) return realFetch(input, init);
      elsewhere.push(url);
      return Promise.reject(new TypeError('fetch failed'));
    });
    try {
      const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social', '--json'], {
        BLUESKY_APPVIEW_URL: baseUrl,
        BLUESKY_SERVICE_URL: baseUrl,
        BLUESKY_SERVICE_HANDLE: 'monitor.test',
        BLUESKY_SERVICE_APP_PASSWORD: 'abcd-efgh-ijkl-mnop',
      });
      expect(result.stderr).toBe(noRedisWarning('bluesky'));
      expect(result.exitCode).toBeNull();
    } finally {
      fetchSpy.mockRestore();
    }
    expect(requested).toContain('/xrpc/com.atproto.server.createSession');
    expect(requested).toContain('/xrpc/app.bsky.feed.searchPosts');
    expect(elsewhere).toEqual([]);
  });

  it('reports a failing platform with exit code 1', async () => {
    routes.set('/xrpc/app.bsky.actor.getProfile', () => ({
      status: 429,
      json: { error: 'RateLimitExceeded' },
      headers: { 'retry-after': '3600' },
    }));
    const result = await run(['--platform', 'bluesky', '--handle', 'cllr-hana.bsky.social'], {
      BLUESKY_APPVIEW_URL: baseUrl,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `${noRedisWarning('bluesky')}Collection failed (rate-limited): bluesky app.bsky.actor.getProfile: rate limited until 2026-03-06T13:00:00.000Z\n`,
    );
  });
});
