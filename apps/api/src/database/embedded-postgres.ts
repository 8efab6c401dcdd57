import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PgliteSessionQueue } from './pglite-session-queue';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite under `dataDir` behind the Postgres wire protocol, so the API and the worker connect
 * to it like any server. Used only when no DATABASE_URL is configured (the demo on a fresh machine).
 */
export async function startEmbeddedPostgres(params: {
  dataDir: string;
  port: number;
  poolSize: number;
}): Promise<EmbeddedPostgres> {
  const dir = join(params.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  // Two processes (API and worker) each hold a pool; pglite-socket's default is one connection.
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: params.port,
    maxConnections: params.poolSize * 2 + 4,
  });
  // Handlers read the server's queue when a client connects, so replacing it before start() covers all.
  (server as unknown as { queryQueue: PgliteSessionQueue }).queryQueue = new PgliteSessionQueue(db);
  await server.start();
  const address = (
    server as unknown as { server?: { address(): { port: number } | string | null } }
  ).server?.address();
  const port = typeof address === 'object' && address ? address.port : params.port;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
