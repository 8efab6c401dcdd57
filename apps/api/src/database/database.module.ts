import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';

export class DatabaseNotConfiguredError extends Error {}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.DATABASE_URL) {
          throw new DatabaseNotConfiguredError(
            'DATABASE_URL is not set (wardreach start sets it for the embedded database).',
          );
        }
        return dataSourceOptions({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
