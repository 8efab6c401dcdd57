/**
 * Reads `Retry-After` (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns the absolute
 * time to retry at, or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : new Date(date);
}
