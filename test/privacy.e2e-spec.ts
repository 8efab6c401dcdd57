import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { pseudonymise } from '../apps/api/src/common/pseudonymise';
import { SECRET_KEY } from '../apps/api/src/common/secret-key.token';
import { MastodonPeopleByAddress1763800000011 } from '../apps/api/src/database/migrations/1763800000011-mastodon-people-by-address';
import { CollectionPlanner } from '../apps/api/src/collection/collection-planner.cron.job';
import { PrivacyService } from '../apps/api/src/privacy/privacy.service';
import { eventually, startPipeline } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

jest.setTimeout(240_000);

/** A resident's rights over what wardreach holds about their account, and retention. */
describe('subject access, erasure and retention', () => {
  let pipeline: PipelineHarness;
  let db: Client;

  const collectAll = async () => {
    await db.query(
      `UPDATE platform_account SET next_due_at = now(), next_follower_sweep_at = now(), last_collected_at = NULL`,
    );
    await pipeline.api.get(CollectionPlanner).plan();
    await eventually(
      async () => {
        const { rows } = await db.query<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM platform_account WHERE status = 'active' AND last_collected_at IS NULL`,
        );
        return rows[0].pending === 0 ? true : undefined;
      },
      180_000,
      'a sweep',
    );
  };

  /** A resident who follows at least one councillor on Bluesky, by handle. */
  const aFollower = () => {
    const world = pipeline.sandbox.world;
    const councillor = world.findBlueskyActor(
      world.actors.find((a) => a.kind === 'councillor' && a.platform === 'bluesky')!.handle,
    )!;
    return world.actors[
      world.followers(councillor.index).find((edge) => world.actors[edge.follower].kind === 'resident')!
        .follower
    ];
  };

  beforeAll(async () => {
    pipeline = await startPipeline({ sandbox: { residents: 6_000 } });
    db = new Client({ connectionString: pipeline.database.url });
    await db.connect();
    await collectAll();
  });

  afterAll(async () => {
    await db?.end();
    await pipeline?.close();
  });

  it('exports what is held about an account, then erases it for good', async () => {
    const privacy = pipeline.api.get(PrivacyService);
    const resident = aFollower();
    // As if sweeps had changed everyone's attribution once: the log is part of what is held.
    await db.query(
      `INSERT INTO follower_reattribution (follower_id, reattributed_at) SELECT id, now() FROM follower`,
    );
    const record = await privacy.export({ platform: 'bluesky', handle: resident.handle });
    expect(JSON.parse(JSON.stringify(record.follower?.reattributedAt))).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    ]);
    expect(record.follower).not.toBeNull();
    expect(record.follows.length).toBeGreaterThan(0);
    // Of the person: only the result of attribution and the kind of evidence, never their profile text
    // or id (their replies are listed by the address of the public post, as the product links them).
    expect(JSON.stringify(record.follower)).not.toContain(resident.handle);
    expect(Object.keys(record.follower!).sort()).toEqual([
      'attributedAt',
      'attribution',
      'evidenceKinds',
      'reattributedAt',
      'wardWeights',
    ]);

    const erased = await privacy.erase({ platform: 'bluesky', handle: resident.handle });
    expect(erased.followers).toBe(1);
    const after = await privacy.export({ platform: 'bluesky', handle: resident.handle });
    expect(after).toEqual({
      platform: 'bluesky',
      follower: null,
      follows: [],
      followedBy: [],
      interactions: [],
      councillorReplies: [],
      civicAccounts: [],
    });
    const { rows: orphans } = await db.query(
      `SELECT 1 FROM follower_reattribution r WHERE NOT EXISTS (SELECT 1 FROM follower f WHERE f.id = r.follower_id)`,
    );
    expect(orphans).toEqual([]);

    // They still follow on the platform, but the next sweep does not store them again.
    await collectAll();
    expect(await privacy.export({ platform: 'bluesky', handle: resident.handle })).toEqual(after);
  });

  it("unlinks councillors' replies from an erased person's posts, and later collections do not link them again", async () => {
    const privacy = pipeline.api.get(PrivacyService);
    // Someone a councillor replied to on Bluesky, who is not a councillor: a reply names its parent's author.
    const { rows: candidates } = await db.query<{ did: string }>(
      `SELECT DISTINCT split_part(p.in_reply_to, '/', 3) AS did FROM post p
       WHERE p.platform = 'bluesky' AND p.in_reply_to LIKE 'at://did:%'
         AND split_part(p.in_reply_to, '/', 3) NOT IN (
           SELECT external_id FROM platform_account WHERE platform = 'bluesky' AND external_id IS NOT NULL)
       ORDER BY 1 LIMIT 1`,
    );
    expect(candidates).toHaveLength(1);
    const did = candidates[0].did;
    const linked = async (): Promise<number> => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM post WHERE starts_with(in_reply_to, $1)`,
        [`at://${did}/`],
      );
      return rows[0].n;
    };
    expect(await linked()).toBeGreaterThan(0);
    await privacy.erase({ platform: 'bluesky', externalId: did });
    expect(await linked()).toBe(0);
    // The posts are read again from the start: the replies come back, unlinked.
    await db.query(`UPDATE platform_account SET cursors = cursors - 'posts' WHERE platform = 'bluesky'`);
    await db.query(`DELETE FROM post WHERE platform = 'bluesky'`);
    await collectAll();
    const { rows: posts } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM post WHERE platform = 'bluesky'`,
    );
    expect(posts[0].n).toBeGreaterThan(0);
    expect(await linked()).toBe(0);
  });

  it('refuses a request that names no account', async () => {
    await expect(pipeline.api.get(PrivacyService).export({ platform: 'bluesky' })).rejects.toThrow(
      /handle or its platform id/,
    );
    await expect(
      pipeline.api.get(PrivacyService).erase({ platform: 'myspace', handle: 'x' }),
    ).rejects.toThrow(/not a platform/);
  });

  it('deletes unfollows past their retention, and the people nothing else holds', async () => {
    const { rows } = await db.query<{ follower_id: string }>(
      `UPDATE follow_edge SET lost_at = now() - interval '200 days'
       WHERE (account_id, follower_id) IN (
         SELECT e.account_id, e.follower_id FROM follow_edge e
         WHERE NOT EXISTS (SELECT 1 FROM follow_edge o WHERE o.follower_id = e.follower_id AND o.account_id <> e.account_id)
         LIMIT 5)
       RETURNING follower_id`,
    );
    expect(rows).toHaveLength(5);
    const purged = await pipeline.api.get(PrivacyService).purgeExpired();
    expect(purged.edges).toBe(5);
    expect(purged.followers).toBe(5);
    const { rows: left } = await db.query(`SELECT 1 FROM follower WHERE id = ANY($1::bigint[])`, [
      rows.map((row) => row.follower_id),
    ]);
    expect(left).toEqual([]);
  });

  it('keeps out a Mastodon follower erased by an earlier release, which knew them by their instance id', async () => {
    const world = pipeline.sandbox.world;
    const councillor = world.actors.find((a) => a.kind === 'councillor' && a.platform === 'mastodon')!;
    // A user of the councillor's own instance: the id it gives them is the one an earlier release's
    // erasure (by their own instance's id) recorded.
    const resident = world
      .followers(councillor.index)
      .map((edge) => world.actors[edge.follower])
      .find((actor) => actor.kind === 'resident' && actor.domain === councillor.domain)!;
    const secret = pipeline.api.get<string>(SECRET_KEY);
    const byAddress = pseudonymise(secret, 'mastodon', `${resident.handle}@${resident.domain}`.toLowerCase());
    const held = async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM follower WHERE platform = 'mastodon' AND pseudonym = $1`,
        [byAddress],
      );
      return rows[0].n;
    };
    expect(await held()).toBe(1);
    // The upgrade: what was stored under instance ids is deleted (migration 1763800000011), and the
    // erasure list still names the resident by the instance id an earlier release pseudonymised.
    const runner = pipeline.api.get(DataSource).createQueryRunner();
    try {
      await new MastodonPeopleByAddress1763800000011().up(runner);
    } finally {
      await runner.release();
    }
    await db.query(`INSERT INTO erasure_suppression (platform, pseudonym) VALUES ('mastodon', $1)`, [
      pseudonymise(secret, 'mastodon', resident.externalId),
    ]);
    await collectAll();
    const { rows: swept } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM follower WHERE platform = 'mastodon'`,
    );
    expect(swept[0].n).toBeGreaterThan(0);
    expect(await held()).toBe(0);
    // Kept out by the old id alone: the same number on another instance is someone else, so the
    // address is not added to the erasure list.
    const { rows: listed } = await db.query(
      `SELECT 1 FROM erasure_suppression WHERE platform = 'mastodon' AND pseudonym = $1`,
      [byAddress],
    );
    expect(listed).toHaveLength(0);
  });
});
