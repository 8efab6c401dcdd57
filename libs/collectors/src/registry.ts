import { BlueskyClient } from './bluesky/bluesky-client';
import type { BlueskyServiceAccount, BlueskySessions } from './bluesky/bluesky-client';
import { BlueskyCollector } from './bluesky/bluesky-collector';
import type { Collector } from './collector';
import { FacebookClient } from './facebook/facebook-client';
import { FacebookCollector } from './facebook/facebook-collector';
import { HttpClient } from './http/http-client';
import type { HttpClientOptions } from './http/http-client';
import type { RateLimitGate } from './http/rate-limit-gate';
import { MastodonClient } from './mastodon/mastodon-client';
import { MastodonCollector } from './mastodon/mastodon-collector';
import { PLATFORMS } from './platform';
import type { Platform } from './platform';
import { RssCollector } from './rss/rss-collector';
import { UnconfiguredCollector } from './unconfigured-collector';
import { XClient } from './x/x-client';
import { XCollector } from './x/x-collector';
import type { XReadBudget } from './x/x-read-budget';
import { InMemoryYouTubeQuota } from './youtube/youtube-quota';
import type { YouTubeQuota } from './youtube/youtube-quota';
import { YouTubeClient } from './youtube/youtube-client';
import { YouTubeCollector } from './youtube/youtube-collector';

/** Everything the collectors need from outside: base URLs, the council's credentials, HTTP and shared budgets. */
export interface CollectorDeps {
  /** One client shared by every platform (so its request count covers them all), or options to make one. */
  http?: HttpClient | HttpClientOptions;
  /** The shared rate-limit budget; ignored when `http` is already a client. */
  gate?: RateLimitGate;
  now?: () => Date;
  /** `sessions`: the process's service-account sessions, kept across collector sets. */
  bluesky?: { appViewUrl?: string; serviceAccount?: BlueskyServiceAccount; sessions?: BlueskySessions };
  mastodon?: { baseUrlOverride?: string };
  x?: { bearerToken?: string; baseUrl?: string; budget?: XReadBudget };
  facebook?: { accessToken?: string; baseUrl?: string; apiVersion?: string };
  youtube?: { apiKey?: string; baseUrl?: string; quota?: YouTubeQuota };
}

interface Resolved {
  http: HttpClient;
  now: () => Date;
  deps: CollectorDeps;
}

/** One line per platform: the compiler reports a platform added to `PLATFORMS` without a factory here. */
const FACTORIES: { [P in Platform]: (resolved: Resolved) => Collector } = {
  bluesky: ({ http, now, deps }) =>
    new BlueskyCollector({
      client: new BlueskyClient({
        http,
        appViewUrl: deps.bluesky?.appViewUrl,
        serviceAccount: deps.bluesky?.serviceAccount,
        sessions: deps.bluesky?.sessions,
        now,
      }),
      now,
    }),
  mastodon: ({ http, deps }) =>
    new MastodonCollector({
      client: new MastodonClient({ http, baseUrlOverride: deps.mastodon?.baseUrlOverride }),
    }),
  rss: ({ http, now }) => new RssCollector({ http, now }),
  x: ({ http, now, deps }) =>
    deps.x?.bearerToken
      ? new XCollector({
          client: new XClient({
            http,
            bearerToken: deps.x.bearerToken,
            baseUrl: deps.x.baseUrl,
            budget: deps.x.budget,
            now,
          }),
          now,
        })
      : new UnconfiguredCollector('x', 'listening', 'an X API bearer token'),
  facebook: ({ http, now, deps }) =>
    deps.facebook?.accessToken
      ? new FacebookCollector({
          client: new FacebookClient({
            http,
            accessToken: deps.facebook.accessToken,
            baseUrl: deps.facebook.baseUrl,
            apiVersion: deps.facebook.apiVersion,
            now,
          }),
        })
      : new UnconfiguredCollector('facebook', 'detail', 'a Facebook Page access token'),
  youtube: ({ http, now, deps }) =>
    deps.youtube?.apiKey
      ? new YouTubeCollector({
          client: new YouTubeClient({
            http,
            apiKey: deps.youtube.apiKey,
            baseUrl: deps.youtube.baseUrl,
            quota: deps.youtube.quota ?? new InMemoryYouTubeQuota(undefined, now),
            now,
          }),
        })
      : new UnconfiguredCollector('youtube', 'detail', 'a YouTube Data API key'),
};

/** Every platform's collector, sharing one HTTP client and one rate-limit gate. */
export function createCollectors(deps: CollectorDeps = {}): Record<Platform, Collector> {
  const http =
    deps.http instanceof HttpClient
      ? deps.http
      : new HttpClient({ ...deps.http, gate: deps.http?.gate ?? deps.gate });
  const resolved: Resolved = { http, now: deps.now ?? (() => new Date()), deps };
  return Object.fromEntries(PLATFORMS.map((platform) => [platform, FACTORIES[platform](resolved)])) as Record<
    Platform,
    Collector
  >;
}
