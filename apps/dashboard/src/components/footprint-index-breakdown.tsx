import type { CouncillorIndexResponse } from '@wardreach/contracts';
import { useMemo } from 'react';
import { formatDay, formatIndex } from '../series/format';
import {
  indexBreakdown,
  indexContributionSeries,
  indexContributionSummary,
} from '../series/footprint-index-rows';
import { SeriesChart } from './series-chart';
import { TableScroll } from './table-scroll';

/**
 * The footprint index taken apart, so it is never a black box: a table of every component's
 * score, weight and the points it adds, and beside it the same points as a bar chart.
 */
export function FootprintIndexBreakdown({ index }: { index: CouncillorIndexResponse }) {
  const { footprint } = index;
  const breakdown = indexBreakdown(footprint);
  const series = useMemo(() => indexContributionSeries(footprint), [footprint]);
  return (
    <>
      <p className="index-headline">
        <span className="index-headline__value">{breakdown.index}</span>
        <span className="index-headline__of"> of 100</span>
        <span className="index-headline__median">
          {index.councilMedian === null
            ? 'No council median yet.'
            : `Council median ${formatIndex(index.councilMedian)}.`}{' '}
          Figures of {formatDay(index.day)}.
        </span>
      </p>
      <p className="hint">
        Index = 100 × the sum of weight × score. Each score is between 0 and 1 (shown as a percentage of its
        target); the weights add up to 100%.
      </p>
      <div className="charts">
        <TableScroll label="Footprint index components">
          <table className="data-table">
            <caption>Footprint index, component by component</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="numeric">
                  Score
                </th>
                <th scope="col" className="numeric">
                  Weight
                </th>
                <th scope="col" className="numeric">
                  Points added
                </th>
                <th scope="col" className="numeric">
                  Out of
                </th>
              </tr>
            </thead>
            <tbody>
              {breakdown.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <strong>{row.label}</strong>
                    <span className="cell-note">{row.explanation}</span>
                  </th>
                  <td className="numeric">{row.score}</td>
                  <td className="numeric">{row.weight}</td>
                  <td className="numeric">{row.points}</td>
                  <td className="numeric">{row.maxPoints}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Footprint index</th>
                <td className="numeric" />
                <td className="numeric">{breakdown.totalWeight}</td>
                <td className="numeric">{breakdown.index}</td>
                <td className="numeric">100.0</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        <SeriesChart
          title="Points each component adds"
          summary={indexContributionSummary(footprint)}
          series={series}
          leftAxisTitle="Points"
          labelHeading="Component"
        />
      </div>
    </>
  );
}
