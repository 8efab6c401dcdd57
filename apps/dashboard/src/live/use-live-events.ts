import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeysForEvent } from './live-query-keys';
import { LIVE_EVENT_TYPES, parseLiveEvent } from './parse-live-event';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Longest wait between two reconnection attempts after the server closed the stream. */
const MAX_RETRY_MS = 30_000;

/**
 * Subscribes to `GET /api/events` and marks the queries a live event affects as stale, so the
 * open page refetches them. EventSource retries a dropped connection by itself; when the server
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

    const onMessage = (message: MessageEvent<string>) => {
      const event = parseLiveEvent(message.data);
      if (event === null) return;
      for (const queryKey of queryKeysForEvent(event)) void queryClient.invalidateQueries({ queryKey });
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
      source?.close();
    };
  }, [queryClient, url]);

  return status;
}
