import { useQuery } from '@tanstack/react-query';
import type { CohortAggregate, CohortOutcomesResponse } from '@wardreach/contracts';
import { retryUnlessRefused } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/**
 * `GET /api/cohorts/:id/outcomes?aggregate=`; waits until a cohort is chosen (`cohortId` null),
 * and does not retry a 4xx (no such cohort, a malformed id).
 */
export function useCohortOutcomes(cohortId: string | null, aggregate: CohortAggregate) {
  return useQuery({
    queryKey: queryKeys.cohortOutcomes(cohortId ?? '', aggregate),
    queryFn: ({ signal }) =>
      fetchJson<CohortOutcomesResponse>(
        `/api/cohorts/${encodeURIComponent(cohortId ?? '')}/outcomes?aggregate=${aggregate}`,
        signal,
      ),
    enabled: cohortId !== null,
    retry: retryUnlessRefused,
  });
}
