import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useWards } from '../api/use-wards';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import { WardTable } from '../components/ward-table';
import type { SortState } from '../series/table-sort';
import { nextSortOf, readSortOf, sortRows, writeSort } from '../series/table-sort';
import type { WardColumn } from '../series/ward-rows';
import { toWardRow, WARD_COLUMN_KIND, WARD_COLUMNS } from '../series/ward-rows';

const DEFAULT_WARD_SORT: SortState<WardColumn> = { column: 'name', direction: 'ascending' };

/** `/wards`: every ward's reach among its adults; the sort lives in the query string. */
export function WardsPage() {
  const wards = useWards();
  const [params, setParams] = useSearchParams();
  const sort = readSortOf(params, WARD_COLUMNS, DEFAULT_WARD_SORT);
  const items = wards.data?.items;
  const allRows = useMemo(() => (items ?? []).map(toWardRow), [items]);
  const rows = sortRows(allRows, sort);
  const onSort = (column: WardColumn) =>
    setParams(writeSort(params, nextSortOf(sort, column, WARD_COLUMN_KIND)));

  return (
    <>
      <title>Wards — wardreach</title>
      <h1>Wards</h1>
      <FreshnessBar updatedAt={wards.data?.updatedAt ?? null} />
      <p className="hint">
        Penetration is the share of a ward&rsquo;s adults who follow at least one of its councillors: distinct
        ward followers ÷ adults. Followers are placed in a ward from public profile signals and counted, never
        named.
      </p>
      {wards.isPending ? <Loading what="wards" /> : null}
      {wards.isError ? (
        <QueryError error={wards.error} what="wards" onRetry={() => void wards.refetch()} />
      ) : null}
      {wards.data ? (
        rows.length === 0 ? (
          <p className="empty-note">No ward has been imported yet.</p>
        ) : (
          <WardTable rows={rows} sort={sort} onSort={onSort} />
        )
      ) : null}
    </>
  );
}
