import { useQuery } from '@tanstack/react-query';
import type { CouncilOverview } from '@wardreach/contracts';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/council/overview`. */
export function useOverview() {
  return useQuery({
    queryKey: queryKeys.overview,
    queryFn: ({ signal }) => fetchJson<CouncilOverview>('/api/council/overview', signal),
  });
}
