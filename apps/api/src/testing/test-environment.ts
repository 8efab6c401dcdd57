import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { runMigrations } from '../database/run-migrations';

/** The machine's PostgreSQL and Redis, which integration tests use for real. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, migrated database for one test file (migrated up to and including `through`, if
 * given); `drop()` removes it.
 */
export async function createTestDatabase(through?: new () => MigrationInterface): Promise<TestDatabase> {
  const name = `wardreach_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  await runMigrations(url.toString(), through);
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A config for tests: the test database, the machine's Redis, a queue prefix of the test's own. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    WARDREACH_SECRET_KEY: 'test-secret-key-of-at-least-thirty-two-characters',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `wrtest${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'error',
    ...overrides,
  });
}
