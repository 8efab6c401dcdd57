import { useQuery } from '@tanstack/react-query';
import type { CouncillorFootprint } from '@wardreach/contracts';
import { ApiError } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/councillors/:id/footprint`; an unknown id is a 404 that is not worth retrying. */
export function useFootprint(councillorId: string) {
  return useQuery({
    queryKey: queryKeys.footprint(councillorId),
    queryFn: ({ signal }) =>
      fetchJson<CouncillorFootprint>(
        `/api/councillors/${encodeURIComponent(councillorId)}/footprint`,
        signal,
      ),
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 3,
  });
}
