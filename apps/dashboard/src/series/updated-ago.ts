/**
 * "Updated N minutes ago" for the freshness line every page shows.
 * Whole minutes are floored (a figure 59 s old is "less than a minute" old); after an hour the
 * text switches to hours, after a day to days, so long-stale figures are obviously stale.
 */
export function updatedAgoText(updatedAt: string | null, now: Date): string {
  if (updatedAt === null) return 'Not collected yet';
  const elapsedMs = now.getTime() - new Date(updatedAt).getTime();
  const minutes = Math.max(0, Math.floor(elapsedMs / 60_000));
  if (minutes < 1) return 'Updated less than a minute ago';
  if (minutes < 60) return `Updated ${minutes} ${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Updated ${hours} ${plural(hours, 'hour')} ago`;
  const days = Math.floor(hours / 24);
  return `Updated ${days} ${plural(days, 'day')} ago`;
}

function plural(count: number, unit: string): string {
  return count === 1 ? unit : `${unit}s`;
}
