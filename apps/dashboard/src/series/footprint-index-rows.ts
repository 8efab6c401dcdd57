import type { FootprintComponentKey, FootprintIndexView } from '@wardreach/contracts';
import type { ChartSeries } from './chart-series';
import { formatIndex, formatPercent } from './format';

export interface IndexComponentRow {
  key: FootprintComponentKey;
  label: string;
  /** cᵢ as a percentage of its target ("60.0%"). */
  score: string;
  /** wᵢ as a percentage ("30%"). */
  weight: string;
  /** 100 × wᵢ × cᵢ, the points it adds ("18.0"). */
  points: string;
  /** 100 × wᵢ, the most it can add ("30.0"). */
  maxPoints: string;
  explanation: string;
}

export interface IndexBreakdown {
  rows: IndexComponentRow[];
  /** The index, 100 × Σ wᵢcᵢ ("51.0"). */
  index: string;
  /** Σ wᵢ, as the weights' total ("100%"), shown so a reader can check they add up. */
  totalWeight: string;
}

/**
 * Each component's points in tenths, rounded so that they add up to the index as shown (largest
 * remainder: each is rounded down, and the tenths still missing go to the largest remainders). Rounded
 * one by one, five components could show 37.9 beside an index of 37.8.
 */
export function shownPoints(view: FootprintIndexView): number[] {
  const tenths = view.components.map((c) => c.contribution * 10);
  const shown = tenths.map((t) => Math.floor(t + 1e-9));
  let missing = Math.round(view.index * 10) - shown.reduce((sum, t) => sum + t, 0);
  const byRemainder = tenths
    .map((t, i) => ({ i, remainder: t - shown[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    shown[i] += 1;
    missing -= 1;
  }
  return shown.map((t) => t / 10);
}

/** The footprint index taken apart: each component's score, weight and the points it adds. */
export function indexBreakdown(view: FootprintIndexView): IndexBreakdown {
  const points = shownPoints(view);
  return {
    rows: view.components.map((c, i) => ({
      key: c.key,
      label: c.label,
      score: formatPercent(c.value),
      weight: formatPercent(c.weight, 0),
      points: formatIndex(points[i]),
      maxPoints: formatIndex(100 * c.weight),
      explanation: c.explanation,
    })),
    index: formatIndex(view.index),
    totalWeight: formatPercent(
      view.components.reduce((sum, c) => sum + c.weight, 0),
      0,
    ),
  };
}

/** One bar per component: the points it adds to the index (they sum to the index). */
export function indexContributionSeries(view: FootprintIndexView): ChartSeries {
  const labels = view.components.map((c) => c.label);
  return {
    labels,
    tableLabels: labels,
    datasets: [
      {
        label: 'Points added',
        kind: 'bar',
        axis: 'left',
        values: view.components.map((c) => c.contribution),
        display: shownPoints(view).map(formatIndex),
      },
    ],
  };
}

/** The sentence a screen reader hears for the chart: the index and what adds most and least. */
export function indexContributionSummary(view: FootprintIndexView): string {
  const points = shownPoints(view);
  const sorted = view.components
    .map((c, i) => ({ label: c.label, contribution: c.contribution, shown: points[i] }))
    .sort((a, b) => b.contribution - a.contribution);
  const most = sorted.at(0);
  const least = sorted.at(-1);
  if (most === undefined || least === undefined) return `Footprint index ${formatIndex(view.index)} of 100.`;
  return (
    `Footprint index ${formatIndex(view.index)} of 100: ${most.label.toLowerCase()} adds most ` +
    `(${formatIndex(most.shown)} points), ${least.label.toLowerCase()} least (${formatIndex(least.shown)}).`
  );
}
