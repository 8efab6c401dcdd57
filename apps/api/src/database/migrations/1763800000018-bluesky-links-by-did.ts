import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply or mention on Bluesky links to its post under the author's DID, not their handle
 * (`https://bsky.app/profile/did:plc:…/post/…`, which bsky.app opens the same), so no address the
 * dashboard holds for a resident's post spells their name. Stored links are rewritten from the post's
 * at:// URI. Down leaves them: the handle is not kept, and the DID form still opens the post.
 */
export class BlueskyLinksByDid1763800000018 implements MigrationInterface {
  name = 'BlueskyLinksByDid1763800000018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE interaction
      SET url = 'https://bsky.app/profile/' || split_part(external_id, '/', 3) || '/post/' || split_part(external_id, '/', 5)
      WHERE platform = 'bluesky' AND external_id ~ '^at://did:[a-z]+:[^/]+/app\\.bsky\\.feed\\.post/[^/]+$'`);
  }

  async down(): Promise<void> {
    // Nothing to undo: see above.
  }
}
