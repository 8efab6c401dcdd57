/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * delay = random() × min(maxMs, baseMs × 2^retry), with `retry` counted from 0. Full jitter spreads
 * retries of many workers hit by the same outage so they do not return in lock-step.
 */
export function fullJitterDelayMs(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
