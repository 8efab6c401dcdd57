import type { CouncillorFootprint } from '@wardreach/contracts';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { useCouncillorIndex } from '../api/use-councillor-index';
import { useFootprint } from '../api/use-footprint';
import { useOverview } from '../api/use-overview';
import { backLinkOf } from '../navigation/back-link';
import { AccountCardView } from '../components/account-card-view';
import { FootprintIndexBreakdown } from '../components/footprint-index-breakdown';
import { FreshnessBar } from '../components/freshness-bar';
import { HeadlineTileList } from '../components/headline-tile-list';
import { LocalSplitTable } from '../components/local-split-table';
import { Loading, QueryError } from '../components/query-state';
import { SeriesChart } from '../components/series-chart';
import { SuggestionsTable } from '../components/suggestions-table';
import { WaitingTable } from '../components/waiting-table';
import { activitySeries, activitySummary } from '../series/activity-series';
import { followerTrendSeries, followerTrendSummary } from '../series/follower-trend';
import type { CouncilMedians } from '../series/headline-tiles';
import { councilMedians, headlineTiles } from '../series/headline-tiles';

/** `/councillors/:id`: one councillor's footprint, compared with the council median. */
export function CouncillorFootprintPage() {
  const { id = '' } = useParams();
  const back = backLinkOf(useLocation().state) ?? { to: '/', label: 'All councillors' };
  const footprint = useFootprint(id);
  const overview = useOverview();
  const medians = useMemo(() => (overview.data ? councilMedians(overview.data) : null), [overview.data]);

  return (
    <>
      <p className="back-link">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      {footprint.isPending ? (
        <>
          <title>My footprint — wardreach</title>
          <h1>My footprint</h1>
          <Loading what="the footprint" />
        </>
      ) : null}
      {footprint.isError ? (
        <>
          <title>My footprint — wardreach</title>
          <h1>My footprint</h1>
          <QueryError error={footprint.error} what="councillor" onRetry={() => void footprint.refetch()} />
        </>
      ) : null}
      {footprint.data ? <Footprint footprint={footprint.data} medians={medians} /> : null}
    </>
  );
}

const NO_MEDIANS: CouncilMedians = {
  followers: null,
  net7d: null,
  net30d: null,
  posts30d: null,
  engagementRate: null,
  replyShare: null,
  localShare: null,
};

function Footprint({
  footprint,
  medians,
}: {
  footprint: CouncillorFootprint;
  medians: CouncilMedians | null;
}) {
  const { councillor, figures, accounts, series } = footprint;
  const tiles = headlineTiles(figures, medians ?? NO_MEDIANS);
  const followers = useMemo(() => followerTrendSeries(series), [series]);
  const activity = useMemo(() => activitySeries(series), [series]);

  return (
    <>
      <title>{`${councillor.name} — My footprint — wardreach`}</title>
      <h1>
        {councillor.name}
        <span className="subtitle">
          {councillor.ward.name} ward{councillor.party ? ` · ${councillor.party}` : ''}
        </span>
      </h1>
      <FreshnessBar updatedAt={footprint.updatedAt} />

      {accounts.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-heading">
          <h2 id="empty-heading">No social-media accounts yet</h2>
          <p>
            wardreach has no public account recorded for {councillor.name}, so there are no figures to show.
            Once the council&rsquo;s digital team adds an account (a blog, Bluesky, Mastodon, Facebook, X or
            YouTube), its figures appear here after its first collection.
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="headline-heading">
            <h2 id="headline-heading">Headline figures</h2>
            <p className="hint">
              Each figure is shown beside the council median, taken over the councillors with at least one
              account, which names no councillor.
            </p>
            <HeadlineTileList tiles={tiles} />
            <LocalSplitTable figures={figures} />
          </section>

          <section aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Waiting for a reply</h2>
            <p className="hint">
              Replies and mentions from others in the last 30 days that none of your accounts has answered.
              Their authors are not named here: open the post to read and answer it.
            </p>
            <WaitingTable
              waiting={footprint.waiting}
              collected={accounts.some((account) => account.lastCollectedAt !== null)}
            />
          </section>

          <FootprintIndexSection councillorId={councillor.id} />

          <section aria-labelledby="suggested-heading">
            <h2 id="suggested-heading">Suggested local connections</h2>
            <p className="hint">
              Civic organisations registered for {councillor.ward.name} ward or the whole council that none of
              your accounts follows or has been replied to or mentioned by yet, those already connected with
              the most other councillors first.
            </p>
            {footprint.suggestedConnections === null ? (
              <p className="empty-note">Suggestions appear after the first daily computation of figures.</p>
            ) : footprint.suggestedConnections.length === 0 ? (
              <p className="empty-note">
                No suggestions: you are connected with every registered civic organisation of your ward and
                the council, or none is registered yet.
              </p>
            ) : (
              <SuggestionsTable
                suggestions={footprint.suggestedConnections}
                caption="Civic organisations to connect with, most connected first"
              />
            )}
          </section>

          <section aria-labelledby="trends-heading">
            <h2 id="trends-heading">Trends</h2>
            <div className="charts">
              <SeriesChart
                title="Followers over time"
                summary={followerTrendSummary(series)}
                series={followers}
                leftAxisTitle="Followers"
              />
              <SeriesChart
                title="Posts and engagement over time"
                summary={activitySummary(series)}
                series={activity}
                leftAxisTitle="Posts that day"
                rightAxisTitle="Engagement, 30 days"
              />
            </div>
          </section>

          <section aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">Accounts</h2>
            <ul className="account-list">
              {accounts.map((account) => (
                <li key={account.id}>
                  <AccountCardView account={account} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

/** The footprint index with its workings; before the first daily computation the API has none (404). */
function FootprintIndexSection({ councillorId }: { councillorId: string }) {
  const index = useCouncillorIndex(councillorId);
  const notYet = index.error instanceof ApiError && index.error.status === 404;
  return (
    <section aria-labelledby="index-heading">
      <h2 id="index-heading">Footprint index</h2>
      {index.isPending ? <Loading what="the footprint index" /> : null}
      {notYet ? (
        <p className="empty-note">
          The footprint index appears after the first daily computation of figures.
        </p>
      ) : null}
      {index.isError && !notYet ? (
        <QueryError error={index.error} what="the footprint index" onRetry={() => void index.refetch()} />
      ) : null}
      {index.data ? <FootprintIndexBreakdown index={index.data} /> : null}
    </section>
  );
}
