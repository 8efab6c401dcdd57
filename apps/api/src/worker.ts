import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { logLevels } from './api-app';
import { loadAppConfig } from './config/app-config';
import { WorkerService } from './queue/worker.service';
import { WorkerModule } from './worker.module';

/** The worker process: BullMQ consumers that run the collectors. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logLevels(config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  app.get(WorkerService).start();
  new Logger('wardreach').log(`worker started (concurrency ${config.WORKER_CONCURRENCY})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
