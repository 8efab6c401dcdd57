/** One problem found in an import file, located as precisely as the format allows. */
export interface ImportIssue {
  /** 1-based line of a CSV record (its first line when a quoted field spans lines); null for JSON. */
  line: number | null;
  /** 1-based feature number in a GeoJSON FeatureCollection; null for CSV. */
  feature: number | null;
  /** The column or property at fault, e.g. `value`, `adults`, `properties.WD25CD`, `geometry`. */
  field: string;
  message: string;
}

/** How many issues the error message spells out before summarising the rest. */
const ISSUES_IN_MESSAGE = 5;

function describe(issue: ImportIssue): string {
  const place =
    issue.line !== null ? `line ${issue.line}` : issue.feature !== null ? `feature ${issue.feature}` : 'file';
  return `${place}, field ${issue.field}: ${issue.message}`;
}

/**
 * A ward geography file that cannot be imported. Parsers read the whole file first and throw this
 * with every issue found, so an import either applies completely or changes nothing.
 * `line`, `feature` and `field` repeat the first issue for callers that report just one.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly line: number | null;
  readonly feature: number | null;
  readonly field: string;
  readonly issues: readonly ImportIssue[];

  constructor(issues: readonly ImportIssue[]) {
    if (issues.length === 0) throw new RangeError('ImportFileError needs at least one issue');
    const shown = issues.slice(0, ISSUES_IN_MESSAGE).map(describe);
    const more = issues.length > ISSUES_IN_MESSAGE ? ` (and ${issues.length - ISSUES_IN_MESSAGE} more)` : '';
    super(shown.join('; ') + more);
    const first = issues[0];
    this.line = first.line;
    this.feature = first.feature;
    this.field = first.field;
    this.issues = issues;
  }
}

/** A CSV issue at `line` in column `field`. */
export function csvIssue(line: number, field: string, message: string): ImportIssue {
  return { line, feature: null, field, message };
}

/** Issues in file order (stable, so issues on one line keep their column order). */
export function byLine(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => (a.line ?? a.feature ?? 0) - (b.line ?? b.feature ?? 0));
}
