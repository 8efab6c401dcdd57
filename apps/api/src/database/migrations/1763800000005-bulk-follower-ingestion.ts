import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follower sweeps written in bulk, with no per-row work the database can avoid:
 *
 * - a follower's id is the first 64 bits of their pseudonym (`pseudonym_key`), known before the
 *   database is asked, so a page of edges is written without looking ids up and without the
 *   (platform, pseudonym) text index every insert used to pay for; lookups by pseudonym go through
 *   the id and check the pseudonym too;
 * - follow_edge loses its foreign keys (each cost a lookup per inserted row): the sweep writes a
 *   follower before their edge in the same statement, erasure and retention delete both, and a
 *   statement trigger removes the edges of deleted accounts;
 * - follow_edge loses `last_seen` (rewriting every edge on every re-sweep to mark it seen was most
 *   of a re-sweep's cost): the ids a sweep has seen are kept as one array per written batch in
 *   `follower_sweep_seen`, and the edges missing from them are marked lost when the sweep ends.
 */
export class BulkFollowerIngestion1763800000005 implements MigrationInterface {
  name = 'BulkFollowerIngestion1763800000005';

  async up(db: QueryRunner): Promise<void> {
    // base64url → base64, the first 12 characters (9 bytes), the first 8 bytes as a signed integer.
    await db.query(`
      CREATE FUNCTION pseudonym_key(pseudonym text) RETURNS bigint
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN ('x' || encode(substring(decode(translate(substr(pseudonym, 1, 12), '-_', '+/'), 'base64') FROM 1 FOR 8), 'hex'))::bit(64)::bigint`);

    await db.query(`ALTER TABLE follower RENAME TO follower_before_keys`);
    await db.query(`ALTER INDEX follower_pkey RENAME TO follower_before_keys_pkey`);
    await db.query(`
      CREATE TABLE follower (
        id bigint PRIMARY KEY,
        platform text NOT NULL,
        pseudonym text COLLATE "C" NOT NULL,
        attribution text NOT NULL DEFAULT 'unknown' CHECK (attribution IN ('ward','council','elsewhere','unknown')),
        ward_weights jsonb NOT NULL DEFAULT '{}',
        evidence_kinds text[] NOT NULL DEFAULT '{}',
        attributed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (id = pseudonym_key(pseudonym))
      )`);
    await db.query(`
      INSERT INTO follower (id, platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
      SELECT pseudonym_key(pseudonym), platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at
      FROM follower_before_keys ORDER BY 1`);

    await db.query(`ALTER TABLE follow_edge RENAME TO follow_edge_before_keys`);
    await db.query(`ALTER INDEX follow_edge_pkey RENAME TO follow_edge_before_keys_pkey`);
    await db.query(`
      CREATE TABLE follow_edge (
        account_id uuid NOT NULL,
        follower_id bigint NOT NULL,
        first_seen timestamptz NOT NULL,
        lost_at timestamptz,
        PRIMARY KEY (account_id, follower_id)
      )`);
    await db.query(`
      INSERT INTO follow_edge (account_id, follower_id, first_seen, lost_at)
      SELECT e.account_id, pseudonym_key(f.pseudonym), e.first_seen, e.lost_at
      FROM follow_edge_before_keys e JOIN follower_before_keys f ON f.id = e.follower_id
      ORDER BY 1, 2`);
    await db.query(`DROP TABLE follow_edge_before_keys`);
    await db.query(`DROP TABLE follower_before_keys`);
    await db.query(`CREATE INDEX follow_edge_lost_idx ON follow_edge (lost_at) WHERE lost_at IS NOT NULL`);

    await db.query(`
      CREATE FUNCTION follow_edge_drop_for_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM follow_edge e USING removed_account r WHERE e.account_id = r.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER platform_account_drops_follow_edges AFTER DELETE ON platform_account
      REFERENCING OLD TABLE AS removed_account FOR EACH STATEMENT
      EXECUTE FUNCTION follow_edge_drop_for_accounts()`);

    await db.query(`
      CREATE TABLE follower_sweep_seen (
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        sweep_started_at timestamptz NOT NULL,
        follower_ids bigint[] NOT NULL
      )`);
    await db.query(`CREATE INDEX follower_sweep_seen_account_idx ON follower_sweep_seen (account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follower_sweep_seen`);
    await db.query(`DROP TRIGGER platform_account_drops_follow_edges ON platform_account`);
    await db.query(`DROP FUNCTION follow_edge_drop_for_accounts()`);
    await db.query(`ALTER TABLE follower RENAME TO follower_keyed`);
    await db.query(`ALTER INDEX follower_pkey RENAME TO follower_keyed_pkey`);
    await db.query(`
      CREATE TABLE follower (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform text NOT NULL,
        pseudonym text NOT NULL,
        attribution text NOT NULL DEFAULT 'unknown' CHECK (attribution IN ('ward','council','elsewhere','unknown')),
        ward_weights jsonb NOT NULL DEFAULT '{}',
        evidence_kinds text[] NOT NULL DEFAULT '{}',
        attributed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform, pseudonym)
      )`);
    await db.query(`
      INSERT INTO follower (platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at)
      SELECT platform, pseudonym, attribution, ward_weights, evidence_kinds, attributed_at FROM follower_keyed`);
    await db.query(`ALTER TABLE follow_edge RENAME TO follow_edge_keyed`);
    await db.query(`ALTER INDEX follow_edge_pkey RENAME TO follow_edge_keyed_pkey`);
    await db.query(`DROP INDEX follow_edge_lost_idx`);
    await db.query(`
      CREATE TABLE follow_edge (
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        follower_id bigint NOT NULL REFERENCES follower(id) ON DELETE CASCADE,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        lost_at timestamptz,
        PRIMARY KEY (account_id, follower_id)
      )`);
    await db.query(`
      INSERT INTO follow_edge (account_id, follower_id, first_seen, last_seen, lost_at)
      SELECT e.account_id, f.id, e.first_seen, coalesce(e.lost_at, now()), e.lost_at
      FROM follow_edge_keyed e JOIN follower_keyed k ON k.id = e.follower_id
      JOIN follower f ON f.platform = k.platform AND f.pseudonym = k.pseudonym`);
    await db.query(`DROP TABLE follow_edge_keyed`);
    await db.query(`DROP TABLE follower_keyed`);
    await db.query(`CREATE INDEX follow_edge_follower_idx ON follow_edge (follower_id)`);
    await db.query(`CREATE INDEX follow_edge_lost_idx ON follow_edge (lost_at) WHERE lost_at IS NOT NULL`);
    await db.query(`DROP FUNCTION pseudonym_key(text)`);
  }
}
