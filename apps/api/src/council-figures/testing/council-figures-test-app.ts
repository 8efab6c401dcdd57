import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Clock } from '../../common/clock';
import { CoreModule } from '../../core.module';
import { testConfig } from '../../testing/test-environment';
import { CouncilFiguresModule } from '../council-figures.module';

@Module({})
class CouncilFiguresTestApp {}

/**
 * The API with only this feature, on the Fastify adapter under `/api`, over a test database.
 * NestFactory rather than @nestjs/testing, which is not a dependency: the module graph is the same.
 */
export async function createCouncilFiguresTestApp(params: {
  databaseUrl: string;
  clock: Clock;
  /** Further settings (a platform's address, say). */
  config?: Record<string, string>;
}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: CouncilFiguresTestApp,
      imports: [
        CoreModule.forRoot(testConfig({ ...params.config, DATABASE_URL: params.databaseUrl }), {
          clock: params.clock,
        }),
        CouncilFiguresModule,
      ],
    },
    new FastifyAdapter(),
    { logger: false },
  );
  app.setGlobalPrefix('api');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
