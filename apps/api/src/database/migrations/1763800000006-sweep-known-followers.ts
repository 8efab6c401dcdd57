import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A re-sweep sends the database only what changed:
 *
 * - `follow_edge.attribution_fp` holds the fingerprint of the follower's attribution as the account's
 *   last sweep stored it (`attributionFingerprint`). A sweep loads the account's standing edges with
 *   their fingerprints once, and a follower whose edge stands with the same fingerprint costs the
 *   database nothing. Existing edges start without one, so the first re-sweep after this migration
 *   sends every follower once and fills them in.
 * - `follower_reattribution` logs when a sweep changed a follower's stored attribution. A fingerprint
 *   is per edge but the attribution per follower, so a sweep sends again every follower of its account
 *   that any sweep reattributed since its own last sweep began, and compares them with the stored row.
 * - `follower_sweep_seen` keeps who a sweep has seen as packed 8-byte keys (`bytea`), written by the
 *   sweep for every batch and read back only when a sweep resumes after a crash.
 */
export class SweepKnownFollowers1763800000006 implements MigrationInterface {
  name = 'SweepKnownFollowers1763800000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE follow_edge ADD COLUMN attribution_fp integer`);
    await db.query(`
      CREATE TABLE follower_reattribution (follower_id bigint NOT NULL, reattributed_at timestamptz NOT NULL)`);
    await db.query(`CREATE INDEX follower_reattribution_at_idx ON follower_reattribution (reattributed_at)`);
    await db.query(`ALTER TABLE follower_sweep_seen ADD COLUMN follower_keys bytea`);
    await db.query(`
      UPDATE follower_sweep_seen SET follower_keys = COALESCE(
        (SELECT string_agg(int8send(k), ''::bytea ORDER BY n) FROM unnest(follower_ids) WITH ORDINALITY AS t(k, n)),
        ''::bytea)`);
    await db.query(`ALTER TABLE follower_sweep_seen ALTER COLUMN follower_keys SET NOT NULL`);
    await db.query(`ALTER TABLE follower_sweep_seen DROP COLUMN follower_ids`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE follower_sweep_seen ADD COLUMN follower_ids bigint[]`);
    await db.query(`
      UPDATE follower_sweep_seen SET follower_ids = ARRAY(
        SELECT ('x' || encode(substring(follower_keys FROM n FOR 8), 'hex'))::bit(64)::bigint
        FROM generate_series(1, length(follower_keys), 8) AS n ORDER BY n)`);
    await db.query(`ALTER TABLE follower_sweep_seen ALTER COLUMN follower_ids SET NOT NULL`);
    await db.query(`ALTER TABLE follower_sweep_seen DROP COLUMN follower_keys`);
    await db.query(`DROP TABLE follower_reattribution`);
    await db.query(`ALTER TABLE follow_edge DROP COLUMN attribution_fp`);
  }
}
