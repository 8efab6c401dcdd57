import { readCsvTable } from './csv-table';
import type { ImportIssue } from './import-file-error';
import { byLine, csvIssue, ImportFileError } from './import-file-error';
import { isWardCode, WARD_CODE_HINT } from './ons-codes';

/** The most adults a ward's row may give: far above any real ward, and within a 32-bit integer. */
export const MAX_ADULTS = 10_000_000;

/** A ward's adult population, the denominator of ward penetration. */
export interface WardPopulation {
  wardCode: string;
  adults: number;
  line: number;
}

const COLUMNS = ['ward_code', 'adults'] as const;

/**
 * Parses `ward_code,adults` (any column order, extra columns such as `ward_name` ignored).
 * `adults` is a non-negative whole number written with digits only. A ward listed twice, a bad
 * code or count, or a file without rows throws one ImportFileError with every issue.
 */
export function parsePopulationCsv(text: string): WardPopulation[] {
  const { rows, issues } = readCsvTable(text, COLUMNS);
  const problems: ImportIssue[] = [...issues];
  const result: WardPopulation[] = [];
  const firstLine = new Map<string, number>();

  for (const { line, values } of rows) {
    const wardCode = values.ward_code.toUpperCase();
    let valid = true;
    if (!isWardCode(wardCode)) {
      problems.push(csvIssue(line, 'ward_code', `"${values.ward_code}" is not ${WARD_CODE_HINT}`));
      valid = false;
    } else {
      const earlier = firstLine.get(wardCode);
      if (earlier !== undefined) {
        problems.push(csvIssue(line, 'ward_code', `${wardCode} is already listed on line ${earlier}`));
        valid = false;
      } else firstLine.set(wardCode, line);
    }
    const adults = Number(values.adults);
    if (!/^\d+$/.test(values.adults) || !Number.isSafeInteger(adults)) {
      problems.push(csvIssue(line, 'adults', `"${values.adults}" is not a non-negative whole number`));
      valid = false;
    } else if (adults > MAX_ADULTS) {
      // No ward holds more than a few tens of thousands: a number this size is a mistake (and more
      // than the database's integer holds).
      problems.push(
        csvIssue(line, 'adults', `${values.adults} is more than ${MAX_ADULTS.toLocaleString('en-GB')}`),
      );
      valid = false;
    }
    if (valid) result.push({ wardCode, adults, line });
  }

  if (problems.length === 0 && rows.length === 0) {
    problems.push(csvIssue(1, 'header', 'the file has a header but no rows'));
  }
  if (problems.length > 0) throw new ImportFileError(byLine(problems));
  return result;
}
