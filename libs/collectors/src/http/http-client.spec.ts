import { z } from 'zod';
import {
  AccountGoneError,
  MalformedPayloadError,
  RateLimitedError,
  TransientError,
  UnauthorisedError,
} from '../errors';
import { fastHttpClient } from '../testing/fast-http';
import { FixtureServer } from '../testing/fixture-server';
import { InMemoryRateLimitGate } from './in-memory-rate-limit-gate';
import { epochSecondsRateLimitHeaders } from './rate-limit-headers';

const counts = z.object({ feed: z.array(z.object({ post: z.object({ likeCount: z.number().int() }) })) });
const NOW = new Date('2026-03-02T10:00:00Z');

describe('HttpClient', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  const request = (path = '/thing') => ({
    platform: 'bluesky' as const,
    method: 'app.test.get',
    url: new URL(path, server.baseUrl),
    rateLimitHeaders: epochSecondsRateLimitHeaders('ratelimit'),
  });

  it('retries a 429 after the Retry-After it was given, then succeeds', async () => {
    server.enqueue('GET', '/thing', {
      status: 429,
      headers: { 'retry-after': '2' },
      json: { error: 'RateLimitExceeded' },
    });
    server.route('GET', '/thing', { json: { feed: [] } });
    const { http, sleeps } = fastHttpClient({ now: () => NOW });
    const { data } = await http.requestJson(request(), counts);
    expect(data.feed).toEqual([]);
    expect(sleeps.waits).toEqual([2000]);
    expect(http.requestCount).toBe(2);
  });

  it('throws RateLimitedError with the announced reset when the wait is too long to sleep through', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 600;
    server.route('GET', '/thing', {
      status: 429,
      headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      json: { error: 'RateLimitExceeded' },
    });
    const { http } = fastHttpClient({ now: () => NOW });
    const error = await http.requestJson(request(), counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt.toISOString()).toBe(new Date(reset * 1000).toISOString());
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx with exponential backoff and full jitter, bounded', async () => {
    server.route('GET', '/thing', { status: 502, body: 'bad gateway' });
    const { http, sleeps } = fastHttpClient({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 });
    await expect(http.requestJson(request(), counts)).rejects.toBeInstanceOf(TransientError);
    // random() = 0.5 × min(250, 100 × 2^retry)
    expect(sleeps.waits).toEqual([50, 100, 125]);
    expect(server.requests).toHaveLength(4);
  });

  it('retries a body cut short mid-transfer and a JSON body that does not parse', async () => {
    const whole = JSON.stringify({ feed: [{ post: { likeCount: 4 } }] });
    server.enqueue('GET', '/thing', {
      body: whole,
      headers: { 'content-type': 'application/json' },
      cutAfterBytes: 10,
    });
    server.enqueue('GET', '/thing', {
      body: whole.slice(0, 15),
      headers: { 'content-type': 'application/json' },
    });
    server.route('GET', '/thing', { body: whole, headers: { 'content-type': 'application/json' } });
    const { http } = fastHttpClient();
    const { data } = await http.requestJson(request(), counts);
    expect(data.feed[0].post.likeCount).toBe(4);
    expect(server.requests).toHaveLength(3);
  });

  it('reports truncated JSON as transient once the attempts run out', async () => {
    server.route('GET', '/thing', { body: '{"feed":[{"po', headers: { 'content-type': 'application/json' } });
    const { http } = fastHttpClient({ maxAttempts: 2 });
    const error = await http.requestJson(request(), counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/bluesky app\.test\.get: JSON does not parse/);
  });

  it('names the path that broke when the JSON parses but breaks the schema', async () => {
    server.route('GET', '/thing', {
      json: { feed: [{ post: { likeCount: 1 } }, { post: { likeCount: 'many' } }] },
    });
    const { http } = fastHttpClient();
    const error = await http.requestJson(request(), counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as MalformedPayloadError).path).toBe('feed[1].post.likeCount');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a slow response and retries it', async () => {
    let calls = 0;
    server.route('GET', '/thing', () => {
      calls += 1;
      return { json: { feed: [] } };
    });
    const { http } = fastHttpClient({
      timeoutMs: 50,
      maxAttempts: 2,
      fetch: async (input, init) => {
        if (calls === 0) {
          calls += 1;
          // The first call hangs until the client's time-out aborts it.
          return new Promise<Response>((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new Error(String(init.signal?.reason)))),
          );
        }
        return fetch(input, init);
      },
    });
    const { data } = await http.requestJson(request(), counts);
    expect(data.feed).toEqual([]);
    expect(http.requestCount).toBe(2);
  });

  it('maps 401 to UnauthorisedError and 404 to AccountGoneError by default, without retrying', async () => {
    server.route('GET', '/auth', { status: 401, json: { error: 'nope' } });
    server.route('GET', '/gone', { status: 404, json: { error: 'nope' } });
    const { http } = fastHttpClient();
    await expect(http.request(request('/auth'))).rejects.toBeInstanceOf(UnauthorisedError);
    await expect(http.request(request('/gone'))).rejects.toBeInstanceOf(AccountGoneError);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry when the caller aborts', async () => {
    server.route('GET', '/thing', { json: { feed: [] } });
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const { http } = fastHttpClient();
    await expect(http.request({ ...request(), signal: controller.signal })).rejects.toThrow('shutting down');
    expect(server.requests).toHaveLength(0);
  });

  /** A client whose first request to /thing announces the budget spent until `reset` (seconds). */
  async function afterSpendingTheBudget(): Promise<{
    http: ReturnType<typeof fastHttpClient>['http'];
    gate: InMemoryRateLimitGate;
    reset: number;
  }> {
    const reset = Math.floor(NOW.getTime() / 1000) + 300;
    server.route('GET', '/thing', {
      headers: { 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      json: { feed: [] },
    });
    const gate = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const { http } = fastHttpClient({ gate, now: () => NOW });
    await http.requestJson(request(), counts);
    return { http, gate, reset };
  }

  it('feeds the gate from response headers and refuses once the budget is spent', async () => {
    const { http, gate, reset } = await afterSpendingTheBudget();
    expect(gate.budget({ platform: 'bluesky', host: new URL(server.baseUrl).host })).toMatchObject({
      limit: 2,
      remaining: 0,
    });
    const error = await http.requestJson(request(), counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).resetAt.getTime()).toBe(reset * 1000);
    expect(server.requests).toHaveLength(1);
  });

  it('lets requests that can announce no budget bypass the gate', async () => {
    const { http } = await afterSpendingTheBudget();
    await http.requestJson({ ...request(), rateLimitHeaders: undefined }, counts);
    expect(server.requests).toHaveLength(2);
  });

  it('spends a narrower budget per scope besides the host’s: a spent scope holds back only its own requests', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 300;
    const scoped = (scope: string) => ({
      ...request(`/${scope}`),
      scopedRateLimits: [{ scope, headers: epochSecondsRateLimitHeaders('scoped') }],
    });
    server.route('GET', '/a', {
      headers: { 'scoped-limit': '5', 'scoped-remaining': '0', 'scoped-reset': String(reset) },
      json: { feed: [] },
    });
    server.route('GET', '/b', {
      headers: {
        'scoped-limit': '5',
        'scoped-remaining': '4',
        'scoped-reset': String(reset),
        'ratelimit-limit': '10',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset + 60),
      },
      json: { feed: [] },
    });
    // Nothing here waits: a permit held back would be a permit never given back.
    const gate = new InMemoryRateLimitGate({
      now: () => NOW.getTime(),
      sleep: () => Promise.reject(new Error('held back')),
    });
    const { http } = fastHttpClient({ gate, now: () => NOW });
    const host = new URL(server.baseUrl).host;

    await http.requestJson(scoped('a'), counts);
    expect(gate.budget({ platform: 'bluesky', host: `${host} a` })).toMatchObject({ remaining: 0 });
    expect(gate.budget({ platform: 'bluesky', host })).toBeUndefined();
    const spent = await http.requestJson(scoped('a'), counts).catch((e: unknown) => e);
    expect((spent as RateLimitedError).resetAt.getTime()).toBe(reset * 1000);

    // Another scope still goes; its answer spends the host's budget, which then holds back every scope.
    await http.requestJson(scoped('b'), counts);
    expect(gate.budget({ platform: 'bluesky', host: `${host} b` })).toMatchObject({ remaining: 4 });
    const hostSpent = await http.requestJson(scoped('c'), counts).catch((e: unknown) => e);
    expect((hostSpent as RateLimitedError).resetAt.getTime()).toBe((reset + 60) * 1000);
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b']);

    // The probe of scope c, taken before the host's budget refused, went back.
    await expect(gate.acquire({ platform: 'bluesky', host: `${host} c` })).resolves.toBeDefined();
  });

  it('takes scoped permits in one order whatever order a request names them in, each once', async () => {
    server.route('GET', '/thing', { json: { feed: [] } });
    const taken: string[] = [];
    const inner = new InMemoryRateLimitGate({ now: () => NOW.getTime() });
    const gate = {
      acquire: (params: Parameters<InMemoryRateLimitGate['acquire']>[0]) => {
        taken.push(params.host);
        return inner.acquire(params);
      },
    };
    const { http } = fastHttpClient({ gate, now: () => NOW });
    const host = new URL(server.baseUrl).host;
    const headers = epochSecondsRateLimitHeaders('scoped');
    for (const scopes of [
      ['p2', 'p1'],
      ['p1', 'p2', 'p1'],
    ]) {
      taken.length = 0;
      await http.requestJson(
        { ...request(), scopedRateLimits: scopes.map((scope) => ({ scope, headers })) },
        counts,
      );
      expect(taken).toEqual([`${host} p1`, `${host} p2`, host]);
    }
  });

  it('keeps a Page’s permit counting while its request waits for the app’s budget, and takes it again after a longer wait', async () => {
    server.route('GET', '/thing', { json: { feed: [] } });
    const host = new URL(server.baseUrl).host;
    let clock = NOW.getTime();
    // The app's budget keeps each request waiting this long in turn (its probe's answer is awaited).
    const appWaits: number[] = [];
    // A gate keeping the rule of `RateLimitGate`: a permit stops counting `timeoutMs` after it was given.
    const permits: { host: string; countsUntil: number; open: boolean }[] = [];
    const taken: string[] = [];
    const returned: string[] = [];
    const gate = {
      acquire: (params: { host: string; timeoutMs: number }) => {
        if (params.host === host) clock += appWaits.shift() ?? 0;
        taken.push(params.host);
        const permit = { host: params.host, countsUntil: clock + params.timeoutMs, open: true };
        permits.push(permit);
        return Promise.resolve({
          settle: () => {
            permit.open = false;
            return Promise.resolve();
          },
          cancel: () => {
            permit.open = false;
            returned.push(params.host);
            return Promise.resolve();
          },
        });
      },
    };
    const timeoutMs = 2_000;
    // The permits a request went out on that would stop counting before its answer could come.
    const lapsed: string[] = [];
    const { http } = fastHttpClient({
      gate,
      timeoutMs,
      now: () => new Date(clock),
      fetch: (input, init) => {
        for (const permit of permits)
          if (permit.open && permit.countsUntil < clock + timeoutMs) lapsed.push(permit.host);
        return fetch(input, init);
      },
    });
    const aboutPage = {
      ...request(),
      scopedRateLimits: [{ scope: 'page 1', headers: epochSecondsRateLimitHeaders('page') }],
    };

    // A wait shorter than a time-out: the Page's permit, asked to last it, still counts when the request goes.
    appWaits.push(1_500);
    await http.requestJson(aboutPage, counts);
    expect(taken).toEqual([`${host} page 1`, host]);
    expect(lapsed).toEqual([]);

    // A longer wait may have outlasted it: both permits go back and are taken again.
    taken.length = 0;
    appWaits.push(3_000, 0);
    await http.requestJson(aboutPage, counts);
    expect(taken).toEqual([`${host} page 1`, host, `${host} page 1`, host]);
    expect(returned).toEqual([`${host} page 1`, host]);
    expect(lapsed).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives its permit back when an attempt stops before it is sent, or fails on the way', async () => {
    server.route('GET', '/thing', { json: { feed: [] } });
    let calls = 0;
    const { http } = fastHttpClient({
      gate: new InMemoryRateLimitGate({ now: () => NOW.getTime() }),
      now: () => NOW,
      maxAttempts: 1,
      fetch: (input, init) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
      },
    });
    // Each is the probe of a window not yet known: a permit kept would hold every later request back.
    const stopped = {
      ...request(),
      beforeAttempt: () => {
        throw new Error('quota spent');
      },
    };
    await expect(http.requestJson(stopped, counts)).rejects.toThrow('quota spent');
    await expect(http.requestJson(request(), counts)).rejects.toBeInstanceOf(TransientError);
    await expect(http.requestJson(request(), counts)).resolves.toMatchObject({ data: { feed: [] } });
  });
});

describe('HttpClient and credentials', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('refuses a header HTTP cannot carry before sending, as unauthorised, without quoting it', async () => {
    server.route('GET', '/thing', { json: { feed: [] } });
    const { http } = fastHttpClient();
    for (const token of [
      'AAAASECRET\nwrapped-part',
      'AAAASECRET\r\nX: y',
      'AAAASECRET\u2014dash',
      'AAAA\u0000SECRET',
    ]) {
      const sent = http.requestJson(
        {
          platform: 'x',
          method: 'users/by/username',
          url: new URL('/thing', server.baseUrl),
          headers: { authorization: `Bearer ${token}` },
        },
        counts,
      );
      const error: unknown = await sent.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnauthorisedError);
      expect((error as Error).message).toContain('authorization header');
      expect((error as Error).message).not.toContain('SECRET');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('describes a fault on the way by its name and code, never by a message that can quote the URL or a header', async () => {
    const { http } = fastHttpClient({
      maxAttempts: 2,
      fetch: (input) => {
        const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
        return Promise.reject(new TypeError(`Failed to parse URL from ${url}`));
      },
    });
    const error: unknown = await http
      .requestJson(
        {
          platform: 'youtube',
          method: 'channels.list',
          url: new URL(`${server.baseUrl}/thing?key=SECRETKEY`),
        },
        counts,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).not.toContain('SECRETKEY');
    expect((error as Error).message).toContain('TypeError');
  });
});

describe('HttpClient content types', () => {
  let server: FixtureServer;
  beforeEach(async () => {
    server = await new FixtureServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reads JSON labelled text/plain, but refuses an HTML page in place of JSON', async () => {
    server.route('GET', '/plain', { body: '{"feed":[]}', headers: { 'content-type': 'text/plain' } });
    server.route('GET', '/html', {
      body: '<!doctype html><title>Login</title>',
      headers: { 'content-type': 'text/html' },
    });
    const { http } = fastHttpClient();
    const request = (path: string) => ({
      platform: 'mastodon' as const,
      method: 'GET /x',
      url: new URL(path, server.baseUrl),
    });
    await expect(http.requestJson(request('/plain'), counts)).resolves.toMatchObject({ data: { feed: [] } });
    const error = await http.requestJson(request('/html'), counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as Error).message).toBe(
      'mastodon GET /x: malformed payload at (root): expected JSON, got text/html',
    );
  });
});
