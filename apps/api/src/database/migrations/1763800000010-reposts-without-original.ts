import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reposts stored before the collectors stopped copying the reposted post into them: they carried the
 * original's likes, reposts, replies and quotes (counted as the councillor's engagement) and its
 * address, which names the original author, often a resident. They keep their kind and time; their
 * engagement is zero and their address the councillor's own profile, as collectors now store them.
 * A Bluesky repost the AppView gave no record URI for was keyed `<reposted post's URI>#repost:<reposter>`,
 * holding the reposted author's DID: it takes the key the collector now gives it,
 * `at://<reposter>/app.bsky.feed.repost#<when it was reposted>`.
 */
export class RepostsWithoutOriginal1763800000010 implements MigrationInterface {
  name = 'RepostsWithoutOriginal1763800000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE post p SET likes = 0, reposts = 0, replies = 0, quotes = 0, replies_read = 0,
                        url = COALESCE(a.url, p.url)
      FROM platform_account a
      WHERE a.id = p.account_id AND p.kind = 'repost'`);
    await db.query(`
      UPDATE post SET external_id = 'at://' || split_part(external_id, '#repost:', 2) || '/app.bsky.feed.repost#'
                                    || to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      WHERE platform = 'bluesky' AND kind = 'repost' AND position('#repost:' IN external_id) > 0`);
  }

  async down(): Promise<void> {
    // The originals' counts and addresses are not kept anywhere to put back.
  }
}
