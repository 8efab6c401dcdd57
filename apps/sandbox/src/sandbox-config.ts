import type { SandboxOptions } from './sandbox-server';

export interface SandboxConfig {
  port: number;
  host: string;
  options: SandboxOptions;
}

function number(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number | undefined,
  check: (n: number) => boolean,
): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name}=${raw} is not valid`);
  return value;
}

/**
 * Reads the sandbox's environment once, at boot:
 * SANDBOX_PORT (8090), SANDBOX_HOST (127.0.0.1), SANDBOX_SEED (1), SANDBOX_FAULT_RATE (0..1, 0),
 * SANDBOX_SLOW_MS (3000), SANDBOX_TICK_MS (60000, 0 = off), SANDBOX_RATE_LIMIT and
 * SANDBOX_RATE_WINDOW_MS (per platform; default each platform's real public limit),
 * SANDBOX_NOW (ISO instant anchoring the history; default the wall clock at start),
 * SANDBOX_PUBLIC_URL (base URL written into feed links; default the Host used),
 * SANDBOX_RESIDENTS (48000), SANDBOX_X_BEARER_TOKEN (sandbox-x-token).
 */
export function readSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const nowRaw = env.SANDBOX_NOW;
  let now: (() => Date) | undefined;
  let anchor: Date | undefined;
  if (nowRaw) {
    const fixedMs = Date.parse(nowRaw);
    if (Number.isNaN(fixedMs)) throw new Error(`SANDBOX_NOW=${nowRaw} is not an ISO 8601 instant`);
    // History ends at the fixed instant; the clock then runs on from it.
    const offset = fixedMs - Date.now();
    anchor = new Date(fixedMs);
    now = () => new Date(Date.now() + offset);
  }
  const limit = number(env, 'SANDBOX_RATE_LIMIT', undefined, (n) => Number.isInteger(n) && n > 0);
  const windowMs = number(env, 'SANDBOX_RATE_WINDOW_MS', undefined, (n) => Number.isInteger(n) && n > 0);
  return {
    port: number(env, 'SANDBOX_PORT', 8090, (n) => Number.isInteger(n) && n >= 0 && n < 65536)!,
    host: env.SANDBOX_HOST || '127.0.0.1',
    options: {
      seed: number(env, 'SANDBOX_SEED', 1, Number.isInteger),
      faultRate: number(env, 'SANDBOX_FAULT_RATE', 0, (n) => n >= 0 && n <= 1),
      slowMs: number(env, 'SANDBOX_SLOW_MS', 3000, (n) => n >= 0),
      tickMs: number(env, 'SANDBOX_TICK_MS', 60_000, (n) => n >= 0),
      rateLimit: limit === undefined && windowMs === undefined ? undefined : { limit, windowMs },
      now,
      anchor,
      publicBaseUrl: env.SANDBOX_PUBLIC_URL || undefined,
      residents: number(env, 'SANDBOX_RESIDENTS', undefined, (n) => Number.isInteger(n) && n > 0),
      xBearerToken: env.SANDBOX_X_BEARER_TOKEN || undefined,
    },
  };
}
