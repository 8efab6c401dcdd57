import type { CohortAggregate, CohortOutcomesResponse, CohortSummary } from '@wardreach/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCohortOutcomes } from '../api/use-cohort-outcomes';
import { useCohorts } from '../api/use-cohorts';
import { PilotOutcomeTable } from '../components/pilot-outcome-table';
import { FreshnessBar } from '../components/freshness-bar';
import { Loading, QueryError } from '../components/query-state';
import { SeriesChart } from '../components/series-chart';
import { cohortAxisTitle, cohortWeeklySeries, cohortWeeklySummary } from '../series/cohort-series';
import { formatDay } from '../series/format';
import { pilotOutcomeRows } from '../series/pilot-outcome-rows';
import { csvDataHref, pilotCsvFileName, pilotOutcomesCsv } from '../series/pilot-outcomes-csv';
import type { PilotView } from '../series/pilot-params';
import { readPilotView, writePilotView } from '../series/pilot-params';

/** `/pilot`: for the commission, how a pilot cohort changed against everyone else; prints as a report. */
export function PilotPage() {
  const cohorts = useCohorts();
  const [params, setParams] = useSearchParams();
  const view = readPilotView(params);
  const items = cohorts.data?.items ?? [];
  const cohort = items.find((c) => c.id === view.cohort) ?? items.at(0) ?? null;
  const outcomes = useCohortOutcomes(cohort?.id ?? null, view.aggregate);
  const onChange = <K extends keyof PilotView>(key: K, value: PilotView[K]) =>
    setParams(writePilotView(params, key, value), { replace: true });

  return (
    <>
      <title>{cohort ? `Pilot outcomes — ${cohort.name} — wardreach` : 'Pilot outcomes — wardreach'}</title>
      <h1>
        Pilot outcomes
        {cohort ? <span className="subtitle">{cohort.name}</span> : null}
      </h1>
      {cohorts.isPending ? <Loading what="cohorts" /> : null}
      {cohorts.isError ? (
        <QueryError error={cohorts.error} what="cohorts" onRetry={() => void cohorts.refetch()} />
      ) : null}
      {cohorts.data && cohort === null ? (
        <p className="empty-note">No pilot cohort has been set up yet.</p>
      ) : null}
      {cohort ? (
        <>
          <form
            className="filters no-print"
            aria-label="Choose the cohort"
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="field">
              <label htmlFor="pilot-cohort-select">Cohort</label>
              <select
                id="pilot-cohort-select"
                value={cohort.id}
                onChange={(e) => onChange('cohort', e.target.value)}
              >
                {items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pilot-aggregate">Compare groups by</label>
              <select
                id="pilot-aggregate"
                value={view.aggregate}
                onChange={(e) => onChange('aggregate', e.target.value === 'mean' ? 'mean' : 'median')}
              >
                <option value="median">Median</option>
                <option value="mean">Mean</option>
              </select>
            </div>
          </form>
          <CohortFacts cohort={cohort} until={outcomes.data?.until ?? null} />
          {outcomes.isPending ? <Loading what="the outcomes" /> : null}
          {outcomes.isError ? (
            <QueryError error={outcomes.error} what="the outcomes" onRetry={() => void outcomes.refetch()} />
          ) : null}
          {outcomes.data ? (
            <Outcomes
              outcomes={outcomes.data}
              figure={view.figure}
              onFigure={(figure) => onChange('figure', figure)}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function CohortFacts({ cohort, until }: { cohort: CohortSummary; until: string | null }) {
  return (
    <section aria-labelledby="pilot-cohort-heading">
      <h2 id="pilot-cohort-heading">The cohort</h2>
      <dl className="facts">
        <div>
          <dt>Council</dt>
          <dd>{cohort.council.name}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDay(cohort.startsOn)}</dd>
        </div>
        <div>
          <dt>Ends</dt>
          <dd>{cohort.endsOn === null ? 'Not set' : formatDay(cohort.endsOn)}</dd>
        </div>
        {until ? (
          <div>
            <dt>&ldquo;Now&rdquo; is</dt>
            <dd>{formatDay(until)}</dd>
          </div>
        ) : null}
        <div className="facts__wide">
          <dt>Members</dt>
          <dd>
            {cohort.members.length}: {cohort.members.map((m) => m.name).join(', ')}
          </dd>
        </div>
      </dl>
      <p className="hint">
        The comparison group is every other councillor of the council. Baseline is the start of the pilot; the
        difference in differences is the cohort&rsquo;s change minus the comparison group&rsquo;s change.
      </p>
    </section>
  );
}

function Outcomes({
  outcomes,
  figure,
  onFigure,
}: {
  outcomes: CohortOutcomesResponse;
  figure: PilotView['figure'];
  onFigure: (figure: PilotView['figure']) => void;
}) {
  const rows = useMemo(() => pilotOutcomeRows(outcomes.figures), [outcomes.figures]);
  const csvHref = useMemo(() => csvDataHref(pilotOutcomesCsv(rows)), [rows]);
  const charted = outcomes.figures.find((f) => f.figure === figure) ?? outcomes.figures.at(0);
  const aggregate: CohortAggregate = outcomes.aggregate;
  const series = useMemo(
    () => (charted ? cohortWeeklySeries(charted, aggregate) : null),
    [charted, aggregate],
  );

  return (
    <>
      <FreshnessBar updatedAt={outcomes.updatedAt} />
      <section aria-labelledby="pilot-outcomes-heading">
        <h2 id="pilot-outcomes-heading">Outcomes</h2>
        {outcomes.until <= outcomes.cohort.startsOn ? (
          <p className="hint">
            The pilot starts on {formatDay(outcomes.cohort.startsOn)}, and &ldquo;now&rdquo; is{' '}
            {formatDay(outcomes.until)}: the cohort has had no time to change yet, so every change and
            difference is 0 or not known. They show the pilot&rsquo;s effect as its weeks pass.
          </p>
        ) : null}
        <p className="actions no-print">
          <a
            className="button button--secondary"
            href={csvHref}
            download={pilotCsvFileName(outcomes.cohort.name, aggregate)}
          >
            Download CSV<span className="visually-hidden"> of the outcomes table</span>
          </a>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print report
          </button>
        </p>
        {rows.length === 0 ? (
          <p className="empty-note">No figures have been computed for this cohort yet.</p>
        ) : (
          <PilotOutcomeTable rows={rows} aggregate={aggregate} />
        )}
      </section>

      {charted && series ? (
        <section aria-labelledby="pilot-weekly-heading">
          <h2 id="pilot-weekly-heading">Week by week</h2>
          <form
            className="filters no-print"
            aria-label="Choose the figure"
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="field">
              <label htmlFor="pilot-figure-select">Figure charted</label>
              <select
                id="pilot-figure-select"
                value={charted.figure}
                onChange={(e) => {
                  const next = outcomes.figures.find((f) => f.figure === e.target.value);
                  if (next) onFigure(next.figure);
                }}
              >
                {outcomes.figures.map((f) => (
                  <option key={f.figure} value={f.figure}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <SeriesChart
            title={`${charted.label}: cohort and comparison group, weekly`}
            summary={cohortWeeklySummary(charted, aggregate)}
            series={series}
            leftAxisTitle={cohortAxisTitle(charted)}
            labelHeading="Week"
          />
        </section>
      ) : null}
    </>
  );
}
