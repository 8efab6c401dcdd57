import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeysForEvent } from './live-query-keys';
import { LIVE_EVENT_TYPES, parseLiveEvent } from './parse-live-event';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Longest wait between two reconnection attempts after the server closed the stream. */
const MAX_RETRY_MS = 30_000;

/**
 * Events come in bursts (a council's collections finish within seconds of each other, a hundred
 * accounts every few minutes): the queries they make stale are gathered for this long and refetched
 * once, not once per event.
 */
export const LIVE_BATCH_MS = 2_000;

/**
 * Subscribes to `GET /api/events` and marks the queries live events affect as stale, so the open
 * page refetches them (each once per `LIVE_BATCH_MS`). EventSource retries a dropped connection by itself; when the server
 * refuses it outright (the stream is CLOSED) this hook opens a new one, backing off up to 30 s.
 * After any outage everything is refetched, since events sent meanwhile were missed.
 */
export function useLiveEvents(url = '/api/events'): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let missedEvents = false;
    const stale = new Map<string, QueryKey>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      flushTimer = undefined;
      const keys = [...stale.values()];
      stale.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };

    const onMessage = (message: MessageEvent<string>) => {
      const event = parseLiveEvent(message.data);
      if (event === null) return;
      for (const queryKey of queryKeysForEvent(event)) stale.set(JSON.stringify(queryKey), queryKey);
      flushTimer ??= setTimeout(flush, LIVE_BATCH_MS);
    };

    const connect = () => {
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        failures = 0;
        setStatus('live');
        if (missedEvents) {
          missedEvents = false;
          void queryClient.invalidateQueries();
        }
      };
      current.onerror = () => {
        missedEvents = true;
        setStatus('reconnecting');
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          failures += 1;
          retryTimer = setTimeout(connect, Math.min(MAX_RETRY_MS, 1_000 * 2 ** (failures - 1)));
        }
      };
      for (const type of LIVE_EVENT_TYPES) current.addEventListener(type, onMessage);
    };

    connect();
    return () => {
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
      source?.close();
    };
  }, [queryClient, url]);

  return status;
}
