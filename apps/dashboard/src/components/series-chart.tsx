import './chart-registration';
import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { useId, useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { ChartSeries } from '../series/chart-series';
import { usePrefersReducedMotion } from '../time/use-prefers-reduced-motion';
import { BAR_COLOUR, GRID_COLOUR, SERIES_STYLES, TEXT_COLOUR } from './chart-palette';
import { TableScroll } from './table-scroll';

type MixedType = 'bar' | 'line';

export interface SeriesChartProps {
  title: string;
  /** What a screen reader hears for the picture: the range and the change, in one sentence. */
  summary: string;
  series: ChartSeries;
  leftAxisTitle: string;
  rightAxisTitle?: string;
  /** Heading of the table's first column, which holds the chart's labels; dates unless told. */
  labelHeading?: string;
}

/**
 * The dashboard's one chart: a chart.js canvas (role="img" with a summary) and, beside it, the
 * same numbers as a real table under "Show as table", so no figure exists only as a picture.
 */
export function SeriesChart({
  title,
  summary,
  series,
  leftAxisTitle,
  rightAxisTitle,
  labelHeading = 'Date',
}: SeriesChartProps) {
  const titleId = useId();
  const reducedMotion = usePrefersReducedMotion();
  const data = useMemo(() => toChartData(series), [series]);
  const options = useMemo(
    () =>
      chartOptions({
        reducedMotion,
        leftAxisTitle,
        rightAxisTitle,
        hasRightAxis: series.datasets.some((d) => d.axis === 'right'),
        // Bars must start at zero to be read honestly; a lone line may zoom to its range.
        leftFromZero: series.datasets.some((d) => d.axis === 'left' && d.kind === 'bar'),
      }),
    [reducedMotion, leftAxisTitle, rightAxisTitle, series],
  );

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      {series.labels.length === 0 ? (
        <p className="empty-note">No history has been collected yet.</p>
      ) : (
        <>
          <div className="chart__canvas">
            <Chart type="bar" data={data} options={options} role="img" aria-label={summary}>
              <p>{summary}</p>
            </Chart>
          </div>
          <details className="chart__table">
            <summary>Show as table</summary>
            <TableScroll label={`${title}, as a table`}>
              <table className="data-table">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{labelHeading}</th>
                    {series.datasets.map((d) => (
                      <th scope="col" key={d.label} className="numeric">
                        {d.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {series.tableLabels.map((label, row) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      {series.datasets.map((d) => (
                        <td key={d.label} className="numeric">
                          {d.display[row]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
    </figure>
  );
}

function toChartData(series: ChartSeries): ChartData<MixedType, (number | null)[], string> {
  const datasets = series.datasets.map((d, index): ChartDataset<MixedType, (number | null)[]> => {
    const yAxisID = d.axis === 'right' ? 'right' : 'left';
    if (d.kind === 'bar') {
      return { type: 'bar', label: d.label, data: d.values, yAxisID, backgroundColor: BAR_COLOUR, order: 2 };
    }
    // Styled by position, so a line beside bars gets the contrasting orange dashes.
    const style = SERIES_STYLES[index % SERIES_STYLES.length];
    return {
      type: 'line',
      label: d.label,
      data: d.values,
      yAxisID,
      borderColor: style.colour,
      backgroundColor: style.colour,
      borderDash: style.dash,
      pointStyle: style.point,
      pointRadius: series.labels.length > 45 ? 0 : 3,
      borderWidth: 2,
      tension: 0,
      order: 1,
    };
  });
  return { labels: series.labels, datasets };
}

interface OptionsInput {
  reducedMotion: boolean;
  leftAxisTitle: string;
  rightAxisTitle?: string;
  hasRightAxis: boolean;
  leftFromZero: boolean;
}

function chartOptions({
  reducedMotion,
  leftAxisTitle,
  rightAxisTitle,
  hasRightAxis,
  leftFromZero,
}: OptionsInput): ChartOptions<MixedType> {
  const axisTitle = (text: string) => ({ display: true, text, color: TEXT_COLOUR });
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 400 },
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: {
        position: 'bottom',
        // Legend in the table's column order, not chart.js's drawing order.
        labels: {
          color: TEXT_COLOUR,
          usePointStyle: true,
          sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
        },
      },
      tooltip: { enabled: true },
    },
    scales: {
      x: { ticks: { color: TEXT_COLOUR, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
      left: {
        type: 'linear',
        position: 'left',
        beginAtZero: leftFromZero,
        title: axisTitle(leftAxisTitle),
        ticks: { color: TEXT_COLOUR, precision: 0 },
        grid: { color: GRID_COLOUR },
      },
      ...(hasRightAxis
        ? {
            right: {
              type: 'linear' as const,
              position: 'right' as const,
              beginAtZero: true,
              title: axisTitle(rightAxisTitle ?? ''),
              ticks: { color: TEXT_COLOUR, precision: 0 },
              grid: { drawOnChartArea: false },
            },
          }
        : {}),
    },
  };
}
