import type { CollectionStatusResponse } from '@wardreach/contracts';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCollectionStatus } from '../api/use-collection-status';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import { TableScroll } from '../components/table-scroll';
import { collectionRows } from '../series/collection-rows';
import { formatCount, formatDateTime } from '../series/format';

const USD = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'USD' });

/**
 * `/admin/collection`: for the council admin, every account's collection (when it was last collected,
 * what its newest run did, when it is next due, when its followers are next swept), the queues, and X
 * spending. Accounts needing attention come first; `?attention=1` shows only those.
 */
export function CollectionPage() {
  const status = useCollectionStatus();
  const [params, setParams] = useSearchParams();
  const attentionOnly = params.get('attention') === '1';
  const accounts = status.data?.accounts;
  const allRows = useMemo(() => collectionRows(accounts ?? []), [accounts]);
  const rows = attentionOnly ? allRows.filter((row) => row.needsAttention) : allRows;
  const needing = allRows.filter((row) => row.needsAttention).length;
  const newest = accounts
    ?.map((account) => account.lastCollectedAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);

  return (
    <>
      <title>Collection — wardreach</title>
      <h1>Collection</h1>
      <FreshnessBar updatedAt={newest ?? null} />
      {status.isPending ? <Loading what="the collection status" /> : null}
      {status.isError ? (
        <QueryError error={status.error} what="the collection status" onRetry={() => void status.refetch()} />
      ) : null}
      {status.data ? (
        <>
          <Spending x={status.data.x} />
          <section aria-labelledby="collection-accounts-heading">
            <h2 id="collection-accounts-heading">Accounts</h2>
            <p>
              {formatCount(allRows.length)} accounts; {formatCount(needing)} need attention (flagged, or their
              newest run failed). An account flagged gone, unauthorised or failing goes back in the plan once
              its cause is mended (<code>wardreach collection resume</code>, or setting the platform&rsquo;s
              credentials).
            </p>
            <form className="filters" aria-label="Filter the accounts" onSubmit={(e) => e.preventDefault()}>
              <div className="field field--checkbox">
                <input
                  id="collection-attention"
                  type="checkbox"
                  checked={attentionOnly}
                  onChange={(e) => {
                    const next = new URLSearchParams(params);
                    if (e.target.checked) next.set('attention', '1');
                    else next.delete('attention');
                    setParams(next, { replace: true });
                  }}
                />
                <label htmlFor="collection-attention">Only accounts needing attention</label>
              </div>
            </form>
            <p className="result-count" role="status">
              Showing {formatCount(rows.length)} of {formatCount(allRows.length)} accounts
            </p>
            {rows.length === 0 ? (
              <p className="empty-note">
                {allRows.length === 0 ? 'No account has been added yet.' : 'No account needs attention.'}
              </p>
            ) : (
              <TableScroll label="Accounts and their collection">
                <table className="data-table">
                  <caption>Every account&rsquo;s collection, those needing attention first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Councillor</th>
                      <th scope="col">Status</th>
                      <th scope="col">Last collected</th>
                      <th scope="col">Newest run</th>
                      <th scope="col">Next due</th>
                      <th scope="col">Next follower sweep</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.id}>
                        <th scope="row">
                          {row.platform} <span className="break-anywhere">{row.handle}</span>
                        </th>
                        <td>
                          <Link to={`/councillors/${row.councillorId}`}>{row.councillor}</Link>
                        </td>
                        <td>
                          <span className={`tag tag--${row.status}`}>{row.statusLabel}</span>
                          {row.statusReason === null ? null : (
                            <span className="account-card__reason break-anywhere">{row.statusReason}</span>
                          )}
                        </td>
                        <td>{row.lastCollected}</td>
                        <td>
                          {row.lastRun}
                          {row.lastRunDetail === null ? null : (
                            <span className="account-card__reason break-anywhere">{row.lastRunDetail}</span>
                          )}
                        </td>
                        <td>{row.nextDue}</td>
                        <td>{row.nextFollowerSweep}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <Queues queues={status.data.queues} />
        </>
      ) : null}
    </>
  );
}

function Spending({ x }: { x: CollectionStatusResponse['x'] }) {
  return (
    <section aria-labelledby="collection-x-heading">
      <h2 id="collection-x-heading">X spending</h2>
      <p>
        {USD.format(x.spentThisMonthUsd)} spent of {USD.format(x.monthlyBudgetUsd)} this month (the budget
        renews {formatDateTime(x.renewsAt)}); a full sweep of every X account is estimated at{' '}
        {USD.format(x.estimatedSweepUsd)}. Collection stops before the budget is exceeded.
      </p>
    </section>
  );
}

function Queues({ queues }: { queues: CollectionStatusResponse['queues'] }) {
  const names = Object.keys(queues).sort();
  const states = [...new Set(names.flatMap((name) => Object.keys(queues[name] ?? {})))].sort();
  return (
    <section aria-labelledby="collection-queues-heading">
      <h2 id="collection-queues-heading">Queues</h2>
      <TableScroll label="Queues">
        <table className="data-table">
          <caption>Jobs in each queue, by state</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              {states.map((state) => (
                <th scope="col" className="numeric" key={state}>
                  {state}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {states.map((state) => (
                  <td className="numeric" key={state}>
                    {formatCount(queues[name]?.[state] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
