import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApiApp } from './api-app';
import { loadAppConfig } from './config/app-config';

/** The API process: HTTP, live events and the collection planner. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('wardreach').log(`API listening on http://localhost:${config.PORT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
