import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Council-supplied platform credentials, encrypted at rest (AES-256-GCM; see CredentialCipher). */
export class PlatformCredentials1763800000003 implements MigrationInterface {
  name = 'PlatformCredentials1763800000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE platform_credential (
        platform text NOT NULL CHECK (platform IN ('bluesky','mastodon','rss','x','facebook','youtube')),
        name text NOT NULL,
        ciphertext text NOT NULL CHECK (ciphertext LIKE 'v1:%'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform, name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS platform_credential`);
  }
}
