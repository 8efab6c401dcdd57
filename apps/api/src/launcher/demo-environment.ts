import type { AppConfig } from '../config/app-config';

/** Demo pacing: the sandbox changes every minute, so the demo looks every half minute. */
const DEMO_DEFAULTS: NodeJS.ProcessEnv = {
  PLANNER_INTERVAL_MS: '10000',
  COLLECT_ACTIVE_INTERVAL_MS: '30000',
  COLLECT_DORMANT_INTERVAL_MS: '60000',
  FOLLOWER_SWEEP_INTERVAL_MS: '300000',
  FOLLOWER_SWEEP_DORMANT_INTERVAL_MS: '900000',
  // Queues, live events and the X spend of its own, should the demo run on a deployment's Redis.
  QUEUE_PREFIX: 'wardreach-demo',
  LOG_LEVEL: 'warn',
};

/** Whether this configuration is the demo: asked for, or implied by having no DATABASE_URL. */
export function isDemo(config: Pick<AppConfig, 'WARDREACH_DEMO' | 'DATABASE_URL'>): boolean {
  return config.WARDREACH_DEMO ?? !config.DATABASE_URL;
}

/** Where the demo's sandbox platforms answer. */
export function sandboxUrl(config: Pick<AppConfig, 'SANDBOX_PORT'>): string {
  return `http://127.0.0.1:${config.SANDBOX_PORT}`;
}

/**
 * The settings the demo runs with: its pacing and namespace under whatever the environment sets, and
 * the sandbox for every platform the environment does not configure. `wardreach start` gives them to
 * the API and the worker, and every admin command run against the demo reads them too, so that, say,
 * `wardreach collection status` reads the demo's queues and X spend, not a deployment's.
 */
export function demoEnvironment(env: NodeJS.ProcessEnv, sandbox: string): NodeJS.ProcessEnv {
  const demo: NodeJS.ProcessEnv = { ...DEMO_DEFAULTS };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) demo[name] = value;
  demo.BLUESKY_APPVIEW_URL = env.BLUESKY_APPVIEW_URL ?? sandbox;
  demo.MASTODON_BASE_URL = env.MASTODON_BASE_URL ?? sandbox;
  // The sandbox accepts any service account (mentions) and its own X token, so the demo shows both.
  if (!env.BLUESKY_SERVICE_HANDLE) {
    Object.assign(demo, {
      BLUESKY_SERVICE_HANDLE: 'wardreach-demo.bsky.social',
      BLUESKY_SERVICE_APP_PASSWORD: 'sandbox',
      BLUESKY_SERVICE_URL: sandbox,
    });
  }
  if (!env.X_BEARER_TOKEN) {
    // The sandbox bills nothing, and at the demo's pacing its X sweeps (about $100 to $200 of reads
    // each at list prices, every five minutes) would spend a real month's budget in the first
    // minute, leaving X accounts never collected: against the sandbox alone, the budget is one they
    // do not reach in a month. The admin's status still shows the spend and a sweep's estimated cost.
    Object.assign(demo, {
      X_BEARER_TOKEN: 'sandbox-x-token',
      X_API_BASE_URL: sandbox,
      X_MONTHLY_BUDGET_USD: env.X_MONTHLY_BUDGET_USD ?? '100000000',
    });
  }
  return demo;
}
