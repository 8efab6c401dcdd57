import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A councillor's reply records whom it answers: `post.in_reply_to_author` is the pseudonym of the
 * author of the post a reply answers (as collection pseudonymises interaction authors). Erasure
 * unlinked a reply only through the person's stored interactions (or, on Bluesky, the DID in the
 * parent's `at://` URI), so a reply to a post never stored as an interaction (a Mastodon reply to a
 * resident's own thread, an X reply to a tweet that did not mention the councillor), or whose
 * interaction retention had purged, kept naming the erased person's post. Existing replies take the
 * author of the interaction they answer where one is still stored; the others keep the older ways of
 * being unlinked.
 */
export class ReplyAuthorsAndErasureIndexes1763800000012 implements MigrationInterface {
  name = 'ReplyAuthorsAndErasureIndexes1763800000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ADD COLUMN in_reply_to_author text COLLATE "C"`);
    await db.query(`
      UPDATE post p SET in_reply_to_author = i.author_pseudonym
      FROM (SELECT DISTINCT ON (platform, external_id) platform, external_id, author_pseudonym FROM interaction) i
      WHERE p.in_reply_to IS NOT NULL AND i.platform = p.platform AND i.external_id = p.in_reply_to`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post DROP COLUMN in_reply_to_author`);
  }
}
