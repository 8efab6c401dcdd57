import { parseMastodonHandle } from '@wardreach/collectors';
import type { PlatformName } from '@wardreach/contracts';

/** A handle as a council writes it in a roster, normalised to what the collector resolves, or an error. */
export type HandleResult = { ok: true; handle: string } | { ok: false; message: string };

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * Accepts the forms people paste (profile URLs, leading @) and returns the canonical handle:
 * Bluesky `name.bsky.social` or a DID; Mastodon `user@instance`; RSS/Atom an http(s) feed URL;
 * X a username; Facebook a page id or name; YouTube an `@handle` or a `UC…` channel id.
 */
export function normaliseHandle(platform: PlatformName, raw: string): HandleResult {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'is empty' };
  switch (platform) {
    case 'bluesky': {
      const handle = value
        .replace(/^https?:\/\/bsky\.app\/profile\//i, '')
        .replace(/^@/, '')
        .replace(/\/$/, '')
        .toLowerCase();
      if (/^did:(plc|web):[a-z0-9.:%-]+$/.test(handle) || DOMAIN.test(handle)) return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not a Bluesky handle (name.bsky.social) or DID` };
    }
    case 'mastodon': {
      // As the collector reads it, so that Pleroma or Akkoma names (`jane.doe@…`) import too.
      const parsed = parseMastodonHandle(value);
      if (parsed) return { ok: true, handle: `${parsed.username}@${parsed.instance}` };
      return { ok: false, message: `"${raw}" is not a Mastodon address (@user@instance)` };
    }
    case 'rss': {
      try {
        const url = new URL(value);
        if (url.protocol === 'http:' || url.protocol === 'https:')
          return { ok: true, handle: url.toString() };
      } catch {
        // falls through to the message below
      }
      return { ok: false, message: `"${raw}" is not an http(s) feed URL` };
    }
    case 'x': {
      const handle = value
        .replace(/^https?:\/\/(www\.)?(x|twitter)\.com\//i, '')
        .replace(/^@/, '')
        .replace(/\/$/, '');
      if (/^[A-Za-z0-9_]{1,15}$/.test(handle)) return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not an X username` };
    }
    case 'facebook': {
      const handle = value.replace(/^https?:\/\/(www\.|m\.)?facebook\.com\//i, '').replace(/\/$/, '');
      if (/^[A-Za-z0-9.]{1,100}$/.test(handle)) return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not a Facebook page name or id` };
    }
    case 'youtube': {
      const handle = value.replace(/^https?:\/\/(www\.)?youtube\.com\/(channel\/)?/i, '').replace(/\/$/, '');
      if (/^@[A-Za-z0-9._-]{3,30}$/.test(handle) || /^UC[A-Za-z0-9_-]{22}$/.test(handle))
        return { ok: true, handle };
      return { ok: false, message: `"${raw}" is not a YouTube @handle or channel id` };
    }
  }
}
