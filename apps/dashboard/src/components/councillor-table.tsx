import { Link } from 'react-router';
import type { CouncillorColumn, CouncillorRow } from '../series/councillor-rows';
import { alignsRight, COLUMN_LABEL, COUNCILLOR_COLUMNS } from '../series/councillor-rows';
import type { SortState } from '../series/table-sort';
import { SortableTable } from './sortable-table';

interface CouncillorTableProps {
  rows: CouncillorRow[];
  sort: SortState;
  onSort: (column: CouncillorColumn) => void;
}

/** Every councillor in one table; the name is a row header linking to their footprint. */
export function CouncillorTable({ rows, sort, onSort }: CouncillorTableProps) {
  return (
    <SortableTable
      label="Councillors table"
      noun="Councillors"
      className="data-table councillor-table"
      columns={COUNCILLOR_COLUMNS}
      columnLabel={COLUMN_LABEL}
      alignsRight={alignsRight}
      sort={sort}
      onSort={onSort}
      rows={rows}
      rowKey={(row) => row.id}
      rowHeader={(row) => <Link to={`/councillors/${encodeURIComponent(row.id)}`}>{row.display.name}</Link>}
    />
  );
}
