import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { MalformedPayloadError, TransientError } from '../errors';
import { parsePayload } from '../http/schema-validation';
import { htmlLinks, htmlToText } from '../text/html-text';
import { atomHtml } from './atom-text';
import type { AtomText } from './atom-text';

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
  // Keep the markup of Atom `content`/`summary` whole: it may be inline XHTML (see atomHtml).
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

/** Atom `content`/`summary`, kept raw by the parser, with the `type` that says how to read it. */
const atomTextSchema = z.union([
  z.string().transform((raw): AtomText => ({ raw, type: 'text' })),
  z
    .object({
      '#text': z.union([z.string(), z.number().transform(String)]).optional(),
      '@_type': z.string().optional(),
    })
    .loose()
    .transform((value): AtomText => ({ raw: value['#text'] ?? '', type: value['@_type'] ?? 'text' })),
]);

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
            content: atomTextSchema.optional(),
            summary: atomTextSchema.optional(),
          })
          .loose(),
      )
      .default([]),
  }),
});

/**
 * Zone names RFC 822 dates carry in European feeds that `Date.parse` does not know (it knows GMT, UT
 * and the North American ones), as offsets. IST is left out: Irish and Indian time share it.
 */
const ZONE_OFFSETS: Record<string, string> = {
  BST: '+0100',
  WET: '+0000',
  WEST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
};

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  let time = Date.parse(value);
  if (Number.isNaN(time)) {
    const offset = value.trim().replace(/\b([A-Z]{3,4})$/, (zone) => ZONE_OFFSETS[zone] ?? zone);
    time = Date.parse(offset);
  }
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
 * Parses RSS 2.0 or Atom 1.0. A feed cut short (no closing `</rss>` or `</feed>`: a dropped
 * connection) is transient. A whole feed that is not well-formed XML (blogs often carry an unescaped
 * `&`) is read leniently, as feed readers do; it fails loudly, naming the XML error, only if no feed
 * can be read from it. XML that parses but is neither format fails with the path that broke.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  const xmlError = valid === true ? null : `line ${valid.err.line}: ${valid.err.msg}`;
  if (xmlError && !/<\/(rss|feed)>\s*$/i.test(xml))
    throw new TransientError('rss', METHOD, `the feed ends before its closing element (${xmlError})`);
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (error) {
    throw new MalformedPayloadError(
      'rss',
      METHOD,
      '',
      `feed XML does not parse (${xmlError ?? String(error)})`,
    );
  }
  if (typeof document === 'object' && document !== null && 'rss' in document)
    return parseRss(document, feedUrl);
  if (typeof document === 'object' && document !== null && 'feed' in document)
    return parseAtom(document, feedUrl);
  throw new MalformedPayloadError(
    'rss',
    METHOD,
    '',
    `neither an RSS 2.0 <rss> nor an Atom <feed> document${xmlError ? ` (XML error at ${xmlError})` : ''}`,
  );
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
      const body = entry.content ?? entry.summary;
      const html = body ? atomHtml(body) : '';
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
