import { Inject, Injectable } from '@nestjs/common';
import { BlueskySessions, HttpClient, UnconfiguredCollector, createCollectors } from '@wardreach/collectors';
import type { Platform, RateLimitGate, XReadBudget, YouTubeQuota } from '@wardreach/collectors';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from '../common/clock';
import { credentialValue } from '../credentials/credential-names';
import { CredentialsService } from '../credentials/credentials.service';
import type { StoredCredentials } from '../credentials/credentials.service';
import { RedisConnections } from '../redis/redis.module';
import { CollectorSet } from './collector-set';
import { RedisXReadBudget, RedisYouTubeQuota } from './redis-platform-budgets';
import { RedisRateLimitGate } from './redis-rate-limit-gate';

/**
 * Builds the collectors for one job: one HTTP client (so the run's request count covers every call)
 * behind the budgets all workers share in Redis: rate limits, the X monthly spend, YouTube's daily quota;
 * and the Bluesky service account's session, kept by this process from job to job.
 */
@Injectable()
export class CollectorSetFactory {
  private shared: RedisBudgets | null = null;
  private readonly blueskySessions = new BlueskySessions();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly clock: Clock,
    private readonly credentials: CredentialsService,
  ) {}

  /** The X monthly budget all workers share (the admin view reads what was spent). */
  xBudget(): RedisXReadBudget {
    return this.sharedBudgets().xBudget;
  }

  private sharedBudgets() {
    this.shared ??= redisBudgets(this.redis.open('platform-budgets'), this.config, () => this.clock.now());
    return this.shared;
  }

  /**
   * Credentials come from the environment or, when not set there, from those the admin stored
   * (encrypted at rest, decrypted here only). A stored credential that does not decrypt leaves its
   * platform unconfigured, saying why; every other platform collects as usual.
   */
  async create(): Promise<CollectorSet> {
    const { gate, xBudget, youtubeQuota } = this.sharedBudgets();
    return buildCollectorSet({
      config: this.config,
      stored: await this.credentials.decrypted(),
      now: () => this.clock.now(),
      gate,
      xBudget,
      youtubeQuota,
      blueskySessions: this.blueskySessions,
    });
  }
}

/** The budgets every worker (and `wardreach collect`) shares in Redis. */
export interface RedisBudgets {
  gate: RedisRateLimitGate;
  xBudget: RedisXReadBudget;
  youtubeQuota: RedisYouTubeQuota;
}

/** The rate-limit windows, the X monthly spend and YouTube's daily quota, on one Redis connection. */
export function redisBudgets(
  redis: Redis,
  config: Pick<
    AppConfig,
    'QUEUE_PREFIX' | 'X_MONTHLY_BUDGET_USD' | 'X_PRICE_PER_POST_READ_USD' | 'X_PRICE_PER_USER_READ_USD'
  >,
  now: () => Date,
): RedisBudgets {
  return {
    gate: new RedisRateLimitGate(redis),
    xBudget: new RedisXReadBudget(redis, {
      prefix: config.QUEUE_PREFIX,
      monthlyBudgetUsd: config.X_MONTHLY_BUDGET_USD,
      prices: { post: config.X_PRICE_PER_POST_READ_USD, user: config.X_PRICE_PER_USER_READ_USD },
      now,
    }),
    youtubeQuota: new RedisYouTubeQuota(redis, { now }),
  };
}

/** What one collector set is built from: the worker's shared budgets, or those `wardreach collect` has. */
export interface CollectorSetParts {
  config: AppConfig;
  /** The credentials the admin stored, decrypted (`CredentialsService.decrypted`). */
  stored: StoredCredentials;
  now: () => Date;
  gate: RateLimitGate;
  /** The X monthly budget; X is read only under one (the worker's and the CLI's are in Redis). */
  xBudget: XReadBudget;
  /** YouTube's daily quota; without one, an in-memory quota of this process alone. */
  youtubeQuota?: YouTubeQuota;
  /** The process's Bluesky service-account sessions, kept across collector sets. */
  blueskySessions?: BlueskySessions;
}

/**
 * The collectors the worker runs a job with, and `wardreach collect` runs once with: credentials
 * from the environment or, when not set there, from those stored; every configured base URL; the
 * given budgets. Shared, so that the command line collects exactly as a scheduled job does.
 */
export function buildCollectorSet(parts: CollectorSetParts): CollectorSet {
  const { config, now, gate } = parts;
  const { values: stored, unreadable } = parts.stored;
  const credential = (platform: Platform, name: string) => credentialValue(config, stored, platform, name);
  const serviceHandle = credential('bluesky', 'service_handle');
  const serviceAppPassword = credential('bluesky', 'service_app_password');
  const http = new HttpClient({ timeoutMs: config.HTTP_TIMEOUT_MS, gate, now });
  const collectors = createCollectors({
    http,
    now,
    bluesky: {
      appViewUrl: config.BLUESKY_APPVIEW_URL,
      sessions: parts.blueskySessions,
      serviceAccount:
        serviceHandle && serviceAppPassword
          ? {
              identifier: serviceHandle,
              appPassword: serviceAppPassword,
              serviceUrl: config.BLUESKY_SERVICE_URL,
            }
          : undefined,
    },
    mastodon: { baseUrlOverride: config.MASTODON_BASE_URL },
    x: {
      bearerToken: credential('x', 'bearer_token'),
      baseUrl: config.X_API_BASE_URL,
      budget: parts.xBudget,
    },
    facebook: { accessToken: credential('facebook', 'access_token') },
    youtube: { apiKey: credential('youtube', 'api_key'), quota: parts.youtubeQuota },
  });
  for (const { platform, name } of unreadable) {
    const collector = collectors[platform];
    // Configured from the environment after all, or (Bluesky's service account, which only adds
    // mentions) not needed to collect: it collects, and the missing part is reported as usual.
    if (!(collector instanceof UnconfiguredCollector)) continue;
    collectors[platform] = new UnconfiguredCollector(
      platform,
      collector.role,
      `the stored ${platform} ${name}`,
      'not readable with this WARDREACH_SECRET_KEY (stored under another key, or altered): set it again',
    );
  }
  return { collectors, requests: () => http.requestCount };
}
