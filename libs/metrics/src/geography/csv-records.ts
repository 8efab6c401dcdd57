import { csvIssue, ImportFileError } from './import-file-error';

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records (RFC 4180): comma-separated, fields optionally in double quotes
 * with `""` for a quote, quoted fields may hold commas and line breaks. Accepts LF or CRLF and a
 * leading byte-order mark; drops records that are entirely blank (a trailing newline, an empty
 * line between rows). Throws ImportFileError for a quote left open, text after a closing quote, or a
 * NUL character.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let i = 0;

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldWasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };

  while (i < source.length) {
    const ch = source[i];
    if (ch === '\u0000') {
      // No text column can hold it (PostgreSQL refuses it), and no name or handle has one.
      throw new ImportFileError([
        csvIssue(line, `column ${fields.length + 1}`, 'holds a NUL character (is the file text?)'),
      ]);
    }
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new ImportFileError([
            csvIssue(line, `column ${fields.length + 1}`, 'text after a closing quote'),
          ]);
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldWasQuoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (ch === '\r' && source[i + 1] === '\n') {
      // CRLF: the LF on the next step ends the record.
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) {
    throw new ImportFileError([
      csvIssue(recordLine, `column ${fields.length + 1}`, 'a quoted field is never closed'),
    ]);
  }
  endRecord();
  return records;
}
