import type { PlatformName } from '@wardreach/contracts';
import { ImportFileError, csvIssue, isWardCode, parseCsvRecords } from '@wardreach/metrics';
import type { ImportIssue } from '@wardreach/metrics';
import { normaliseHandle } from './account-handle';

const PLATFORM_COLUMNS: readonly PlatformName[] = ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'];
const REQUIRED = ['name', 'party', 'ward_code'] as const;

export interface RosterRow {
  line: number;
  name: string;
  party: string | null;
  wardCode: string;
  accounts: Array<{ platform: PlatformName; handle: string }>;
  cohort: string | null;
}

/**
 * Parses a roster CSV: `name,party,ward_code` and any of the platform columns
 * (`bluesky,mastodon,rss,x,facebook,youtube`), with an optional `cohort` (and `ward_name`, ignored).
 * Reads the whole file and throws one `ImportFileError` listing every problem, so an import either
 * applies completely or changes nothing.
 */
export function parseRosterCsv(text: string): RosterRow[] {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (!header)
    throw new ImportFileError([csvIssue(1, 'header', `the file is empty; expected ${REQUIRED.join(',')}`)]);
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      missing.map((column) =>
        csvIssue(header.line, column, `missing column; expected ${REQUIRED.join(',')}`),
      ),
    );
  }
  const issues: ImportIssue[] = [];
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.fields.length !== names.length) {
      issues.push(
        csvIssue(record.line, 'row', `expected ${names.length} fields, found ${record.fields.length}`),
      );
      continue;
    }
    const get = (column: string) => {
      const at = names.indexOf(column);
      return at < 0 ? '' : record.fields[at].trim();
    };
    const name = get('name');
    const wardCode = get('ward_code').toUpperCase();
    if (name === '') issues.push(csvIssue(record.line, 'name', 'is empty'));
    if (!isWardCode(wardCode))
      issues.push(csvIssue(record.line, 'ward_code', `"${get('ward_code')}" is not an ONS ward code (E05…)`));
    const key = `${wardCode}|${name.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      issues.push(csvIssue(record.line, 'name', `repeats line ${earlier} (same name in the same ward)`));
    seen.set(key, record.line);
    const accounts: RosterRow['accounts'] = [];
    for (const platform of PLATFORM_COLUMNS) {
      const raw = get(platform);
      if (raw === '') continue;
      const result = normaliseHandle(platform, raw);
      if (result.ok) accounts.push({ platform, handle: result.handle });
      else issues.push(csvIssue(record.line, platform, result.message));
    }
    rows.push({
      line: record.line,
      name,
      party: get('party') || null,
      wardCode,
      accounts,
      cohort: get('cohort') || null,
    });
  }
  if (issues.length > 0) throw new ImportFileError(issues);
  return rows;
}
