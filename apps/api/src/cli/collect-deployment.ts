import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { PlatformAccountEntity } from '../accounts/platform-account.entity';
import { SystemClock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { resolveSecretKey } from '../config/secret-key';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { CredentialsService } from '../credentials/credentials.service';
import type { StoredCredentials } from '../credentials/credentials.service';
import { dataSourceOptions } from '../database/data-source-options';
import { resolveDatabase } from '../database/resolve-database';

/** How long `wardreach collect` waits for Redis before it takes it as not reachable. */
const REDIS_CONNECT_TIMEOUT_MS = 2_000;
/** How long a closing connection to Redis may take before it is cut. */
const REDIS_DISCONNECT_TIMEOUT_MS = 100;

export const NO_STORED_CREDENTIALS: StoredCredentials = { values: {}, unreadable: [] };

/** PostgreSQL's "relation does not exist": a database not migrated yet, which holds no credentials. */
const UNDEFINED_TABLE = '42P01';

/**
 * The credentials the admin stored (`wardreach credentials set`, PUT /api/admin/credentials),
 * decrypted as a worker decrypts them: from DATABASE_URL, or the embedded database of this data
 * folder. Where there is no database, or no secret that could have encrypted anything, none are
 * stored, and nothing is created to find that out.
 */
export async function readStoredCredentials(config: AppConfig): Promise<StoredCredentials> {
  const dataDir = config.WARDREACH_DATA_DIR;
  if (!config.WARDREACH_SECRET_KEY && !existsSync(join(dataDir, 'secret.key'))) return NO_STORED_CREDENTIALS;
  if (!config.DATABASE_URL && !existsSync(join(dataDir, 'pgdata'))) return NO_STORED_CREDENTIALS;
  const database = await resolveDatabase(config);
  const dataSource = new DataSource(dataSourceOptions({ url: database.url, poolSize: 1 }));
  try {
    await dataSource.initialize();
    const credentials = new CredentialsService(
      new CredentialsRepository(dataSource),
      new AccountsRepository(dataSource.getRepository(PlatformAccountEntity), dataSource),
      new SystemClock(),
      resolveSecretKey(config),
    );
    return await credentials.decrypted();
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return NO_STORED_CREDENTIALS;
    throw error;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.release();
  }
}

/**
 * A connection to the deployment's Redis, where the workers keep the budgets they share (every
 * platform's rate-limit windows, X's monthly spend, YouTube's daily quota), or null when it does not
 * answer within a couple of seconds. Commands fail rather than wait for Redis to return. The caller
 * closes it (`quit`) when done, so the command exits at once.
 */
export async function connectBudgetRedis(config: Pick<AppConfig, 'REDIS_URL'>): Promise<Redis | null> {
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // Once a connection has failed there is no stream left to close, and ioredis would hold the
    // process for this long waiting for it: the command would linger after it was done.
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
    retryStrategy: (times) => (times > 3 ? null : 200),
    connectionName: 'wardreach:cli-collect',
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}
