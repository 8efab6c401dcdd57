import { mean, quantileOfSorted } from './quantile';

export interface HistogramBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge, excluded, except for the last bin, which includes it. */
  to: number;
  count: number;
}

export interface Distribution {
  count: number;
  min: number | null;
  /** Quartiles by `quantile` (type 7). */
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  histogram: HistogramBin[];
}

/**
 * Distribution of a figure across councillors: count, min, quartiles, median, max, mean, and a
 * histogram over the given bin edges e₀ < e₁ < … < e_k: bin i counts values with eᵢ ≤ x < eᵢ₊₁,
 * the last bin also counting x = e_k. Values outside [e₀, e_k] fall in no bin.
 */
export function distribution(values: readonly number[], binEdges: readonly number[]): Distribution {
  for (let i = 1; i < binEdges.length; i += 1) {
    if (!(binEdges[i] > binEdges[i - 1])) throw new RangeError('Bin edges must increase strictly');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const histogram: HistogramBin[] = [];
  for (let i = 0; i + 1 < binEdges.length; i += 1) {
    const from = binEdges[i];
    const to = binEdges[i + 1];
    const last = i + 2 === binEdges.length;
    histogram.push({
      from,
      to,
      count: sorted.filter((x) => x >= from && (x < to || (last && x === to))).length,
    });
  }
  return {
    count: sorted.length,
    min: sorted.length > 0 ? sorted[0] : null,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : null,
    mean: mean(sorted),
    histogram,
  };
}

/** Ten bins of width 10 over the footprint index's 0–100 (the last one 90–100 inclusive). */
export const INDEX_BIN_EDGES: readonly number[] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** Distribution of the footprint index across a council's councillors, in INDEX_BIN_EDGES bins. */
export function indexDistribution(indices: readonly number[]): Distribution {
  return distribution(indices, INDEX_BIN_EDGES);
}
