import { DataSource } from 'typeorm';
import type { MigrationInterface } from 'typeorm';
import { createTestDatabase } from '../../../testing/test-environment';
import type { TestDatabase } from '../../../testing/test-environment';

/** A fresh database with the migrations up to the one under test applied, and one connection to it. */
export interface MigrationTestDatabase {
  database: TestDatabase;
  dataSource: DataSource;
}

/** A fresh database migrated up to and including `through`: the schema that migration was written for. */
export async function openMigrationTestDatabase(
  through: new () => MigrationInterface,
): Promise<MigrationTestDatabase> {
  const database = await createTestDatabase(through);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 1 });
  await dataSource.initialize();
  return { database, dataSource };
}

export async function closeMigrationTestDatabase({
  database,
  dataSource,
}: MigrationTestDatabase): Promise<void> {
  await dataSource.destroy();
  await database.drop();
}

/** Runs one migration's `up` or `down` on its own query runner. */
export async function runMigration(
  dataSource: DataSource,
  migration: MigrationInterface,
  direction: 'up' | 'down',
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await migration[direction](runner);
  } finally {
    await runner.release();
  }
}
