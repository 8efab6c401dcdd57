import { Link } from 'react-router';
import type { SortState } from '../series/table-sort';
import type { WardColumn, WardRow } from '../series/ward-rows';
import { WARD_COLUMN_LABEL, WARD_COLUMNS, wardAlignsRight } from '../series/ward-rows';
import { SortableTable } from './sortable-table';

interface WardTableProps {
  rows: WardRow[];
  sort: SortState<WardColumn>;
  onSort: (column: WardColumn) => void;
}

/** Every ward with its councillors and reach; the ward is a row header linking to its detail. */
export function WardTable({ rows, sort, onSort }: WardTableProps) {
  return (
    <SortableTable
      label="Wards table"
      noun="Wards"
      className="data-table councillor-table"
      columns={WARD_COLUMNS}
      columnLabel={WARD_COLUMN_LABEL}
      alignsRight={wardAlignsRight}
      sort={sort}
      onSort={onSort}
      rows={rows}
      rowKey={(row) => row.code}
      rowHeader={(row) => <Link to={`/wards/${encodeURIComponent(row.code)}`}>{row.display.name}</Link>}
      customCell={(row, column) =>
        column === 'councillors' ? (
          <td key={column}>
            <CouncillorLinks councillors={row.councillors} />
          </td>
        ) : undefined
      }
    />
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
