import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  release(): Promise<void>;
}

const MARKER = 'embedded-db.json';

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * DATABASE_URL when configured. Otherwise the embedded database: the one a running `wardreach
 * start` serves (its address is in the data folder), or one started here for as long as needed.
 * PGlite's data folder can only be opened by one process, hence the marker.
 */
export async function resolveDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'WARDREACH_DATA_DIR' | 'DATABASE_POOL_SIZE'>,
  options: { port?: number; advertise?: boolean } = {},
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL)
    return { url: config.DATABASE_URL, embedded: false, release: () => Promise.resolve() };
  const marker = join(config.WARDREACH_DATA_DIR, MARKER);
  if (existsSync(marker)) {
    const running = JSON.parse(readFileSync(marker, 'utf8')) as { url: string; port: number; pid: number };
    if (running.pid !== process.pid && (await portAnswers(running.port))) {
      return { url: running.url, embedded: true, release: () => Promise.resolve() };
    }
    rmSync(marker, { force: true });
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.WARDREACH_DATA_DIR,
    port: options.port ?? 0,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  if (options.advertise) {
    const port = Number(new URL(embedded.url).port);
    writeFileSync(marker, JSON.stringify({ url: embedded.url, port, pid: process.pid }));
  }
  return {
    url: embedded.url,
    embedded: true,
    async release() {
      if (options.advertise) rmSync(marker, { force: true });
      await embedded.stop();
    },
  };
}
