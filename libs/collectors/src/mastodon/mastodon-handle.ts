import { DNS_NAME } from '../identifiers';

/** A Mastodon account address: `username@instance`. */
export interface MastodonHandle {
  username: string;
  instance: string;
}

/**
 * A fediverse username as servers other than Mastodon allow it too (Pleroma, Akkoma, Misskey):
 * letters, digits, `_`, `.` and `-`, not starting or ending with a dot.
 */
const USERNAME = String.raw`[A-Za-z0-9_-](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?`;

// The instance: a DNS name (253 characters at most, checked apart). No port: an acct (WebFinger)
// names a host, and `user@domain` is how wardreach names a person.
const PROFILE_URL = new RegExp(String.raw`^https?://(${DNS_NAME})/@(${USERNAME})/?$`);
const ACCT = new RegExp(String.raw`^@?(${USERNAME})@(${DNS_NAME})$`);

/**
 * Reads `@user@instance`, `user@instance` or `https://instance/@user`; null when it is none of them
 * (a space, a port, a path, a missing part).
 */
export function parseMastodonHandle(handle: string): MastodonHandle | null {
  const trimmed = handle.trim();
  const url = PROFILE_URL.exec(trimmed);
  const acct = url ? null : ACCT.exec(trimmed);
  const username = url?.[2] ?? acct?.[1];
  const instance = url?.[1] ?? acct?.[2];
  if (!username || !instance || instance.length > 253) return null;
  return { username, instance: instance.toLowerCase() };
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
