import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { blogRoute } from './blogs/blog-feeds';
import { BlueskySessions } from './bluesky/bluesky-sessions';
import { blueskyRoute } from './bluesky/bluesky-xrpc';
import { controlRoute } from './control-routes';
import { FaultInjector } from './http/fault-injector';
import type { FaultKind } from './http/fault-injector';
import { internalErrorResponse, proxyErrorResponse, rateLimitedResponse } from './http/platform-errors';
import { DEFAULT_RATE_LIMITS, RateLimiter, rateLimitHeaders } from './http/rate-limiter';
import type { RateLimitPolicy } from './http/rate-limiter';
import { RequestStats } from './http/request-stats';
import { text } from './http/sandbox-http';
import type { PlatformRoute, SandboxPlatform, SandboxRequest, SandboxResponse } from './http/sandbox-http';
import { mastodonRoute } from './mastodon/mastodon-api';
import { generateWorld, residentsByPlatform } from './world/generate-world';
import { DEFAULT_TICK_MS, tickWorld } from './world/tick-world';
import type { TickSummary } from './world/tick-world';
import type { World } from './world/world';
import { xRoute } from './x/x-api';

export interface SandboxRateLimitOptions {
  /** Requests per window for every platform; unset keeps each platform's real public limit. */
  limit?: number;
  windowMs?: number;
  /** Per-platform overrides. */
  perPlatform?: Partial<Record<SandboxPlatform, RateLimitPolicy>>;
}

export interface SandboxOptions {
  /** World seed; the same seed and `now` give the same world. Default 1. */
  seed?: number;
  /** Share of platform requests answered with a fault (0..1). Default 0. */
  faultRate?: number;
  /** How long a "slow" fault holds the response, ms. Default 3,000. */
  slowMs?: number;
  /** Tick interval in ms; 0 turns the timer off (POST /_sandbox/tick still works). Default 60,000. */
  tickMs?: number;
  rateLimit?: SandboxRateLimitOptions;
  /** The clock, for rate-limit windows and, unless `anchor` is given, the end of the history. Default: the wall clock. */
  now?: () => Date;
  /** Where the 90 days of history end. Default: `now()` at creation. */
  anchor?: Date;
  /** Base URL written into feed links and Link headers; default: the Host the client used. */
  publicBaseUrl?: string;
  /** Residents with a public account. Default 48,000. */
  residents?: number;
  /** Bearer token the X API accepts. Default "sandbox-x-token". */
  xBearerToken?: string;
}

export interface Sandbox {
  server: http.Server;
  world: World;
  /** How long world generation took, ms. */
  generationMs: number;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  tick(): TickSummary;
}

/** Builds the world and an HTTP server that serves it as Bluesky, Mastodon, blogs and X. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? (() => new Date());
  const clock = () => now().getTime();
  const seed = options.seed ?? 1;
  const started = performance.now();
  const world = generateWorld({ seed, anchor: options.anchor ?? now(), residents: options.residents });
  const generationMs = Math.round(performance.now() - started);
  const residents = residentsByPlatform(world);
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const stats = new RequestStats(clock);
  const sessions = new BlueskySessions(clock);
  const limiter = new RateLimiter(ratePolicies(options.rateLimit), clock);
  const faults = new FaultInjector(Math.min(1, Math.max(0, options.faultRate ?? 0)), seed);
  const slowMs = options.slowMs ?? 3000;
  const xToken = options.xBearerToken ?? 'sandbox-x-token';
  const tick = () => tickWorld(world, tickMs > 0 ? tickMs : DEFAULT_TICK_MS, residents);

  const route = (request: SandboxRequest): PlatformRoute | null =>
    blueskyRoute(world, request, sessions) ??
    mastodonRoute(world, request) ??
    blogRoute(world, request, () => stats.countNotModified()) ??
    xRoute(world, request, xToken);

  async function respond(request: SandboxRequest): Promise<SandboxResponse> {
    const control = controlRoute(
      {
        world,
        stats,
        tick,
        resetStats: () => {
          stats.reset();
          limiter.reset();
        },
      },
      request,
    );
    if (control) return control;
    const platformRoute = route(request);
    if (!platformRoute) return text(404, 'Not Found', 'text/plain; charset=utf-8');
    const { platform } = platformRoute;
    stats.count(platform, platformRoute.method);
    const decision = limiter.take(platform, platformRoute.rateLimitKey);
    const limitHeaders = rateLimitHeaders(platform, decision);
    if (!decision.allowed) {
      stats.countRateLimited(platform);
      return withHeaders(
        rateLimitedResponse(platform, Math.ceil((decision.resetMs - clock()) / 1000)),
        limitHeaders,
      );
    }
    const fault = faults.next();
    if (fault) stats.countFault(fault);
    const injected = injectedFault(platform, fault, decision.limit, clock());
    if (injected) {
      if (injected.status === 429) stats.countRateLimited(platform);
      return injected;
    }
    if (fault === 'slow') await delay(slowMs);
    let response: SandboxResponse;
    try {
      response = platformRoute.handle();
    } catch (error) {
      console.error('sandbox handler failed', error);
      response = internalErrorResponse(platform);
    }
    if (fault === 'truncated' && response.body.length > 1)
      response = { ...response, body: response.body.slice(0, Math.floor(response.body.length / 2)) };
    return withHeaders(response, limitHeaders);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const host = req.headers.host ?? '127.0.0.1';
      const baseUrl = options.publicBaseUrl ?? `http://${host}`;
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${host}`);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const request: SandboxRequest = {
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        baseUrl,
      };
      respond(request).then(
        (response) => {
          const body = Buffer.from(response.body, 'utf8');
          res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
          res.end(request.method === 'HEAD' ? undefined : body);
        },
        (error: unknown) => {
          console.error('sandbox request failed', error);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
    });
  });

  let timer: NodeJS.Timeout | null = null;
  return {
    server,
    world,
    generationMs,
    tick,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          if (tickMs > 0 && timer === null) {
            timer = setInterval(tick, tickMs);
            timer.unref();
          }
          const address = server.address() as AddressInfo;
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function ratePolicies(
  options: SandboxRateLimitOptions | undefined,
): Record<SandboxPlatform, RateLimitPolicy> {
  const policies = { ...DEFAULT_RATE_LIMITS };
  for (const platform of Object.keys(policies) as SandboxPlatform[]) {
    policies[platform] = {
      limit: options?.perPlatform?.[platform]?.limit ?? options?.limit ?? policies[platform].limit,
      windowMs:
        options?.perPlatform?.[platform]?.windowMs ?? options?.windowMs ?? policies[platform].windowMs,
    };
  }
  return policies;
}

/** The response for an injected fault, or null when the request proceeds (normally, slowly or truncated). */
function injectedFault(
  platform: SandboxPlatform,
  fault: FaultKind | null,
  limit: number,
  nowMs: number,
): SandboxResponse | null {
  switch (fault) {
    case 'rate-limited': {
      // As if another client on the same IP had spent the window: short reset so tests stay fast.
      const resetMs = nowMs + 2000;
      const headers = rateLimitHeaders(platform, {
        allowed: false,
        limit,
        remaining: 0,
        resetMs,
        windowMs: 300_000,
      });
      return withHeaders(rateLimitedResponse(platform, 2), headers);
    }
    case 'server-error':
      return internalErrorResponse(platform);
    case 'bad-gateway':
      return proxyErrorResponse(502);
    case 'unavailable':
      return proxyErrorResponse(503);
    case 'slow':
    case 'truncated':
    case null:
      return null;
  }
}

function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
  return { ...response, headers: { ...headers, ...response.headers } };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
