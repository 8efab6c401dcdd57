import { z } from 'zod';
import type { RateLimitHeaderReader } from '../http/rate-limit-headers';

/**
 * Meta reports usage as percentages of a rolling one-hour allowance, not as counts:
 * `X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}` and
 * `X-Business-Use-Case-Usage: {"<id>":[{"type":"pages","call_count":…,"estimated_time_to_regain_access":min}]}`.
 * We throttle before Meta does: the budget is spent at THROTTLE_AT_PERCENT.
 */
export const THROTTLE_AT_PERCENT = 90;

const appUsageSchema = z
  .object({
    call_count: z.number().optional(),
    total_time: z.number().optional(),
    total_cputime: z.number().optional(),
  })
  .loose();
const bucUsageSchema = z.record(
  z.string(),
  z.array(
    appUsageSchema.extend({
      type: z.string().optional(),
      estimated_time_to_regain_access: z.number().optional(),
    }),
  ),
);

function json(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The highest usage figure any header reports (percent), and the longest announced wait (minutes). */
export function readFacebookUsage(headers: Headers): { percent: number; regainMinutes: number } | null {
  const figures: number[] = [];
  let regainMinutes = 0;
  for (const name of ['x-app-usage', 'x-ad-account-usage', 'x-page-usage']) {
    const parsed = appUsageSchema.safeParse(json(headers.get(name)));
    if (parsed.success)
      figures.push(parsed.data.call_count ?? 0, parsed.data.total_time ?? 0, parsed.data.total_cputime ?? 0);
  }
  const buc = bucUsageSchema.safeParse(json(headers.get('x-business-use-case-usage')));
  if (buc.success) {
    for (const entries of Object.values(buc.data)) {
      for (const entry of entries) {
        figures.push(entry.call_count ?? 0, entry.total_time ?? 0, entry.total_cputime ?? 0);
        regainMinutes = Math.max(regainMinutes, entry.estimated_time_to_regain_access ?? 0);
      }
    }
  }
  return figures.length > 0 ? { percent: Math.max(...figures), regainMinutes } : null;
}

/**
 * Usage as a budget: limit = THROTTLE_AT_PERCENT, remaining = max(0, ⌊THROTTLE_AT_PERCENT − usage⌋)
 * percentage points; the reset is Meta's estimate to regain access, or the one-hour window.
 */
export const facebookUsageHeaders: RateLimitHeaderReader = (headers, now) => {
  const usage = readFacebookUsage(headers);
  if (!usage) return null;
  const waitMinutes = usage.regainMinutes > 0 ? usage.regainMinutes : 60;
  return {
    limit: THROTTLE_AT_PERCENT,
    remaining: Math.max(0, Math.floor(THROTTLE_AT_PERCENT - usage.percent)),
    resetAt: new Date(now.getTime() + waitMinutes * 60_000),
  };
};
