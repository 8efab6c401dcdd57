import { Link } from 'react-router';
import type { SortState } from '../series/table-sort';
import type { WardColumn, WardRow } from '../series/ward-rows';
import { WARD_COLUMN_LABEL, WARD_COLUMNS, wardAlignsRight } from '../series/ward-rows';
import { SortableHeader } from './sortable-header';
import { TableScroll } from './table-scroll';

interface WardTableProps {
  rows: WardRow[];
  sort: SortState<WardColumn>;
  onSort: (column: WardColumn) => void;
}

/** Every ward with its councillors and reach; the ward is a row header linking to its detail. */
export function WardTable({ rows, sort, onSort }: WardTableProps) {
  const sortedBy = `${WARD_COLUMN_LABEL[sort.column].toLowerCase()}, ${sort.direction}`;
  return (
    <TableScroll label="Wards table">
      <table className="data-table councillor-table">
        <caption>Wards, sorted by {sortedBy}. Select a column heading to sort by it.</caption>
        <thead>
          <tr>
            {WARD_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                column={column}
                label={WARD_COLUMN_LABEL[column]}
                sort={sort}
                numeric={wardAlignsRight(column)}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              {WARD_COLUMNS.map((column) => {
                if (column === 'name') {
                  return (
                    <th scope="row" key={column}>
                      <Link to={`/wards/${encodeURIComponent(row.code)}`}>{row.display.name}</Link>
                    </th>
                  );
                }
                if (column === 'councillors') {
                  return (
                    <td key={column}>
                      <CouncillorLinks councillors={row.councillors} />
                    </td>
                  );
                }
                return (
                  <td key={column} className={wardAlignsRight(column) ? 'numeric' : undefined}>
                    {row.display[column]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Councillors as a list of links to their footprints; "None" when the ward has none recorded. */
export function CouncillorLinks({ councillors }: { councillors: { id: string; name: string }[] }) {
  if (councillors.length === 0) return <>None</>;
  return (
    <ul className="plain-list">
      {councillors.map((c) => (
        <li key={c.id}>
          <Link to={`/councillors/${encodeURIComponent(c.id)}`}>{c.name}</Link>
        </li>
      ))}
    </ul>
  );
}
