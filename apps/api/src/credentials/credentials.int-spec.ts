import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UnconfiguredCollector } from '@wardreach/collectors';
import { Client } from 'pg';
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
});
