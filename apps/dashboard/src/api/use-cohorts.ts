import { useQuery } from '@tanstack/react-query';
import type { CohortListResponse } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/cohorts`: every pilot cohort with its dates and members. */
export function useCohorts() {
  return useQuery({
    queryKey: queryKeys.cohorts,
    queryFn: ({ signal }) => fetchJson<CohortListResponse>('/api/cohorts', signal),
  });
}
