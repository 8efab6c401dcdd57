import type { CouncillorColumn, CouncillorRow } from './councillor-rows';
import { COLUMN_KIND, COUNCILLOR_COLUMNS } from './councillor-rows';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: CouncillorColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { column: 'name', direction: 'ascending' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Reads `?sort=followers&dir=desc`; anything unknown falls back to the default, never throws. */
export function readSort(params: URLSearchParams): SortState {
  const column = params.get('sort');
  if (column === null || !(COUNCILLOR_COLUMNS as readonly string[]).includes(column)) return DEFAULT_SORT;
  const dir = params.get('dir');
  return { column: column as CouncillorColumn, direction: dir === 'desc' ? 'descending' : 'ascending' };
}

/** Writes the sort into a copy of the query string, keeping the filters. */
export function writeSort(params: URLSearchParams, sort: SortState): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('sort', sort.column);
  next.set('dir', sort.direction === 'descending' ? 'desc' : 'asc');
  return next;
}

/**
 * The sort after a click on `column`: the same column flips direction; a new column starts
 * A→Z for text and largest-first for figures.
 */
export function nextSort(current: SortState, column: CouncillorColumn): SortState {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: COLUMN_KIND[column] === 'text' ? 'ascending' : 'descending' };
}

/** A sorted copy. Missing values (null) go last whichever the direction; ties keep name order. */
export function sortRows(rows: readonly CouncillorRow[], sort: SortState): CouncillorRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const av = a.sortValue[sort.column];
    const bv = b.sortValue[sort.column];
    if (av === null || bv === null) {
      if (av === bv) return byName(a, b);
      return av === null ? 1 : -1;
    }
    const order =
      typeof av === 'number' && typeof bv === 'number' ? av - bv : collator.compare(String(av), String(bv));
    return order === 0 ? byName(a, b) : sign * order;
  });
}

function byName(a: CouncillorRow, b: CouncillorRow): number {
  return collator.compare(a.display.name, b.display.name);
}
