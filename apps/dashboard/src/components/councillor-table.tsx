import { Link } from 'react-router';
import type { CouncillorColumn, CouncillorRow } from '../series/councillor-rows';
import { alignsRight, COLUMN_LABEL, COUNCILLOR_COLUMNS } from '../series/councillor-rows';
import type { SortState } from '../series/table-sort';
import { SortableHeader } from './sortable-header';
import { TableScroll } from './table-scroll';

interface CouncillorTableProps {
  rows: CouncillorRow[];
  sort: SortState;
  onSort: (column: CouncillorColumn) => void;
}

/** Every councillor in one table; the name is a row header linking to their footprint. */
export function CouncillorTable({ rows, sort, onSort }: CouncillorTableProps) {
  const sortedBy = `${COLUMN_LABEL[sort.column].toLowerCase()}, ${sort.direction}`;
  return (
    <TableScroll label="Councillors table">
      <table className="data-table councillor-table">
        <caption>Councillors, sorted by {sortedBy}. Select a column heading to sort by it.</caption>
        <thead>
          <tr>
            {COUNCILLOR_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                column={column}
                label={COLUMN_LABEL[column]}
                sort={sort}
                numeric={alignsRight(column)}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {COUNCILLOR_COLUMNS.map((column) =>
                column === 'name' ? (
                  <th scope="row" key={column}>
                    <Link to={`/councillors/${encodeURIComponent(row.id)}`}>{row.display.name}</Link>
                  </th>
                ) : (
                  <td key={column} className={alignsRight(column) ? 'numeric' : undefined}>
                    {row.display[column]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
