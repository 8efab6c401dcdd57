import { readCsvTable } from './csv-table';
import type { GazetteerEntry, GazetteerKind } from './gazetteer-entry';
import { GAZETTEER_KINDS, isGazetteerKind } from './gazetteer-entry';
import type { ImportIssue } from './import-file-error';
import { byLine, csvIssue, ImportFileError } from './import-file-error';
import { isWardCode, WARD_CODE_HINT } from './ons-codes';
import { normaliseDistrict, normalisePostcode, normaliseSector } from './uk-postcode';

const COLUMNS = ['ward_code', 'ward_name', 'kind', 'value'] as const;

/** Long enough for any real place name, short enough to reject a pasted paragraph. */
const MAX_PLACE_NAME_LENGTH = 100;

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** The normalised value, or the reason it is not valid for its kind. */
function normaliseValue(kind: GazetteerKind, raw: string): { value: string } | { problem: string } {
  switch (kind) {
    case 'place': {
      if (!/[\p{L}\p{N}]/u.test(raw)) return { problem: 'a place name needs at least one letter or digit' };
      if (raw.length > MAX_PLACE_NAME_LENGTH) {
        return { problem: `a place name may have at most ${MAX_PLACE_NAME_LENGTH} characters` };
      }
      return { value: collapse(raw) };
    }
    case 'postcode_district': {
      const value = normaliseDistrict(raw);
      return value !== null
        ? { value }
        : { problem: `"${raw}" is not a postcode district in a UK postcode area (e.g. HD9)` };
    }
    case 'postcode_sector': {
      const value = normaliseSector(raw);
      return value !== null
        ? { value }
        : { problem: `"${raw}" is not a postcode sector: district, space, digit (e.g. HD9 7)` };
    }
    case 'postcode': {
      const value = normalisePostcode(raw);
      return value !== null ? { value } : { problem: `"${raw}" is not a full UK postcode (e.g. HD9 7AB)` };
    }
  }
}

/**
 * Parses a gazetteer CSV with columns `ward_code,ward_name,kind,value` (any order, extra columns
 * ignored; CRLF, quoted fields and a byte-order mark accepted). Every row is checked before
 * anything is returned: a bad ward code, kind or value, a ward code given two different names,
 * or a file without rows throws one ImportFileError listing every issue with its line and field.
 * Repeated identical rows are kept once.
 */
export function parseGazetteerCsv(text: string): GazetteerEntry[] {
  const { rows, issues } = readCsvTable(text, COLUMNS);
  const problems: ImportIssue[] = [...issues];
  const entries: GazetteerEntry[] = [];
  const seen = new Set<string>();
  const wardNames = new Map<string, { name: string; line: number }>();

  for (const { line, values } of rows) {
    const wardCode = values.ward_code.toUpperCase();
    const wardName = collapse(values.ward_name);
    const kind = values.kind.toLowerCase();
    let valid = true;
    if (!isWardCode(wardCode)) {
      problems.push(csvIssue(line, 'ward_code', `"${values.ward_code}" is not ${WARD_CODE_HINT}`));
      valid = false;
    }
    if (wardName === '') {
      problems.push(csvIssue(line, 'ward_name', 'the ward name is empty'));
      valid = false;
    } else if (valid) {
      const known = wardNames.get(wardCode);
      if (known === undefined) wardNames.set(wardCode, { name: wardName, line });
      else if (known.name !== wardName) {
        problems.push(
          csvIssue(
            line,
            'ward_name',
            `${wardCode} is named "${known.name}" on line ${known.line}, not "${wardName}"`,
          ),
        );
        valid = false;
      }
    }
    if (!isGazetteerKind(kind)) {
      problems.push(csvIssue(line, 'kind', `"${values.kind}" is not one of ${GAZETTEER_KINDS.join(', ')}`));
      continue;
    }
    if (values.value === '') {
      problems.push(csvIssue(line, 'value', 'the value is empty'));
      continue;
    }
    const normalised = normaliseValue(kind, values.value);
    if ('problem' in normalised) {
      problems.push(csvIssue(line, 'value', normalised.problem));
      continue;
    }
    if (!valid) continue;
    const key = `${wardCode}\u0000${kind}\u0000${normalised.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ wardCode, wardName, kind, value: normalised.value, line });
  }

  if (problems.length === 0 && rows.length === 0) {
    problems.push(csvIssue(1, 'header', 'the file has a header but no rows'));
  }
  if (problems.length > 0) throw new ImportFileError(byLine(problems));
  return entries;
}
