/**
 * Orders ids that are snowflakes in decimal strings (Mastodon statuses and accounts, X posts and
 * users): they grow with time, so a longer one is newer, and among equal lengths the text order is
 * the numeric one. Too large for a JavaScript number, they are compared as text.
 */
export function compareSnowflakeIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
