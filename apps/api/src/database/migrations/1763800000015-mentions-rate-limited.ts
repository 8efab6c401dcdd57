import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `platform_account.mentions` may say `service-account-rate-limited`: Bluesky limited the service
 * account's sign-ins or searches, so the last collection left mentions out until the reset (and kept
 * the replies). Before, such a limit delayed the councillor's whole collection until it reset, up to a
 * day for the daily sign-in limit.
 */
export class MentionsRateLimited1763800000015 implements MigrationInterface {
  name = 'MentionsRateLimited1763800000015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE platform_account
        DROP CONSTRAINT platform_account_mentions_check,
        ADD CONSTRAINT platform_account_mentions_check CHECK (mentions IN (
          'collected', 'not-offered', 'no-service-account', 'service-account-refused', 'service-account-rate-limited'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The older schema cannot say it: such an account's mentions read as not known until its next collection.
    await db.query(
      `UPDATE platform_account SET mentions = NULL WHERE mentions = 'service-account-rate-limited'`,
    );
    await db.query(`
      ALTER TABLE platform_account
        DROP CONSTRAINT platform_account_mentions_check,
        ADD CONSTRAINT platform_account_mentions_check CHECK (mentions IN (
          'collected', 'not-offered', 'no-service-account', 'service-account-refused'))`);
  }
}
