import type { CohortAggregate, FigureOutcomeView } from '@wardreach/contracts';
import type { ChartSeries } from './chart-series';
import { FIGURE_KIND, formatFigureValue } from './figure-format';
import { formatDay, formatShortDay } from './format';

const AGGREGATE_LABEL: Record<CohortAggregate, string> = { median: 'median', mean: 'mean' };

/** Shares are drawn as percentages, so the axis reads 0–100 rather than 0–1. */
function toChartValue(outcome: FigureOutcomeView, value: number | null): number | null {
  return value !== null && FIGURE_KIND[outcome.figure] === 'share' ? value * 100 : value;
}

/** The chart's axis title: the figure, with "%" for shares drawn as percentages. */
export function cohortAxisTitle(outcome: FigureOutcomeView): string {
  return FIGURE_KIND[outcome.figure] === 'share' ? `${outcome.label} (%)` : outcome.label;
}

/** The weekly figure of the cohort (solid line) and of the comparison group (dashed line). */
export function cohortWeeklySeries(outcome: FigureOutcomeView, aggregate: CohortAggregate): ChartSeries {
  const points = [...outcome.weekly].sort((a, b) => a.date.localeCompare(b.date));
  const agg = AGGREGATE_LABEL[aggregate];
  return {
    labels: points.map((p) => formatShortDay(p.date)),
    tableLabels: points.map((p) => `Week of ${formatDay(p.date)}`),
    datasets: [
      {
        label: `Cohort, ${agg}`,
        kind: 'line',
        axis: 'left',
        values: points.map((p) => toChartValue(outcome, p.cohort)),
        display: points.map((p) => formatFigureValue(outcome.figure, p.cohort)),
      },
      {
        label: `Comparison group, ${agg}`,
        kind: 'line',
        axis: 'left',
        values: points.map((p) => toChartValue(outcome, p.comparison)),
        display: points.map((p) => formatFigureValue(outcome.figure, p.comparison)),
      },
    ],
  };
}

/** The sentence a screen reader hears for the chart: both groups' first and last week. */
export function cohortWeeklySummary(outcome: FigureOutcomeView, aggregate: CohortAggregate): string {
  const points = [...outcome.weekly].sort((a, b) => a.date.localeCompare(b.date));
  const first = points.at(0);
  const last = points.at(-1);
  const what = `${outcome.label}, weekly ${AGGREGATE_LABEL[aggregate]}`;
  if (first === undefined || last === undefined) return `${what}: no weeks recorded yet.`;
  const v = (value: number | null) => formatFigureValue(outcome.figure, value);
  return (
    `${what} from ${formatDay(first.date)} to ${formatDay(last.date)}: ` +
    `cohort ${v(first.cohort)} to ${v(last.cohort)}, comparison group ${v(first.comparison)} to ${v(last.comparison)}.`
  );
}
