import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { MIGRATIONS } from '../../database/migrations';
import { CouncilFigures1763800000001 } from '../../database/migrations/1763800000001-council-figures';

/**
 * Runs this feature's migration on a test database, whether or not it is registered in MIGRATIONS
 * yet: TypeORM skips migrations already applied, so once it is registered this does nothing.
 */
export async function applyCouncilFiguresMigration(url: string): Promise<void> {
  const migrations = MIGRATIONS.some((migration) => migration === CouncilFigures1763800000001)
    ? MIGRATIONS
    : [...MIGRATIONS, CouncilFigures1763800000001];
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 1 }), migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
