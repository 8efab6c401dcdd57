import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follower's attribution moves onto their edge, and the `follower` table goes.
 *
 * A first sweep of an account with a million followers wrote a million follower rows besides its
 * million edges, each at a random place in the follower table's primary key (keys are HMAC
 * prefixes): twice the index work of the edges alone, and more than the bench's target allows. Yet
 * attributions are few (a status, the weights of a ward or two, the kinds of evidence) while
 * followers are many. So:
 *
 * - `follower_attribution` holds each distinct attribution once, under `key`, its canonical text
 *   (`attributionKey`: status, weights sorted by ward code, evidence kinds sorted). Its rows name
 *   nobody, are never changed and never deleted (edges point at them without a foreign key, which
 *   would cost a lookup per inserted edge).
 * - `follow_edge` carries `attribution_id`, the attribution the account's own sweep found for the
 *   follower, and `attributed_at`, when that sweep stored it. A re-sweep compares a follower's
 *   attribution id with the edge's and writes only those that moved; `attribution_fp` (the fingerprint
 *   that did this by hash) goes.
 * - `follower` and `follower_reattribution` go. A resident followed by two councillors now has an
 *   attribution on each edge, from each account's own sweep; the figures that de-duplicate residents
 *   across councillors already take the larger ward weight when two sightings disagree (`wardReach`).
 *   The full pseudonym was kept only on the follower row: an edge keeps its 64-bit key, as
 *   `follow_out` does.
 *
 * - `follow_edge` is partitioned by account: one partition per account swept since
 *   (`follow_edge_of_<account id in hex>`), and a default one for edges written otherwise (every
 *   account's edges stored before this migration get a partition of their own here). A first sweep
 *   copies its edges batch by batch into a table of its own with no index at all, a partition of
 *   `follow_edge_pending` (`follow_edge_new_<hex>`); with its last batch, that table leaves
 *   `follow_edge_pending` and joins `follow_edge` as the account's partition, its primary key built
 *   once, in order, rather than by a million inserts at random places. Its check constraint on the
 *   account spares the attachment a scan. Erasure, export and retention read pending edges through
 *   their parent, and deleting an account drops both of its tables.
 *
 * Existing attributions are carried over: each follower's row becomes the attribution of every edge
 * to them (an edge without a row, which the sweep never left, gets "unknown"). The canonical text is
 * spelt here as `attributionKey` spells it; should a weight print otherwise, the next sweep finds the
 * attribution moved and stores it again, once.
 *
 * Down recreates both tables empty and gives the edges back `attribution_fp`, empty: each account's
 * next sweep (of the code before this) then sends every follower once and writes their rows again.
 * Pseudonyms cannot be recovered from keys, so nothing else can. First sweeps under way are dropped,
 * and their cursors cleared: they start again from the top.
 */
export class AttributionOnTheEdge1763800000020 implements MigrationInterface {
  name = 'AttributionOnTheEdge1763800000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE follower_attribution (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text COLLATE "C" NOT NULL UNIQUE,
        attribution text NOT NULL CHECK (attribution IN ('ward','council','elsewhere','unknown')),
        ward_weights jsonb NOT NULL,
        evidence_kinds text[] NOT NULL
      )`);
    await db.query(`
      CREATE TEMP TABLE follower_keyed AS
      SELECT f.id, f.attribution, f.ward_weights, f.evidence_kinds, f.attributed_at,
             f.attribution || '|' ||
             COALESCE((SELECT string_agg(w.key || '=' || w.value::text, ',' ORDER BY w.key COLLATE "C")
                       FROM jsonb_each(f.ward_weights) AS w), '') || '|' ||
             COALESCE((SELECT string_agg(k, ',' ORDER BY k COLLATE "C") FROM unnest(f.evidence_kinds) AS k), '') AS key
      FROM follower f`);
    await db.query(`
      INSERT INTO follower_attribution (key, attribution, ward_weights, evidence_kinds)
      SELECT DISTINCT ON (key) key, attribution, ward_weights, evidence_kinds FROM follower_keyed ORDER BY key`);
    await db.query(`
      INSERT INTO follower_attribution (key, attribution, ward_weights, evidence_kinds)
      VALUES ('unknown||', 'unknown', '{}', '{}') ON CONFLICT (key) DO NOTHING`);

    await db.query(`ALTER TABLE follow_edge RENAME TO follow_edge_before_attribution`);
    await db.query(`ALTER INDEX follow_edge_pkey RENAME TO follow_edge_before_attribution_pkey`);
    await db.query(`DROP INDEX follow_edge_lost_idx`);
    await db.query(
      `CREATE TABLE follow_edge (${EDGE_COLUMNS}, PRIMARY KEY (account_id, follower_id)) PARTITION BY LIST (account_id)`,
    );
    await db.query(`CREATE INDEX follow_edge_lost_idx ON follow_edge (lost_at) WHERE lost_at IS NOT NULL`);
    await db.query(`CREATE TABLE follow_edge_default PARTITION OF follow_edge DEFAULT`);
    await db.query(`
      DO $$
      DECLARE
        account uuid;
      BEGIN
        FOR account IN SELECT DISTINCT account_id FROM follow_edge_before_attribution LOOP
          EXECUTE format('CREATE TABLE %I PARTITION OF follow_edge FOR VALUES IN (%L)',
                         'follow_edge_of_' || replace(account::text, '-', ''), account);
        END LOOP;
      END $$`);
    await db.query(`
      INSERT INTO follow_edge (account_id, follower_id, first_seen, lost_at, attribution_id, attributed_at)
      SELECT e.account_id, e.follower_id, e.first_seen, e.lost_at,
             COALESCE(a.id, (SELECT id FROM follower_attribution WHERE key = 'unknown||')),
             COALESCE(k.attributed_at, e.first_seen)
      FROM follow_edge_before_attribution e
      LEFT JOIN follower_keyed k ON k.id = e.follower_id
      LEFT JOIN follower_attribution a ON a.key = k.key
      ORDER BY 1, 2`);
    await db.query(`DROP TABLE follow_edge_before_attribution`);
    await db.query(`DROP TABLE follower_keyed`);
    await db.query(`DROP TABLE follower_reattribution`);
    await db.query(`DROP TABLE follower`);

    await db.query(`CREATE TABLE follow_edge_pending (${EDGE_COLUMNS}) PARTITION BY LIST (account_id)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION follow_edge_drop_for_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        removed record;
      BEGIN
        DELETE FROM follow_edge e USING removed_account r WHERE e.account_id = r.id;
        FOR removed IN SELECT id FROM removed_account LOOP
          EXECUTE format('DROP TABLE IF EXISTS %I, %I',
                         'follow_edge_of_' || replace(removed.id::text, '-', ''),
                         'follow_edge_new_' || replace(removed.id::text, '-', ''));
        END LOOP;
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION follow_edge_drop_for_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM follow_edge e USING removed_account r WHERE e.account_id = r.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      UPDATE platform_account a SET cursors = a.cursors || jsonb_build_object('followerSweep', null)
      WHERE a.id IN (SELECT account_id FROM follow_edge_pending)`);
    await db.query(`DROP TABLE follow_edge_pending`);

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
      CREATE TABLE follower_reattribution (follower_id bigint NOT NULL, reattributed_at timestamptz NOT NULL)`);
    await db.query(`CREATE INDEX follower_reattribution_at_idx ON follower_reattribution (reattributed_at)`);
    await db.query(
      `CREATE INDEX follower_reattribution_follower_idx ON follower_reattribution (follower_id)`,
    );

    await db.query(`ALTER TABLE follow_edge RENAME TO follow_edge_partitioned`);
    await db.query(`ALTER INDEX follow_edge_pkey RENAME TO follow_edge_partitioned_pkey`);
    await db.query(`DROP INDEX follow_edge_lost_idx`);
    await db.query(`
      CREATE TABLE follow_edge (
        account_id uuid NOT NULL,
        follower_id bigint NOT NULL,
        first_seen timestamptz NOT NULL,
        lost_at timestamptz,
        attribution_fp integer,
        PRIMARY KEY (account_id, follower_id)
      )`);
    await db.query(`
      INSERT INTO follow_edge (account_id, follower_id, first_seen, lost_at)
      SELECT account_id, follower_id, first_seen, lost_at FROM follow_edge_partitioned ORDER BY 1, 2`);
    await db.query(`DROP TABLE follow_edge_partitioned`);
    await db.query(`CREATE INDEX follow_edge_lost_idx ON follow_edge (lost_at) WHERE lost_at IS NOT NULL`);
    await db.query(`DROP TABLE follower_attribution`);
  }
}

/** The columns of `follow_edge`, its partitions and the pending tables of first sweeps. */
const EDGE_COLUMNS = `
  account_id uuid NOT NULL,
  follower_id bigint NOT NULL,
  first_seen timestamptz NOT NULL,
  lost_at timestamptz,
  attribution_id integer NOT NULL,
  attributed_at timestamptz NOT NULL`;
