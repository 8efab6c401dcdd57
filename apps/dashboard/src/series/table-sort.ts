import type { CouncillorColumn } from './councillor-rows';
import { COLUMN_KIND, COUNCILLOR_COLUMNS } from './councillor-rows';

export type SortDirection = 'ascending' | 'descending';

/** Which column a table is sorted by; `C` is that table's column names (the council table's by default). */
export interface SortState<C extends string = CouncillorColumn> {
  column: C;
  direction: SortDirection;
}

/** Whether a column holds text (sorted A→Z first) or figures (sorted largest first). */
export type ColumnKind = 'text' | 'number';

/** What every sortable table row offers: a name to break ties, and one sort value per column. */
export interface SortableRow<C extends string> {
  display: { name: string };
  /** What each column sorts by; null sorts last in either direction. */
  sortValue: Record<C, string | number | null>;
}

export const DEFAULT_SORT: SortState = { column: 'name', direction: 'ascending' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Reads `?sort=followers&dir=desc` for a table with `columns`; anything unknown falls back to
 * `fallback`, never throws.
 */
export function readSortOf<C extends string>(
  params: URLSearchParams,
  columns: readonly C[],
  fallback: SortState<C>,
): SortState<C> {
  const column = params.get('sort');
  if (column === null || !(columns as readonly string[]).includes(column)) return fallback;
  const dir = params.get('dir');
  return { column: column as C, direction: dir === 'desc' ? 'descending' : 'ascending' };
}

/** The council table's sort, read from the query string. */
export function readSort(params: URLSearchParams): SortState {
  return readSortOf(params, COUNCILLOR_COLUMNS, DEFAULT_SORT);
}

/** Writes the sort into a copy of the query string, keeping the filters. */
export function writeSort<C extends string>(params: URLSearchParams, sort: SortState<C>): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('sort', sort.column);
  next.set('dir', sort.direction === 'descending' ? 'desc' : 'asc');
  return next;
}

/**
 * The sort after a click on `column`: the same column flips direction; a new column starts
 * A→Z for text and largest-first for figures.
 */
export function nextSortOf<C extends string>(
  current: SortState<C>,
  column: C,
  kinds: Record<C, ColumnKind>,
): SortState<C> {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: kinds[column] === 'text' ? 'ascending' : 'descending' };
}

/** The council table's next sort after a click on `column`. */
export function nextSort(current: SortState, column: CouncillorColumn): SortState {
  return nextSortOf(current, column, COLUMN_KIND);
}

/** A sorted copy. Missing values (null) go last whichever the direction; ties keep name order. */
export function sortRows<C extends string, R extends SortableRow<C>>(
  rows: readonly R[],
  sort: SortState<C>,
): R[] {
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

function byName(a: { display: { name: string } }, b: { display: { name: string } }): number {
  return collator.compare(a.display.name, b.display.name);
}
