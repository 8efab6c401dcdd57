import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fixture server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the server answers one request. */
export interface FixtureReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is (XML feeds, broken JSON). */
  body?: string;
  /** Announce the full length but send only this many bytes, then cut the connection. */
  cutAfterBytes?: number;
}

export type FixtureHandler = (request: RecordedRequest) => FixtureReply;

/**
 * A real HTTP server on a free port that replays recorded platform responses, so contract tests
 * exercise the collectors' real HTTP path (headers, status codes, cut connections) with no mocks.
 */
export class FixtureServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, FixtureHandler>();
  private readonly queues = new Map<string, FixtureReply[]>();
  private server: Server | null = null;
  private port = 0;

  /** Answers every `method path` request with `handler`. */
  route(method: string, path: string, handler: FixtureHandler | FixtureReply): this {
    this.routes.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
    return this;
  }

  /** Answers the next requests to `method path` with these replies, in order, before the route. */
  enqueue(method: string, path: string, ...replies: FixtureReply[]): this {
    const key = `${method} ${path}`;
    this.queues.set(key, [...(this.queues.get(key) ?? []), ...replies]);
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Requests made to one path (every method). */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    this.server = null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fixture.local');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(recorded);
      const key = `${recorded.method} ${recorded.path}`;
      const queued = this.queues.get(key)?.shift();
      const handler = this.routes.get(key);
      const reply = queued ??
        handler?.(recorded) ?? { status: 404, json: { error: `no fixture for ${key}` } };
      this.reply(res, reply);
    });
  }

  private reply(res: ServerResponse, reply: FixtureReply): void {
    const headers: Record<string, string> = { ...reply.headers };
    let body = reply.body ?? '';
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    const bytes = Buffer.from(body, 'utf8');
    headers['content-length'] = String(bytes.length);
    res.writeHead(reply.status ?? 200, headers);
    if (reply.cutAfterBytes !== undefined) {
      res.write(bytes.subarray(0, reply.cutAfterBytes));
      res.socket?.destroy();
      return;
    }
    res.end(bytes);
  }
}
