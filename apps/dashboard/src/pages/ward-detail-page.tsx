import type { CivicNetworkSummary, WardDetail } from '@wardreach/contracts';
import { Link, useParams } from 'react-router';
import { useWard } from '../api/use-ward';
import { FigureTable } from '../components/figure-table';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import { SuggestionsTable } from '../components/suggestions-table';
import { TableScroll } from '../components/table-scroll';
import { CouncillorLinks } from '../components/ward-table';
import { formatCount, formatDay } from '../series/format';
import { bridgeRows, networkSummaryRows, wardFigureRows, wardPlatformRows } from '../series/ward-detail-rows';

/** `/wards/:code`: one ward's reach, civic network and organisations worth connecting with. */
export function WardDetailPage() {
  const { code = '' } = useParams();
  const ward = useWard(code);
  return (
    <>
      <p className="back-link">
        <Link to="/wards">← All wards</Link>
      </p>
      {ward.isPending ? (
        <>
          <title>Ward — wardreach</title>
          <h1>Ward</h1>
          <Loading what="the ward" />
        </>
      ) : null}
      {ward.isError ? (
        <>
          <title>Ward — wardreach</title>
          <h1>Ward</h1>
          <QueryError error={ward.error} what="ward" onRetry={() => void ward.refetch()} />
        </>
      ) : null}
      {ward.data ? <Ward detail={ward.data} /> : null}
    </>
  );
}

function Ward({ detail }: { detail: WardDetail }) {
  const { ward, councillors, figures, network, suggestedConnections } = detail;
  return (
    <>
      <title>{`${ward.name} — Wards — wardreach`}</title>
      <h1>
        {ward.name}
        <span className="subtitle">
          Ward {ward.code}
          {detail.day ? ` · figures of ${formatDay(detail.day)}` : ''}
        </span>
      </h1>
      <FreshnessBar updatedAt={detail.updatedAt} />

      <section aria-labelledby="ward-councillors-heading">
        <h2 id="ward-councillors-heading">Councillors</h2>
        <CouncillorLinks councillors={councillors} />
      </section>

      <section aria-labelledby="ward-reach-heading">
        <h2 id="ward-reach-heading">Reach in the ward</h2>
        {figures === null ? (
          <p className="empty-note">No figures yet: they appear after the first daily computation.</p>
        ) : (
          <div className="charts">
            <FigureTable caption="Ward reach" rows={wardFigureRows(figures)} />
            <TableScroll label="Distinct ward followers by platform">
              <table className="data-table data-table--compact">
                <caption>Distinct ward followers by platform</caption>
                <thead>
                  <tr>
                    <th scope="col">Platform</th>
                    <th scope="col" className="numeric">
                      Ward followers
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {wardPlatformRows(figures).map((row) => (
                    <tr key={row.platform}>
                      <th scope="row">{row.platform}</th>
                      <td className="numeric">{row.followers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        )}
      </section>

      <section aria-labelledby="ward-network-heading">
        <h2 id="ward-network-heading">Civic network</h2>
        <p className="hint">
          Who follows whom among the ward&rsquo;s councillors, registered civic organisations and ward
          residents. Residents are never named: they appear only as counts or as &ldquo;A resident&rdquo;.
        </p>
        {network === null ? (
          <p className="empty-note">No network yet: it appears after the first daily computation.</p>
        ) : (
          <NetworkTables network={network} />
        )}
      </section>

      <section aria-labelledby="ward-suggested-heading">
        <h2 id="ward-suggested-heading">Suggested connections</h2>
        <p className="hint">
          Registered civic organisations that none of the ward&rsquo;s councillors follows or has been replied
          to or mentioned by yet (on any platform), those already connected with the most councillors
          elsewhere in the council first.
        </p>
        {suggestedConnections.length === 0 ? (
          <p className="empty-note">
            No suggestions: the ward&rsquo;s councillors are connected with every registered civic
            organisation of the ward and the council, or none is registered yet.
          </p>
        ) : (
          <SuggestionsTable
            suggestions={suggestedConnections}
            caption="Suggested civic organisations, most connected first"
          />
        )}
      </section>
    </>
  );
}

function NetworkTables({ network }: { network: CivicNetworkSummary }) {
  const bridges = bridgeRows(network);
  return (
    <>
      <FigureTable caption="Shape of the network" rows={networkSummaryRows(network)} />

      <TableScroll label="Communities">
        <table className="data-table">
          <caption>Communities</caption>
          <thead>
            <tr>
              <th scope="col">Community</th>
              <th scope="col" className="numeric">
                Accounts
              </th>
              <th scope="col">Councillors</th>
              <th scope="col">Civic organisations</th>
              <th scope="col" className="numeric">
                Residents
              </th>
            </tr>
          </thead>
          <tbody>
            {network.communityBreakdown.map((c) => (
              <tr key={c.community}>
                <th scope="row">Community {formatCount(c.community + 1)}</th>
                <td className="numeric">{formatCount(c.size)}</td>
                <td>{c.councillors.length === 0 ? 'None' : c.councillors.join(', ')}</td>
                <td>{c.civic.length === 0 ? 'None' : c.civic.join(', ')}</td>
                <td className="numeric">{formatCount(c.residents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {bridges.length === 0 ? (
        <p className="empty-note">No account bridges two communities.</p>
      ) : (
        <TableScroll label="Bridges">
          <table className="data-table">
            <caption>Bridges: accounts on the most shortest paths between others</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">
                  Share of shortest paths
                </th>
                <th scope="col" className="numeric">
                  Community
                </th>
              </tr>
            </thead>
            <tbody>
              {bridges.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td>{b.kind}</td>
                  <td className="numeric">{b.betweenness}</td>
                  <td className="numeric">{b.community}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
