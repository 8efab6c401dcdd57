import type { RateLimitObservation } from './rate-limit-gate';

/** Reads a platform's budget headers from a response; null when the response carries none. */
export type RateLimitHeaderReader = (headers: Headers, now: Date) => RateLimitObservation | null;

function integer(value: string | null): number | null {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** `…-Limit`, `…-Remaining` and a reset given in Unix epoch seconds (Bluesky `RateLimit-*`, X `x-rate-limit-*`). */
export function epochSecondsRateLimitHeaders(prefix: string): RateLimitHeaderReader {
  return (headers) => {
    const remaining = integer(headers.get(`${prefix}-remaining`));
    const reset = integer(headers.get(`${prefix}-reset`));
    if (remaining === null || reset === null) return null;
    return { limit: integer(headers.get(`${prefix}-limit`)), remaining, resetAt: new Date(reset * 1000) };
  };
}

/** Mastodon's `X-RateLimit-*`, whose reset is an ISO 8601 time. */
export const isoResetRateLimitHeaders: RateLimitHeaderReader = (headers) => {
  const remaining = integer(headers.get('x-ratelimit-remaining'));
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  if (remaining === null || Number.isNaN(reset)) return null;
  return { limit: integer(headers.get('x-ratelimit-limit')), remaining, resetAt: new Date(reset) };
};
