import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `post.likes` may be null: the platform withholds the count (a YouTube channel can hide its videos'
 * likes, and the API then leaves `likeCount` out). Before, such a video was stored with 0 likes, so
 * engagement fell with nothing to say why; now it is unknown, engagement counts the likes it knows,
 * and each day's snapshot says on how many posts they were hidden (`likesHidden30d`, 0 in the
 * snapshots taken before, which could not tell). A hidden count stored as 0 is read again, and
 * corrected, by the video's next refresh.
 */
export class HiddenLikeCounts1763800000014 implements MigrationInterface {
  name = 'HiddenLikeCounts1763800000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ALTER COLUMN likes DROP NOT NULL`);
    await db.query(
      `UPDATE account_snapshot SET figures = figures || '{"likesHidden30d": 0}'::jsonb
       WHERE NOT figures ? 'likesHidden30d'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE account_snapshot SET figures = figures - 'likesHidden30d'`);
    await db.query(`UPDATE post SET likes = 0 WHERE likes IS NULL`);
    await db.query(`ALTER TABLE post ALTER COLUMN likes SET NOT NULL`);
  }
}
