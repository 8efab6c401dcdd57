import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { Clock } from './common/clock';
import { repoRoot } from './common/repo-root';
import { AppConfig } from './config/app-config';

const LEVELS: Record<AppConfig['LOG_LEVEL'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

export function logLevels(level: AppConfig['LOG_LEVEL']): LogLevel[] {
  return LEVELS[level];
}

/** Where the dashboard's production build is, if it has been built. */
export function dashboardDir(): string {
  return join(repoRoot(), 'dist', 'dashboard');
}

/**
 * The API on NestJS's Fastify adapter under `/api`, with OpenAPI docs at `/api/docs` and the
 * dashboard's production build served at the same origin.
 */
export async function createApiApp(
  config: AppConfig,
  options: { clock?: Clock; planner?: boolean; staticDir?: string | null } = {},
): Promise<NestFastifyApplication> {
  // Open SSE streams must not hold up a shutdown.
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, options),
    new FastifyAdapter({ forceCloseConnections: true }),
    {
      logger: logLevels(config.LOG_LEVEL),
    },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('wardreach API')
      .setDescription("Councillors' social-media footprint, ward reach and civic-network figures.")
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  const staticDir = options.staticDir === undefined ? dashboardDir() : options.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.register(fastifyStatic, { root: staticDir, wildcard: false });
    // Client-side routes (`/councillors/…`) get the app shell; unknown `/api/…` paths stay 404 JSON.
    fastify.get('/*', (request, reply) => {
      // Unknown API paths and missing build assets stay 404s; client-side routes get the app shell.
      if (request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/assets/')) {
        return reply
          .status(404)
          .send({ statusCode: 404, error: 'Not Found', message: `Cannot GET ${request.url}` });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
