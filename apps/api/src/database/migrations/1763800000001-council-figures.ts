import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily figures of councillors, wards and councils (`metric_snapshot`), and the civic organisations
 * admins register (`civic_account`). Support thresholds and footprint-index settings live in the
 * existing `council.settings` jsonb under `supportThresholds` and `footprintIndex`: they are a few
 * numbers per council, validated by libs/metrics when read, with documented defaults for anything
 * missing.
 */
export class CouncilFigures1763800000001 implements MigrationInterface {
  name = 'CouncilFigures1763800000001';

  async up(db: QueryRunner): Promise<void> {
    // One row per subject per day; recomputing a day overwrites it (idempotent).
    await db.query(`
      CREATE TABLE metric_snapshot (
        scope text NOT NULL CHECK (scope IN ('councillor','ward','council')),
        subject text NOT NULL,
        day date NOT NULL,
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, subject, day)
      )`);
    await db.query(`CREATE INDEX metric_snapshot_scope_day_idx ON metric_snapshot (scope, day)`);
    // `ward_id` null: an organisation of the whole council, part of every ward's network.
    // Organisations keep their names and platform ids; `pseudonym` is the keyed HMAC of that id,
    // so their follows and replies are found among the pseudonymised followers and interactions.
    await db.query(`
      CREATE TABLE civic_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES council(id) ON DELETE CASCADE,
        ward_id uuid REFERENCES ward(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) > 0),
        platform text NOT NULL CHECK (platform IN ('bluesky','mastodon','rss','x','facebook','youtube')),
        handle text NOT NULL,
        external_id text NOT NULL,
        pseudonym text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (council_id, platform, external_id)
      )`);
    await db.query(`CREATE INDEX civic_account_pseudonym_idx ON civic_account (platform, pseudonym)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS civic_account`);
    await db.query(`DROP TABLE IF EXISTS metric_snapshot`);
  }
}
