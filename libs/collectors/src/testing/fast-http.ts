import { HttpClient } from '../http/http-client';
import type { HttpClientOptions } from '../http/http-client';

/** Every wait a test's HTTP client would have slept, recorded instead of slept. */
export interface RecordedSleeps {
  waits: number[];
}

/**
 * An HTTP client for contract tests: real HTTP, but waits are recorded instead of slept and the
 * jitter is fixed, so retries are fast and deterministic.
 */
export function fastHttpClient(options: HttpClientOptions = {}): {
  http: HttpClient;
  sleeps: RecordedSleeps;
} {
  const sleeps: RecordedSleeps = { waits: [] };
  const http = new HttpClient({
    timeoutMs: 2_000,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.waits.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return { http, sleeps };
}
