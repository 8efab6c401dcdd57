/**
 * Keyset pagination over a list kept oldest first, served newest first. An item's key is
 * (time, tiebreak) where tiebreak grows with insertion, so keys are unique and sort like the list;
 * a cursor names the last key served, so items added or removed meanwhile never shift a page.
 */
export type PageKey = readonly [timeMs: number, tiebreak: number];

export interface NewestFirstPage<T> {
  items: T[];
  /** Key of the last (oldest) item served, or null for an empty page. */
  lastKey: PageKey | null;
  /** Whether older items remain after this page. */
  more: boolean;
}

export function compareKeys(a: PageKey, b: PageKey): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Items strictly older than `before` (all when null), newest first, at most `limit`. */
export function pageNewestFirst<T>(
  items: readonly T[],
  keyOf: (item: T) => PageKey,
  before: PageKey | null,
  limit: number,
): NewestFirstPage<T> {
  // Index of the first item not older than `before`: everything left of it qualifies.
  let end = items.length;
  if (before !== null) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(keyOf(items[mid]), before) < 0) lo = mid + 1;
      else hi = mid;
    }
    end = lo;
  }
  const start = Math.max(0, end - limit);
  const page = items.slice(start, end).reverse();
  return { items: page, lastKey: page.length > 0 ? keyOf(page[page.length - 1]) : null, more: start > 0 };
}

/** Cursor text for a key: "<epoch ms>::<tiebreak>", like the AppView's "<sortAt>::<cid>" cursors. */
export function encodeCursor(key: PageKey): string {
  return `${key[0]}::${key[1].toString(36)}`;
}

/** The key a cursor names, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): PageKey | undefined {
  const match = /^(\d+)::([0-9a-z]+)$/.exec(cursor);
  if (!match) return undefined;
  return [Number(match[1]), parseInt(match[2], 36)];
}
