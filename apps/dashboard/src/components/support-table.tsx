import { Link } from 'react-router';
import { SUPPORT_FLAG_LABEL } from '../series/support-flag-label';
import type { SupportColumn, SupportTableRow } from '../series/support-rows';
import { SUPPORT_COLUMN_LABEL, SUPPORT_COLUMNS, supportAlignsRight } from '../series/support-rows';
import type { SortState } from '../series/table-sort';
import { SortableHeader } from './sortable-header';
import { TableScroll } from './table-scroll';

interface SupportTableProps {
  rows: SupportTableRow[];
  sort: SortState<SupportColumn>;
  onSort: (column: SupportColumn) => void;
}

/**
 * Every councillor with their footprint index and support flags. Each flag is written out with
 * the sentence that explains it, so nothing rests on colour or an icon.
 */
export function SupportTable({ rows, sort, onSort }: SupportTableProps) {
  const sortedBy = `${SUPPORT_COLUMN_LABEL[sort.column].toLowerCase()}, ${sort.direction}`;
  return (
    <TableScroll label="Support table">
      <table className="data-table councillor-table support-table">
        <caption>Councillors, sorted by {sortedBy}. Select a column heading to sort by it.</caption>
        <thead>
          <tr>
            {SUPPORT_COLUMNS.map((column) => (
              <SortableHeader
                key={column}
                column={column}
                label={SUPPORT_COLUMN_LABEL[column]}
                sort={sort}
                numeric={supportAlignsRight(column)}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {SUPPORT_COLUMNS.map((column) => {
                if (column === 'name') {
                  return (
                    <th scope="row" key={column}>
                      <Link to={`/councillors/${encodeURIComponent(row.id)}`}>{row.display.name}</Link>
                      <span className="cell-note">{row.platforms}</span>
                    </th>
                  );
                }
                if (column === 'flags') {
                  return (
                    <td key={column} className="support-table__flags">
                      {row.flags.length === 0 ? (
                        'None'
                      ) : (
                        <ul className="flag-list">
                          {row.flags.map((flag) => (
                            <li key={flag.key}>
                              <strong className="tag tag--flag">{SUPPORT_FLAG_LABEL[flag.key]}</strong>{' '}
                              {flag.reason}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                }
                return (
                  <td key={column} className={supportAlignsRight(column) ? 'numeric' : undefined}>
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
