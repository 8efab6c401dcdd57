import { DataSource } from 'typeorm';
import type { MigrationInterface } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';

/**
 * Applies every pending migration, or those up to and including `through` (a test of an older
 * migration runs it on the schema it was written for); returns the names of those it ran.
 */
export async function runMigrations(url: string, through?: new () => MigrationInterface): Promise<string[]> {
  const options = dataSourceOptions({ url, poolSize: 1 });
  const migrations: Array<new () => MigrationInterface> = through
    ? MIGRATIONS.slice(0, (MIGRATIONS as Array<new () => MigrationInterface>).indexOf(through) + 1)
    : MIGRATIONS;
  if (migrations.length === 0) throw new Error(`${through?.name} is not a migration`);
  const dataSource = new DataSource({ ...options, migrations });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
