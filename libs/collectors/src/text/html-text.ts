const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
};

/**
 * The character a numeric reference names, or the reference as written when it names none (above
 * U+10FFFF, or a surrogate): `String.fromCodePoint` would throw, and a payload that throws every time
 * is retried for ever.
 */
export function numericReference(reference: string, codePoint: number): string {
  const isCharacter = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return isCharacter ? String.fromCodePoint(codePoint) : reference;
}

/** Plain text of a small HTML fragment (a Mastodon status, a feed summary): tags dropped, paragraphs and breaks kept as new lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return numericReference(entity, parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return numericReference(entity, Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}

/**
 * External links in an HTML fragment: every `<a href>` except mentions and hashtags, which
 * Mastodon marks with `class="mention"` / `class="mention hashtag"`.
 */
export function htmlLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\s([^>]*)>/gi)) {
    const attributes = match[1];
    if (/class="[^"]*\b(mention|hashtag)\b/i.test(attributes)) continue;
    const href = /href="([^"]+)"/i.exec(attributes)?.[1];
    if (href && /^https?:\/\//i.test(href)) links.add(htmlToText(href));
  }
  return [...links];
}
