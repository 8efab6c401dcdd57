import type { Blog } from '../world/world-model';
import { xmlEscape } from './xml-escape';

/** An RSS 2.0 document for a blog, newest item first, with RFC 822 dates. */
export function rssFeed(blog: Blog, feedUrl: string, authorName: string): string {
  const items = [...blog.items].reverse();
  const lastBuild =
    items.length > 0 ? new Date(items[0].publishedMs).toUTCString() : new Date(0).toUTCString();
  const entries = items
    .map(
      (item) => `    <item>
      <title>${xmlEscape(item.title)}</title>
      <link>${xmlEscape(item.link)}</link>
      <guid isPermaLink="false">${xmlEscape(item.guid)}</guid>
      <pubDate>${new Date(item.publishedMs).toUTCString()}</pubDate>
      <dc:creator>${xmlEscape(authorName)}</dc:creator>
      <description>${xmlEscape(item.summary)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xmlEscape(blog.title)}</title>
    <link>https://${blog.slug}.blog.example/</link>
    <atom:link href="${xmlEscape(feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xmlEscape(`News and updates from ${authorName}`)}</description>
    <language>en-gb</language>
    <lastBuildDate>${lastBuild}</lastBuildDate>
${entries}
  </channel>
</rss>
`;
}
