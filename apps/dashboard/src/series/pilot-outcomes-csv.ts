import type { PilotOutcomeRow } from './pilot-outcome-rows';

const CSV_HEADER = [
  'figure',
  'label',
  'unit',
  'cohort_councillors',
  'cohort_baseline',
  'cohort_now',
  'cohort_change',
  'comparison_councillors',
  'comparison_baseline',
  'comparison_now',
  'comparison_change',
  'difference_in_differences',
];

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula;
 * numbers are written as they are (a negative change must stay a number). Null is empty.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The pilot table as CSV, one line per figure, from the same rows the page shows: raw numbers
 * (shares as fractions of 1, see `unit`), so they can be re-analysed. Lines end with CRLF.
 */
export function pilotOutcomesCsv(rows: readonly PilotOutcomeRow[]): string {
  const lines = rows.map((r) =>
    [
      r.figure,
      r.label,
      r.unit,
      r.cohort.councillors,
      r.cohort.baseline,
      r.cohort.now,
      r.cohort.change,
      r.comparison.councillors,
      r.comparison.baseline,
      r.comparison.now,
      r.comparison.change,
      r.differenceInDifferences,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}

/** A link target that downloads `csv` without a server round trip; the BOM tells spreadsheets it is UTF-8. */
export function csvDataHref(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}

/** "Spring pilot" → "pilot-outcomes-spring-pilot-median.csv". */
export function pilotCsvFileName(cohortName: string, aggregate: string): string {
  const slug = cohortName
    .toLocaleLowerCase('en-GB')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `pilot-outcomes-${slug || 'cohort'}-${aggregate}.csv`;
}
