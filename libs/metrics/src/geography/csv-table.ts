import { parseCsvRecords } from './csv-records';
import type { ImportIssue } from './import-file-error';
import { csvIssue, ImportFileError } from './import-file-error';

/** A data row keyed by the required column names, values trimmed. */
export interface CsvRow<C extends string> {
  line: number;
  values: Record<C, string>;
}

/**
 * Reads a CSV file whose first record is a header naming at least `columns` (any order, any case,
 * extra columns ignored). Rows with a different number of fields than the header become issues;
 * the caller validates values and throws once with everything it found.
 */
export function readCsvTable<C extends string>(
  text: string,
  columns: readonly C[],
): { rows: CsvRow<C>[]; issues: ImportIssue[] } {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (header === undefined) {
    throw new ImportFileError([
      csvIssue(1, 'header', `the file is empty; expected columns ${columns.join(',')}`),
    ]);
  }
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const positions = new Map<C, number>();
  const missing: ImportIssue[] = [];
  for (const column of columns) {
    const at = names.indexOf(column);
    if (at < 0) missing.push(csvIssue(header.line, column, `missing column; expected ${columns.join(',')}`));
    else positions.set(column, at);
  }
  if (missing.length > 0) throw new ImportFileError(missing);

  const rows: CsvRow<C>[] = [];
  const issues: ImportIssue[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      issues.push(
        csvIssue(record.line, 'row', `expected ${names.length} fields, found ${record.fields.length}`),
      );
      continue;
    }
    const values = {} as Record<C, string>;
    for (const [column, at] of positions) values[column] = record.fields[at].trim();
    rows.push({ line: record.line, values });
  }
  return { rows, issues };
}
