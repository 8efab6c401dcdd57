import { htmlLinks, htmlToText } from './html-text';

describe('htmlToText', () => {
  it('keeps paragraphs and breaks, drops tags and decodes entities', () => {
    expect(
      htmlToText('<p>Bins &amp; recycling<br/>from Monday</p><p>Ask me &#8211; or &#x2014; not</p>'),
    ).toBe('Bins & recycling\nfrom Monday\n\nAsk me – or — not');
  });
});

describe('htmlLinks', () => {
  it('returns external links but not mentions or hashtags', () => {
    const html =
      '<p><span class="h-card"><a href="https://example.social/@ann" class="u-url mention">@ann</a></span> see <a href="https://www.kirklees.gov.uk/bins?a=1&amp;b=2" rel="nofollow">kirklees.gov.uk</a> <a href="https://example.social/tags/hd9" class="mention hashtag">#hd9</a></p>';
    expect(htmlLinks(html)).toEqual(['https://www.kirklees.gov.uk/bins?a=1&b=2']);
  });
});
