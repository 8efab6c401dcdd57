import { numericReference } from '../text/html-text';

/** An Atom text construct (`content`, `summary`) as the feed parser keeps it: its markup raw, and its `type`. */
export interface AtomText {
  raw: string;
  type: string;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data: CDATA sections as they are, entities outside them decoded once. */
function characterData(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice('<![CDATA['.length, -']]>'.length)
        : part.replace(/&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot|apos);/gi, (entity: string, name: string) => {
            if (/^#x/i.test(name)) return numericReference(entity, parseInt(name.slice(2), 16));
            if (name.startsWith('#')) return numericReference(entity, Number(name.slice(1)));
            return XML_ENTITIES[name.toLowerCase()] ?? entity;
          }),
    )
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML of an Atom text construct, for htmlToText and htmlLinks. The parser keeps `content` and
 * `summary` raw so that inline XHTML (`type="xhtml"`) stays whole: that is HTML already. `type="html"`
 * is HTML escaped as XML text (entities, or a CDATA section): it is unescaped once. `type="text"`, the
 * default, is plain text: unescaped, then escaped as HTML, so that nothing in it reads as a tag.
 */
export function atomHtml({ raw, type }: AtomText): string {
  const kind = type.toLowerCase();
  if (kind === 'xhtml' || kind === 'application/xhtml+xml') return raw;
  const data = characterData(raw);
  return kind === 'html' || kind === 'text/html' ? data : escapeHtml(data);
}
