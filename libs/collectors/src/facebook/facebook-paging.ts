/**
 * The query of a Graph `paging.next` address, to ask for the next page with. Graph pages by cursor
 * (`after`) or, for posts asked `since` a time, by time (`until`, `since`, `__paging_token`, no
 * cursors): following the address's own parameters serves both. An `access_token` in it is dropped:
 * the token travels in a header, never in a URL that might be logged. Null when there is no next page.
 */
export function nextPageQuery(next: string | undefined): Record<string, string> | null {
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  url.searchParams.delete('access_token');
  return Object.fromEntries(url.searchParams);
}
