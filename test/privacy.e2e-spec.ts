import { Client } from 'pg';
import { pseudonymise } from '../apps/api/src/common/pseudonymise';
import { SECRET_KEY } from '../apps/api/src/common/secret-key.token';
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
    const record = await privacy.export({ platform: 'bluesky', handle: resident.handle });
    expect(record.follows.length).toBeGreaterThan(0);
    // Of the person: only the result of attribution and the kind of evidence, never their profile text
    // or id (their replies are listed by the address of the public post, as the product links them).
    expect(JSON.stringify(record.follows)).not.toContain(resident.handle);
    for (const follow of record.follows) {
      expect(Object.keys(follow).sort()).toEqual([
        'attributedAt',
        'attribution',
        'councillor',
        'evidenceKinds',
        'firstSeen',
        'handle',
        'lostAt',
        'platform',
        'wardWeights',
      ]);
    }

    const erased = await privacy.erase({ platform: 'bluesky', handle: resident.handle });
    expect(erased.follows).toBe(record.follows.length);
    const after = await privacy.export({ platform: 'bluesky', handle: resident.handle });
    expect(after).toEqual({
      platform: 'bluesky',
      follows: [],
      followedBy: [],
      interactions: [],
      councillorReplies: [],
      civicAccounts: [],
    });

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

  it('deletes unfollows past their retention', async () => {
    const { rows } = await db.query<{ follower_id: string }>(
      `UPDATE follow_edge SET lost_at = now() - interval '200 days'
       WHERE (account_id, follower_id) IN (SELECT account_id, follower_id FROM follow_edge LIMIT 5)
       RETURNING follower_id`,
    );
    expect(rows).toHaveLength(5);
    const purged = await pipeline.api.get(PrivacyService).purgeExpired();
    expect(purged.edges).toBe(5);
    const { rows: left } = await db.query(
      `SELECT 1 FROM follow_edge WHERE lost_at IS NOT NULL AND lost_at < now() - interval '100 days'`,
    );
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
        `SELECT count(DISTINCT e.follower_id)::int AS n FROM follow_edge e JOIN platform_account a ON a.id = e.account_id
         WHERE a.platform = 'mastodon' AND e.follower_id = pseudonym_key($1)`,
        [byAddress],
      );
      return rows[0].n;
    };
    expect(await held()).toBe(1);
    // The upgrade: what was stored under instance ids is deleted, as migration 1763800000011 deleted it
    // (spelt here on today's tables, which that migration predates), and the erasure list still names
    // the resident by the instance id an earlier release pseudonymised.
    const mastodonAccounts = `SELECT id FROM platform_account WHERE platform = 'mastodon'`;
    await db.query(`DELETE FROM follow_edge WHERE account_id IN (${mastodonAccounts})`);
    await db.query(`DELETE FROM follower_sweep_seen WHERE account_id IN (${mastodonAccounts})`);
    await db.query(`DELETE FROM interaction WHERE platform = 'mastodon'`);
    await db.query(
      `UPDATE platform_account SET cursors = cursors - 'followerSweep' - 'followersSweptFrom', next_follower_sweep_at = now()
       WHERE platform = 'mastodon'`,
    );
    await db.query(`INSERT INTO erasure_suppression (platform, pseudonym) VALUES ('mastodon', $1)`, [
      pseudonymise(secret, 'mastodon', resident.externalId),
    ]);
    await collectAll();
    const { rows: swept } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM follow_edge e JOIN platform_account a ON a.id = e.account_id
       WHERE a.platform = 'mastodon'`,
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
