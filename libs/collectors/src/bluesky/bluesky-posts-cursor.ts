import { z } from 'zod';

/**
 * Where the last `fetchPosts` stopped: the newest post it saw. Stored by the API as an opaque
 * string; the next run pages from the newest post down to an hour below this one (`POSTS_OVERLAP_MS`).
 */
export interface BlueskyPostsCursor {
  v: 1;
  newestUri: string;
  /** ISO 8601 creation time of that post. */
  newestAt: string;
}

const cursorSchema = z.object({
  v: z.literal(1),
  newestUri: z.string(),
  newestAt: z.iso.datetime({ offset: true }),
});

export function encodePostsCursor(cursor: BlueskyPostsCursor): string {
  return JSON.stringify(cursor);
}

/** A cursor this collector wrote, or null for a first run or a cursor it cannot read (which restarts from `since`). */
export function decodePostsCursor(text: string | null): BlueskyPostsCursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
