import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts a councillor's account follows (`follow_out`): the councillor's side of the civic
 * network, read from the platform's public following list. Each followed account is kept only as the
 * key of its keyed pseudonym (`pseudonym_key`), as followers are: no name, handle or profile text. It is
 * recognised as a councillor, or a registered civic organisation, by that key; a resident stays a key.
 * `first_seen` is when the follow (as it stands) began, `lost_at` when a sweep no longer found it.
 */
export class CouncillorFollows1763800000019 implements MigrationInterface {
  name = 'CouncillorFollows1763800000019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE follow_out (
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        target_id bigint NOT NULL,
        first_seen timestamptz NOT NULL,
        lost_at timestamptz,
        PRIMARY KEY (account_id, target_id)
      )`);
    // Erasure finds a person's follows by their key alone.
    await db.query(`CREATE INDEX follow_out_target_idx ON follow_out (target_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_out`);
  }
}
