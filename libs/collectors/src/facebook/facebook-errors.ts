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
 * What "(#100) Object … does not exist, cannot be loaded due to missing permissions, or does not
 * support this operation" (code 100, subcode 33) means for a request: for a post or comment, that it is
 * gone; for the Page itself (`page`), nothing Graph says apart: the Page deleted, or the council's token
 * no longer allowed to read it (a permission lost, a Page restricted by age or country). Calling a Page
 * gone would invite an admin to remove an account whose token is at fault, with its history; as
 * unauthorised it is flagged with Graph's words, and put back in the plan when the token is replaced.
 */
export type MissingObject = 'item' | 'page';

/**
 * Graph errors arrive as `{ error: { code, error_subcode, message } }` with a 400/403/500 status;
 * the code, not the status, decides the job. A rate-limit code waits for the longest regain time of
 * the app and of the Pages the request is about (`pages`; none given: any Page in the headers).
 */
export function classifyGraphError(
  method: string,
  now: () => Date,
  pages: readonly string[] = [],
  missing: MissingObject = 'item',
) {
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
    if (code === 100 && subcode === 33 && missing === 'page')
      return new UnauthorisedError(
        'facebook',
        method,
        `the Page is deleted, or the token cannot read it: (#${code}) ${message}`,
      );
    if (code === 803 || (code === 100 && subcode === 33))
      return new AccountGoneError('facebook', method, `(#${code}) ${message}`);
    return undefined;
  };
}
