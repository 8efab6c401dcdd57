import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(params: { url: string; poolSize: number }): DataSourceOptions {
  return {
    type: 'postgres',
    url: params.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: params.poolSize },
  };
}
