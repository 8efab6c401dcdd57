import { Inject, Injectable } from '@nestjs/common';
import { HttpClient, createCollectors } from '@wardreach/collectors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from '../common/clock';
import { RedisConnections } from '../redis/redis.module';
import { CollectorSet } from './collector-set';
import { RedisRateLimitGate } from './redis-rate-limit-gate';

/**
 * Builds the collectors for one job: one HTTP client (so the run's request count covers every call)
 * behind the rate-limit budget that all workers share in Redis.
 */
@Injectable()
export class CollectorSetFactory {
  private gate: RedisRateLimitGate | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly clock: Clock,
  ) {}

  create(): CollectorSet {
    this.gate ??= new RedisRateLimitGate(this.redis.open('rate-limit-gate'));
    const config = this.config;
    const now = () => this.clock.now();
    const http = new HttpClient({ timeoutMs: config.HTTP_TIMEOUT_MS, gate: this.gate, now });
    const collectors = createCollectors({
      http,
      now,
      bluesky: {
        appViewUrl: config.BLUESKY_APPVIEW_URL,
        serviceAccount:
          config.BLUESKY_SERVICE_HANDLE && config.BLUESKY_SERVICE_APP_PASSWORD
            ? {
                identifier: config.BLUESKY_SERVICE_HANDLE,
                appPassword: config.BLUESKY_SERVICE_APP_PASSWORD,
                serviceUrl: config.BLUESKY_SERVICE_URL,
              }
            : undefined,
      },
      mastodon: { baseUrlOverride: config.MASTODON_BASE_URL },
      x: { bearerToken: config.X_BEARER_TOKEN, baseUrl: config.X_API_BASE_URL },
      facebook: { accessToken: config.FACEBOOK_ACCESS_TOKEN },
      youtube: { apiKey: config.YOUTUBE_API_KEY },
    });
    return { collectors, requests: () => http.requestCount };
  }
}
