/** A Mastodon account address: `username@instance`. */
export interface MastodonHandle {
  username: string;
  instance: string;
}

/** Reads `@user@instance`, `user@instance` or `https://instance/@user`; null when it is none of them. */
export function parseMastodonHandle(handle: string): MastodonHandle | null {
  const trimmed = handle.trim();
  const url = /^https?:\/\/([^/]+)\/@([A-Za-z0-9_]+)\/?$/.exec(trimmed);
  if (url) return { username: url[2], instance: url[1].toLowerCase() };
  const acct = /^@?([A-Za-z0-9_]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost(:\d+)?)$/.exec(trimmed);
  return acct ? { username: acct[1], instance: acct[2].toLowerCase() } : null;
}

/** Mastodon ids are snowflakes in decimal strings: compare by length, then lexically. */
export function compareMastodonIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** The `max_id` (or `min_id`) of the `rel="next"` (or `"prev"`) URL in a `Link` header. */
export function linkHeaderParam(link: string | null, rel: 'next' | 'prev', param: string): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    // Relative targets are allowed by RFC 8288; only the query matters here.
    if (match && match[2] === rel) return new URL(match[1], 'http://link.invalid').searchParams.get(param);
  }
  return null;
}
