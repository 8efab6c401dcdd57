import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CliModule } from '../cli.module';
import { loadAppConfig } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { resolveDatabase } from '../database/resolve-database';
import { runMigrations } from '../database/run-migrations';

/** Runs an admin command against the configured (or embedded) database, migrated first. */
export async function withCliContext<T>(
  work: (context: INestApplicationContext, config: AppConfig) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadAppConfig(env);
  const database = await resolveDatabase(config);
  try {
    await runMigrations(database.url);
    const resolved: AppConfig = { ...config, DATABASE_URL: database.url };
    const context = await NestFactory.createApplicationContext(CliModule.forRoot(resolved), {
      logger: ['error', 'warn'],
    });
    try {
      return await work(context, resolved);
    } finally {
      await context.close();
    }
  } finally {
    await database.release();
  }
}
