import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentions, per account:
 *
 * - `platform_account.mentions` says whether the last collection read mentions by others, and if not
 *   why (`MentionsCoverage`: the platform offers no search to us, no Bluesky service account, or the
 *   one configured was refused), so the dashboard can say when mentions are not collected;
 * - `platform_account.mentions_searched_from` is where the next mention search starts: a little before
 *   the last search began. It used to start from `last_collected_at`, set when the whole collection
 *   ended, so mentions posted while a long collection ran (a follower sweep) were never searched.
 *   Existing accounts start from their last collection, as before.
 */
export class MentionsCoverage1763800000007 implements MigrationInterface {
  name = 'MentionsCoverage1763800000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE platform_account
        ADD COLUMN mentions text
          CHECK (mentions IN ('collected', 'not-offered', 'no-service-account', 'service-account-refused')),
        ADD COLUMN mentions_searched_from timestamptz`);
    await db.query(`UPDATE platform_account SET mentions_searched_from = last_collected_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE platform_account DROP COLUMN mentions, DROP COLUMN mentions_searched_from`);
  }
}
