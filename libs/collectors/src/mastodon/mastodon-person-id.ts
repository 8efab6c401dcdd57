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

export type PersonIdResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * A platform id given in a request (erasure, a civic account), as `personIdOf` would give it: a
 * Mastodon person must be named `user@domain`, since an instance's numeric id names nobody elsewhere.
 */
export function personIdFromRequest(platform: Platform, externalId: string): PersonIdResult {
  const id = externalId.trim();
  if (platform !== 'mastodon') return { ok: true, id };
  const parsed = id.includes('/') ? null : parseMastodonHandle(id);
  return parsed
    ? { ok: true, id: mastodonPersonId(parsed.username, parsed.instance) }
    : {
        ok: false,
        message: `a Mastodon account is identified by its address, user@instance (not "${id}"): its numeric id differs on every instance`,
      };
}
