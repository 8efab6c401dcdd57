import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure finds everything about a person through indexes, and a councillor's reply records whom it
 * answers:
 *
 * - `post.in_reply_to_author` is the pseudonym of the author of the post a reply answers (as
 *   collection pseudonymises interaction authors). Erasure unlinked a reply only through the person's
 *   stored interactions (or, on Bluesky, the DID in the parent's `at://` URI), so a reply to a post
 *   never stored as an interaction (a Mastodon reply to a resident's own thread, an X reply to a tweet
 *   that did not mention the councillor), or whose interaction retention had purged, kept naming the
 *   erased person's post. Existing replies take the author of the interaction they answer where one
 *   is still stored; the others keep the older ways of being unlinked.
 * - Indexes for the statements an erasure runs while it holds the resident-data lock exclusively
 *   (collection waits for it), which scanned whole tables: interactions by author, the reattribution
 *   log by follower, replies by the author they answer and by the post they answer (in byte order,
 *   so that a Bluesky parent's `at://<did>/` prefix is a range of it). And replies by age, for
 *   retention, which unlinks those older than the interaction window.
 */
export class ReplyAuthorsAndErasureIndexes1763800000012 implements MigrationInterface {
  name = 'ReplyAuthorsAndErasureIndexes1763800000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ADD COLUMN in_reply_to_author text COLLATE "C"`);
    await db.query(`
      UPDATE post p SET in_reply_to_author = i.author_pseudonym
      FROM (SELECT DISTINCT ON (platform, external_id) platform, external_id, author_pseudonym FROM interaction) i
      WHERE p.in_reply_to IS NOT NULL AND i.platform = p.platform AND i.external_id = p.in_reply_to`);
    await db.query(`CREATE INDEX interaction_author_idx ON interaction (platform, author_pseudonym)`);
    await db.query(
      `CREATE INDEX follower_reattribution_follower_idx ON follower_reattribution (follower_id)`,
    );
    await db.query(`
      CREATE INDEX post_reply_author_idx ON post (platform, in_reply_to_author)
      WHERE in_reply_to_author IS NOT NULL`);
    await db.query(`
      CREATE INDEX post_reply_target_idx ON post (platform, (in_reply_to COLLATE "C"))
      WHERE in_reply_to IS NOT NULL`);
    await db.query(`
      CREATE INDEX post_reply_created_idx ON post (created_at)
      WHERE in_reply_to IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX post_reply_created_idx`);
    await db.query(`DROP INDEX post_reply_target_idx`);
    await db.query(`DROP INDEX post_reply_author_idx`);
    await db.query(`DROP INDEX follower_reattribution_follower_idx`);
    await db.query(`DROP INDEX interaction_author_idx`);
    await db.query(`ALTER TABLE post DROP COLUMN in_reply_to_author`);
  }
}
