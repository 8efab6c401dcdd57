import type { SandboxPlatform } from './sandbox-http';

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** The real platforms' public limits: Bluesky AppView 3,000 per 5 min per IP, Mastodon 300 per 5 min, X 900 per 15 min. */
export const DEFAULT_RATE_LIMITS: Record<SandboxPlatform, RateLimitPolicy> = {
  bluesky: { limit: 3000, windowMs: 300_000 },
  mastodon: { limit: 300, windowMs: 300_000 },
  blogs: { limit: 3000, windowMs: 300_000 },
  x: { limit: 900, windowMs: 900_000 },
};

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window resets (epoch ms). */
  resetMs: number;
  windowMs: number;
}

/** Fixed-window counters (per platform, or per Mastodon instance), as the platforms announce in their headers. */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; used: number }>();

  constructor(
    private readonly policies: Record<SandboxPlatform, RateLimitPolicy>,
    private readonly clock: () => number,
  ) {}

  /** Counts one request against the platform's policy, in the window for `key`, and says whether it is within the limit. */
  take(platform: SandboxPlatform, key: string = platform): RateLimitDecision {
    const policy = this.policies[platform];
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now >= window.startMs + policy.windowMs) {
      window = { startMs: now - ((now - (window?.startMs ?? now)) % policy.windowMs), used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < policy.limit;
    if (allowed) window.used++;
    return {
      allowed,
      limit: policy.limit,
      remaining: Math.max(0, policy.limit - window.used),
      resetMs: window.startMs + policy.windowMs,
      windowMs: policy.windowMs,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** Headers each platform sends with every response. */
export function rateLimitHeaders(
  platform: SandboxPlatform,
  decision: RateLimitDecision,
): Record<string, string> {
  switch (platform) {
    case 'bluesky':
      return {
        'ratelimit-limit': String(decision.limit),
        'ratelimit-remaining': String(decision.remaining),
        'ratelimit-reset': String(Math.ceil(decision.resetMs / 1000)),
        'ratelimit-policy': `${decision.limit};w=${Math.round(decision.windowMs / 1000)}`,
      };
    case 'mastodon':
      return {
        'x-ratelimit-limit': String(decision.limit),
        'x-ratelimit-remaining': String(decision.remaining),
        'x-ratelimit-reset': new Date(decision.resetMs).toISOString(),
      };
    case 'x':
      return {
        'x-rate-limit-limit': String(decision.limit),
        'x-rate-limit-remaining': String(decision.remaining),
        'x-rate-limit-reset': String(Math.ceil(decision.resetMs / 1000)),
      };
    case 'blogs':
      return {};
  }
}
