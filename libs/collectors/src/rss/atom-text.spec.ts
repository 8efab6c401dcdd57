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
