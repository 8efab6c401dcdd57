import { useLiveStatus } from '../live/live-status-context';
import type { LiveStatus } from '../live/use-live-events';
import { formatDateTime } from '../series/format';
import { updatedAgoText } from '../series/updated-ago';
import { useNow } from '../time/use-now';

const LIVE_LABEL: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** "Live · Updated 3 minutes ago", announced politely when it changes; the time ticks every 30 s. */
export function FreshnessBar({ updatedAt }: { updatedAt: string | null }) {
  const now = useNow(30_000);
  const status = useLiveStatus();
  return (
    <div className="freshness" role="status" aria-live="polite">
      <span className={`live-status live-status--${status}`}>
        <span className="live-status__dot" aria-hidden="true" />
        {LIVE_LABEL[status]}
      </span>
      <span className="freshness__sep" aria-hidden="true">
        ·
      </span>
      {updatedAt === null ? (
        <span>{updatedAgoText(null, now)}</span>
      ) : (
        <time dateTime={updatedAt} title={formatDateTime(updatedAt)}>
          {updatedAgoText(updatedAt, now)}
        </time>
      )}
    </div>
  );
}
