/** Shown wherever a figure is undefined (null), so a missing value is never mistaken for zero. */
export const MISSING = '—';

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const signedWholeNumber = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** 12345 → "12,345"; null → "—". */
export function formatCount(value: number | null): string {
  return value === null ? MISSING : wholeNumber.format(value);
}

/** A change: 12 → "+12", -3 → "-3", 0 → "0"; null → "—". */
export function formatChange(value: number | null): string {
  return value === null ? MISSING : signedWholeNumber.format(value);
}

/**
 * A share (0..1) as a percentage with `digits` decimals: 0.1234 → "12.3%"; null → "—".
 * Engagement rates are small, so they are shown with two decimals by the callers.
 */
export function formatPercent(share: number | null, digits = 1): string {
  if (share === null) return MISSING;
  return `${(share * 100).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/**
 * What an engagement figure leaves out when a platform withholds some posts' likes (a YouTube channel
 * can hide them): "not counting likes hidden on 3 posts"; null when none are hidden.
 */
export function likesHiddenNote(posts: number): string | null {
  if (posts <= 0) return null;
  return `not counting likes hidden on ${formatCount(posts)} post${posts === 1 ? '' : 's'}`;
}

/** An engagement rate with two decimals, and what it leaves out: "1.23% (not counting likes hidden on 2 posts)". */
export function formatEngagementRate(rate: number | null, likesHidden: number): string {
  const note = likesHiddenNote(likesHidden);
  return formatPercent(rate, 2) + (note === null ? '' : ` (${note})`);
}

/** A snapshot day "2026-11-03" → "3 Nov 2026" (the day is a calendar date, so no time-zone shift). */
export function formatDay(isoDay: string): string {
  return dayMonthYear.format(parseIsoDay(isoDay));
}

/** A snapshot day "2026-11-03" → "3 Nov", for chart axes where the year would crowd the labels. */
export function formatShortDay(isoDay: string): string {
  return dayMonth.format(parseIsoDay(isoDay));
}

/** An ISO instant → "3 Nov 2026, 14:05" in UK local time; null → "—". */
export function formatDateTime(iso: string | null): string {
  return iso === null ? MISSING : dateTime.format(new Date(iso));
}

function parseIsoDay(isoDay: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new Error(`Not a YYYY-MM-DD day: ${isoDay}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A footprint index (0–100) with one decimal: 62.44 → "62.4"; null → "—". */
export function formatIndex(value: number | null): string {
  return value === null
    ? MISSING
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A number with up to `digits` decimals (means of counts): 2.5 → "2.5", 3 → "3"; null → "—". */
export function formatDecimal(value: number | null, digits = 1): string {
  return value === null ? MISSING : value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}
