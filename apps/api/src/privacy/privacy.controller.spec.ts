import { Module, ValidationPipe } from '@nestjs/common';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountGoneError, RateLimitedError } from '@wardreach/collectors';
import type { CollectedProfile } from '@wardreach/collectors';
import type { CollectorSetFactory } from '../collection/collector-set.factory';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { strictFake } from '../testing/strict-fake';
import { PrivacyController } from './privacy.controller';
import type { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

const NOW = new Date('2026-03-10T12:00:00Z');

/** Every line Nest and the services log, with its level. */
class CapturingLogger implements LoggerService {
  readonly lines: Array<{ level: string; text: string }> = [];
  private push(level: string, message: unknown, rest: unknown[]) {
    this.lines.push({
      level,
      text: [message, ...rest].map((part) => (part instanceof Error ? part.stack : String(part))).join(' '),
    });
  }
  log(message: unknown, ...rest: unknown[]) {
    this.push('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.push('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.push('warn', message, rest);
  }
}

/**
 * The privacy endpoints over HTTP (Fastify, the API's validation pipe), with the platform lookup and
 * the repository faked: what the admin sees when a resident's account cannot be looked up.
 */
describe('POST /admin/privacy/… (HTTP)', () => {
  let app: NestFastifyApplication;
  let logger: CapturingLogger;
  let lookup: (handle: string) => Promise<CollectedProfile>;
  const erased: string[] = [];

  const post = async (path: string, payload: Record<string, unknown>) => {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'POST', url: path, payload });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
      message: (JSON.parse(response.body) as { message: string }).message,
    };
  };

  beforeAll(async () => {
    const privacy = new PrivacyService(
      strictFake<PrivacyRepository>({
        erase: (_platform: string, pseudonym: string) => {
          erased.push(pseudonym);
          return Promise.resolve({ follows: 0, followedBy: 0, interactions: 0, civicAccounts: 0 });
        },
      }),
      strictFake<CollectorSetFactory>({
        create: () =>
          Promise.resolve({
            requests: () => 0,
            collectors: {
              mastodon: { fetchProfile: ({ handle }: { handle: string }) => lookup(handle) },
              x: { fetchProfile: ({ handle }: { handle: string }) => lookup(handle) },
            } as never,
          }),
      }),
      strictFake<Clock>({ now: () => NOW }),
      'privacy-controller-spec-secret',
      strictFake<AppConfig>({}),
    );
    @Module({ controllers: [PrivacyController], providers: [{ provide: PrivacyService, useValue: privacy }] })
    class PrivacyHttpTestApp {}
    logger = new CapturingLogger();
    app = await NestFactory.create<NestFastifyApplication>(PrivacyHttpTestApp, new FastifyAdapter(), {
      logger,
    });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => {
    logger.lines.length = 0;
    erased.length = 0;
  });

  it('answers 404 for an account that has moved, naming the handle neither in the answer nor in the log', async () => {
    lookup = (handle) =>
      Promise.reject(
        new AccountGoneError(
          'mastodon',
          'GET /api/v1/accounts/lookup',
          `${handle} has moved to alice@y.social`,
        ),
      );
    for (const path of ['/admin/privacy/erase', '/admin/privacy/export']) {
      const response = await post(path, { platform: 'mastodon', handle: 'alice@x.social' });
      expect(response.status).toBe(404);
      expect(response.message).toMatch(/give the person's platform id as externalId instead/);
      expect(response.body).not.toContain('alice');
    }
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(logger.lines.map((line) => line.text).join('\n')).not.toContain('alice');
    expect(erased).toEqual([]);
  });

  it('answers 503 with Retry-After when the platform’s rate limit is spent', async () => {
    lookup = () =>
      Promise.reject(
        new RateLimitedError('x', 'GET /2/users/by/username/:username', new Date(NOW.getTime() + 60_000)),
      );
    const response = await post('/admin/privacy/erase', { platform: 'x', handle: 'alice' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.message).toMatch(/rate limit is spent/);
    expect(response.body).not.toContain('alice');
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers 400 for an id in a form collection never stores, asking for the handle instead', async () => {
    const response = await post('/admin/privacy/erase', { platform: 'x', externalId: '@alice' });
    expect(response.status).toBe(400);
    expect(response.message).toMatch(/numeric user id.*give it as handle instead/);
    expect(erased).toEqual([]);
  });
});
