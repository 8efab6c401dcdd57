import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CliModule } from '../cli.module';
import { loadAppConfig } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { resolveDatabase } from '../database/resolve-database';
import { runMigrations } from '../database/run-migrations';
import { demoEnvironment, isDemo, sandboxUrl } from '../launcher/demo-environment';

/**
 * The environment an admin command runs with: as given, or, against the demo (no DATABASE_URL, or
 * WARDREACH_DEMO), with the demo's settings as `wardreach start` gives them to the API and the worker,
 * so the command sees the demo's queues, X spend and platforms.
 */
export function cliEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const config = loadAppConfig(env);
  return isDemo(config) ? demoEnvironment(env, sandboxUrl(config)) : env;
}

/** Runs an admin command against the configured (or embedded) database, migrated first. */
export async function withCliContext<T>(
  work: (context: INestApplicationContext, config: AppConfig) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadAppConfig(cliEnvironment(env));
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
