import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `post.replies_read`: the post's reply count when its replies were last read. A post's replies are
 * read again only once its count has grown past that. It was worked out by counting the replies
 * stored under the post, which never matched the platforms' counts: Bluesky and Mastodon count only
 * direct replies (so a nested reply stored under the post hid a later direct one, never read), and
 * YouTube and Facebook count replies nobody stores (the channel's own, those inside threads), so such
 * posts were read again on every run. Existing posts start from that old count, capped at their own;
 * except the last 30 days' Bluesky and Mastodon posts, whose old count may hide a direct reply never
 * read (nested replies were stored under the post): they are read once more.
 */
export class RepliesRead1763800000009 implements MigrationInterface {
  name = 'RepliesRead1763800000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ADD COLUMN replies_read integer NOT NULL DEFAULT 0`);
    await db.query(`
      UPDATE post p SET replies_read = LEAST(p.replies,
        (SELECT count(*) FROM interaction i WHERE i.account_id = p.account_id AND i.in_reply_to = p.external_id) +
        (SELECT count(*) FROM post own WHERE own.account_id = p.account_id AND own.in_reply_to = p.external_id))
      WHERE p.replies > 0
        AND NOT (p.platform IN ('bluesky', 'mastodon') AND p.created_at > now() - interval '30 days')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post DROP COLUMN replies_read`);
  }
}
