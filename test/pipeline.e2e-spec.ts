import type {
  CollectionStatusResponse,
  CouncilOverview,
  CouncillorFootprint,
  CouncillorListResponse,
  LiveEvent,
} from '@wardreach/contracts';
import { Client } from 'pg';
import { CollectionPlanner } from '../apps/api/src/collection/collection-planner.cron.job';
import { eventually, getJson, startPipeline } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

jest.setTimeout(240_000);

/** The whole pipeline: planner → BullMQ → collectors over HTTP → PostgreSQL → figures → API. */
describe('the pipeline against the sandbox platforms', () => {
  let pipeline: PipelineHarness;
  let db: Client;

  const allCollected = async () => {
    const { rows } = await db.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM platform_account WHERE status = 'active' AND last_collected_at IS NULL`,
    );
    return rows[0].pending === 0 ? true : undefined;
  };

  beforeAll(async () => {
    pipeline = await startPipeline({ sandbox: { residents: 12_000 }, blueskyServiceAccount: true });
    db = new Client({ connectionString: pipeline.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await pipeline?.close();
  });

  it('seeds the demo council through the admin imports', async () => {
    const { status, body } = await getJson<CouncillorListResponse>(`${pipeline.apiUrl}/api/councillors`);
    expect(status).toBe(200);
    expect(body.total).toBe(69);
    expect(new Set(body.items.map((item) => item.ward.code)).size).toBe(23);
    // Civic organisations are registered under their platform ids, resolved over the platform's API.
    const { rows } = await db.query<{ n: number; resolved: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE external_id IS NOT NULL AND pseudonym IS NOT NULL)::int AS resolved FROM civic_account`,
    );
    expect(rows[0].n).toBeGreaterThan(20);
    expect(rows[0].resolved).toBe(rows[0].n);
  });

  it('collects every account once planned, and serves the figures that came through', async () => {
    const events: LiveEvent[] = [];
    const stream = await fetch(`${pipeline.apiUrl}/api/events`);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const chunk: { done: boolean; value?: Uint8Array } = await reader
          .read()
          .catch(() => ({ value: undefined, done: true }));
        if (chunk.done) return;
        const value = chunk.value;
        for (const line of decoder.decode(value).split('\n')) {
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent);
        }
      }
    })();

    const planned = await pipeline.api.get(CollectionPlanner).plan();
    const { rows: accounts } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM platform_account`,
    );
    expect(planned).toBe(accounts[0].n);
    await eventually(allCollected, 180_000, 'every account to be collected');

    // Planning again at once finds nothing due: each account was scheduled ahead.
    expect(await pipeline.api.get(CollectionPlanner).plan()).toBe(0);

    const { body: list } = await getJson<CouncillorListResponse>(`${pipeline.apiUrl}/api/councillors`);
    const online = list.items.filter((item) => item.platforms.includes('bluesky'));
    expect(online.length).toBeGreaterThan(30);
    expect(list.updatedAt).not.toBeNull();

    // A councillor's followers are what the platform itself reports for their account.
    const councillor = online[0];
    const { body: footprint } = await getJson<CouncillorFootprint>(
      `${pipeline.apiUrl}/api/councillors/${councillor.id}/footprint`,
    );
    const bluesky = footprint.accounts.find((account) => account.platform === 'bluesky')!;
    const profile = (
      await getJson<{ followersCount: number; postsCount: number }>(
        `${pipeline.sandboxUrl}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(bluesky.handle)}`,
      )
    ).body;
    expect(bluesky.figures.followers).toBe(profile.followersCount);
    expect(bluesky.status).toBe('active');
    expect(bluesky.series).toHaveLength(1);

    // Mentions: searched on Bluesky with the service account, not offered by Mastodon or blogs. The
    // next search starts shortly before this one began, not when the collection ended.
    expect(bluesky.mentions).toBe('collected');
    const { rows: coverage } = await db.query<{ platform: string; mentions: string }>(
      `SELECT DISTINCT platform, mentions FROM platform_account WHERE platform IN ('bluesky', 'mastodon', 'rss') ORDER BY 1`,
    );
    expect(coverage).toEqual([
      { platform: 'bluesky', mentions: 'collected' },
      { platform: 'mastodon', mentions: 'not-offered' },
      { platform: 'rss', mentions: 'not-offered' },
    ]);
    const { rows: windows } = await db.query<{
      searched: number;
      after_start: number;
      before_run_start: number;
    }>(
      `SELECT count(*)::int AS searched,
              count(*) FILTER (WHERE a.mentions_searched_from >= r.started_at - interval '5 minutes')::int AS after_start,
              count(*) FILTER (WHERE a.mentions_searched_from < r.started_at)::int AS before_run_start
       FROM platform_account a
       JOIN LATERAL (SELECT started_at FROM collection_run WHERE account_id = a.id ORDER BY started_at DESC LIMIT 1) r ON true
       WHERE a.platform = 'bluesky'`,
    );
    expect(windows[0].searched).toBeGreaterThan(0);
    expect(windows[0]).toEqual({
      searched: windows[0].searched,
      after_start: windows[0].searched,
      before_run_start: windows[0].searched,
    });

    // Posts in the database are the platform's, once each.
    const { rows: duplicates } = await db.query(
      `SELECT platform, external_id FROM post GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const { rows: posts } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM post p JOIN platform_account a ON a.id = p.account_id WHERE a.id = $1 AND p.created_at >= now() - interval '30 days'`,
      [bluesky.id],
    );
    expect(bluesky.figures.posts30d).toBe(posts[0].n);

    // Followers were placed in wards without keeping who they are.
    const { rows: placed } = await db.query<{ attribution: string; n: number }>(
      `SELECT a.attribution, count(*)::int AS n
       FROM follow_edge e JOIN follower_attribution a ON a.id = e.attribution_id GROUP BY 1`,
    );
    const byStatus = Object.fromEntries(placed.map((row) => [row.attribution, row.n]));
    expect(byStatus.ward).toBeGreaterThan(0);
    expect(byStatus.unknown).toBeGreaterThan(0);
    // What an edge holds of its follower: a key, and an attribution shared with everyone placed alike.
    const { rows: columns } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'follow_edge' ORDER BY 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'account_id',
      'attributed_at',
      'attribution_id',
      'first_seen',
      'follower_id',
      'lost_at',
    ]);
    const { rows: shared } = await db.query<{ attributions: number; edges: number }>(
      `SELECT (SELECT count(*)::int FROM follower_attribution) AS attributions, (SELECT count(*)::int FROM follow_edge) AS edges`,
    );
    expect(shared[0].attributions).toBeLessThan(shared[0].edges / 10);

    // The admin sees, for every account, what its last collection did and when it is next due.
    const { body: status } = await getJson<CollectionStatusResponse>(
      `${pipeline.apiUrl}/api/admin/collection`,
    );
    expect(status.accounts).toHaveLength(accounts[0].n);
    for (const account of status.accounts) {
      expect(account.lastRun).toMatchObject({ status: 'succeeded' });
      expect(account.lastRun!.requests).toBeGreaterThan(0);
      expect(new Date(account.nextDueAt!).getTime()).toBeGreaterThan(Date.now());
      // Swept in this first collection (or a hidden list looked at), Bluesky and Mastodon accounts are
      // next swept later; a feed never is.
      if (account.platform === 'rss') expect(account.nextFollowerSweepAt).toBeNull();
      else expect(new Date(account.nextFollowerSweepAt!).getTime()).toBeGreaterThan(Date.now());
    }

    const { body: overview } = await getJson<CouncilOverview>(`${pipeline.apiUrl}/api/council/overview`);
    expect(overview.councillors).toBe(69);
    expect(overview.totals.followers).toBe(list.items.reduce((sum, item) => sum + item.figures.followers, 0));

    await eventually(
      () => Promise.resolve(events.some((event) => event.type === 'collection.finished') ? true : undefined),
      5_000,
      'a live event',
    );
    await reader.cancel();
  });

  it('picks up new followers, unfollows and posts when the platform changes', async () => {
    // Five minutes of platform life: councillors post, residents reply, follow and unfollow.
    const ticks = [1, 2, 3, 4, 5].map(() => pipeline.sandbox.tick());
    expect(ticks.reduce((sum, tick) => sum + tick.follows, 0)).toBeGreaterThan(0);
    expect(ticks.reduce((sum, tick) => sum + tick.unfollows, 0)).toBeGreaterThan(0);
    expect(ticks.reduce((sum, tick) => sum + tick.posts, 0)).toBeGreaterThan(0);
    const conversation = `SELECT (SELECT count(*) FROM post) + (SELECT count(*) FROM interaction) AS n`;
    const { rows: postsBefore } = await db.query<{ n: string }>(conversation);
    await db.query(
      `UPDATE platform_account SET next_due_at = now(), next_follower_sweep_at = now(), last_collected_at = NULL`,
    );
    await pipeline.api.get(CollectionPlanner).plan();
    await eventually(allCollected, 180_000, 'the second collection');

    // Each account's followers are again what the platform reports.
    const { rows: accounts } = await db.query<{ id: string; handle: string }>(
      `SELECT id, handle FROM platform_account WHERE platform = 'bluesky' ORDER BY handle`,
    );
    for (const account of accounts) {
      const profile = (
        await getJson<{ followersCount: number }>(
          `${pipeline.sandboxUrl}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(account.handle)}`,
        )
      ).body;
      const { rows } = await db.query<{ followers: number; current: number }>(
        `SELECT (SELECT followers FROM account_snapshot WHERE account_id = $1 ORDER BY day DESC LIMIT 1) AS followers,
                (SELECT count(*)::int FROM follow_edge WHERE account_id = $1 AND lost_at IS NULL) AS current`,
        [account.id],
      );
      expect({ handle: account.handle, followers: rows[0].followers, edges: rows[0].current }).toEqual({
        handle: account.handle,
        followers: profile.followersCount,
        edges: profile.followersCount,
      });
    }

    // The diff found new and lost followers, each edge stored once.
    const { rows: changes } = await db.query<{ lost: number; gained: number }>(
      `SELECT count(*) FILTER (WHERE lost_at IS NOT NULL)::int AS lost,
              count(*) FILTER (WHERE first_seen > (SELECT min(first_seen) FROM follow_edge f WHERE f.account_id = e.account_id))::int AS gained
       FROM follow_edge e`,
    );
    expect(changes[0].lost).toBeGreaterThan(0);
    expect(changes[0].gained).toBeGreaterThan(0);
    const { rows: edgeDuplicates } = await db.query(
      `SELECT account_id, follower_id FROM follow_edge GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(edgeDuplicates).toEqual([]);
    const { rows: postsAfter } = await db.query<{ n: string }>(conversation);
    expect(Number(postsAfter[0].n)).toBeGreaterThan(Number(postsBefore[0].n));
  });

  it('answers bad input with a clear 400 and unknown ids with a 404', async () => {
    const bad = await getJson<{ statusCode: number; message: string[] }>(
      `${pipeline.apiUrl}/api/councillors/not-an-id/footprint`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(["councillor id must be a UUID, not 'not-an-id'"]);
    const unread = await getJson<{ statusCode: number; message: string[] }>(
      `${pipeline.apiUrl}/api/councillors?ward=E05000001`,
    );
    expect(unread.status).toBe(400);
    expect(unread.body.message).toEqual(["unknown parameter 'ward'"]);
    const unknown = await getJson<{ statusCode: number; message: string }>(
      `${pipeline.apiUrl}/api/councillors/9b2f4b0e-2c1a-4c5e-9d1e-0f6f0e8a1b2c/footprint`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/No councillor/);
  });

  it('lets the admin put a flagged account back in the plan', async () => {
    const resume = (id: string) =>
      fetch(`${pipeline.apiUrl}/api/admin/collection/accounts/${id}/resume`, { method: 'POST' });
    expect((await resume('not-an-id')).status).toBe(400);
    expect((await resume('9b2f4b0e-2c1a-4c5e-9d1e-0f6f0e8a1b2c')).status).toBe(404);
    const { rows } = await db.query<{ id: string }>(
      `UPDATE platform_account SET status = 'gone', status_reason = 'suspended', next_due_at = now() + interval '365 days'
       WHERE id = (SELECT id FROM platform_account ORDER BY handle LIMIT 1) RETURNING id`,
    );
    const resumed = await resume(rows[0].id);
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toEqual({ id: rows[0].id, resumed: true });
    const { rows: after } = await db.query<{ status: string; reason: string | null; due: boolean }>(
      `SELECT status, status_reason AS reason, next_due_at <= now() AS due FROM platform_account WHERE id = $1`,
      [rows[0].id],
    );
    expect(after).toEqual([{ status: 'active', reason: null, due: true }]);
    // An account that was not flagged is left as it is.
    expect(await (await resume(rows[0].id)).json()).toEqual({ id: rows[0].id, resumed: false });
  });

  it('reports database and Redis health', async () => {
    const { status, body } = await getJson<{ status: string; info: Record<string, { status: string }> }>(
      `${pipeline.apiUrl}/api/health`,
    );
    expect(status).toBe(200);
    expect(body.info.database.status).toBe('up');
    expect(body.info.redis.status).toBe('up');
  });
});
