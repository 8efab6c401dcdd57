import { Link, useLocation } from 'react-router';
import type { BackLink } from '../navigation/back-link';
import { SUPPORT_FLAG_LABEL } from '../series/support-flag-label';
import type { SupportColumn, SupportTableRow } from '../series/support-rows';
import { SUPPORT_COLUMN_LABEL, SUPPORT_COLUMNS, supportAlignsRight } from '../series/support-rows';
import type { SortState } from '../series/table-sort';
import { SortableTable } from './sortable-table';

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
  // The footprint links back here with the filters and sort as they stand.
  const location = useLocation();
  const back: BackLink = { to: `${location.pathname}${location.search}`, label: 'Member support' };
  return (
    <SortableTable
      label="Support table"
      noun="Councillors"
      className="data-table councillor-table support-table"
      columns={SUPPORT_COLUMNS}
      columnLabel={SUPPORT_COLUMN_LABEL}
      alignsRight={supportAlignsRight}
      sort={sort}
      onSort={onSort}
      rows={rows}
      rowKey={(row) => row.id}
      rowHeader={(row) => (
        <>
          <Link to={`/councillors/${encodeURIComponent(row.id)}`} state={{ back }}>
            {row.display.name}
          </Link>
          <span className="cell-note">{row.platforms}</span>
        </>
      )}
      customCell={(row, column) =>
        column === 'flags' ? (
          <td key={column} className="support-table__flags">
            {row.flags.length === 0 ? (
              'None'
            ) : (
              <ul className="flag-list">
                {row.flags.map((flag) => (
                  <li key={flag.key}>
                    <strong className="tag tag--flag">{SUPPORT_FLAG_LABEL[flag.key]}</strong> {flag.reason}
                  </li>
                ))}
              </ul>
            )}
          </td>
        ) : undefined
      }
    />
  );
}
