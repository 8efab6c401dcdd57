import { z } from 'zod';
import type { RateLimitObservation } from '../http/rate-limit-gate';
import type { RateLimitHeaderReader } from '../http/rate-limit-headers';

/**
 * Meta reports usage as percentages of a rolling one-hour allowance, not as counts, in two kinds of
 * header that describe two different budgets:
 * - `X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}` is the app's, shared by every
 *   call the app makes: one budget for the whole host;
 * - `X-Business-Use-Case-Usage: {"<page id>":[{"type":"pages","call_count":…,"estimated_time_to_regain_access":min}]}`
 *   (and the older `X-Page-Usage`) is the Page's: calls with a Page or system-user token count
 *   against the Page they are about, each Page apart, so one Page at its limit stops only the calls
 *   about it.
 * We throttle before Meta does: a budget is spent at THROTTLE_AT_PERCENT.
 */
export const THROTTLE_AT_PERCENT = 90;

/** The highest usage figure reported (percent), and the longest announced wait (minutes). */
export interface FacebookUsage {
  percent: number;
  regainMinutes: number;
}

const usageSchema = z
  .object({
    call_count: z.number().optional(),
    total_time: z.number().optional(),
    total_cputime: z.number().optional(),
  })
  .loose();
const bucUsageSchema = z.record(
  z.string(),
  z.array(
    usageSchema.extend({
      type: z.string().optional(),
      estimated_time_to_regain_access: z.number().optional(),
    }),
  ),
);
type UsageEntry = z.output<typeof bucUsageSchema>[string][number];

function json(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function highest(entries: UsageEntry[]): FacebookUsage | null {
  if (entries.length === 0) return null;
  return {
    percent: Math.max(
      ...entries.flatMap((entry) => [entry.call_count ?? 0, entry.total_time ?? 0, entry.total_cputime ?? 0]),
    ),
    regainMinutes: Math.max(...entries.map((entry) => entry.estimated_time_to_regain_access ?? 0)),
  };
}

function both(a: FacebookUsage | null, b: FacebookUsage | null): FacebookUsage | null {
  if (!a || !b) return a ?? b;
  return {
    percent: Math.max(a.percent, b.percent),
    regainMinutes: Math.max(a.regainMinutes, b.regainMinutes),
  };
}

/** The app's usage (`X-App-Usage`), the same for every Page. */
export function readAppUsage(headers: Headers): FacebookUsage | null {
  const parsed = usageSchema.safeParse(json(headers.get('x-app-usage')));
  return parsed.success ? highest([parsed.data]) : null;
}

/**
 * The usage of the Page a request is about: its entries in `X-Business-Use-Case-Usage`, keyed by
 * its id, and `X-Page-Usage`. `page` is the Page's id, or the username a lookup named it by, whose id
 * the answer alone tells: then every entry counts (the header of a call about one Page names that
 * Page). Without `page`, every Page's entries count.
 */
export function readPageUsage(headers: Headers, page?: string): FacebookUsage | null {
  const entries: UsageEntry[] = [];
  const pageUsage = usageSchema.safeParse(json(headers.get('x-page-usage')));
  if (pageUsage.success) entries.push(pageUsage.data);
  const buc = bucUsageSchema.safeParse(json(headers.get('x-business-use-case-usage')));
  if (buc.success) {
    const byId = page !== undefined && /^\d+$/.test(page);
    entries.push(...(byId ? (buc.data[page] ?? []) : Object.values(buc.data).flat()));
  }
  return highest(entries);
}

/**
 * Everything that may hold a request about these Pages back (none given: any Page's), for the
 * reset of an error Meta answered with a rate-limit code.
 */
export function readFacebookUsage(headers: Headers, pages: readonly string[] = []): FacebookUsage | null {
  const usage =
    pages.length > 0 ? pages.map((page) => readPageUsage(headers, page)) : [readPageUsage(headers)];
  return usage.reduce(both, readAppUsage(headers));
}

/**
 * Usage as a budget: limit = THROTTLE_AT_PERCENT, remaining = max(0, ⌊THROTTLE_AT_PERCENT − usage⌋)
 * percentage points; the reset is Meta's estimate to regain access, or the one-hour window.
 */
function asBudget(usage: FacebookUsage, now: Date): RateLimitObservation {
  const waitMinutes = usage.regainMinutes > 0 ? usage.regainMinutes : 60;
  return {
    limit: THROTTLE_AT_PERCENT,
    remaining: Math.max(0, Math.floor(THROTTLE_AT_PERCENT - usage.percent)),
    resetAt: new Date(now.getTime() + waitMinutes * 60_000),
  };
}

/**
 * The app-wide budget, kept for the whole host. A response that reports a Page's usage but not the
 * app's was counted against that Page alone (Meta applies business-use-case limits, not the app's,
 * to Page and system-user tokens, and reports app usage only once it is significant): it announces
 * the app budget as free until now only. Such a window never outlasts, nor replaces, one that
 * reported app usage (whose reset is later), and while none did, requests about different Pages
 * still go side by side rather than one at a time as probes.
 */
export const facebookAppUsageHeaders: RateLimitHeaderReader = (headers, now) => {
  const app = readAppUsage(headers);
  if (app) return asBudget(app, now);
  if (readPageUsage(headers))
    return { limit: THROTTLE_AT_PERCENT, remaining: THROTTLE_AT_PERCENT, resetAt: now };
  return null;
};

/** One Page's budget, kept in the gate under its own scope: see `readPageUsage`. */
export function facebookPageUsageHeaders(page: string): RateLimitHeaderReader {
  return (headers, now) => {
    const usage = readPageUsage(headers, page);
    return usage ? asBudget(usage, now) : null;
  };
}
