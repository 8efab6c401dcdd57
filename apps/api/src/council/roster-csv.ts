import type { PlatformName } from '@wardreach/contracts';
import { ImportFileError, csvIssue, isWardCode, parseCsvRecords } from '@wardreach/metrics';
import type { ImportIssue } from '@wardreach/metrics';
import { handleKey, normaliseHandle } from './account-handle';

const PLATFORM_COLUMNS: readonly PlatformName[] = ['bluesky', 'mastodon', 'rss', 'x', 'facebook', 'youtube'];
const REQUIRED = ['name', 'party', 'ward_code'] as const;
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, ...PLATFORM_COLUMNS, 'cohort', 'ward_name']);
/** Names councils give platform columns, and the column each belongs in. */
const ALIASES: Readonly<Record<string, string>> = {
  twitter: 'x',
  blog: 'rss',
  atom: 'rss',
  feed: 'rss',
  bsky: 'bluesky',
  fb: 'facebook',
};

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
 * Any other column is refused (its accounts would be lost), as is an account on two lines.
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
  // A column nobody reads would drop its accounts without a word (`twitter`, `blusky`).
  const unknown = names.filter((column) => !KNOWN.has(column));
  if (unknown.length > 0) {
    throw new ImportFileError(
      unknown.map((column) =>
        csvIssue(
          header.line,
          column,
          ALIASES[column] !== undefined
            ? `is not a column: these accounts go in "${ALIASES[column]}"`
            : `is not a column; the columns are ${[...KNOWN].join(', ')}`,
        ),
      ),
    );
  }
  const issues: ImportIssue[] = [];
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  /** Each account's first line, by platform and `handleKey`: one account belongs to one councillor. */
  const accountLines = new Map<string, number>();
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
      if (!result.ok) {
        issues.push(csvIssue(record.line, platform, result.message));
        continue;
      }
      const account = `${platform} ${handleKey(platform, result.handle)}`;
      const first = accountLines.get(account);
      if (first !== undefined) {
        issues.push(csvIssue(record.line, platform, `${result.handle} is already on line ${first}`));
        continue;
      }
      accountLines.set(account, record.line);
      accounts.push({ platform, handle: result.handle });
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
