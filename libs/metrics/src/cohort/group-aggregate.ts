import { mean, median } from '../council/quantile';
import type { GroupAggregate } from './cohort-facts';

/** The group's value: median or arithmetic mean of its members' values; null for an empty group. */
export function groupAggregate(values: readonly number[], aggregate: GroupAggregate): number | null {
  switch (aggregate) {
    case 'median':
      return median(values);
    case 'mean':
      return mean(values);
  }
}
