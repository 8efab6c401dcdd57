import type { SortState } from '../series/table-sort';

interface SortableHeaderProps<C extends string> {
  column: C;
  label: string;
  sort: SortState<C>;
  numeric: boolean;
  onSort: (column: C) => void;
}

/** A column header whose button sorts the table; `aria-sort` sits on the sorted column only. */
export function SortableHeader<C extends string>({
  column,
  label,
  sort,
  numeric,
  onSort,
}: SortableHeaderProps<C>) {
  const active = sort.column === column;
  const arrow = !active ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : undefined}
      className={numeric ? 'numeric' : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}
