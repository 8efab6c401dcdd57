/**
 * The cursor of a list's next page, or null at its end. Platforms page a list before they drop what
 * they will not show (X: suspended and protected accounts; Bluesky's AppView: blocks and takedowns), so
 * a page may be empty and still have a next one: only a missing cursor ends the list, and one that
 * repeats the cursor just sent would loop, so ends it too. Ending a follower list early would mark
 * every follower after that page lost.
 */
export function nextPageCursor(
  cursor: string | null | undefined,
  sent: string | null | undefined,
): string | null {
  return cursor && cursor !== sent ? cursor : null;
}
