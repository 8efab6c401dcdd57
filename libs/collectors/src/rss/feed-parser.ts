import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { MalformedPayloadError, TransientError } from '../errors';
import { parsePayload } from '../http/schema-validation';
import { htmlLinks, htmlToText } from '../text/html-text';

/** One entry of a feed, in either format. */
export interface FeedEntry {
  id: string;
  url: string;
  /** ISO 8601, or null when the entry carries no date. */
  publishedAt: string | null;
  title: string;
  text: string;
  links: string[];
  /** `slash:comments` (RSS) or `thr:count` (Atom), when the feed announces it. */
  comments: number;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string;
  siteUrl: string | null;
  entries: FeedEntry[];
}

const METHOD = 'GET feed';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep the markup of Atom `content`/`summary` whole: it may be inline XHTML.
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  parseTagValue: false,
  trimValues: true,
});

/** A text construct: a plain string, or `{ '#text': …, '@_type': … }` when it carries attributes. */
const textSchema = z.union([
  z.string(),
  z.number().transform(String),
  z
    .object({ '#text': z.union([z.string(), z.number().transform(String)]).optional() })
    .loose()
    .transform((value) => value['#text'] ?? ''),
]);

const rssSchema = z.object({
  rss: z.object({
    channel: z.object({
      title: textSchema,
      link: z.array(textSchema).optional(),
      item: z
        .array(
          z
            .object({
              title: textSchema.optional(),
              link: z.array(textSchema).optional(),
              description: textSchema.optional(),
              'content:encoded': textSchema.optional(),
              pubDate: textSchema.optional(),
              'dc:date': textSchema.optional(),
              guid: textSchema.optional(),
              'slash:comments': textSchema.optional(),
            })
            .loose(),
        )
        .default([]),
    }),
  }),
});

const atomLinkSchema = z
  .object({ '@_href': z.string(), '@_rel': z.string().optional(), '@_thr:count': z.string().optional() })
  .loose();

const atomSchema = z.object({
  feed: z.object({
    title: textSchema,
    link: z.array(atomLinkSchema).default([]),
    entry: z
      .array(
        z
          .object({
            id: textSchema,
            title: textSchema.optional(),
            link: z.array(atomLinkSchema).default([]),
            published: textSchema.optional(),
            updated: textSchema.optional(),
            content: textSchema.optional(),
            summary: textSchema.optional(),
          })
          .loose(),
      )
      .default([]),
  }),
});

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function absolute(href: string, base: string): string {
  try {
    return new URL(href, base).toString();
  } catch {
    return href;
  }
}

/**
 * Parses RSS 2.0 or Atom 1.0. XML that does not parse may be a cut connection (transient); XML that
 * parses but is neither format fails loudly with the path that broke.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new TransientError(
      'rss',
      METHOD,
      `feed XML does not parse at line ${valid.err.line}: ${valid.err.msg}`,
    );
  const document: unknown = parser.parse(xml);
  if (typeof document === 'object' && document !== null && 'rss' in document)
    return parseRss(document, feedUrl);
  if (typeof document === 'object' && document !== null && 'feed' in document)
    return parseAtom(document, feedUrl);
  throw new MalformedPayloadError('rss', METHOD, '', 'neither an RSS 2.0 <rss> nor an Atom <feed> document');
}

function parseRss(document: unknown, feedUrl: string): ParsedFeed {
  const { channel } = parsePayload(rssSchema, document, { platform: 'rss', method: METHOD }).rss;
  const siteUrl = channel.link?.find((link) => link !== '') ?? null;
  return {
    format: 'rss',
    title: htmlToText(channel.title),
    siteUrl: siteUrl ? absolute(siteUrl, feedUrl) : null,
    entries: channel.item.map((item) => {
      const html = item['content:encoded'] ?? item.description ?? '';
      const link = item.link?.find((value) => value !== '');
      const url = link ? absolute(link, feedUrl) : (item.guid ?? feedUrl);
      const links = new Set([url, ...htmlLinks(html)].filter((value) => /^https?:/.test(value)));
      return {
        id: item.guid || url,
        url,
        publishedAt: isoDate(item.pubDate ?? item['dc:date']),
        title: htmlToText(item.title ?? ''),
        text: htmlToText(html),
        links: [...links],
        comments: Number(item['slash:comments'] ?? 0) || 0,
      };
    }),
  };
}

function parseAtom(document: unknown, feedUrl: string): ParsedFeed {
  const { feed } = parsePayload(atomSchema, document, { platform: 'rss', method: METHOD });
  const site = feed.link.find((link) => (link['@_rel'] ?? 'alternate') === 'alternate');
  return {
    format: 'atom',
    title: htmlToText(feed.title),
    siteUrl: site ? absolute(site['@_href'], feedUrl) : null,
    entries: feed.entry.map((entry) => {
      const alternate = entry.link.find((link) => (link['@_rel'] ?? 'alternate') === 'alternate');
      const replies = entry.link.find((link) => link['@_rel'] === 'replies');
      const url = alternate ? absolute(alternate['@_href'], feedUrl) : entry.id;
      const html = entry.content ?? entry.summary ?? '';
      const links = new Set([url, ...htmlLinks(html)].filter((value) => /^https?:/.test(value)));
      return {
        id: entry.id,
        url,
        publishedAt: isoDate(entry.published ?? entry.updated),
        title: htmlToText(entry.title ?? ''),
        text: htmlToText(html),
        links: [...links],
        comments: Number(replies?.['@_thr:count'] ?? 0) || 0,
      };
    }),
  };
}
