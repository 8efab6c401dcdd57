import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UnconfiguredCollector } from '@wardreach/collectors';
import { Client } from 'pg';
import { createApiApp } from '../api-app';
import { CliModule } from '../cli.module';
import { CollectorSetFactory } from '../collection/collector-set.factory';
import { createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CredentialsService } from './credentials.service';

describe('platform credentials at rest', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(testConfig({ DATABASE_URL: database.url })),
      {
        logger: false,
        abortOnError: false,
      },
    );
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await context.close();
    await database.drop();
  });

  it('stores a credential encrypted, lists it without its value, and hands it to the collectors', async () => {
    const credentials = context.get(CredentialsService);
    const before = await context.get(CollectorSetFactory).create();
    expect(before.collectors.x).toBeInstanceOf(UnconfiguredCollector);

    await credentials.set('x', 'bearer_token', '  AAAA-secret-bearer-token  \n');
    const { rows } = await db.query<{ ciphertext: string }>(`SELECT ciphertext FROM platform_credential`);
    expect(rows).toHaveLength(1);
    expect(rows[0].ciphertext).not.toContain('secret-bearer');
    expect(JSON.stringify(await credentials.list())).not.toContain('secret-bearer');
    expect(await credentials.decrypted()).toEqual({
      values: { x: { bearer_token: 'AAAA-secret-bearer-token' } },
      unreadable: [],
    });

    const after = await context.get(CollectorSetFactory).create();
    expect(after.collectors.x).not.toBeInstanceOf(UnconfiguredCollector);
  });

  it('refuses unknown platforms, unknown names and empty values, changing nothing', async () => {
    const credentials = context.get(CredentialsService);
    await expect(credentials.set('myspace', 'token', 'x')).rejects.toThrow(/not a platform/);
    await expect(credentials.set('x', 'password', 'x')).rejects.toThrow(/x credentials are bearer_token/);
    await expect(credentials.set('mastodon', 'token', 'x')).rejects.toThrow(/needs no credentials/);
    await expect(credentials.set('youtube', 'api_key', '   ')).rejects.toThrow(/empty/);
    expect((await credentials.list()).map((item) => `${item.platform}/${item.name}`)).toEqual([
      'x/bearer_token',
    ]);
  });

  it('refuses a token with a line break or space inside it (pasted wrapped, a two-line file), never quoting it', async () => {
    const credentials = context.get(CredentialsService);
    for (const value of [
      'AAAA-wrapped-bearer\n-token-part-two',
      'AAAA-first-line\r\nsecond-line\n',
      'AAAA-spaced bearer-token',
    ]) {
      const refused = credentials.set('x', 'bearer_token', value);
      await expect(refused).rejects.toBeInstanceOf(BadRequestException);
      await expect(refused).rejects.toThrow(
        /^x bearer_token not stored: an X API bearer token must be printable ASCII with no spaces, tabs or line breaks/,
      );
      const message = await refused.catch((error: Error) => error.message);
      expect(message).not.toContain('AAAA');
    }
    await expect(credentials.set('bluesky', 'service_handle', '@monitor.bsky.social')).rejects.toThrow(
      /without the leading @/,
    );
    // What was stored before is still there, unchanged.
    expect((await credentials.decrypted()).values).toEqual({
      x: { bearer_token: 'AAAA-secret-bearer-token' },
    });
  });
});

describe('PUT /api/admin/credentials/:platform/:name', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig({ DATABASE_URL: database.url }), { staticDir: null, planner: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const put = async (path: string, value: string) => {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'PUT', url: `/api/admin/credentials/${path}`, payload: { value } });
    return { status: response.statusCode, body: response.body };
  };

  it('answers 400 to a malformed credential, saying what is wrong without echoing it, and stores nothing', async () => {
    const wrapped = await put('youtube/api_key', 'AIzaSyD-9tSrke72Pou\nQMnMX-a7eZSW0jkFMBWY');
    expect(wrapped.status).toBe(400);
    expect((JSON.parse(wrapped.body) as { message: string }).message).toMatch(
      /^youtube api_key not stored: a YouTube Data API key must be printable ASCII/,
    );
    expect(wrapped.body).not.toContain('AIzaSy');
    expect(wrapped.body).not.toContain('QMnMX');
    expect((await put('facebook/access_token', 'EAAG token')).status).toBe(400);
    expect(await app.get(CredentialsService).list()).toEqual([]);

    const stored = await put('youtube/api_key', '  AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY\n');
    expect(stored).toEqual({ status: 200, body: JSON.stringify({ resumed: 0 }) });
  });
});
