import type { Blog } from '../world/world-model';
import { xmlEscape } from './xml-escape';

/** An Atom 1.0 (RFC 4287) document for a blog, newest entry first. */
export function atomFeed(blog: Blog, feedUrl: string, authorName: string): string {
  const items = [...blog.items].reverse();
  const updated = new Date(items.length > 0 ? items[0].publishedMs : 0).toISOString();
  const entries = items
    .map(
      (item) => `  <entry>
    <title>${xmlEscape(item.title)}</title>
    <link href="${xmlEscape(item.link)}"/>
    <id>${xmlEscape(item.guid)}</id>
    <published>${new Date(item.publishedMs).toISOString()}</published>
    <updated>${new Date(item.publishedMs).toISOString()}</updated>
    <summary>${xmlEscape(item.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlEscape(blog.title)}</title>
  <link href="${xmlEscape(feedUrl)}" rel="self"/>
  <link href="https://${blog.slug}.blog.example/"/>
  <id>urn:wardreach-sandbox:${blog.slug}</id>
  <updated>${updated}</updated>
  <author>
    <name>${xmlEscape(authorName)}</name>
  </author>
${entries}
</feed>
`;
}
