import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSupport } from '../api/use-support';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import { SupportFilters } from '../components/support-filters';
import { SupportTable } from '../components/support-table';
import type { SupportFilter } from '../series/support-filter';
import {
  filterSupportRows,
  readSupportFilter,
  supportCsvHref,
  writeSupportFilter,
} from '../series/support-filter';
import { SUPPORT_FLAG_LABEL } from '../series/support-flag-label';
import type { SupportColumn } from '../series/support-rows';
import { SUPPORT_COLUMN_KIND, SUPPORT_COLUMNS, toSupportRow } from '../series/support-rows';
import type { SortState } from '../series/table-sort';
import { nextSortOf, readSortOf, sortRows, writeSort } from '../series/table-sort';
import { filterOptions } from '../series/table-filter';

/** Most flags first: whoever needs help most is at the top. */
const DEFAULT_SUPPORT_SORT: SortState<SupportColumn> = { column: 'flags', direction: 'descending' };

/** `/support`: for member-support officers, who needs help with what, and why. */
export function SupportPage() {
  const support = useSupport();
  const [params, setParams] = useSearchParams();
  const sort = readSortOf(params, SUPPORT_COLUMNS, DEFAULT_SUPPORT_SORT);
  const filter = readSupportFilter(params);

  const items = support.data?.items;
  const allRows = useMemo(() => (items ?? []).map(toSupportRow), [items]);
  const options = useMemo(() => filterOptions((items ?? []).map((i) => i.councillor)), [items]);
  const rows = sortRows(filterSupportRows(allRows, filter), sort);
  const flagged = allRows.filter((r) => r.flags.length > 0).length;

  const onSort = (column: SupportColumn) =>
    setParams(writeSort(params, nextSortOf(sort, column, SUPPORT_COLUMN_KIND)));
  const onFilter = <K extends keyof SupportFilter>(key: K, value: SupportFilter[K]) =>
    setParams(writeSupportFilter(params, key, value));

  return (
    <>
      <title>Member support — wardreach</title>
      <h1>Member support</h1>
      <FreshnessBar updatedAt={support.data?.updatedAt ?? null} />
      <p className="hint">
        Every councillor with their footprint index and the support flags they raise, each with the reason in
        one sentence. A flag is a prompt to offer help, not a judgement.
      </p>
      {support.isPending ? <Loading what="the support table" /> : null}
      {support.isError ? (
        <QueryError error={support.error} what="the support table" onRetry={() => void support.refetch()} />
      ) : null}
      {support.data ? (
        <section aria-labelledby="support-heading">
          <h2 id="support-heading">Councillors and flags</h2>
          <p>
            {flagged} of {allRows.length} councillors raise at least one flag.
          </p>
          <SupportFilters filter={filter} options={options} onChange={onFilter} />
          <p className="actions">
            <a className="button button--secondary" href={supportCsvHref(filter)} download>
              Download CSV
              <span className="visually-hidden">
                {filter.flag === null && filter.ward === null && filter.party === null
                  ? ' of every councillor'
                  : ' of the councillors shown'}
                {filter.flag === null ? '' : `, flagged “${SUPPORT_FLAG_LABEL[filter.flag]}”`}
              </span>
            </a>
            <span className="hint">The councillors the filters show, with every column.</span>
          </p>
          <p className="result-count" role="status">
            Showing {rows.length} of {allRows.length} councillors
          </p>
          {rows.length === 0 ? (
            <p className="empty-note">No councillor matches these filters.</p>
          ) : (
            <SupportTable rows={rows} sort={sort} onSort={onSort} />
          )}
        </section>
      ) : null}
    </>
  );
}
