import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `interaction.further_replies_unread_since`: when a read of its post last left the further replies
 * under this reply unread (YouTube and Facebook read those of at most 20 threads or comments a run),
 * null once they are read or need no read. Such replies are read first on the next run, the longest
 * left first, and their post is read for them even without new replies: before, the newest were read
 * first on every run and the post was marked read regardless, so a councillor's answer under an older
 * busy comment was never found. A partial index finds an account's few such replies.
 */
export class FurtherRepliesUnread1763800000013 implements MigrationInterface {
  name = 'FurtherRepliesUnread1763800000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE interaction ADD COLUMN further_replies_unread_since timestamptz`);
    await db.query(`
      CREATE INDEX interaction_further_replies_unread_idx ON interaction (account_id, in_reply_to)
      WHERE further_replies_unread_since IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX interaction_further_replies_unread_idx`);
    await db.query(`ALTER TABLE interaction DROP COLUMN further_replies_unread_since`);
  }
}
