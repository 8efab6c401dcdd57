import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A councillor's reply to their own post continues their thread: it is stored as an `original` post
 * (still with its `in_reply_to`), since the reply share, the index's conversation component and the
 * "broadcasting only" flag are about answering others. Stored replies whose parent is a stored post of
 * the same account become originals; the collectors classify new ones so. Down: every original with a
 * parent was such a reply.
 */
export class ThreadRepliesOriginal1763800000016 implements MigrationInterface {
  name = 'ThreadRepliesOriginal1763800000016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE post p SET kind = 'original'
      WHERE p.kind = 'reply' AND p.in_reply_to IS NOT NULL
        AND EXISTS (SELECT 1 FROM post o
                    WHERE o.platform = p.platform AND o.external_id = p.in_reply_to AND o.account_id = p.account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE post SET kind = 'reply' WHERE kind = 'original' AND in_reply_to IS NOT NULL`);
  }
}
