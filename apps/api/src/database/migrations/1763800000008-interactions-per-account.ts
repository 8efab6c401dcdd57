import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An interaction belongs to the account it mentions or replies to, so one post that mentions two
 * councillors (or replies in a thread where several are named) is an interaction of each. It was
 * unique per platform, so the first councillor collected kept it and the others never counted it,
 * marked it answered, or stopped re-reading the thread it was in.
 */
export class InteractionsPerAccount1763800000008 implements MigrationInterface {
  name = 'InteractionsPerAccount1763800000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE interaction DROP CONSTRAINT interaction_platform_external_id_key`);
    await db.query(
      `ALTER TABLE interaction ADD CONSTRAINT interaction_account_item_key UNIQUE (account_id, platform, external_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // Back to one row per platform item: the copies held for further accounts go (the first stays).
    await db.query(`
      DELETE FROM interaction i USING interaction first
      WHERE first.platform = i.platform AND first.external_id = i.external_id AND first.id < i.id`);
    await db.query(`ALTER TABLE interaction DROP CONSTRAINT interaction_account_item_key`);
    await db.query(
      `ALTER TABLE interaction ADD CONSTRAINT interaction_platform_external_id_key UNIQUE (platform, external_id)`,
    );
  }
}
