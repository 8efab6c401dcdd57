/** Parses an RFC 8288 Link header into URLs by rel: `<url>; rel="next", <url>; rel="prev"`. */
export function parseLinkHeader(header: string | null): Record<string, URL> {
  const links: Record<string, URL> = {};
  if (!header) return links;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>\s*;\s*rel="([^"]+)"$/.exec(part.trim());
    if (!match) throw new Error(`unparseable Link header part: ${part}`);
    links[match[2]] = new URL(match[1]);
  }
  return links;
}
