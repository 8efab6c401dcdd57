import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or rejects when `signal` aborts; injected so tests run without real waits. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};
