import type { SupportRow } from '@wardreach/contracts';

export const SUPPORT_CSV_HEADER = [
  'councillor_id',
  'name',
  'party',
  'ward_code',
  'ward_name',
  'footprint_index',
  'active_platforms',
  'paired',
  'posts_30d',
  'reply_share',
  'responsiveness',
  'total_reach',
  'ward_followers',
  'local_share',
  'mentions_waiting',
  'flags',
  'reasons',
  'day',
] as const;

/** RFC 4180 quoting, and a leading ' before =, +, - or @ so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text =
    typeof value === 'number' ? String(Number.isInteger(value) ? value : Number(value.toFixed(4))) : value;
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The support table as CSV: one row per councillor, flags and their reasons joined with " | ". */
export function supportCsv(rows: readonly SupportRow[]): string {
  const lines = [SUPPORT_CSV_HEADER.join(',')];
  for (const row of rows) {
    const f = row.figures;
    lines.push(
      [
        row.councillor.id,
        row.councillor.name,
        row.councillor.party,
        row.councillor.ward.code,
        row.councillor.ward.name,
        row.footprint.index,
        row.activePlatforms.join(' '),
        f.paired,
        f.posts30d,
        f.replyShare,
        f.responsiveness,
        f.totalReach,
        f.localReach,
        f.localShare,
        f.overdueInteractions,
        row.flags.map((flag) => flag.key).join(' '),
        row.flags.map((flag) => flag.reason).join(' | '),
        row.day,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
