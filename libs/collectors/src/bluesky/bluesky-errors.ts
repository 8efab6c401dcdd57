import { AccountGoneError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { HttpResponse } from '../http/http-client';
import { xrpcErrorSchema } from './bluesky-schemas';

/** Reads an XRPC error body (`{ error, message }`), or null when the body is not one. */
export function readXrpcError(response: HttpResponse): { error: string; message: string } | null {
  try {
    const parsed = xrpcErrorSchema.safeParse(JSON.parse(response.body));
    return parsed.success ? { error: parsed.data.error, message: parsed.data.message ?? '' } : null;
  } catch {
    return null;
  }
}

/** Matches the AppView's "Profile not found" / "Actor not found" answers to an unknown handle or DID. */
const UNKNOWN_ACTOR =
  /(profile|actor|repo|account) not found|could not find (actor|repo)|unable to resolve handle/i;

/**
 * XRPC errors that decide a job's fate. A taken-down, deactivated or unknown actor is gone; an
 * expired or bad token is unauthorised. Everything else falls back to the HTTP client's defaults.
 */
export function classifyXrpcError(method: string) {
  return (response: HttpResponse): CollectorError | undefined => {
    if (response.status < 400 || response.status === 429 || response.status >= 500) return undefined;
    const xrpc = readXrpcError(response);
    if (!xrpc) return undefined;
    const detail = `${xrpc.error}${xrpc.message ? `: ${xrpc.message}` : ''}`;
    switch (xrpc.error) {
      case 'AccountTakedown':
      case 'AccountDeactivated':
      case 'RepoTakendown':
      case 'RepoDeactivated':
      case 'RepoNotFound':
        return new AccountGoneError('bluesky', method, detail);
      case 'ExpiredToken':
      case 'InvalidToken':
      case 'AuthenticationRequired':
      case 'AuthFactorTokenRequired':
        return new UnauthorisedError('bluesky', method, detail);
      default:
        return UNKNOWN_ACTOR.test(xrpc.message) ? new AccountGoneError('bluesky', method, detail) : undefined;
    }
  };
}
