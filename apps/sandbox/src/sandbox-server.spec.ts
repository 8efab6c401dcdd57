import { z } from 'zod';
import { startTestSandbox } from './testing/test-sandbox';
import type { RunningSandbox } from './testing/test-sandbox';
import type { RequestStatsSnapshot } from './http/request-stats';

describe('sandbox server', () => {
  describe('enforced rate limit', () => {
    let running: RunningSandbox;
    beforeAll(async () => {
      running = await startTestSandbox({ residents: 3000, rateLimit: { limit: 3, windowMs: 60_000 } });
    });
    afterAll(() => running.sandbox.close());

    it('answers the request over the limit with 429, the platform’s body and headers', async () => {
      const handle = running.sandbox.world.actors.find(
        (a) => a.kind === 'councillor' && a.platform === 'bluesky',
      )!.handle;
      const path = `/xrpc/app.bsky.actor.getProfile?actor=${handle}`;
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await running.get(path);
        expect(ok.status).toBe(200);
        remaining.push(ok.headers.get('ratelimit-remaining')!);
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await running.get(path);
      expect(limited.status).toBe(429);
      expect(await limited.json()).toEqual({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
      expect(limited.headers.get('ratelimit-limit')).toBe('3');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('ratelimit-policy')).toBe('3;w=60');
      const reset = Number(limited.headers.get('ratelimit-reset'));
      expect(reset).toBe(Math.ceil((Date.parse('2026-11-01T12:00:00.000Z') + 60_000) / 1000));
      expect(Number(limited.headers.get('retry-after'))).toBe(60);
      const stats = await running.getJson<RequestStatsSnapshot>('/_sandbox/stats');
      expect(stats.requests.bluesky?.['app.bsky.actor.getProfile']).toBe(4);
      expect(stats.rateLimited.bluesky).toBe(1);
    });

    it('limits each platform separately, with Mastodon’s headers and body', async () => {
      const responses = [];
      for (let i = 0; i < 4; i++) responses.push(await running.get('/api/v1/accounts/1'));
      expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 429]);
      expect(await responses[3].json()).toEqual({ error: 'Too many requests' });
      expect(responses[3].headers.get('x-ratelimit-reset')).toBe('2026-11-01T12:01:00.000Z');
    });

    it('resets the counts and the windows on POST /_sandbox/stats/reset', async () => {
      const reset = await fetch(new URL('/_sandbox/stats/reset', running.url), { method: 'POST' });
      expect(((await reset.json()) as RequestStatsSnapshot).total).toBe(0);
      expect((await running.get('/api/v1/accounts/1')).status).toBe(404);
    });

    it('keeps one Mastodon window per instance, as separate servers would', async () => {
      const { world } = running.sandbox;
      const mastodon = world.actors.filter((a) => a.platform === 'mastodon');
      const first = mastodon[0];
      const other = mastodon.find((a) => a.domain !== first.domain)!;
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await running.get(`/api/v1/accounts/${first.externalId}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await running.get(`/api/v1/accounts/lookup?acct=${other.handle}@${other.domain}`)).status).toBe(
        200,
      );
    });
  });

  describe('fault injection', () => {
    it('fails about the configured share of requests, and never changes the data', async () => {
      const clean = await startTestSandbox({ residents: 3000 });
      const faulty = await startTestSandbox({ residents: 3000, faultRate: 0.5, slowMs: 20 });
      try {
        const { world } = clean.sandbox;
        const paths = world.actors
          .filter((a) => a.kind === 'councillor' && a.platform !== 'x')
          .slice(0, 12)
          .map((a) =>
            a.platform === 'bluesky'
              ? `/xrpc/app.bsky.feed.getAuthorFeed?actor=${a.externalId}&limit=20`
              : `/api/v1/accounts/${a.externalId}/statuses`,
          );
        const statuses = new Set<number>();
        let failures = 0;
        let truncated = 0;
        for (const path of paths) {
          const expected = await (await clean.get(path)).text();
          for (let attempt = 0; ; attempt++) {
            expect(attempt).toBeLessThan(50);
            const response = await faulty.get(path);
            statuses.add(response.status);
            const body = await response.text();
            if (response.status === 200 && body === expected) break;
            failures++;
            if (response.status === 200) {
              truncated++;
              expect(() => JSON.parse(body) as unknown).toThrow();
            }
          }
        }
        expect(failures).toBeGreaterThan(2);
        expect(truncated).toBeGreaterThan(0);
        expect([...statuses].some((s) => s >= 500 || s === 429)).toBe(true);
        const stats = await faulty.getJson<RequestStatsSnapshot>('/_sandbox/stats');
        expect(Object.values(stats.faults).reduce((a, b) => a + b, 0)).toBe(
          failures + (stats.faults.slow ?? 0),
        );
      } finally {
        await clean.sandbox.close();
        await faulty.sandbox.close();
      }
    });
  });

  describe('ticking and demo data', () => {
    let running: RunningSandbox;
    beforeAll(async () => {
      running = await startTestSandbox({ residents: 3000, publicBaseUrl: 'http://sandbox.test:8090' });
    });
    afterAll(() => running.sandbox.close());

    it('advances the world one tick on POST /_sandbox/tick', async () => {
      const before = running.sandbox.world.posts.length;
      const response = await fetch(new URL('/_sandbox/tick', running.url), { method: 'POST' });
      const summary = z
        .object({ tick: z.literal(1), atMs: z.number(), posts: z.number(), follows: z.number() })
        .parse(await response.json());
      expect(summary.atMs).toBe(Date.parse('2026-11-01T12:01:00.000Z'));
      expect(running.sandbox.world.posts.length).toBe(before + summary.posts);
      expect(running.sandbox.world.tickCount).toBe(1);
    });

    it('serves the roster with every councillor and absolute feed URLs', async () => {
      const csv = await (await running.get('/_sandbox/demo/roster.csv')).text();
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('name,party,ward_code,ward_name,bluesky,mastodon,rss,cohort');
      expect(lines).toHaveLength(70);
      const rows = lines.slice(1).map((l) => l.split(','));
      expect(rows.every((r) => r.length === 8 && /^E05\d{6}$/.test(r[2]))).toBe(true);
      expect(rows.some((r) => /^@[a-z0-9_]+@[a-z.]+$/.test(r[5]))).toBe(true);
      const feeds = rows.map((r) => r[6]).filter((f) => f !== '');
      expect(feeds.length).toBeGreaterThan(0);
      expect(
        feeds.every((f) => /^http:\/\/sandbox\.test:8090\/blogs\/[a-z0-9-]+\/(feed|atom)\.xml$/.test(f)),
      ).toBe(true);
      expect(rows.filter((r) => r[7] !== '').length).toBe(8);
      // On request, a stale roster entry: the account was deleted, and the AppView says so.
      const former = running.sandbox.world.councillors.find((c) => c.formerHandles.bluesky)!.formerHandles
        .bluesky!;
      expect(rows.some((r) => r[4] === former)).toBe(false);
      const stale = (await (await running.get('/_sandbox/demo/roster.csv?include=former')).text()).split(
        '\r\n',
      );
      expect(stale.some((l) => l.split(',')[4] === former)).toBe(true);
      const gone = await running.get(`/xrpc/app.bsky.actor.getProfile?actor=${former}`);
      expect(gone.status).toBe(400);
      expect(await gone.json()).toEqual({ error: 'InvalidRequest', message: 'Profile not found' });
      const withX = (await (await running.get('/_sandbox/demo/roster.csv?include=x')).text())
        .trimEnd()
        .split('\r\n');
      expect(withX[0]).toBe('name,party,ward_code,ward_name,bluesky,mastodon,rss,cohort,x');
      expect(withX.slice(1).some((l) => /,@[A-Za-z0-9_]{1,15}$/.test(l))).toBe(true);
    });

    it('serves the gazetteer, population, civic list and ward boundaries', async () => {
      const gazetteer = (await (await running.get('/_sandbox/demo/gazetteer.csv')).text())
        .trimEnd()
        .split('\r\n');
      expect(gazetteer[0]).toBe('ward_code,ward_name,kind,value');
      const kinds = new Set(gazetteer.slice(1).map((l) => l.split(',')[2]));
      expect([...kinds].sort()).toEqual(['place', 'postcode', 'postcode_district', 'postcode_sector']);
      expect(gazetteer.filter((l) => l.endsWith(',place,Scholes'))).toHaveLength(2);
      const population = (await (await running.get('/_sandbox/demo/population.csv')).text())
        .trimEnd()
        .split('\r\n');
      expect(population).toHaveLength(24);
      const civic = (await (await running.get('/_sandbox/demo/civic.csv')).text()).trimEnd().split('\r\n');
      expect(civic[0]).toBe('ward_code,name,platform,handle');
      expect(civic.length).toBeGreaterThan(23 * 2);
      const geo = z
        .object({
          type: z.literal('FeatureCollection'),
          features: z.array(
            z.object({
              type: z.literal('Feature'),
              properties: z.object({
                WD24CD: z.string().regex(/^E05\d{6}$/),
                WD24NM: z.string(),
                LAD24CD: z.literal('E08000034'),
              }),
              geometry: z.object({
                type: z.literal('Polygon'),
                coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
              }),
            }),
          ),
        })
        .parse(await (await running.get('/_sandbox/demo/wards.geojson')).json());
      expect(geo.features).toHaveLength(23);
    });
  });
});
