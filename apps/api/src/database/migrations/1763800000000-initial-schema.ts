import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The pipeline's schema: council geography, the roster, accounts, what was collected, and daily snapshots. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE council (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[EWSN]0[6-9][0-9]{6}$'),
        name text NOT NULL,
        web_domains text[] NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE ward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES council(id) ON DELETE CASCADE,
        code text NOT NULL UNIQUE CHECK (code ~ '^[EWSN]0[0-9]{7}$'),
        name text NOT NULL,
        adults integer CHECK (adults >= 0),
        geometry jsonb
      )`);
    await db.query(`CREATE INDEX ward_council_idx ON ward (council_id)`);
    // Place names and postcode units per ward; the same value may stand under several wards.
    await db.query(`
      CREATE TABLE gazetteer_entry (
        ward_id uuid NOT NULL REFERENCES ward(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('place','postcode_district','postcode_sector','postcode')),
        value text NOT NULL,
        PRIMARY KEY (ward_id, kind, value)
      )`);
    await db.query(`
      CREATE TABLE councillor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES council(id) ON DELETE CASCADE,
        ward_id uuid NOT NULL REFERENCES ward(id),
        name text NOT NULL,
        party text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (ward_id, name)
      )`);
    await db.query(`
      CREATE TABLE cohort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL REFERENCES council(id) ON DELETE CASCADE,
        name text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        UNIQUE (council_id, name),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`
      CREATE TABLE cohort_member (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        councillor_id uuid NOT NULL REFERENCES councillor(id) ON DELETE CASCADE,
        PRIMARY KEY (cohort_id, councillor_id)
      )`);
    await db.query(`
      CREATE TABLE platform_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        councillor_id uuid NOT NULL REFERENCES councillor(id) ON DELETE CASCADE,
        platform text NOT NULL CHECK (platform IN ('bluesky','mastodon','rss','x','facebook','youtube')),
        handle text NOT NULL,
        external_id text,
        url text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','gone','unauthorised','failing','paused')),
        status_reason text,
        cursors jsonb NOT NULL DEFAULT '{}',
        next_due_at timestamptz NOT NULL DEFAULT now(),
        next_follower_sweep_at timestamptz NOT NULL DEFAULT now(),
        last_collected_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform, handle)
      )`);
    await db.query(
      `CREATE INDEX platform_account_due_idx ON platform_account (next_due_at) WHERE status = 'active'`,
    );
    await db.query(`CREATE INDEX platform_account_councillor_idx ON platform_account (councillor_id)`);
    await db.query(`
      CREATE TABLE post (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        platform text NOT NULL,
        external_id text NOT NULL,
        url text NOT NULL,
        created_at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('original','reply','repost')),
        likes integer NOT NULL DEFAULT 0,
        reposts integer NOT NULL DEFAULT 0,
        replies integer NOT NULL DEFAULT 0,
        quotes integer NOT NULL DEFAULT 0,
        links text[] NOT NULL DEFAULT '{}',
        in_reply_to text,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform, external_id)
      )`);
    await db.query(`CREATE INDEX post_account_created_idx ON post (account_id, created_at DESC)`);
    // Residents: only a keyed pseudonym of their platform id and the result of attributing them.
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
      CREATE TABLE follow_edge (
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        follower_id bigint NOT NULL REFERENCES follower(id) ON DELETE CASCADE,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        lost_at timestamptz,
        PRIMARY KEY (account_id, follower_id)
      )`);
    await db.query(`CREATE INDEX follow_edge_follower_idx ON follow_edge (follower_id)`);
    await db.query(`
      CREATE TABLE interaction (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        platform text NOT NULL,
        external_id text NOT NULL,
        url text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reply','mention')),
        created_at timestamptz NOT NULL,
        author_pseudonym text NOT NULL,
        in_reply_to text,
        answered_at timestamptz,
        UNIQUE (platform, external_id)
      )`);
    await db.query(
      `CREATE INDEX interaction_account_created_idx ON interaction (account_id, created_at DESC)`,
    );
    await db.query(`
      CREATE TABLE account_snapshot (
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        day date NOT NULL,
        followers integer NOT NULL,
        posts_30d integer NOT NULL,
        engagement_30d integer NOT NULL,
        local_share double precision,
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, day)
      )`);
    await db.query(`
      CREATE TABLE collection_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES platform_account(id) ON DELETE CASCADE,
        job_id text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','succeeded','failed','rate_limited','abandoned')),
        requests integer NOT NULL DEFAULT 0,
        items integer NOT NULL DEFAULT 0,
        error text
      )`);
    await db.query(`CREATE INDEX collection_run_account_idx ON collection_run (account_id, started_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'collection_run',
      'account_snapshot',
      'interaction',
      'follow_edge',
      'follower',
      'post',
      'platform_account',
      'cohort_member',
      'cohort',
      'councillor',
      'gazetteer_entry',
      'ward',
      'council',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
