import { AccountGoneError, RateLimitedError, UnauthorisedError } from '../errors';
import type { CollectorError } from '../errors';
import type { HttpResponse } from '../http/http-client';
import { facebookErrorSchema } from './facebook-schemas';
import { readFacebookUsage } from './facebook-usage-headers';

/** Graph error codes that mean "too many calls" (app, user, page and business-use-case limits). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80005]);
/** Token expired, invalid or lacking a permission. */
const AUTH_CODES = new Set([190, 102, 10]);

/**
 * Graph errors arrive as `{ error: { code, error_subcode, message } }` with a 400/403/500 status;
 * the code, not the status, decides the job. A rate-limit code waits for the longest regain time of
 * the app and of the Pages the request is about (`pages`; none given: any Page in the headers).
 */
export function classifyGraphError(method: string, now: () => Date, pages: readonly string[] = []) {
  return (response: HttpResponse): CollectorError | undefined => {
    let parsed;
    try {
      parsed = facebookErrorSchema.safeParse(JSON.parse(response.body));
    } catch {
      return undefined;
    }
    if (!parsed.success) return undefined;
    const { code, error_subcode: subcode, message } = parsed.data.error;
    if (RATE_LIMIT_CODES.has(code)) {
      const regain = readFacebookUsage(response.headers, pages)?.regainMinutes ?? 0;
      return new RateLimitedError(
        'facebook',
        method,
        new Date(now().getTime() + (regain > 0 ? regain : 60) * 60_000),
      );
    }
    if (AUTH_CODES.has(code) || (code >= 200 && code < 300))
      return new UnauthorisedError('facebook', method, `(#${code}) ${message}`);
    if (code === 803 || (code === 100 && subcode === 33))
      return new AccountGoneError('facebook', method, `(#${code}) ${message}`);
    return undefined;
  };
}
