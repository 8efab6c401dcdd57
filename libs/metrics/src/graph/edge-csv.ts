import type { EdgeList } from './edge-list';
import { EdgeListBuilder } from './edge-list';

/** A malformed edge-list CSV; `line` is 1-based, as an editor shows it. */
export class EdgeCsvError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'EdgeCsvError';
  }
}

const HEADER = 'source,target';

/**
 * Parses an edge-list CSV: a `source,target` header, then one edge per line. Lines may end with
 * LF or CRLF; blank lines are skipped; a field may be quoted (`"Smith, Jane"`, `""` for a quote)
 * to hold commas. Ids are taken exactly as written, spaces included, and must not be empty. A
 * quoted field may not span lines, so every error can name its line.
 *
 * @throws EdgeCsvError naming the first bad line.
 */
export function parseEdgeCsv(text: string): EdgeList {
  const builder = new EdgeListBuilder();
  const length = text.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = 0;
  let sawHeader = false;
  while (start < length || (!sawHeader && lineNumber === 0)) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    lineNumber += 1;
    const line = text.slice(start, end);
    start = next;
    if (!sawHeader) {
      if (line.trim().toLowerCase() !== HEADER) {
        throw new EdgeCsvError(lineNumber, `expected the header "${HEADER}", found "${line}"`);
      }
      sawHeader = true;
      continue;
    }
    if (line.trim() === '') continue;
    const [source, target] = splitEdgeLine(line, lineNumber);
    builder.add(source, target);
  }
  return builder.build();
}

function splitEdgeLine(line: string, lineNumber: number): [string, string] {
  // Fast path: most lines have no quotes and exactly one comma.
  if (!line.includes('"')) {
    const comma = line.indexOf(',');
    if (comma === -1 || line.indexOf(',', comma + 1) !== -1) {
      throw new EdgeCsvError(
        lineNumber,
        `expected 2 fields "source,target", found ${comma === -1 ? 1 : line.split(',').length}`,
      );
    }
    return [
      requireId(line.slice(0, comma), 'source', lineNumber),
      requireId(line.slice(comma + 1), 'target', lineNumber),
    ];
  }
  const fields = splitQuotedLine(line, lineNumber);
  if (fields.length !== 2) {
    throw new EdgeCsvError(lineNumber, `expected 2 fields "source,target", found ${fields.length}`);
  }
  return [requireId(fields[0], 'source', lineNumber), requireId(fields[1], 'target', lineNumber)];
}

/** RFC 4180 fields of one line: quotes only around a whole field, `""` inside for a quote. */
function splitQuotedLine(line: string, lineNumber: number): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) throw new EdgeCsvError(lineNumber, 'unterminated quoted field');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') throw new EdgeCsvError(lineNumber, `unexpected "${line[i]}" after a quoted field`);
      i += 1;
    } else {
      const comma = line.indexOf(',', i);
      const value = line.slice(i, comma === -1 ? line.length : comma);
      if (value.includes('"'))
        throw new EdgeCsvError(lineNumber, 'a quote inside an unquoted field (quote the whole field)');
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

function requireId(value: string, field: 'source' | 'target', lineNumber: number): string {
  if (value.trim() === '') throw new EdgeCsvError(lineNumber, `empty ${field} id`);
  return value;
}
