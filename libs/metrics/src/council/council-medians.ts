import { median } from './quantile';

/**
 * Council medians for the anonymised comparison ("how you compare with the council median"): for
 * each figure, the median over councillors of their value, leaving out councillors for whom the
 * figure is null (undefined for them, e.g. local share with no follower placed). Null when nobody
 * has a value. Only the median is shown, never another councillor's figure.
 */
export function councilMedians<K extends string>(
  rows: ReadonlyArray<Readonly<Record<K, number | null>>>,
  keys: readonly K[],
): Record<K, number | null> {
  const result = {} as Record<K, number | null>;
  for (const key of keys) {
    const values = rows.map((row) => row[key]).filter((value): value is number => value !== null);
    result[key] = median(values);
  }
  return result;
}
