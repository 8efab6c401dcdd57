import { parseFeed } from './feed-parser';
import { atomHtml } from './atom-text';

describe('atomHtml', () => {
  it('decodes numeric character references once', () => {
    expect(atomHtml({ raw: 'caf&#xE9; &#8212; &#x1F44D;', type: 'text' })).toBe('café — 👍');
    expect(atomHtml({ raw: '&lt;b&gt;A &amp;amp; B&lt;/b&gt;', type: 'html' })).toBe('<b>A &amp; B</b>');
  });

  it('leaves a reference that names no character as written, instead of throwing', () => {
    expect(atomHtml({ raw: 'a&#x110000;b', type: 'html' })).toBe('a&#x110000;b');
    expect(atomHtml({ raw: 'a&#1114112;b', type: 'html' })).toBe('a&#1114112;b');
    expect(atomHtml({ raw: 'a&#99999999999999999999;b', type: 'html' })).toBe('a&#99999999999999999999;b');
    expect(atomHtml({ raw: 'a&#xD800;b&#57343;c', type: 'html' })).toBe('a&#xD800;b&#57343;c');
    expect(atomHtml({ raw: 'a&#x110000;b', type: 'text' })).toBe('a&amp;#x110000;b');
    expect(atomHtml({ raw: '&#x10FFFF;', type: 'html' })).toBe('\u{10FFFF}');
  });
});

describe('parseFeed with a reference that names no character', () => {
  const atom = (type: string, body: string) =>
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ward news</title>
  <entry>
    <id>tag:ward.example,2026:1</id>
    <title>Bins</title>
    <link href="https://ward.example/bins"/>
    <updated>2026-03-01T10:00:00Z</updated>
    <content type="${type}">${body}</content>
  </entry>
</feed>`;

  it('reads the entry, keeping the reference as written, in html, xhtml and RSS bodies alike', () => {
    const html = parseFeed(atom('html', 'a &amp;#x110000; b'), 'https://ward.example/atom.xml');
    expect(html.entries[0].text).toBe('a &#x110000; b');
    const xhtml = parseFeed(
      atom('xhtml', '<div xmlns="http://www.w3.org/1999/xhtml">a &#x110000; b</div>'),
      'https://ward.example/atom.xml',
    );
    expect(xhtml.entries[0].text).toBe('a &#x110000; b');
    const rss = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Ward news</title><link>https://ward.example/</link>
        <item><title>Bins</title><link>https://ward.example/bins</link><guid>1</guid>
          <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate><description>a &amp;#x110000; b</description></item>
      </channel></rss>`,
      'https://ward.example/rss.xml',
    );
    expect(rss.entries[0].text).toBe('a &#x110000; b');
  });
});
