const PACIFIC = 'America/Los_Angeles';

/** Minutes east of UTC of Los Angeles at `instant` (−480 in winter, −420 in summer). */
function pacificOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: PACIFIC, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return -480;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The next midnight in Pacific time, when YouTube Data API quotas reset. Found from the Pacific
 * calendar date of `now`, plus one day, converted back with the offset in force at that midnight
 * (so daylight-saving changes are respected).
 */
export function nextPacificMidnight(now: Date): Date {
  const local = new Date(now.getTime() + pacificOffsetMinutes(now) * 60_000);
  const midnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  // The offset at midnight may differ from now's (DST switches at 02:00, so try the guess first).
  const guess = new Date(midnightAsUtc - pacificOffsetMinutes(now) * 60_000);
  return new Date(midnightAsUtc - pacificOffsetMinutes(guess) * 60_000);
}
