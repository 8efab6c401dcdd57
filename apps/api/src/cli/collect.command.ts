import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  AccountGoneError,
  CollectorError,
  InMemoryRateLimitGate,
  PLATFORMS,
  UnauthorisedError,
  isPlatform,
} from '@wardreach/collectors';
import type {
  AccountRef,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Collector,
  Platform,
  XReadBudget,
} from '@wardreach/collectors';
import { buildCollectorSet, redisBudgets } from '../collection/collector-set.factory';
import { ConfigError, loadAppConfig } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import {
  CREDENTIAL_NAMES,
  CREDENTIAL_VARIABLES,
  credentialFromEnvironment,
  credentialValue,
} from '../credentials/credential-names';
import { NO_STORED_CREDENTIALS, connectBudgetRedis, readStoredCredentials } from './collect-deployment';

/** The process edges of the command, injectable so a spec can run it in-process. */
export interface CollectCommandIo {
  stdout: Writable;
  stderr: Writable;
  setExitCode: (code: number) => void;
  now: () => Date;
}

/** Exit code for a bad request: unknown platform, missing credentials, unknown or gone account. */
export const COLLECT_USAGE_EXIT_CODE = 2;
/** Exit code for a collection that failed on the platform's side (rate limit, outage, malformed payload). */
export const COLLECT_FAILED_EXIT_CODE = 1;
/** Replies are read under at most this many of the newest posts, as a scheduled run would. */
const INTERACTION_POSTS = 20;

const processIo: CollectCommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => {
    process.exitCode = code;
  },
  now: () => new Date(),
};

interface CollectOptions {
  platform: string;
  handle: string;
  json?: boolean;
  sinceDays: string;
}

/** The credential each credentialed platform cannot collect without (`CREDENTIAL_VARIABLES` names its variable). */
const REQUIRED_CREDENTIAL: Partial<Record<Platform, { name: string; what: string }>> = {
  x: { name: 'bearer_token', what: 'an X API bearer token' },
  facebook: { name: 'access_token', what: 'a Facebook Page access token' },
  youtube: { name: 'api_key', what: 'a YouTube Data API key' },
};

/** What `collect --json` prints. Residents are never named: followers and interactions appear as counts and times only. */
export interface CollectReport {
  platform: Platform;
  profile: CollectedProfile;
  /** The councillor's own posts; a repost's text and address are left out, as they may be a resident's. */
  posts: Array<
    Omit<CollectedPost, 'inReplyTo' | 'text' | 'url'> & { text: string | null; url: string | null }
  >;
  followers: { count: number | null; listed: boolean; firstPageSize: number; morePages: boolean };
  interactions: {
    count: number;
    answered: number;
    items: Array<Pick<CollectedInteraction, 'kind' | 'createdAt' | 'inReplyToExternalId' | 'answeredAt'>>;
  };
  /** HTTP requests made, retries included. */
  requests: number;
}

/**
 * `wardreach collect --platform P --handle H [--json]`: collects one account once through the real
 * collector, built as a worker builds it (`buildCollectorSet`): the environment's credentials or
 * those the admin stored, every configured base URL, and the budgets the workers share in Redis:
 * every platform's rate-limit windows, X's monthly spend and YouTube's daily quota. Without Redis, X
 * is refused; any other platform keeps to its limits (and YouTube's quota) by itself, with a warning
 * on stderr. It prints what it found, storing nothing.
 */
export function registerCollectCommand(
  program: Command,
  env: NodeJS.ProcessEnv = process.env,
  io: CollectCommandIo = processIo,
): void {
  program
    .command('collect')
    .description(
      'collect one account once and print its profile, posts, follower counts and interactions (nothing is stored)',
    )
    .requiredOption('--platform <platform>', `one of ${PLATFORMS.join(', ')}`)
    .requiredOption(
      '--handle <handle>',
      'the account: a Bluesky handle, user@instance, a feed URL, an X username, a Page name, a YouTube @handle',
    )
    .option('--since-days <days>', 'on this first run, read posts this many days back', '30')
    .option('--json', 'print the result as JSON')
    .action((options: CollectOptions) => runCollect(options, env, io));
}

async function runCollect(
  options: CollectOptions,
  env: NodeJS.ProcessEnv,
  io: CollectCommandIo,
): Promise<void> {
  const usage = (message: string) => {
    io.stderr.write(`${message}\n`);
    io.setExitCode(COLLECT_USAGE_EXIT_CODE);
  };
  if (!isPlatform(options.platform))
    return usage(`Unknown platform "${options.platform}": use one of ${PLATFORMS.join(', ')}.`);
  const sinceDays = Number(options.sinceDays);
  if (!Number.isInteger(sinceDays) || sinceDays < 1)
    return usage(`--since-days must be a whole number of days, not "${options.sinceDays}".`);
  let config: AppConfig;
  try {
    config = loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return usage(error.message);
    throw error;
  }
  const platform = options.platform;
  const failed = (message: string) => {
    io.stderr.write(`${message}\n`);
    io.setExitCode(COLLECT_FAILED_EXIT_CODE);
  };

  // The credentials a worker would use: the environment's, else those the admin stored.
  let stored = NO_STORED_CREDENTIALS;
  if (needsStoredCredentials(platform, config)) {
    try {
      stored = await readStoredCredentials(config);
    } catch (error) {
      io.stderr.write(
        `warning: the stored credentials could not be read (${error instanceof Error ? error.message : String(error)}); using the environment's alone\n`,
      );
    }
  }
  const required = (REQUIRED_CREDENTIAL as Partial<Record<Platform, { name: string; what: string }>>)[
    platform
  ];
  if (
    required &&
    credentialValue(config, stored.values, platform, required.name) === undefined &&
    !stored.unreadable.some((item) => item.platform === platform)
  ) {
    const variable = (CREDENTIAL_VARIABLES[platform] as Record<string, string>)[required.name];
    return usage(
      `Collecting from ${platform} needs ${required.what}: set ${variable}, or store one with \`wardreach credentials set ${platform} ${required.name}\`.`,
    );
  }

  // The budgets the workers share in Redis: every platform's rate-limit windows, X's monthly spend
  // and YouTube's daily quota. One run that ignored them would spend what the workers wait for.
  const redis = await connectBudgetRedis(config);
  if (!redis) {
    if (platform === 'x') {
      return failed(
        'Not collecting from x: REDIS_URL is not reachable, and X is read only within the monthly budget every worker shares there (X_MONTHLY_BUDGET_USD). Nothing was read.',
      );
    }
    io.stderr.write(
      `warning: REDIS_URL is not reachable: this run keeps to ${platform}'s rate limits by itself, not with the windows the workers share there${platform === 'youtube' ? ", and counts YouTube's daily quota by itself, not with the workers' use of it today" : ''}\n`,
    );
  }
  let report: CollectReport;
  let requests: () => number;
  try {
    const now = io.now;
    const budgets = redis ? redisBudgets(redis, config, now) : null;
    const set = buildCollectorSet({
      config,
      stored,
      now,
      gate: budgets?.gate ?? new InMemoryRateLimitGate(),
      xBudget: budgets?.xBudget ?? NO_X_BUDGET,
      youtubeQuota: budgets?.youtubeQuota,
    });
    requests = () => set.requests();
    report = await collectOnce(
      set.collectors[platform],
      options.handle,
      new Date(now().getTime() - sinceDays * 86_400_000),
    );
  } catch (error) {
    if (error instanceof AccountGoneError)
      return usage(`No such account on ${platform}, or it is gone: ${error.message}`);
    if (error instanceof UnauthorisedError) return usage(`Not allowed: ${error.message}`);
    if (error instanceof CollectorError) return failed(`Collection failed (${error.kind}): ${error.message}`);
    throw error;
  } finally {
    // Closed whatever happened, so the command exits as soon as it is done.
    await redis?.quit().catch(() => redis.disconnect());
  }
  report.requests = requests();
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
}

/** Only X's collector reads under it, and only with Redis: any other run builds an X collector it never calls. */
const NO_X_BUDGET: XReadBudget = {
  reserve: () => null,
  settle: () => undefined,
  renewsAt: () => new Date(8.64e15),
};

/** Whether the platform takes a credential the environment does not give (so the stored one is read). */
function needsStoredCredentials(platform: Platform, config: AppConfig): boolean {
  return CREDENTIAL_NAMES[platform].some((name) => !credentialFromEnvironment(config, platform, name));
}

async function collectOnce(collector: Collector, handle: string, since: Date): Promise<CollectReport> {
  const profile = await collector.fetchProfile({ handle });
  const account: AccountRef = {
    platform: collector.platform,
    handle: profile.handle,
    externalId: profile.externalId,
  };
  const posts = await collector.fetchPosts({ account, cursor: null, since });
  const followers =
    collector.capabilities.followerList && profile.followersListed
      ? await collector.fetchFollowers({ account, pageCursor: null })
      : null;
  // Nothing has been read yet: every post with replies costs one request, the others none.
  const withReplies = posts.items
    .filter((post) => post.kind !== 'repost')
    .slice(0, INTERACTION_POSTS)
    .map((post) => ({ externalId: post.externalId, url: post.url, replies: post.replies }));
  const interactions =
    collector.capabilities.replies || collector.capabilities.mentions === 'collected'
      ? await collector.fetchInteractions({ account, posts: withReplies })
      : [];
  return {
    platform: collector.platform,
    profile,
    posts: posts.items.map(({ inReplyTo: _inReplyTo, ...post }) =>
      post.kind === 'repost' ? { ...post, text: null, url: null } : post,
    ),
    followers: {
      count: profile.followersCount,
      listed: followers !== null,
      firstPageSize: followers?.items.length ?? 0,
      morePages: followers?.nextCursor != null,
    },
    interactions: {
      count: interactions.length,
      answered: interactions.filter((interaction) => interaction.answeredAt !== null).length,
      items: interactions.map(({ kind, createdAt, inReplyToExternalId, answeredAt }) => ({
        kind,
        createdAt,
        inReplyToExternalId,
        answeredAt,
      })),
    },
    requests: 0,
  };
}

function summary(report: CollectReport): string {
  const { profile } = report;
  return [
    `${report.platform} ${profile.handle} (${profile.displayName ?? 'no name'}) ${profile.url}`,
    `  followers ${profile.followersCount ?? 'n/a'}, following ${profile.followingCount ?? 'n/a'}, posts ${profile.postsCount ?? 'n/a'}`,
    `  posts read: ${report.posts.length}`,
    `  followers listed: ${report.followers.listed ? `first page of ${report.followers.firstPageSize}${report.followers.morePages ? ', more pages' : ''}` : 'no'}`,
    `  interactions: ${report.interactions.count} (${report.interactions.answered} answered)`,
    `  requests made: ${report.requests}`,
    '',
  ].join('\n');
}
