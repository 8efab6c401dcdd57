import type { Platform } from '@wardreach/collectors';
import { COUNCIL_CODE_HINT, isCouncilCode } from '@wardreach/metrics';
import { z } from 'zod';
import { credentialFormatProblem } from '../credentials/credential-format';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const milliseconds = z.coerce.number().int().min(1000);

/**
 * A credential given by environment, held to the form `wardreach credentials set` holds it to: a
 * line break or space inside it would fail every request. The error names the rule, never the value.
 */
const credential = (platform: Platform, name: string) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = credentialFormatProblem(platform, name, value);
      if (problem) context.addIssue({ code: 'custom', message: problem, input: undefined });
    });

/**
 * Every environment variable wardreach reads, validated once at boot (STYLE.md rule 8).
 * The README's configuration table is written from this schema.
 */
export const appConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL URL; when absent, `wardreach start` runs an embedded PGlite server. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Where embedded data, the generated secret and logs live. */
  WARDREACH_DATA_DIR: z.string().default('.wardreach'),
  /** 32+ characters; keys the pseudonymisation of follower ids and encrypts platform credentials. */
  WARDREACH_SECRET_KEY: z.string().min(32, 'WARDREACH_SECRET_KEY must be at least 32 characters').optional(),
  /** The council this deployment serves (ONS local-authority code). */
  COUNCIL_CODE: z
    .string()
    .refine(isCouncilCode, `COUNCIL_CODE must be ${COUNCIL_CODE_HINT}, such as E08000034`)
    .default('E08000034'),
  COUNCIL_NAME: z.string().min(1).default('Kirklees Council'),
  /** Start the sandbox platforms and seed the demo council (the default when there is no DATABASE_URL). */
  WARDREACH_DEMO: booleanFlag.optional(),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  BLUESKY_APPVIEW_URL: z.string().url().default('https://public.api.bsky.app'),
  /** When set, every Mastodon instance's requests go here (the sandbox). */
  MASTODON_BASE_URL: z.string().url().optional(),
  /** Optional Bluesky service account (handle + app password) for mention search, which refuses logged-out callers. */
  BLUESKY_SERVICE_HANDLE: credential('bluesky', 'service_handle').optional(),
  BLUESKY_SERVICE_APP_PASSWORD: credential('bluesky', 'service_app_password').optional(),
  /** The service account's PDS (default https://bsky.social). */
  BLUESKY_SERVICE_URL: z.string().url().optional(),
  /** X API base URL (default https://api.x.com; the demo points it at the sandbox). */
  X_API_BASE_URL: z.string().url().optional(),
  /** Council-supplied credentials; a platform without them is not collected (its accounts are flagged). */
  X_BEARER_TOKEN: credential('x', 'bearer_token').optional(),
  /** X bills per read: collection stops before this monthly budget (US dollars) would be passed. */
  X_MONTHLY_BUDGET_USD: z.coerce.number().min(0).default(100),
  /** The council's contracted X prices per item read (US dollars). */
  X_PRICE_PER_POST_READ_USD: z.coerce.number().min(0).default(0.005),
  X_PRICE_PER_USER_READ_USD: z.coerce.number().min(0).default(0.01),
  FACEBOOK_ACCESS_TOKEN: credential('facebook', 'access_token').optional(),
  YOUTUBE_API_KEY: credential('youtube', 'api_key').optional(),
  /** Retention: an unfollow is kept this long (for "lost followers" figures), then deleted with the person if nothing else holds them. */
  RETENTION_LOST_FOLLOWER_DAYS: z.coerce.number().int().min(31).default(90),
  /** Retention: replies and mentions from residents are kept this long. */
  RETENTION_INTERACTION_DAYS: z.coerce.number().int().min(31).default(365),
  /** How often the planner looks for due accounts. */
  PLANNER_INTERVAL_MS: milliseconds.default(30_000),
  /** Profile and new posts of an active account, at most this often. */
  COLLECT_ACTIVE_INTERVAL_MS: milliseconds.default(15 * 60_000),
  /** Accounts with no post in 30 days are collected daily. */
  COLLECT_DORMANT_INTERVAL_MS: milliseconds.default(24 * 60 * 60_000),
  /** Full follower re-sweeps of an active account, less often than its posts. */
  FOLLOWER_SWEEP_INTERVAL_MS: milliseconds.default(6 * 60 * 60_000),
  /** Full follower re-sweeps of a dormant account (no post in 30 days), less often than its daily collection. */
  FOLLOWER_SWEEP_DORMANT_INTERVAL_MS: milliseconds.default(7 * 24 * 60 * 60_000),
  /**
   * Followers written per transaction of a sweep (collector pages are gathered up to this): larger
   * batches cost fewer round trips and commits; a crashed worker fetches at most two batches again.
   */
  FOLLOWER_BATCH_ROWS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  /** Namespaces queues, live events and the X monthly spend in Redis, so several deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('wardreach'),
  /** How long a worker's job lock lasts; a worker that dies is noticed (and its jobs taken up) after about this. */
  WORKER_LOCK_DURATION_MS: milliseconds.default(30_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  HTTP_TIMEOUT_MS: milliseconds.default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment into a typed config, or throws one error listing every bad variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = appConfigSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const problems = sweepCadenceProblems(parsed.data);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return parsed.data;
}

/**
 * Full follower re-sweeps must come less often than the collections they ride on: a sweep interval no
 * longer than its collection interval would sweep everyone at every collection (on X, every follower
 * billed as a read each time).
 */
function sweepCadenceProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.FOLLOWER_SWEEP_INTERVAL_MS <= config.COLLECT_ACTIVE_INTERVAL_MS) {
    problems.push(
      `  FOLLOWER_SWEEP_INTERVAL_MS: must be longer than COLLECT_ACTIVE_INTERVAL_MS (${config.COLLECT_ACTIVE_INTERVAL_MS})`,
    );
  }
  if (config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS <= config.COLLECT_DORMANT_INTERVAL_MS) {
    problems.push(
      `  FOLLOWER_SWEEP_DORMANT_INTERVAL_MS: must be longer than COLLECT_DORMANT_INTERVAL_MS (${config.COLLECT_DORMANT_INTERVAL_MS})`,
    );
  }
  return problems;
}
