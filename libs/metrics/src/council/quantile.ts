/**
 * The p-quantile of a sample by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R, NumPy and Excel's QUARTILE.INC): with the values sorted ascending as
 * x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p, q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). Null for an empty sample.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1 || Number.isNaN(p)) throw new RangeError(`Quantile must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileOfSorted(sorted, p);
}

/** `quantile` for a sample already sorted ascending (no copy, no sort). */
export function quantileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** Median = the 0.5-quantile: the middle value, or the mean of the two middle values. Null when empty. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Arithmetic mean Σx / n; null when empty. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
