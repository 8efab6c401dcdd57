import { useQuery } from '@tanstack/react-query';
import type { CouncillorIndexResponse } from '@wardreach/contracts';
import { ApiError } from './api-error';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** `GET /api/councillors/:id/index`; a 404 (unknown id, or no figures yet) is not worth retrying. */
export function useCouncillorIndex(councillorId: string) {
  return useQuery({
    queryKey: queryKeys.councillorIndex(councillorId),
    queryFn: ({ signal }) =>
      fetchJson<CouncillorIndexResponse>(
        `/api/councillors/${encodeURIComponent(councillorId)}/index`,
        signal,
      ),
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 3,
  });
}
