import type { IncomingHttpHeaders } from 'node:http';

/** The platforms the sandbox imitates, plus its own control endpoints. */
export type SandboxPlatform = 'bluesky' | 'mastodon' | 'blogs' | 'x';

/** A parsed request, as the route handlers see it. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** The base URL the client reached us on (or the configured public one). */
  baseUrl: string;
}

/** A response before it is written; headers are added to by the rate limiter and fault injector. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A platform route: which platform and method it counts as, and its handler. */
export interface PlatformRoute {
  platform: SandboxPlatform;
  /** The method name for request counting: an XRPC NSID or "GET /api/v1/accounts/:id". */
  method: string;
  /**
   * Which limit the request counts against, when a platform has several: each Mastodon instance
   * limits on its own, so the sandbox keeps one window per instance. Default: the platform's.
   */
  rateLimitKey?: string;
  handle(): SandboxResponse;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function text(
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}

/** Reads an integer query parameter; undefined when absent, NaN when not an integer. */
export function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : NaN;
}
