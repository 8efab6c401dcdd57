import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People who asked to be erased: their pseudonym only, so later sweeps never store them again. */
export class ErasureSuppression1763800000004 implements MigrationInterface {
  name = 'ErasureSuppression1763800000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE erasure_suppression (
        platform text NOT NULL,
        pseudonym text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform, pseudonym)
      )`);
    await db.query(`CREATE INDEX follow_edge_lost_idx ON follow_edge (lost_at) WHERE lost_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS follow_edge_lost_idx`);
    await db.query(`DROP TABLE IF EXISTS erasure_suppression`);
  }
}
