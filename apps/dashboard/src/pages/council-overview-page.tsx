import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCouncillors } from '../api/use-councillors';
import { useOverview } from '../api/use-overview';
import { CouncilTotals } from '../components/council-totals';
import { CouncillorFilters } from '../components/councillor-filters';
import { CouncillorTable } from '../components/councillor-table';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import type { CouncillorColumn } from '../series/councillor-rows';
import { toCouncillorRow } from '../series/councillor-rows';
import type { TableFilter } from '../series/table-filter';
import { filterOptions, filterRows, readFilter, writeFilter } from '../series/table-filter';
import { nextSort, readSort, sortRows, writeSort } from '../series/table-sort';

/** `/`: the whole council at a glance; sort and filters live in the query string. */
export function CouncilOverviewPage() {
  const overview = useOverview();
  const councillors = useCouncillors();
  const [params, setParams] = useSearchParams();
  const sort = readSort(params);
  const filter = readFilter(params);

  const items = councillors.data?.items;
  const allRows = useMemo(() => (items ?? []).map(toCouncillorRow), [items]);
  const options = useMemo(() => filterOptions(items ?? []), [items]);
  const rows = sortRows(filterRows(allRows, filter), sort);

  const onSort = (column: CouncillorColumn) => setParams(writeSort(params, nextSort(sort, column)));
  // Typing replaces the history entry instead of adding one per keystroke.
  // From the query string as it stands when the navigation runs, not as this render read it: two
  // changes before the next render would otherwise undo the first.
  const onFilter = <K extends keyof TableFilter>(key: K, value: TableFilter[K]) =>
    setParams((current) => writeFilter(current, key, value), { replace: key === 'text' });

  const councilName = overview.data?.council.name;
  return (
    <>
      <title>
        {councilName ? `Council overview — ${councilName} — wardreach` : 'Council overview — wardreach'}
      </title>
      <h1>Council overview{councilName ? <span className="subtitle">{councilName}</span> : null}</h1>
      <FreshnessBar updatedAt={councillors.data?.updatedAt ?? overview.data?.updatedAt ?? null} />

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Council totals</h2>
        {overview.isPending ? <Loading what="council totals" /> : null}
        {overview.isError ? (
          <QueryError error={overview.error} what="council totals" onRetry={() => void overview.refetch()} />
        ) : null}
        {overview.data ? <CouncilTotals overview={overview.data} /> : null}
      </section>

      <section aria-labelledby="councillors-heading">
        <h2 id="councillors-heading">Councillors</h2>
        {councillors.isPending ? <Loading what="councillors" /> : null}
        {councillors.isError ? (
          <QueryError
            error={councillors.error}
            what="councillors"
            onRetry={() => void councillors.refetch()}
          />
        ) : null}
        {councillors.data ? (
          <>
            <CouncillorFilters filter={filter} options={options} onChange={onFilter} />
            <p className="result-count" role="status">
              Showing {rows.length} of {allRows.length} councillors
            </p>
            {rows.length === 0 ? (
              <p className="empty-note">No councillor matches these filters.</p>
            ) : (
              <CouncillorTable rows={rows} sort={sort} onSort={onSort} />
            )}
          </>
        ) : null}
      </section>
    </>
  );
}
