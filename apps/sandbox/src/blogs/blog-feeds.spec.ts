import { XMLParser } from 'fast-xml-parser';
import { startTestSandbox } from '../testing/test-sandbox';
import type { RunningSandbox } from '../testing/test-sandbox';
import type { Blog } from '../world/world-model';
import { blogFeedPath } from './blog-feeds';

describe('blog feeds', () => {
  let running: RunningSandbox;
  let rss: Blog;
  let atom: Blog;
  const parser = new XMLParser({ ignoreAttributes: false });

  beforeAll(async () => {
    running = await startTestSandbox({ seed: 3 });
    const blogs = [...running.sandbox.world.blogs.values()];
    rss = blogs.find((b) => b.format === 'rss')!;
    atom = blogs.find((b) => b.format === 'atom')!;
  });

  afterAll(() => running.sandbox.close());

  it('serves RSS 2.0 with items newest first and a self link on the sandbox', async () => {
    const response = await running.get(blogFeedPath(rss));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const doc = parser.parse(await response.text()) as {
      rss: {
        '@_version': string;
        channel: {
          item: Array<{ title: string; guid: { '#text': string }; pubDate: string }>;
          'atom:link': { '@_href': string };
        };
      };
    };
    expect(doc.rss['@_version']).toBe('2.0');
    expect(doc.rss.channel['atom:link']['@_href']).toBe(`${running.url}${blogFeedPath(rss)}`);
    const items = [doc.rss.channel.item].flat();
    expect(items).toHaveLength(rss.items.length);
    const dates = items.map((i) => Date.parse(i.pubDate));
    for (let i = 1; i < dates.length; i++) expect(dates[i]).toBeLessThan(dates[i - 1]);
  });

  it('serves Atom with entries and an updated date', async () => {
    const response = await running.get(blogFeedPath(atom));
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const doc = parser.parse(await response.text()) as {
      feed: { '@_xmlns': string; updated: string; entry: unknown };
    };
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect([doc.feed.entry].flat()).toHaveLength(atom.items.length);
    expect(Date.parse(doc.feed.updated)).toBe(atom.items[atom.items.length - 1].publishedMs);
  });

  it('answers If-None-Match and If-Modified-Since with 304, and a changed feed with 200', async () => {
    const first = await running.get(blogFeedPath(rss));
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const byEtag = await running.get(blogFeedPath(rss), { 'if-none-match': etag });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe('');
    expect((await running.get(blogFeedPath(rss), { 'if-modified-since': lastModified })).status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await running.get(blogFeedPath(rss), { 'if-modified-since': older })).status).toBe(200);
    expect((await running.get(blogFeedPath(rss), { 'if-none-match': '"stale"' })).status).toBe(200);
    const stats = await running.getJson<{ notModified: number }>('/_sandbox/stats');
    expect(stats.notModified).toBe(2);
  });

  it('answers an unknown blog, or the wrong format’s path, with 404', async () => {
    expect((await running.get('/blogs/nobody/feed.xml')).status).toBe(404);
    expect((await running.get(`/blogs/${rss.slug}/atom.xml`)).status).toBe(404);
  });
});
