import type { Platform } from '../platform';
import { parseMastodonHandle } from './mastodon-handle';

/**
 * A Mastodon person as every instance names them: `username@domain`, lower-cased. Account ids are
 * per instance (each server that knows someone gives them its own id), so an id cannot recognise one
 * person across councillors on different instances, nor match an erasure request. `acct` is bare for
 * the serving instance's own users: `instance` is that instance's real domain.
 */
export function mastodonPersonId(acct: string, instance: string): string {
  const bare = acct.trim().replace(/^@/, '');
  return (bare.includes('@') ? bare : `${bare}@${instance}`).toLowerCase();
}

/**
 * The id wardreach pseudonymises for someone on `platform`, from a profile or an account row: on
 * Mastodon their `username@domain` (from the handle, as the collector identifies followers and
 * authors), elsewhere the platform id. Null when it is not known.
 */
export function personIdOf(
  platform: Platform,
  person: { externalId: string | null; handle: string },
): string | null {
  if (platform !== 'mastodon') return person.externalId;
  const parsed = parseMastodonHandle(person.handle);
  return parsed ? mastodonPersonId(parsed.username, parsed.instance) : null;
}
