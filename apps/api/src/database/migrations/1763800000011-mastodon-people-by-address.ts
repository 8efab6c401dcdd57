import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mastodon people are identified by their `user@domain` since this release; before, by the id the
 * councillor's instance gave them, which names nobody on another instance. What was stored under
 * those pseudonyms could be neither de-duplicated across instances nor erased on request (a request
 * names the person by address), so it is deleted: Mastodon followers and their edges, reattribution
 * log and sweep records, and interactions. Each Mastodon account's next collection sweeps its
 * followers afresh (its first sweep again, so they are not counted as gained) and reads its last 30
 * days' threads again. The erasure list is kept: the collectors also give the instance id
 * (`formerIds`) of each person on the councillor's own instance, the only ones an earlier release
 * erased under a matching id, so someone erased before is still kept out (`ErasureList`, which does
 * not list them by address: the same number on another instance is someone else).
 */
export class MastodonPeopleByAddress1763800000011 implements MigrationInterface {
  name = 'MastodonPeopleByAddress1763800000011';

  async up(db: QueryRunner): Promise<void> {
    const mastodonAccounts = `SELECT id FROM platform_account WHERE platform = 'mastodon'`;
    await db.query(`DELETE FROM follow_edge WHERE account_id IN (${mastodonAccounts})`);
    await db.query(
      `DELETE FROM follower_reattribution WHERE follower_id IN (SELECT id FROM follower WHERE platform = 'mastodon')`,
    );
    await db.query(`DELETE FROM follower WHERE platform = 'mastodon'`);
    await db.query(`DELETE FROM follower_sweep_seen WHERE account_id IN (${mastodonAccounts})`);
    await db.query(`DELETE FROM interaction WHERE platform = 'mastodon'`);
    await db.query(`
      UPDATE platform_account SET cursors = cursors - 'followerSweep' - 'followersSweptFrom', next_follower_sweep_at = now()
      WHERE platform = 'mastodon'`);
    await db.query(
      `UPDATE post SET replies_read = 0 WHERE platform = 'mastodon' AND created_at > now() - interval '30 days'`,
    );
  }

  async down(): Promise<void> {
    // What was deleted was held under pseudonyms nobody can match again; collection gathers it anew.
  }
}
