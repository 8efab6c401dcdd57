import type { ReactNode } from 'react';
import type { SortState } from '../series/table-sort';
import { SortableHeader } from './sortable-header';
import { TableScroll } from './table-scroll';

interface SortableTableProps<C extends string, R extends { display: Record<C, string> }> {
  /** Names the scrollable region for screen readers, e.g. "Wards table". */
  label: string;
  /** What the rows are, for the caption: "Wards, sorted by …". */
  noun: string;
  className: string;
  columns: readonly C[];
  columnLabel: Record<C, string>;
  alignsRight: (column: C) => boolean;
  sort: SortState<C>;
  onSort: (column: C) => void;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The content of each row's header cell (the `name` column), such as a link. */
  rowHeader: (row: R) => ReactNode;
  /** A column that needs more than its display text (links, lists): the whole cell; otherwise undefined. */
  customCell?: (row: R, column: C) => ReactNode | undefined;
}

/**
 * A sortable data table: a caption saying how it is sorted, a button in each column heading
 * (`aria-sort` on the sorted one), the `name` column as the row header, numbers aligned right.
 */
export function SortableTable<C extends string, R extends { display: Record<C, string> }>(
  props: SortableTableProps<C, R>,
) {
  const { columns, columnLabel, alignsRight, sort, rows } = props;
  const sortedBy = `${columnLabel[sort.column].toLowerCase()}, ${sort.direction}`;
  return (
    <TableScroll label={props.label}>
      <table className={props.className}>
        <caption>
          {props.noun}, sorted by {sortedBy}. Select a column heading to sort by it.
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortableHeader
                key={column}
                column={column}
                label={columnLabel[column]}
                sort={sort}
                numeric={alignsRight(column)}
                onSort={props.onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((column) => {
                if (column === 'name') {
                  return (
                    <th scope="row" key={column}>
                      {props.rowHeader(row)}
                    </th>
                  );
                }
                return (
                  props.customCell?.(row, column) ?? (
                    <td key={column} className={alignsRight(column) ? 'numeric' : undefined}>
                      {row.display[column]}
                    </td>
                  )
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
